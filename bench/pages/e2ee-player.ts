import { RestDataSource, type CallOptions, type MediaDescriptor, type SessionInfo, type SessionRef, type StreamRef, type TimeRange } from '@session-player/player';
import { nextFrame, params } from './bench-api.js';

/**
 * Time to first frame after unlock (bench/e2ee.ts drives it). One page, three modes,
 * each brought to the same point before the clock starts: session, coverage and
 * events fetched, hls.js loaded and attached to a MediaSource, nothing of the
 * recording fetched yet.
 *
 * - `sealed`: the backend's end-to-end encrypted stream. The player stops at phase
 *   'locked', with its playlist window already fetched (the player fetches the
 *   playlist, which is metadata, while locked); `start()` calls
 *   `player.unlock({ passphrase })` (key derivation, not timed) and the clock starts
 *   when it resolves (the window load has started by then).
 * - `plain`: the same recording, unencrypted: the session without its header and the
 *   very playlist the sealed player gets, with each sealed file replaced by the pool
 *   file it was sealed from (same instants, same segments, 48 bytes shorter each).
 *   `getMedia` fetches the playlist, then waits, so the player stops at phase
 *   'loading' with the playlist in hand, like the sealed one; `start()` releases it
 *   and starts the clock.
 * - `other`: another user's unencrypted recording at the same pool segment, the same
 *   way (its playlist window is longer: a long recording instead of a short session).
 *
 * The clock stops at the first `requestVideoFrameCallback` of the player's video.
 */
export interface E2eeTtffResult {
  /** ms from the clock start (sealed: `unlock()` resolved; plain: the playlist handed over) to the first frame presented. */
  ttff: number;
  /** The clock start, performance.now() of the page (for traces). */
  t0: number;
  /** sealed: how long `player.unlock()` took (PBKDF2 + unwrap), ms. */
  unlockMs: number | null;
  /** Media segments in the playlist window the player loaded. */
  windowSegments: number;
  /** Media files hls.js fetched before the first frame. */
  segmentsFetched: number;
  /** ms after the clock start (resource timing): where the time to the first frame goes. */
  milestones: { playlistEnd: number; initStart: number; initEnd: number; segmentStart: number; segmentEnd: number };
  /** `<session-player>`'s own Lit updates (render + commit + updated()) between the clock start and the frame: count and ms. */
  playerUpdates: { count: number; ms: number };
  at: number | null;
  phase: string;
}

export interface E2eeTtffBench {
  mode: string;
  /** The player has stopped before media: 'locked' (sealed) or waiting for its playlist (plain, other). */
  isParked(): boolean;
  start(passphrase: string): Promise<E2eeTtffResult>;
}

declare global {
  interface Window {
    e2eeTtff?: E2eeTtffBench;
  }
}

const mode = params.get('mode') ?? 'sealed';
const ref: SessionRef = { userId: params.get('user')!, computerId: params.get('computer')!, at: Number(params.get('at')) };
const POOL = '/media/pool/';
/** sealed segment index → pool file (mode plain), from the query string: `207:seg_000.m4s,…`. */
const poolFileOf = new Map((params.get('map') ?? '').split(',').filter(Boolean).map((pair) => {
  const [index, file] = pair.split(':');
  return [Number(index), file!] as const;
}));
const poolInit = params.get('init') ?? 'init.mp4';

let release!: () => void;
const gate = new Promise<void>((resolve) => (release = resolve));
let parked = false;
let windowSegments = 0;
/** performance.now() of each getMedia call. */
const mediaCalls: number[] = [];

/** The sealed playlist with every sealed file replaced by its pool file, SP tags dropped. */
function unsealed(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#EXT-X-SP-'))
    .map((line) => {
      if (line.startsWith('#EXT-X-MAP:')) return `#EXT-X-MAP:URI="${POOL}${poolInit}"`;
      if (!line || line.startsWith('#')) return line;
      const index = /seg-(\d+)\.sps$/.exec(line)?.[1];
      const file = index === undefined ? undefined : poolFileOf.get(Number(index));
      if (!file) throw new Error(`bench: no pool file for ${line}`);
      return `${POOL}${file}`;
    })
    .join('\n');
}

const countSegments = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#')).length;

class BenchSource extends RestDataSource {
  override async getSession(r: SessionRef, o?: CallOptions): Promise<SessionInfo> {
    const session = await super.getSession(r, o);
    return mode === 'plain' ? { ...session, encryption: null } : session;
  }

  override async getMedia(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<MediaDescriptor> {
    mediaCalls.push(performance.now());
    const media = await super.getMedia(stream, range, o);
    if (!('playlistText' in media)) throw new Error('bench: RestDataSource returned a playlist URL');
    const text = mode === 'plain' ? unsealed(media.playlistText) : media.playlistText;
    windowSegments = countSegments(text);
    if (mode !== 'sealed') {
      parked = true;
      await gate;
    }
    return { ...media, playlistText: text };
  }
}

const player = document.querySelector('session-player')!;
player.dataSource = new BenchSource({ baseUrl: '/api' });
player.ref = ref;
await player.updateComplete;
const video = player.shadowRoot!.querySelector('video')!;
video.muted = true;

/** [start, end] of every update of the player element (its own render work, not its children's). */
const updates: [number, number][] = [];
const host = player as unknown as { performUpdate(): void };
const performUpdate = host.performUpdate;
host.performUpdate = function (this: typeof host) {
  const start = performance.now();
  try {
    performUpdate.call(this);
  } finally {
    updates.push([start, performance.now()]);
  }
};

const withTimeout = <T,>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`bench: ${what} did not happen within ${ms} ms (phase ${player.dataset.phase})`)), ms))]);

window.e2eeTtff = {
  mode,
  isParked: () => (mode === 'sealed' ? player.dataset.phase === 'locked' : parked && player.dataset.phase === 'loading'),
  async start(passphrase) {
    const firstFrame = nextFrame(video);
    const mediaBefore = performance.getEntriesByType('resource').length;
    let unlockMs: number | null = null;
    let t0: number;
    if (mode === 'sealed') {
      if (mediaCalls.length === 0) throw new Error('bench: the locked player did not fetch its playlist window');
      const asked = performance.now();
      await player.unlock({ passphrase });
      t0 = performance.now();
      unlockMs = t0 - asked;
    } else {
      t0 = performance.now();
      release();
    }
    const t1 = await withTimeout(firstFrame, 30_000, 'the first frame');
    const after = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).slice(mediaBefore).filter((e) => e.startTime >= t0 - 1);
    const media = after.filter((e) => /\/media\/.*(\.m4s|seg-\d+\.sps)$/.test(e.name));
    const first = (re: RegExp) => after.find((e) => re.test(e.name));
    const since = (t: number | undefined) => (t === undefined ? Number.NaN : t - t0);
    const playlist = first(/playlist\.m3u8/);
    const init = first(/\/media\/.*(init\.mp4|init-\d+\.sps)$/);
    const milestones = {
      playlistEnd: since(playlist?.responseEnd),
      initStart: since(init?.startTime),
      initEnd: since(init?.responseEnd),
      segmentStart: since(media[0]?.startTime),
      segmentEnd: since(media[0]?.responseEnd),
    };
    const segmentsFetched = media.filter((e) => e.startTime < t1).length;
    const during = updates.filter(([start]) => start >= t0 && start < t1);
    const playerUpdates = { count: during.length, ms: during.reduce((n, [a, b]) => n + b - a, 0) };
    return { ttff: t1 - t0, t0, unlockMs, windowSegments, segmentsFetched, milestones, playerUpdates, at: player.currentInstant, phase: player.dataset.phase ?? '' };
  },
};
