// The Tags tab renders <session-tags-view>: defining the panel defines it too.
import '../tags/session-tags-view.define.js';
import { SessionSidePanel } from './session-side-panel.js';

if (!customElements.get('session-side-panel')) customElements.define('session-side-panel', SessionSidePanel);

declare global {
  interface HTMLElementTagNameMap {
    'session-side-panel': SessionSidePanel;
  }
}
