import { css } from 'lit';

/** The light theme: only what differs from the dark defaults. Every pair of text and background meets 4.5:1. */
const lightTokens = css`
  --_bg: var(--sp-decrypt-bg, #eceff3);
  --_fg: var(--sp-decrypt-fg, #1f2328);
  --_muted: var(--sp-decrypt-muted, #4d555e);
  --_card-bg: var(--sp-decrypt-card-bg, #fff);
  --_border: var(--sp-decrypt-border, #6b737c);
  --_field-bg: var(--sp-decrypt-field-bg, #fff);
  --_accent: var(--sp-decrypt-accent, #1a5dc0);
  --_accent-fg: var(--sp-decrypt-accent-fg, #fff);
  --_danger: var(--sp-decrypt-danger, #b3261e);
  --_focus: var(--sp-decrypt-focus, #a15400);
  --_solid: #eceff3;
  color-scheme: light;
`;

export const decryptOverlayStyles = css`
  :host {
    display: block;
    block-size: 100%;
    box-sizing: border-box;
    /* A very small box scrolls rather than cutting off Decrypt or Unlock. */
    overflow: auto;
    container-type: inline-size;
    font: 14px/1.45 system-ui, sans-serif;
    /* Private tokens: each falls back from the public --sp-decrypt-* property to the dark theme. */
    --_bg: var(--sp-decrypt-bg, #111418);
    --_fg: var(--sp-decrypt-fg, #e8eaed);
    --_muted: var(--sp-decrypt-muted, #b1b7bf);
    --_card-bg: var(--sp-decrypt-card-bg, #1c2026);
    --_border: var(--sp-decrypt-border, #8a9099);
    --_field-bg: var(--sp-decrypt-field-bg, #111418);
    --_accent: var(--sp-decrypt-accent, #8ab4f8);
    --_accent-fg: var(--sp-decrypt-accent-fg, #0b1a33);
    --_danger: var(--sp-decrypt-danger, #f49c94);
    --_focus: var(--sp-decrypt-focus, #ffbf47);
    color-scheme: dark;
    /* Not themable: whatever --sp-decrypt-bg is set to lies on this, so the video never shows through. */
    --_solid: #111418;
    color: var(--_fg);
    background: var(--_solid);
  }
  :host([theme='light']) {
    ${lightTokens}
  }
  @media (prefers-color-scheme: light) {
    :host([theme='auto']) {
      ${lightTokens}
    }
  }
  :host([hidden]) {
    display: none;
  }
  [part~='screen'] {
    box-sizing: border-box;
    min-block-size: 100%;
    display: grid;
    place-items: center;
    padding: 16px;
    background: var(--_bg);
  }
  .locked {
    display: grid;
    justify-items: center;
    gap: 8px;
    max-inline-size: 30rem;
    text-align: center;
  }
  svg {
    flex: none;
  }
  [part~='icon'] {
    inline-size: 44px;
    block-size: 44px;
    color: var(--_accent);
  }
  h2 {
    margin: 0;
    font-weight: 600;
    line-height: 1.25;
  }
  [part~='heading'] {
    font-size: 1.375rem;
  }
  p {
    margin: 0;
  }
  [part~='label'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='explanation'],
  [part~='not-allowed'],
  [part~='wait'] {
    color: var(--_muted);
  }
  [part~='not-allowed'] {
    margin-top: 4px;
    font-style: italic;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-block-size: 36px;
    padding: 0 16px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: transparent;
    cursor: pointer;
  }
  button:disabled,
  input:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  :is(button, input, [tabindex]):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='decrypt-button'],
  [part~='submit'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
  }
  [part~='decrypt-button'] {
    margin-top: 8px;
    padding: 0 20px;
  }
  [part~='button-icon'],
  [part~='form-icon'],
  [part~='toggle'] svg {
    inline-size: 18px;
    block-size: 18px;
  }
  [part~='form'] {
    box-sizing: border-box;
    inline-size: min(100%, 26rem);
    padding: 16px;
    border: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
    border-radius: 8px;
    background: var(--_card-bg);
  }
  form {
    display: grid;
    gap: 8px;
  }
  [part~='form-heading'] {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 1.125rem;
  }
  [part~='form-icon'] {
    color: var(--_accent);
  }
  label {
    font-weight: 600;
  }
  .field {
    display: flex;
    /* Room for the focus ring between the field and the eye. */
    gap: 6px;
  }
  [part~='input'] {
    flex: 1;
    min-inline-size: 0;
    box-sizing: border-box;
    min-block-size: 36px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_field-bg);
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  [part~='toggle'] {
    padding: 0 10px;
    background: var(--_field-bg);
  }
  [part~='toggle'][aria-pressed='true'] {
    color: var(--_accent);
  }
  .strike {
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  /* Room for one line, so the buttons do not jump when a message comes or goes. */
  .status {
    display: grid;
    gap: 4px;
    min-block-size: 1.45em;
  }
  [part~='error'] {
    color: var(--_danger);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='error']:empty {
    display: none;
  }
  [part~='progress'] {
    display: grid;
    gap: 4px;
    border-radius: 2px;
  }
  .track {
    display: block;
    block-size: 4px;
    overflow: hidden;
    border-radius: 2px;
    background: color-mix(in srgb, var(--_accent) 25%, transparent);
  }
  .bar {
    display: block;
    block-size: 100%;
    inline-size: 100%;
    background: var(--_accent);
    opacity: 0.6;
  }
  .elapsed {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
  }
  /* Indeterminate: a moving bar, unless the viewer asked for less motion (then a steady one). */
  @media (prefers-reduced-motion: no-preference) {
    .bar {
      inline-size: 40%;
      opacity: 1;
      animation: sweep 1.1s ease-in-out infinite;
    }
  }
  @keyframes sweep {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(250%);
    }
  }
  /* Phone-sized players and the small live tiles. */
  @container (max-width: 420px) {
    [part~='screen'] {
      padding: 8px;
    }
    .locked {
      gap: 4px;
    }
    [part~='icon'] {
      inline-size: 30px;
      block-size: 30px;
    }
    [part~='heading'] {
      font-size: 1.125rem;
    }
    [part~='decrypt-button'] {
      margin-top: 4px;
    }
    [part~='form'] {
      padding: 10px;
    }
    form {
      gap: 6px;
    }
    [part~='form-heading'] {
      font-size: 1rem;
    }
  }
  @media (forced-colors: active) {
    [part~='form'] {
      border-color: CanvasText;
    }
    .bar {
      background: Highlight;
    }
  }
`;
