import type { ViewerMessage } from '../../packages/player/src/live/live-protocol.js';
import type { Desktop } from './desktop.js';

type InputMessage = Extract<ViewerMessage, { t: 'pointer' } | { t: 'key' }>;

/**
 * A viewer's pointer or key message, applied to the desktop as it arrives.
 * The caller only calls this while the viewer has full control. Returns the
 * key applied (for `window.agent.lastRemoteKey`), if any.
 */
export function applyRemoteInput(desktop: Desktop, m: InputMessage): string | undefined {
  if (m.t === 'pointer') {
    desktop.pointer(m.kind, m.x, m.y, m.button);
    return undefined;
  }
  if (m.kind !== 'down') return undefined;
  desktop.key(m.key, { ctrl: m.ctrl, alt: m.alt, meta: m.meta });
  return m.key;
}
