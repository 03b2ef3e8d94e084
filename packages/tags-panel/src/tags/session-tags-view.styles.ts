import { css } from 'lit';

/** The dark theme: only what differs from the light defaults. */
const darkTokens = css`
  --_bg: var(--sp-panel-bg, #2b2f36);
  --_fg: var(--sp-panel-fg, #e8eaed);
  --_muted: var(--sp-panel-muted, #bdc1c6);
  --_border: var(--sp-panel-border, #80868b);
  --_field-bg: var(--sp-panel-field-bg, #202124);
  --_row-hover: var(--sp-panel-row-hover, #353a42);
  --_accent: var(--sp-accent, #8ab4f8);
  --_accent-fg: var(--sp-accent-fg, #202124);
  --_focus: var(--sp-focus, #ffbf47);
  --_danger: var(--sp-danger, #f28b82);
  --_badge-bg: var(--sp-pending-bg, #5c4a12);
  --_badge-fg: var(--sp-pending-fg, #fde293);
  --_toast-bg: var(--sp-toast-bg, #e8eaed);
  --_toast-fg: var(--sp-toast-fg, #202124);
  --_toast-accent: var(--sp-toast-accent, #174ea6);
`;

export const tagsViewStyles = css`
  :host {
    display: block;
    position: relative;
    font: 13px/1.4 system-ui, sans-serif;
    /* Private tokens: each falls back from the public --sp-* custom property to the light theme. */
    --_bg: var(--sp-panel-bg, #fff);
    --_fg: var(--sp-panel-fg, #202124);
    --_muted: var(--sp-panel-muted, #5f6368);
    --_border: var(--sp-panel-border, #80868b);
    --_field-bg: var(--sp-panel-field-bg, #fff);
    --_row-hover: var(--sp-panel-row-hover, #f1f3f4);
    --_accent: var(--sp-accent, #1765cc);
    --_accent-fg: var(--sp-accent-fg, #fff);
    --_focus: var(--sp-focus, #b06000);
    --_danger: var(--sp-danger, #b3261e);
    --_badge-bg: var(--sp-pending-bg, #fef7e0);
    --_badge-fg: var(--sp-pending-fg, #704800);
    --_toast-bg: var(--sp-toast-bg, #202124);
    --_toast-fg: var(--sp-toast-fg, #fff);
    --_toast-accent: var(--sp-toast-accent, #8ab4f8);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme='dark']) {
    ${darkTokens}
    /* Native controls (checkboxes, selects, scrollbars) follow the dark theme too. */
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  :is(button, input, textarea, [tabindex]):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    cursor: pointer;
    border-radius: 4px;
    border: 1px solid var(--_border);
    background: transparent;
    padding: 3px 10px;
    min-height: 28px;
  }
  [part~='add-button'],
  [part~='submit-button'] {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  [part~='add-button'] {
    margin: 8px;
  }
  [part~='form'] {
    display: grid;
    gap: 8px;
    padding: 8px;
    margin: 0 8px 8px;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  li [part~='form'] {
    margin: 0;
  }
  [part~='form-title'] {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .when {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: 8px;
  }
  [part~='field'] {
    display: grid;
    gap: 2px;
    align-content: start;
  }
  [part~='input'] {
    box-sizing: border-box;
    width: 100%;
    min-height: 28px;
    padding: 3px 6px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_field-bg);
  }
  textarea[part~='input'] {
    min-height: 4.5em;
    resize: vertical;
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .hint,
  [part~='zone-hint'] {
    color: var(--_muted);
    font-size: 0.92em;
  }
  [part~='zone-hint'] {
    margin: 0;
  }
  [part~='field-error'] {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='tag'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2px 6px;
    padding: 6px 8px;
    border-top: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    cursor: pointer;
  }
  [part~='tag'][data-editing] {
    display: block;
    cursor: auto;
  }
  [part~='tag']:hover:not([data-editing]) {
    background: var(--_row-hover);
  }
  [part~='tag-seek'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 8px;
    align-items: baseline;
    text-align: start;
    border: 0;
    padding: 2px 4px;
    min-width: 0;
  }
  [part~='time'] {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part~='date'] {
    color: var(--_muted);
  }
  [part~='name'] {
    grid-column: 1 / -1;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .row-actions {
    display: flex;
    gap: 4px;
    align-items: start;
  }
  [part~='delete-button'] {
    min-width: 28px;
    padding: 3px 6px;
  }
  [part~='delete-button']:hover {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  [part~='notes'],
  [part~='conflict'],
  .badges {
    grid-column: 1 / -1;
    margin: 0;
    padding: 0 4px;
  }
  [part~='notes'] {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    color: var(--_muted);
  }
  [part~='pending-badge'] {
    display: inline-block;
    padding: 0 6px;
    border-radius: 8px;
    background: var(--_badge-bg);
    color: var(--_badge-fg);
    font-size: 0.92em;
  }
  [part~='conflict'] {
    color: var(--_danger);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='empty'] {
    margin: 8px;
    color: var(--_muted);
  }
  .toast-region {
    position: sticky;
    bottom: 8px;
    margin: 8px;
  }
  [part~='toast'] {
    display: flex;
    gap: 12px;
    align-items: center;
    justify-content: space-between;
    padding: 6px 8px 6px 12px;
    border-radius: 6px;
    background: var(--_toast-bg);
    color: var(--_toast-fg);
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35);
  }
  .toast-text {
    overflow-wrap: anywhere;
    min-width: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  [part~='undo-button'] {
    border-color: currentColor;
    color: var(--_toast-accent);
    font-weight: 600;
    flex: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='toast'] {
      animation: toast-in 160ms ease-out;
    }
    [part~='tag'] {
      transition: background-color 80ms;
    }
  }
  @keyframes toast-in {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  @media (forced-colors: active) {
    [part~='pending-badge'],
    [part~='toast'] {
      border: 1px solid CanvasText;
    }
  }
`;
