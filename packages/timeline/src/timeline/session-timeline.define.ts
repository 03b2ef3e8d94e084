import { SessionTimeline } from './session-timeline.js';

if (!customElements.get('session-timeline')) customElements.define('session-timeline', SessionTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'session-timeline': SessionTimeline;
  }
}
