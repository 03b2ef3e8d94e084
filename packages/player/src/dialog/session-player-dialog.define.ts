import '../player/session-player.define.js';
import { SessionPlayerDialog } from './session-player-dialog.js';

if (!customElements.get('session-player-dialog')) customElements.define('session-player-dialog', SessionPlayerDialog);

declare global {
  interface HTMLElementTagNameMap {
    'session-player-dialog': SessionPlayerDialog;
  }
}
