import { createContext } from '@lit/context';
import type { PlayerError } from '../data-source/errors.js';
import type { AudioTrackInfo, CoverageSpan, Instant, SessionInfo, TimeRange } from '../data-source/types.js';

/** `locked`: an end-to-end encrypted recording waits for its passphrase (nothing is loaded). */
export type PlaybackPhase = 'idle' | 'opening' | 'loading' | 'ready' | 'locked' | 'error';

/** End-to-end encryption of the open recording: none, or whether its key is held. */
export type SealState = 'none' | 'locked' | 'unlocked';

export interface PlayerNotice {
  kind: 'gap-skipped' | 'moved-to-recording' | 'end-of-recordings' | 'no-recordings' | 'invalid-input';
  message: string;
  /** Bumped on every notice so the same text twice still shows twice. */
  id: number;
}

/**
 * Everything the player's views render, owned by the playback controller and
 * provided to descendants through `playbackContext`. Views never write it:
 * they fire request events.
 */
export interface PlaybackState {
  phase: PlaybackPhase;
  session: SessionInfo | null;
  /** Zone times are shown in: the recorded user's or the viewer's. */
  zone: string;
  zoneMode: 'user' | 'viewer';
  /** Recorded spans known so far, normalised. */
  coverage: CoverageSpan[];
  /** The local day being viewed (in `zone`). */
  day: TimeRange | null;
  /** Wall-clock instant of the frame shown. */
  at: Instant | null;
  paused: boolean;
  waiting: boolean;
  rate: number;
  muted: boolean;
  volume: number;
  /** Audio sources (speakers, microphone) muted on their own. */
  mutedSources: AudioTrackInfo['id'][];
  /** Rewind / fast-forward step in ms. */
  skipStep: number;
  error: PlayerError | null;
  notice: PlayerNotice | null;
  locale: string;
  sealed: SealState;
  /** Epoch ms before which another unlock try is refused (wrong passphrases make it grow). */
  unlockRetryAt: number;
}

export const playbackContext = createContext<PlaybackState>(Symbol('session-player/playback'));

export const PLAYBACK_RATES = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
