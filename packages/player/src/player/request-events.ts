import type { Instant } from '../data-source/types.js';

/**
 * Requests the player's views send up to the player (media-chrome style):
 * views never touch the media or the state themselves. Each bubbles and
 * crosses shadow roots.
 */
export interface PlayerRequests {
  'play-request': undefined;
  'pause-request': undefined;
  'seek-request': { at: Instant };
  'skip-request': { deltaMs: number };
  'edge-request': { edge: 'start' | 'end' };
  'day-request': { delta: number };
  'rate-request': { rate: number };
  'mute-request': { muted: boolean };
  'volume-request': { volume: number };
  'source-mute-request': { source: 'speakers' | 'microphone'; muted: boolean };
  'zone-request': { mode: 'user' | 'viewer' };
  'retry-request': undefined;
  'fullscreen-request': undefined;
  'pip-request': undefined;
}

export function request<K extends keyof PlayerRequests>(from: EventTarget, type: K, detail: PlayerRequests[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
