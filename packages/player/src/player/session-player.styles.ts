import { css } from 'lit';

export const playerStyles = css`
  :host {
    --sp-bg: #15181d;
    --sp-fg: #e8eaed;
    --sp-muted-fg: #a9afb8;
    --sp-panel: #1d2127;
    --sp-border: #333942;
    --sp-accent: #4ea1ff;
    --sp-live-idle: #ffffff;
    --sp-live-on: #ff8c1a;
    display: flex;
    flex-direction: column;
    min-height: 320px;
    background: var(--sp-bg);
    color: var(--sp-fg);
    font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    border-radius: var(--sp-radius, 8px);
    overflow: hidden;
    contain: content;
    container: session-player / inline-size;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 12px;
    background: var(--sp-panel);
    border-bottom: 1px solid var(--sp-border);
    flex-wrap: wrap;
  }
  h2 {
    font-size: 1em;
    margin: 0;
    font-weight: 600;
  }
  .live {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    padding: 2px 8px;
    border-radius: 999px;
    border: 1px solid var(--sp-border);
  }
  .live::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--sp-live-idle);
  }
  :host([data-live]) .live::before {
    background: var(--sp-live-on);
  }
  .who {
    color: var(--sp-muted-fg);
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
  }
  .who strong {
    color: var(--sp-fg);
    font-weight: 600;
  }
  .grow {
    flex: 1;
  }
  .zone select {
    font: inherit;
    color: inherit;
    background: var(--sp-control-bg, #2a2e35);
    border: 1px solid var(--sp-border);
    border-radius: 6px;
    padding: 2px 4px;
  }
  .body {
    position: relative;
    display: flex;
    flex: 1;
    min-height: 0;
  }
  .stage {
    position: relative;
    flex: 1;
    min-width: 0;
    min-height: 200px;
    background: #000;
    display: grid;
    place-items: center;
  }
  video {
    width: 100%;
    height: 100%;
    max-height: var(--sp-video-max-height, 70vh);
    object-fit: contain;
    display: block;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    pointer-events: none;
  }
  .overlay > * {
    pointer-events: auto;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 10px 16px;
    border-radius: 8px;
    background: rgba(20, 22, 26, 0.85);
  }
  .spinner {
    width: 18px;
    height: 18px;
    border: 3px solid rgba(255, 255, 255, 0.25);
    border-top-color: var(--sp-accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  .error {
    max-width: 32em;
    flex-direction: column;
    text-align: center;
    border: 1px solid var(--sp-danger, #ff6b6b);
  }
  .error .retry {
    border: 1px solid var(--sp-border);
    background: var(--sp-control-bg, #2a2e35);
    padding: 0 16px;
  }
  .error strong {
    color: var(--sp-danger, #ff8a8a);
  }
  .notice {
    position: absolute;
    top: 12px;
    left: 50%;
    transform: translateX(-50%);
    max-width: 90%;
    padding: 6px 14px;
    border-radius: 999px;
    background: rgba(20, 22, 26, 0.9);
    border: 1px solid var(--sp-border);
    font-size: 0.92em;
  }
  session-side-panel {
    width: var(--sp-side-panel-width, 360px);
    max-width: 100%;
    border-left: 1px solid var(--sp-border);
    min-height: 0;
  }
  /* A narrow player lays the panel over the video instead of beside it. */
  @container session-player (max-width: 760px) {
    session-side-panel {
      position: absolute;
      inset: 0 0 0 auto;
      z-index: 2;
      box-shadow: -8px 0 24px rgba(0, 0, 0, 0.5);
    }
  }
  video[hidden],
  canvas[hidden] {
    display: none;
  }
  /* Live view: the remote desktop, scaled to fit and letterboxed like the video. */
  .live-video {
    width: 100%;
    height: 100%;
    max-height: var(--sp-video-max-height, 70vh);
    min-height: 200px;
    object-fit: contain;
    display: block;
    outline: none;
  }
  /* A visible frame while the viewer controls the remote desktop (an outline paints over the picture). */
  .live-video.controlled {
    outline: 3px solid var(--sp-live-on);
    outline-offset: -3px;
    cursor: crosshair;
  }
  .live-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-height: 36px;
  }
  .live-controls button {
    border: 1px solid var(--sp-border);
    border-radius: 4px;
    padding: 4px 10px;
  }
  .live-controls button[aria-pressed='true'] {
    background: var(--sp-live-on);
    color: #000;
  }
  .live-controls .warning {
    border-color: #e0a100;
    color: #ffcc4d;
  }
  .live-note {
    color: var(--sp-fg);
    opacity: 0.85;
  }
  .mode {
    font-weight: 600;
  }
  /* An encrypted recording: the mask covers the whole stage, and no frame is kept behind it. */
  session-decrypt-overlay {
    position: absolute;
    inset: 0;
    z-index: 1;
  }
  :host([data-sealed='locked']) video {
    visibility: hidden;
  }
  /* Without a video to size it, the stage keeps room for the mask and its form. */
  :host([data-sealed='locked']) .stage {
    min-height: min(400px, 70vh);
  }
  .sealed-badge {
    display: inline-flex;
    color: var(--sp-accent);
  }
  .panel-toggle[aria-pressed='true'] {
    background: var(--sp-accent);
    color: #000;
  }
  .controls {
    padding: 8px 12px 10px;
    background: var(--sp-panel);
    border-top: 1px solid var(--sp-border);
    display: grid;
    gap: 6px;
  }
`;
