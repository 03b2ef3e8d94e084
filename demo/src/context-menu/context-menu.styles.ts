import { css } from 'lit';

export const contextMenuStyles = css`
  :host {
    display: contents;
    --_bg: var(--demo-menu-bg, #ffffff);
    --_fg: var(--demo-menu-fg, #1c2024);
    --_border: var(--demo-menu-border, #d9dde3);
    --_hover: var(--demo-menu-hover, #eef2f8);
    --_focus: var(--demo-focus-ring, #2563eb);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--demo-menu-bg, #23272e);
      --_fg: var(--demo-menu-fg, #e6e8eb);
      --_border: var(--demo-menu-border, #3a404a);
      --_hover: var(--demo-menu-hover, #2f3540);
      --_focus: var(--demo-focus-ring, #7aa7ff);
    }
  }

  [role='menu'] {
    /* Popover UA styles centre the box; we place it at the pointer instead. */
    position: fixed;
    inset: auto;
    margin: 0;
    min-width: 11rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_fg);
    font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    box-shadow:
      0 10px 24px rgb(0 0 0 / 0.16),
      0 2px 6px rgb(0 0 0 / 0.08);
  }

  [role='menuitem'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    padding: 0.4rem 0.65rem;
    border: 0;
    border-radius: 5px;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--_hover);
  }
  [role='menuitem']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='menuitem'] svg {
    flex: none;
    opacity: 0.8;
  }
  [role='separator'] {
    height: 1px;
    margin: 0.25rem 0.35rem;
    background: var(--_border);
  }
`;
