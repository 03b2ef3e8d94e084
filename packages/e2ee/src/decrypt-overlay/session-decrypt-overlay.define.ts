import { SessionDecryptOverlay } from './session-decrypt-overlay.js';

if (!customElements.get('session-decrypt-overlay')) customElements.define('session-decrypt-overlay', SessionDecryptOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'session-decrypt-overlay': SessionDecryptOverlay;
  }
}
