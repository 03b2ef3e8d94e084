import { css } from 'lit';

/** The dark theme: only what differs from the light defaults. */
const darkTokens = css`
  --_bg: var(--sp-panel-bg, #202124);
  --_fg: var(--sp-panel-fg, #e8eaed);
  --_muted: var(--sp-panel-muted, #bdc1c6);
  --_border: var(--sp-panel-border, #5f6368);
  --_accent: var(--sp-accent, #8ab4f8);
  --_focus: var(--sp-focus, #ffbf47);
  --_current-bg: var(--sp-current-bg, #283a57);
  --_hover-bg: var(--sp-row-hover-bg, #2d2f33);
  --_input-bg: var(--sp-input-bg, #2b2f36);
  --_marker-low: var(--sp-marker-low, #7aa7ff);
`;

export const sidePanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: hidden;
    font: 13px/1.4 system-ui, sans-serif;
    /* Private tokens: each falls back from the public --sp-* custom property to the light theme. */
    --_bg: var(--sp-panel-bg, #fff);
    --_fg: var(--sp-panel-fg, #202124);
    --_muted: var(--sp-panel-muted, #5f6368);
    --_border: var(--sp-panel-border, #c4c7cc);
    --_accent: var(--sp-accent, #1a73e8);
    --_focus: var(--sp-focus, #b06000);
    --_current-bg: var(--sp-current-bg, #e8f0fe);
    --_hover-bg: var(--sp-row-hover-bg, #f1f3f4);
    --_input-bg: var(--sp-input-bg, #fff);
    --_mark-bg: var(--sp-mark-bg, #ffe066);
    --_mark-fg: var(--sp-mark-fg, #202124);
    --_marker-low: var(--sp-marker-low, #5b8def);
    --_marker-medium: var(--sp-marker-medium, #e6a100);
    --_marker-high: var(--sp-marker-high, #f4511e);
    --_marker-critical: var(--sp-marker-critical, #d50000);
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
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  /* ---- tabs ---- */
  [part='tablist'] {
    display: flex;
    flex: none;
    overflow-x: auto;
    border-bottom: 1px solid var(--_border);
  }
  [part~='tab'] {
    /* Four tabs share a narrow panel: each shrinks, its count goes under the label. */
    display: flex;
    /* Equal shares, so the bold selected tab does not shift the others. */
    flex: 1 1 0;
    flex-direction: column;
    align-items: center;
    min-width: 0;
    padding: 6px 4px 4px;
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    cursor: pointer;
  }
  .tab-label {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .count {
    min-height: 1.3em;
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: normal;
    font-variant-numeric: tabular-nums;
  }
  [role='tabpanel'] {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-height: 0;
  }
  [role='tabpanel'][hidden] {
    display: none;
  }
  [part='tags'] {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
  }

  /* ---- search and filters ---- */
  .toolbar,
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    padding: 6px 10px 0;
  }
  .filters:empty {
    display: none;
  }
  [part='search'] {
    flex: 1;
    min-width: 8em;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_input-bg);
  }
  [part='search']::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .toggle,
  .chip-toggle {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    white-space: nowrap;
    cursor: pointer;
  }
  .severities {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
  }
  [part='app-filter'] {
    max-width: 14em;
    padding: 2px 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_input-bg);
  }
  .chip {
    display: inline-block;
    flex: none;
    width: 9px;
    height: 9px;
    border-radius: 50%;
    background: var(--_chip, var(--_muted));
  }
  [data-severity='low'] {
    --_chip: var(--_marker-low);
  }
  [data-severity='medium'] {
    --_chip: var(--_marker-medium);
  }
  [data-severity='high'] {
    --_chip: var(--_marker-high);
  }
  [data-severity='critical'] {
    --_chip: var(--_marker-critical);
  }

  /* ---- status, errors ---- */
  .status {
    flex: none;
    padding: 4px 10px;
    color: var(--_muted);
  }
  .status:empty {
    padding: 2px 10px;
  }
  .status[data-fill] {
    flex: 1;
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    margin: 4px 10px;
    padding: 6px 8px;
    border: 1px solid var(--_marker-critical);
    border-radius: 4px;
  }
  .cause {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  [part='retry-button'],
  [part='follow-button'] {
    padding: 3px 10px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_input-bg);
    cursor: pointer;
  }

  /* ---- list ---- */
  .list-wrap {
    position: relative;
    display: flex;
    flex: 1;
    flex-direction: column;
    min-height: 0;
    border-top: 1px solid var(--_border);
  }
  [part='list'] {
    flex: 1;
    min-height: 0;
  }
  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 10px;
    width: 100%;
    box-sizing: border-box;
    padding: 6px 10px;
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  .row:hover {
    background: var(--_hover-bg);
  }
  .row[data-current] {
    background: var(--_current-bg);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .title,
  .details {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .details {
    color: var(--_muted);
  }
  .field + .field::before {
    content: '·';
    margin: 0 6px;
  }
  .severity {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .label {
    font-weight: 600;
  }
  .kind {
    margin-inline-end: 6px;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: 3px;
    font-size: 0.85em;
  }
  .typed {
    /* A pasted essay stays one bounded row; its keys scroll inside it. */
    max-height: 8.4em;
    overflow-y: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  }
  .key {
    border-radius: 2px;
  }
  .key:hover {
    background: var(--_hover-bg);
    text-decoration: underline;
  }
  .key[data-current] {
    text-decoration: underline 2px var(--_accent);
  }
  mark {
    border-radius: 2px;
    background: var(--_mark-bg);
    color: var(--_mark-fg);
  }
  [part='follow-button'] {
    position: absolute;
    inset-inline-end: 18px;
    bottom: 10px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
  }
  @media (prefers-reduced-motion: no-preference) {
    .row {
      transition: background-color 120ms;
    }
  }
`;
