import { css } from 'lit';

/** The dark theme: only what differs from the light defaults. */
const darkTokens = css`
  --_bg: var(--sp-timeline-bg, #2b2f36);
  --_fg: var(--sp-timeline-fg, #e8eaed);
  --_axis-fg: var(--sp-axis-fg, #bdc1c6);
  --_axis-grid: var(--sp-axis-grid, #70757a);
  --_playhead: var(--sp-playhead, #4ea1ff);
  --_focus: var(--sp-focus, #ffbf47);
  --_marker: var(--sp-marker, #26c6da);
  --_marker-low: var(--sp-marker-low, #7aa7ff);
  --_marker-tag: var(--sp-marker-tag, #c39bff);
  --_button-bg: var(--sp-timeline-button-bg, #23262d);
  --_button-border: var(--sp-timeline-button-border, #5f6368);
  --_tooltip-bg: var(--sp-tooltip-bg, #f1f3f4);
  --_tooltip-fg: var(--sp-tooltip-fg, #202124);
`;

export const timelineStyles = css`
  :host {
    display: block;
    position: relative;
    user-select: none;
    -webkit-user-select: none;
    font: 12px/1.3 system-ui, sans-serif;
    /* Private tokens: each falls back from the public --sp-* custom property to the light theme. */
    --_recorded: var(--sp-recorded, #9aa0a6);
    --_missing: var(--sp-missing, #000);
    --_bg: var(--sp-timeline-bg, #f4f5f7);
    --_fg: var(--sp-timeline-fg, #202124);
    --_axis-fg: var(--sp-axis-fg, #3c4043);
    --_axis-grid: var(--sp-axis-grid, #80868b);
    --_heat: var(--sp-heat, #ff8c1a);
    --_playhead: var(--sp-playhead, #1a73e8);
    --_focus: var(--sp-focus, #b06000);
    --_marker: var(--sp-marker, #00838f);
    --_marker-low: var(--sp-marker-low, #5b8def);
    --_marker-medium: var(--sp-marker-medium, #e6a100);
    --_marker-high: var(--sp-marker-high, #f4511e);
    --_marker-critical: var(--sp-marker-critical, #d50000);
    --_marker-tag: var(--sp-marker-tag, #8e44ad);
    --_badge-fg: var(--sp-marker-badge-fg, #fff);
    --_button-bg: var(--sp-timeline-button-bg, #fff);
    --_button-border: var(--sp-timeline-button-border, #80868b);
    --_tooltip-bg: var(--sp-tooltip-bg, #202124);
    --_tooltip-fg: var(--sp-tooltip-fg, #fff);
    --_font-size: var(--sp-timeline-font-size, 11px);
    --_marker-lane: var(--sp-marker-lane, 16px);
    --_heat-height: var(--sp-heat-height, 6px);
    --_track-height: var(--sp-track-height, 20px);
    --_axis-height: var(--sp-axis-height, 18px);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  [part='toolbar'] {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 2px 0 4px;
    min-width: 0;
  }
  .visible {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  [part~='zoom-button'] {
    font: inherit;
    color: inherit;
    background: var(--_button-bg);
    border: 1px solid var(--_button-border);
    border-radius: 4px;
    min-width: 26px;
    height: 24px;
    padding: 0 6px;
    cursor: pointer;
  }
  [part~='zoom-button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .area {
    position: relative;
    touch-action: none;
    cursor: grab;
  }
  :host([data-panning]) .area {
    cursor: grabbing;
  }
  canvas[part='canvas'] {
    display: block;
    width: 100%;
    /* Fixed by CSS, not by painting, so a resize never feeds back into the ResizeObserver. */
    height: calc(var(--_marker-lane) + var(--_heat-height) + var(--_track-height) + var(--_axis-height));
  }
  .handle {
    position: absolute;
    top: 0;
    bottom: 0;
    left: 0;
    width: 0;
    will-change: transform;
  }
  .handle:focus {
    outline: none;
  }
  [part='playhead'] {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 3px;
    margin-left: -1.5px;
    background: var(--_playhead);
    box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.55);
    border-radius: 1.5px;
    cursor: ew-resize;
  }
  [part='playhead']::before {
    /* A wider invisible grip, so the playhead is easy to catch. */
    content: '';
    position: absolute;
    inset: 0 -6px;
  }
  .handle[data-offscreen] [part='playhead'] {
    opacity: 0.35;
  }
  .handle:focus-visible [part='playhead'] {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part='hover-line'] {
    position: absolute;
    top: 0;
    bottom: 0;
    left: 0;
    width: 1px;
    background: var(--_fg);
    opacity: 0.6;
    pointer-events: none;
  }
  [part='tooltip'] {
    position: absolute;
    bottom: calc(100% + 6px);
    left: 0;
    z-index: 2;
    max-width: min(320px, 90vw);
    padding: 4px;
    border-radius: 6px;
    background: var(--_tooltip-bg);
    color: var(--_tooltip-fg);
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35);
    pointer-events: none;
    font-variant-numeric: tabular-nums;
  }
  [part='tooltip'][data-below] {
    bottom: auto;
    top: calc(100% + 6px);
  }
  [part='preview'] {
    display: block;
    border-radius: 3px;
    background: #000;
    margin-bottom: 3px;
  }
  .tip-time {
    display: block;
    text-align: center;
    white-space: nowrap;
    padding: 0 4px;
  }
  .tip-title {
    display: block;
    padding: 0 4px;
    overflow-wrap: anywhere;
  }
  .tip-muted {
    opacity: 0.8;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part='tooltip'] {
      transition: opacity 80ms;
    }
  }
`;
