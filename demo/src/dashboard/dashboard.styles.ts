import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    color: var(--demo-color-text);
    background: var(--demo-color-page);
    font: 14px/1.5 var(--demo-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }

  .masthead {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0 1.5rem;
    height: 3.25rem;
    border-bottom: 1px solid var(--demo-color-border);
    background: var(--demo-color-surface);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.55rem;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  .brand svg {
    color: var(--demo-color-accent);
  }
  .masthead nav {
    display: flex;
    gap: 0.25rem;
    margin-inline-start: 1.5rem;
  }
  .masthead nav a {
    padding: 0.3rem 0.65rem;
    border-radius: 6px;
    color: var(--demo-color-muted);
    text-decoration: none;
  }
  .masthead nav a[aria-current='page'] {
    background: var(--demo-color-accent-soft);
    color: var(--demo-color-accent-text);
    font-weight: 550;
  }

  main {
    max-width: 88rem;
    margin: 0 auto;
    padding: 1.75rem 1.5rem 3rem;
  }

  .intro {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 1rem;
    margin-bottom: 1.25rem;
  }
  .eyebrow {
    margin: 0 0 0.2rem;
    color: var(--demo-color-muted);
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  h1 {
    margin: 0;
    font-size: 1.6rem;
    font-weight: 650;
    letter-spacing: -0.02em;
  }
  .intro p.lead {
    max-width: 62ch;
    margin: 0.4rem 0 0;
    color: var(--demo-color-muted);
  }

  .toolbar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .chip {
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--demo-color-border);
    border-radius: 999px;
    background: var(--demo-color-surface);
    color: var(--demo-color-muted);
    font-size: 12.5px;
  }
  button {
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--demo-color-border);
    border-radius: 6px;
    background: var(--demo-color-surface);
    color: var(--demo-color-text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--demo-color-accent);
    color: var(--demo-color-accent);
  }
  :focus-visible {
    outline: 2px solid var(--demo-color-accent);
    outline-offset: 2px;
  }

  .banner {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-bottom: 1rem;
    padding: 0.65rem 0.9rem;
    border: 1px solid var(--demo-color-danger);
    border-radius: 8px;
    background: var(--demo-color-danger-soft);
    color: var(--demo-color-danger);
    overflow-wrap: anywhere;
  }

  demo-session-grid {
    --demo-session-grid-max-height: max(20rem, calc(100vh - 20rem));
  }
`;
