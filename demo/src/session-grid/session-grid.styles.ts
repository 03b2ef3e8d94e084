import { css } from 'lit';

export const sessionGridStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --_bg: var(--demo-grid-bg, #ffffff);
    --_fg: var(--demo-grid-fg, #1c2024);
    --_muted: var(--demo-grid-muted, #626a75);
    --_border: var(--demo-grid-border, #e3e6ea);
    --_header-bg: var(--demo-grid-header-bg, #f6f7f9);
    --_stripe: var(--demo-grid-stripe, #fafbfc);
    --_hover: var(--demo-grid-hover, #eef3fb);
    --_accent: var(--demo-grid-accent, #2563eb);
    --_focus: var(--demo-focus-ring, #2563eb);
    --_warn-bg: var(--demo-grid-warn-bg, #fff3d6);
    --_warn-fg: var(--demo-grid-warn-fg, #8a5a00);
    --_danger-bg: var(--demo-grid-danger-bg, #fde4e4);
    --_danger-fg: var(--demo-grid-danger-fg, #b42318);
    --_pill-bg: var(--demo-grid-pill-bg, #eef0f3);
    --_bone: var(--demo-grid-skeleton, #eceef1);
    font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif;
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--demo-grid-bg, #181b20);
      --_fg: var(--demo-grid-fg, #e6e8eb);
      --_muted: var(--demo-grid-muted, #9aa3ae);
      --_border: var(--demo-grid-border, #2c3139);
      --_header-bg: var(--demo-grid-header-bg, #1f2329);
      --_stripe: var(--demo-grid-stripe, #1c1f25);
      --_hover: var(--demo-grid-hover, #252c38);
      --_accent: var(--demo-grid-accent, #7aa7ff);
      --_focus: var(--demo-focus-ring, #7aa7ff);
      --_warn-bg: var(--demo-grid-warn-bg, #3a2d10);
      --_warn-fg: var(--demo-grid-warn-fg, #f5c46b);
      --_danger-bg: var(--demo-grid-danger-bg, #43191a);
      --_danger-fg: var(--demo-grid-danger-fg, #ff9b94);
      --_pill-bg: var(--demo-grid-pill-bg, #2a2f37);
      --_bone: var(--demo-grid-skeleton, #262b33);
    }
  }

  .frame {
    border: 1px solid var(--_border);
    border-radius: 10px;
    background: var(--_bg);
    overflow: hidden;
  }

  .scroller {
    max-height: var(--demo-session-grid-max-height, 70vh);
    overflow: auto;
    overscroll-behavior: contain;
    /* Keeps a focused row clear of the sticky header when arrow keys scroll. */
    scroll-padding-top: 2.75rem;
  }

  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
  }

  th,
  td {
    padding: 0 0.75rem;
    height: 2.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    white-space: nowrap;
  }

  th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_header-bg);
    color: var(--_muted);
    font-size: 11.5px;
    font-weight: 600;
    letter-spacing: 0.03em;
    text-transform: uppercase;
  }
  th.numeric,
  td.numeric {
    text-align: end;
  }
  th.numeric .sort {
    flex-direction: row-reverse;
  }
  th:first-child,
  td:first-child {
    width: 1%;
    padding-inline: 0.5rem 0.25rem;
    text-align: center;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    margin: 0 -0.35rem;
    padding: 0.25rem 0.35rem;
    border: 0;
    border-radius: 4px;
    background: none;
    color: inherit;
    font: inherit;
    letter-spacing: inherit;
    text-transform: inherit;
    cursor: pointer;
  }
  .sort:hover {
    color: var(--_fg);
  }
  th[aria-sort='ascending'] .sort,
  th[aria-sort='descending'] .sort {
    color: var(--_fg);
  }
  .sort-icon--idle {
    opacity: 0;
    transition: opacity 0.12s;
  }
  .sort:hover .sort-icon--idle,
  .sort:focus-visible .sort-icon--idle {
    opacity: 1;
  }

  tbody tr:nth-child(even) td {
    background: var(--_stripe);
  }
  tbody tr:not(.skeleton):hover td,
  tbody tr:focus-within td {
    background: var(--_hover);
  }
  tbody tr:last-child td {
    border-bottom: 0;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  td:focus {
    outline: none;
  }
  td:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .camera {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border: 0;
    border-radius: 6px;
    background: none;
    color: var(--_accent);
    cursor: pointer;
  }
  .camera:hover {
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }

  .user {
    font-weight: 600;
  }
  .mono {
    font-family: ui-monospace, 'SF Mono', 'Cascadia Mono', Menlo, Consolas, monospace;
    font-size: 12px;
  }
  .muted {
    color: var(--_muted);
  }
  .numeric,
  .start {
    font-variant-numeric: tabular-nums;
  }
  .zone {
    margin-inline-start: 0.4rem;
    color: var(--_muted);
    font-size: 11.5px;
  }
  .pill {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    background: var(--_pill-bg);
    font-size: 12px;
    font-weight: 500;
  }
  .alerts {
    display: inline-block;
    min-width: 1.6rem;
    padding: 0.05rem 0.45rem;
    border-radius: 999px;
    font-weight: 600;
    text-align: center;
  }
  .alerts[data-level='none'] {
    color: var(--_muted);
    font-weight: 400;
  }
  .alerts[data-level='some'] {
    background: var(--_warn-bg);
    color: var(--_warn-fg);
  }
  .alerts[data-level='many'] {
    background: var(--_danger-bg);
    color: var(--_danger-fg);
  }

  .skeleton td {
    background: none;
  }
  .bone {
    display: block;
    height: 0.7rem;
    width: 70%;
    border-radius: 4px;
    background: var(--_bone);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton td:first-child .bone {
    width: 1.25rem;
    margin: auto;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }

  .state {
    display: grid;
    justify-items: center;
    gap: 0.4rem;
    padding: 3rem 1.5rem;
    text-align: center;
  }
  .state h3 {
    margin: 0;
    font-size: 15px;
  }
  .state p {
    margin: 0;
    max-width: 42ch;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .state[data-kind='error'] h3 {
    color: var(--_danger-fg);
  }

  .footer {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.6rem 0.75rem;
    border-top: 1px solid var(--_border);
    background: var(--_header-bg);
    color: var(--_muted);
  }
  .footer .error {
    color: var(--_danger-fg);
    overflow-wrap: anywhere;
  }

  .button {
    padding: 0.35rem 0.85rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  .button:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .button[data-variant='primary'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_bg);
  }

  .spinner {
    display: inline-block;
    width: 0.85rem;
    height: 0.85rem;
    margin-inline-end: 0.4rem;
    vertical-align: -0.1rem;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }

  .sentinel {
    height: 1px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
