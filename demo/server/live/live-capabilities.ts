import { streamKey, type LiveStreamRef } from './stream-key.js';

/** The capabilities (`SessionInfo.capabilities`) that concern Live view. */
export type LiveCapability = 'viewLive' | 'remoteControl' | 'freeze' | 'ctrlAltDel';

/**
 * Streams whose viewers may watch but not act. The demo needs one such stream
 * to show that controls without their capability are absent (and that the
 * relay drops the commands anyway): Yuki Tanaka's Mac.
 */
const VIEW_ONLY_STREAMS: ReadonlySet<string> = new Set(['ytanaka/tyo-mac-042']);

/**
 * What a viewer may do with the live desktop of `stream`. The same answer goes
 * into `GET /api/session` and decides which viewer commands the relay passes
 * on: the UI hides what is not allowed, the backend still enforces it.
 */
export function liveCapabilities(stream: LiveStreamRef): LiveCapability[] {
  if (VIEW_ONLY_STREAMS.has(streamKey(stream))) return ['viewLive'];
  return ['viewLive', 'remoteControl', 'freeze', 'ctrlAltDel'];
}
