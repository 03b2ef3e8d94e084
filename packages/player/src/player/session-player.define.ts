import '@session-player/timeline';
import { SessionClock } from './session-clock.js';
import { SessionPlayer } from './session-player.js';
import { SessionTransportBar } from './transport-bar.js';

const elements = {
  'session-player': SessionPlayer,
  'session-clock': SessionClock,
  'session-transport-bar': SessionTransportBar,
};
for (const [name, element] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'session-player': SessionPlayer;
    'session-clock': SessionClock;
    'session-transport-bar': SessionTransportBar;
  }
}
