import { SessionTagsView } from './session-tags-view.js';

if (!customElements.get('session-tags-view')) customElements.define('session-tags-view', SessionTagsView);

declare global {
  interface HTMLElementTagNameMap {
    'session-tags-view': SessionTagsView;
  }
}
