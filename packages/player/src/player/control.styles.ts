import { css } from 'lit';

/** Shared look of the player's buttons (one place, every view). */
export const controlStyles = css`
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-width: 34px;
    height: 34px;
    padding: 0 8px;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--sp-control-hover, rgba(255, 255, 255, 0.1));
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button.primary {
    background: var(--sp-accent, #4ea1ff);
    color: var(--sp-on-accent, #06121f);
    border-radius: 50%;
    width: 40px;
    height: 40px;
    margin: 0 4px;
  }
  :is(button, select, input, a):focus-visible {
    outline: 2px solid var(--sp-focus, #ffbf47);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
