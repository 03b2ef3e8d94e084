import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PlayerError, isAbort } from '../data-source/errors.js';
import type {
  AudioTrackInfo,
  AuditEvent,
  CoverageSpan,
  Instant,
  MediaDescriptor,
  SessionDataSource,
  SessionInfo,
  SessionRef,
  StreamRef,
  TimeRange,
} from '../data-source/types.js';
import { formatDuration, translator } from '../i18n/messages.js';
import { AudioSourceMixer } from '../media/audio-sources.js';
import { HlsEngine } from '../media/hls-engine.js';
import type { SegmentOpenFn } from '../preview/thumbnail-provider.js';
import type { LiveChunkOpener } from '../live/live-view.js';
import { RecordingLock, type UnlockSecret } from '../sealing/recording-lock.js';
import type { PlaybackState, PlayerNotice } from '../state/playback-state.js';
import { nearestRecorded, normaliseSpans, spanBefore } from '../time/coverage.js';
import { parseMediaPlaylist, type MediaTimeline, type TimelineSegment } from '../time/media-timeline.js';
import { dayRange, formatDate, formatTime, shiftDay, viewerTimeZone } from '../time/wall-clock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Playlist windows around the instant they are loaded for. The first one is
 * short, so the first frame does not wait for thousands of segments to be
 * generated, sent and parsed twice; later ones are long, so that playback
 * crosses window edges rarely.
 */
const FIRST_WINDOW = { before: 15 * 60_000, after: 45 * 60_000 };
const WINDOW = { before: HOUR, after: 3 * HOUR };
/** Coverage is fetched in blocks this size (the API caps a range at 8 days). */
const COVERAGE_HALF_BLOCK = 3 * DAY;
const COVERAGE_CHUNK = 7 * DAY;
/** Jumps longer than this are reported to the audit log. */
const AUDITED_SEEK = 60_000;
const NOTICE_MS = 6_000;
const AUDIT_DELAY_MS = 1_000;
/**
 * Playback stops this far (s) before a segment that must not play, so the
 * last frame shown is the one before it, whatever the frame rate's rounding.
 */
const BARRIER_LEAD_S = 0.25;
/** Stalled at the buffer's end: a barrier this close ahead is why. */
const WAITING_BARRIER_LEAD_S = 1;
/** A missing segment is a point in media time; this much after it still counts as reaching it. */
const MISSING_BARRIER_S = 0.05;

/** Why a sealed segment failed, as words for the error message. */
const FAULT_MESSAGES = {
  'not-sealed': 'faultNotSealed',
  truncated: 'faultTruncated',
  'wrong-kind': 'faultWrongKind',
  'other-recording': 'faultOtherRecording',
  'wrong-index': 'faultWrongIndex',
  'wrong-start': 'faultWrongStart',
  authentication: 'faultAuthentication',
} as const;

/** A media-time range of the current window that must not be played. */
interface Barrier {
  from: number;
  to: number;
  error: PlayerError;
  /** hls.js stopped loading because of it: seeking must start the window afresh. */
  halted: boolean;
}

/** What the controller reports to the host element's listeners. */
export interface PlaybackEvents {
  'session-loaded': SessionInfo;
  'player-error': { code: string; message: string };
  'gap-skipped': { from: Instant; to: Instant };
  notice: PlayerNotice;
}

type Emit = <K extends keyof PlaybackEvents>(type: K, detail: PlaybackEvents[K]) => void;

interface LoadedWindow {
  range: TimeRange;
  timeline: MediaTimeline;
}

/** A playlist window as fetched: hls.js gets the text, the player the timeline. */
interface FetchedWindow extends LoadedWindow {
  text: string;
  url: string;
}

/**
 * The one owner of playback state in `<session-player>`: it talks to the data
 * source and the media element, maps wall-clock instants to media time, and
 * publishes a fresh `PlaybackState` object on every change.
 */
export class PlaybackController implements ReactiveController {
  state: PlaybackState;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #emit: Emit;
  #video: HTMLVideoElement | null = null;
  #engine: HlsEngine | null = null;
  #mixer: AudioSourceMixer | null = null;
  #dataSource: SessionDataSource | null = null;
  #stream: StreamRef | null = null;
  /** What the host asked to open, for Retry before the session is known. */
  #ref: SessionRef | null = null;
  #window: LoadedWindow | null = null;
  #coverageRange: TimeRange | null = null;
  #openAbort = new AbortController();
  #windowAbort = new AbortController();
  #lastSegment = -1;
  /** Set while a seek we made is in flight, so frames before it are ignored. */
  #seekTarget: Instant | null = null;
  #pendingPlay = false;
  /** Re-seeks left to correct a wrong frame after our last seek. */
  #frameChecks = 0;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #noticeId = 0;
  #frameCallback = 0;
  #auditQueue: AuditEvent[] = [];
  #auditTimer: ReturnType<typeof setTimeout> | undefined;
  #detachVideo: (() => void) | null = null;
  /** The open recording's key holder when it is end-to-end encrypted. */
  #lock: RecordingLock | null = null;
  /** The playlist fetched while locked, for the instant it was fetched for. */
  #lockedWindow: { at: Instant; pending: Promise<FetchedWindow> } | null = null;
  /** Media-time ranges of the current window that must not be played (failed or missing segments). */
  #barriers: Barrier[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, emit: Emit) {
    this.#host = host;
    this.#emit = emit;
    host.addController(this);
    this.state = {
      phase: 'idle',
      session: null,
      zone: viewerTimeZone(),
      zoneMode: 'user',
      coverage: [],
      day: null,
      at: null,
      paused: true,
      waiting: false,
      rate: 1,
      muted: false,
      volume: 1,
      mutedSources: [],
      skipStep: 10_000,
      error: null,
      notice: null,
      locale: 'en',
      sealed: 'none',
      unlockRetryAt: 0,
    };
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Binds the media element rendered by the host. */
  attachVideo(video: HTMLVideoElement): void {
    if (this.#video === video) return;
    this.#detachVideo?.();
    this.#video = video;
    this.#engine = new HlsEngine(video, (error) => this.#fail(error));
    this.#mixer = new AudioSourceMixer(video);
    const on = (type: string, listener: () => void) => {
      video.addEventListener(type, listener);
      return () => video.removeEventListener(type, listener);
    };
    const offs = [
      on('play', () => this.#onPlayState()),
      on('pause', () => this.#onPlayState()),
      on('waiting', () => {
        this.#set({ waiting: true });
        this.#checkBarriers(video.currentTime, WAITING_BARRIER_LEAD_S);
      }),
      on('playing', () => this.#set({ waiting: false })),
      on('canplay', () => this.#set({ waiting: false })),
      on('loadeddata', () => this.#onLoaded()),
      on('seeked', () => this.#onSeeked()),
      on('timeupdate', () => this.#onTime(video.currentTime)),
      on('ended', () => void this.#onWindowEnd()),
      on('volumechange', () => this.#set({ muted: video.muted, volume: video.volume })),
      on('ratechange', () => this.#set({ rate: video.playbackRate })),
    ];
    this.#detachVideo = () => offs.forEach((off) => off());
    this.#watchFrames();
  }

  // ---- requests (what the views ask for) ----

  async open(dataSource: SessionDataSource, ref: SessionRef): Promise<void> {
    this.#openAbort.abort();
    this.#windowAbort.abort();
    this.#openAbort = new AbortController();
    this.#windowAbort = new AbortController();
    const signal = this.#openAbort.signal;
    this.#dataSource = dataSource;
    this.#ref = ref;
    this.#window = null;
    this.#coverageRange = null;
    this.#barriers = [];
    this.#lockedWindow = null;
    this.#engine?.destroy();
    this.#dropKey();
    this.#set({
      phase: 'opening',
      session: null,
      coverage: [],
      at: ref.at ?? null,
      error: null,
      notice: null,
      sealed: 'none',
      unlockRetryAt: 0,
    });
    // Download hls.js and open a MediaSource while the API answers.
    this.#engine?.prepare().catch((e: unknown) => this.#fail(PlayerError.from(e, 'unsupported')));
    // When the host names the stream and the instant, fetch media in parallel with the session.
    const early =
      ref.computerId && ref.at !== undefined
        ? this.#fetchWindow({ userId: ref.userId, computerId: ref.computerId }, ref.at, signal, FIRST_WINDOW)
        : null;
    early?.catch(() => undefined);
    try {
      const session = await dataSource.getSession(ref, { signal });
      const lock = session.encryption
        ? await RecordingLock.fromHeader(session.encryption, (detail) => this.#t('headerInvalid', { detail }))
        : null;
      if (signal.aborted) return;
      this.#useLock(lock);
      this.#stream = session.stream;
      const zone = this.state.zoneMode === 'user' ? session.timezone : viewerTimeZone();
      const at = ref.at ?? session.session?.start ?? session.recorded?.start ?? null;
      this.#set({ session, zone, day: at === null ? null : dayRange(at, zone) });
      this.#emit('session-loaded', session);
      if (at === null) {
        this.#set({ phase: 'ready' });
        this.#notify('no-recordings', this.#t('noRecordingsAtAll'));
        return;
      }
      const coverage = this.#ensureCoverage(at, signal);
      const sameStream = early && session.stream.computerId === ref.computerId;
      if (lock) {
        // No media is fetched until the viewer unlocks it; the playlist (metadata) is, to show the first frame sooner.
        const pending = sameStream ? early : this.#fetchWindow(session.stream, at, signal, FIRST_WINDOW);
        pending.catch(() => undefined);
        this.#lockedWindow = { at, pending };
        this.#set({ phase: 'locked', at });
        await coverage;
        return;
      }
      await this.#showWindow(
        sameStream ? early : this.#fetchWindow(session.stream, at, signal, FIRST_WINDOW),
        at,
        false,
        coverage,
      );
    } catch (e) {
      if (!isAbort(e) && !signal.aborted) this.#fail(PlayerError.from(e));
    }
  }

  /**
   * Unlocks an end-to-end encrypted recording with the viewer's passphrase or
   * the host's raw key, then loads it where the playhead is. Rejects with a
   * PlayerError: `wrong-secret` (the next try then waits), `retry-later`,
   * `header-invalid`.
   */
  async unlock(secret: UnlockSecret): Promise<void> {
    const lock = this.#lock;
    if (!lock) throw new PlayerError('header-invalid', 'This recording is not encrypted.', { retryable: false });
    if (lock.unlocked) return;
    try {
      await lock.unlock(secret, {
        wrong: this.#t('passphrase' in secret ? 'wrongPassphrase' : 'wrongKey'),
        retryLater: (until) => this.#t('retryLater', { time: formatTime(until, viewerTimeZone()) }),
      });
    } catch (e) {
      if (e instanceof PlayerError && e.code !== 'retry-later') this.#audit('decrypt-failure', this.state.at ?? undefined);
      if (this.#lock === lock) this.#set({ unlockRetryAt: lock.retryAt });
      throw e;
    }
    if (this.#lock !== lock) {
      lock.lock(); // closed or another recording opened meanwhile
      return;
    }
    this.#audit('decrypt-success', this.state.at ?? undefined);
    this.#set({ sealed: 'unlocked', unlockRetryAt: 0, phase: 'ready' });
    const at = this.state.at;
    const prefetched = this.#lockedWindow;
    this.#lockedWindow = null;
    // The first frame after unlocking waits for a short window, as when opening.
    if (at !== null) this.#loadWindowAt(at, false, FIRST_WINDOW, prefetched?.at === at ? prefetched.pending : undefined);
  }

  /** Drops the key of an unlocked recording and masks it again. */
  lock(): void {
    if (!this.#lock?.unlocked) return;
    this.#lock.lock();
    this.#windowAbort.abort();
    this.#engine?.destroy();
    this.#window = null;
    this.#barriers = [];
    this.#pendingPlay = false;
    // Forget the last decoded frame too.
    this.#video?.removeAttribute('src');
    this.#video?.load();
    this.#set({ sealed: 'locked', phase: 'locked', paused: true, waiting: false, error: null });
  }

  /** Opens sealed segments of the unlocked recording (for previews); null while locked or unsealed. */
  get segmentOpener(): SegmentOpenFn | null {
    return this.#lock?.unlocked ? this.#previewOpener : null;
  }

  /** Opens sealed live chunks of the unlocked recording (Live view); null while locked or unsealed. */
  get liveOpener(): LiveChunkOpener | null {
    return this.#lock?.unlocked ? this.#liveOpener : null;
  }

  #liveOpener: LiveChunkOpener | null = null;

  /** One function per recording, so previews are rebuilt only when the key changes. */
  #previewOpener: SegmentOpenFn | null = null;

  play(): void {
    const video = this.#video;
    if (!video || this.state.phase === 'locked') return;
    if (this.#atWindowEnd()) {
      void this.#onWindowEnd();
      return;
    }
    this.#pendingPlay = true;
    this.#mixer?.resume();
    video.play().catch(() => undefined);
  }

  pause(): void {
    this.#pendingPlay = false;
    this.#video?.pause();
  }

  /** Shows the frame recorded at `at`, or the nearest recording when `at` is in a gap. */
  async seekToInstant(at: Instant): Promise<void> {
    const from = this.state.at;
    const signal = this.#openAbort.signal;
    if (!this.#stream) return;
    await this.#ensureCoverage(at, signal);
    const target = nearestRecorded(this.state.coverage, at);
    if (target === null) {
      this.#notify('no-recordings', this.#t('noRecordingsAtAll'));
      return;
    }
    if (Math.abs(target - at) >= 1000) {
      this.#notify(
        'moved-to-recording',
        this.#t('movedToRecording', { requested: this.#formatInstant(at), shown: this.#formatInstant(target) }),
      );
    }
    if (from !== null && Math.abs(target - from) >= AUDITED_SEEK) this.#audit('seek', target, { from });
    this.#goTo(target, !this.state.paused || this.#pendingPlay);
  }

  skip(deltaMs: number): void {
    const at = this.state.at;
    if (at === null) return;
    const target = nearestRecorded(this.state.coverage, at + deltaMs, deltaMs < 0 ? 'before' : 'after');
    if (target !== null) this.#goTo(target, !this.state.paused);
  }

  /** Beginning or end of the recordings of the day being viewed. */
  goToEdge(edge: 'start' | 'end'): void {
    const day = this.state.day;
    if (!day) return;
    const inDay = this.state.coverage.filter((s) => s.end > day.start && s.start < day.end);
    const target =
      edge === 'start'
        ? inDay[0] && Math.max(inDay[0].start, day.start)
        : inDay.at(-1) && Math.min(inDay.at(-1)!.end, day.end) - 1;
    if (target === undefined) return;
    if (edge === 'end') this.pause();
    this.#goTo(target, edge === 'start' && !this.state.paused);
  }

  /** Moves to the first recording of the previous or next local day. */
  async shiftDay(days: number): Promise<void> {
    const current = this.state.day;
    if (!current || !this.#stream) return;
    const day = shiftDay(current, this.state.zone, days);
    await this.#ensureCoverage(day.start, this.#openAbort.signal);
    const first = this.state.coverage.find((s) => s.end > day.start && s.start < day.end);
    this.#set({ day });
    if (!first) {
      this.#notify('no-recordings', this.#t('noRecordingsDay', { date: formatDate(day.start, this.state.zone) }));
      return;
    }
    this.#goTo(Math.max(first.start, day.start), !this.state.paused);
  }

  setRate(rate: number): void {
    if (!this.#video) return;
    this.#video.defaultPlaybackRate = rate;
    this.#video.playbackRate = rate;
  }

  setMuted(muted: boolean): void {
    if (this.#video) this.#video.muted = muted;
  }

  setVolume(volume: number): void {
    if (!this.#video) return;
    this.#video.volume = Math.min(1, Math.max(0, volume));
    if (volume > 0) this.#video.muted = false;
  }

  /** Mutes or unmutes one audio source (speakers or microphone) of the recording. */
  setSourceMuted(source: AudioTrackInfo['id'], muted: boolean): void {
    const track = this.state.session?.audioTracks.find((t) => t.id === source);
    if (!track || !this.#mixer?.setChannelMuted(track.channel, muted)) return;
    const others = this.state.mutedSources.filter((s) => s !== source);
    this.#set({ mutedSources: muted ? [...others, source] : others });
  }

  /** RMS level per recorded channel after per-source muting, or null while no source was muted. */
  audioLevels(): number[] | null {
    return this.#mixer?.levels() ?? null;
  }

  setZoneMode(mode: 'user' | 'viewer'): void {
    const zone = mode === 'user' && this.state.session ? this.state.session.timezone : viewerTimeZone();
    const at = this.state.at;
    this.#set({ zoneMode: mode, zone, day: at === null ? this.state.day : dayRange(at, zone) });
  }

  setLocale(locale: string): void {
    this.#set({ locale });
  }

  setSkipStep(ms: number): void {
    this.#set({ skipStep: ms });
  }

  /** Full screen for the whole player (video, timeline and controls). */
  toggleFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void this.#host.requestFullscreen().catch(() => undefined);
  }

  togglePictureInPicture(): void {
    const video = this.#video;
    if (!video) return;
    if (document.pictureInPictureElement) void document.exitPictureInPicture();
    else void video.requestPictureInPicture().catch(() => undefined);
  }

  /** Tries again after an error, from where playback was. */
  retry(): void {
    const at = this.state.at;
    if (!this.#dataSource) return;
    if (!this.#stream || at === null) {
      if (this.#ref) void this.open(this.#dataSource, this.#ref);
      return;
    }
    this.#set({ error: null });
    this.#loadWindowAt(at, this.#pendingPlay);
  }

  close(): void {
    if (this.#auditTimer !== undefined && this.#dataSource) {
      clearTimeout(this.#auditTimer);
      this.#flushAudit(this.#dataSource);
    }
    this.#openAbort.abort();
    this.#windowAbort.abort();
    this.#engine?.destroy();
    this.#dropKey();
    this.#mixer?.suspend();
    this.#video?.removeAttribute('src');
    if (this.#video && this.#frameCallback) this.#video.cancelVideoFrameCallback(this.#frameCallback);
    this.#frameCallback = 0;
    this.#detachVideo?.();
    this.#detachVideo = null;
    this.#video = null;
    clearTimeout(this.#noticeTimer);
  }

  // ---- internals ----

  /** The day being viewed if it holds `at`, else the local day that does. */
  #dayHolding(at: Instant): TimeRange {
    const day = this.state.day;
    return day && at >= day.start && at < day.end ? day : dayRange(at, this.state.zone);
  }

  #goTo(target: Instant, playing: boolean): void {
    this.#set({ day: this.#dayHolding(target) });
    if (this.state.phase === 'locked') {
      // Only the playhead moves: the recording loads there once unlocked.
      this.#set({ at: target });
      return;
    }
    const media = this.#window?.timeline.wallToMedia(target);
    // After a segment failed its checks loading has stopped: start the window afresh.
    const halted = this.#barriers.some((b) => b.halted);
    if (media === null || media === undefined || !this.#video || this.state.phase === 'error' || halted) {
      this.#loadWindowAt(target, playing);
      return;
    }
    this.#seekTarget = target;
    this.#frameChecks = 2;
    this.#lastSegment = -1;
    this.#video.currentTime = media; // first: the media pipeline starts before we re-render
    this.#set({ at: target, notice: this.state.notice?.kind === 'gap-skipped' ? null : this.state.notice });
    if (playing) this.play();
  }

  #loadWindowAt(at: Instant, playing: boolean, size = WINDOW, fetched?: Promise<FetchedWindow>): void {
    if (!this.#stream) return;
    this.#windowAbort.abort();
    this.#windowAbort = new AbortController();
    const signal = this.#windowAbort.signal;
    this.#pendingPlay = playing;
    void this.#showWindow(fetched ?? this.#fetchWindow(this.#stream, at, signal, size), at, playing).catch((e: unknown) => {
      // A newer load replaced this one (its fetch may surface as an 'aborted' PlayerError).
      if (!isAbort(e) && !signal.aborted) this.#fail(PlayerError.from(e));
    });
  }

  async #fetchWindow(stream: StreamRef, at: Instant, signal: AbortSignal, size = WINDOW): Promise<FetchedWindow> {
    const range = { start: at - size.before, end: at + size.after };
    const media = await this.#dataSource!.getMedia(stream, range, { signal });
    const { text, url } = await playlistOf(media, signal);
    return { range, text, url, timeline: parseMediaPlaylist(text, url) };
  }

  async #showWindow(
    pending: Promise<FetchedWindow>,
    at: Instant,
    playing: boolean,
    coverage?: Promise<void>,
  ): Promise<void> {
    this.#set({ phase: 'loading', at, error: null });
    const loaded = await pending;
    let target: Instant | null = loaded.timeline.wallToMedia(at) === null ? null : at;
    if (target === null) {
      // Not recorded here: move to the nearest recording (needs coverage).
      await (coverage ?? this.#ensureCoverage(at, this.#openAbort.signal));
      const nearest = nearestRecorded(this.state.coverage, at);
      if (nearest === null) {
        this.#set({ phase: 'ready' });
        this.#notify('no-recordings', this.#t('noRecordingsAtAll'));
        return;
      }
      if (loaded.timeline.wallToMedia(nearest) === null) {
        await this.#showWindow(this.#fetchWindow(this.#stream!, nearest, this.#windowAbort.signal), nearest, playing);
        return;
      }
      target = nearest;
    }
    this.#window = { range: loaded.range, timeline: loaded.timeline };
    this.#barriers = this.#lock ? this.#missingBarriers(loaded.timeline) : [];
    this.#lastSegment = -1;
    this.#seekTarget = target;
    this.#frameChecks = 2;
    this.#set({ at: target, day: this.#dayHolding(target) });
    await this.#engine!.load(loaded.text, loaded.url, loaded.timeline.wallToMedia(target)!);
    this.#checkBarriers(loaded.timeline.wallToMedia(target)!, 0);
    if (playing) this.play();
    await coverage;
  }

  #useLock(lock: RecordingLock | null): void {
    this.#lock = lock;
    this.#previewOpener = lock ? (bytes, expected) => lock.open(bytes, expected) : null;
    this.#liveOpener = lock ? { open: (bytes, capturedAt) => lock.openLiveChunk(bytes, capturedAt), reset: () => lock.resetLive() } : null;
    this.#engine?.setOpener(lock ? (bytes, uri, kind) => this.#openSegment(lock, bytes, uri, kind) : null);
    this.#set({ sealed: lock ? 'locked' : 'none', unlockRetryAt: 0 });
  }

  #dropKey(): void {
    this.#lock?.lock();
    this.#lock = null;
  }

  /** Decrypts a segment hls.js fetched, checking it is the one this window's playlist places there. */
  async #openSegment(lock: RecordingLock, bytes: ArrayBuffer, uri: string, kind: 'init' | 'media'): Promise<Uint8Array> {
    const timeline = this.#window?.timeline;
    const segment = kind === 'media' ? timeline?.segmentByUri(uri) : undefined;
    const seal = segment?.seal ?? timeline?.segments[0]?.seal;
    try {
      if (!seal || (kind === 'media' && !segment)) {
        throw new PlayerError('recording-altered', this.#t('headerMismatch', { reason: this.#t('faultNotSealed') }), { retryable: false });
      }
      const expected =
        kind === 'init'
          ? { kind, index: seal.initIndex, start: 0 }
          : { kind, index: seal.index, start: segment!.wallStart };
      return await lock.open(bytes, expected);
    } catch (e) {
      if (lock === this.#lock && timeline === this.#window?.timeline) this.#onSegmentFault(e, segment);
      throw e;
    }
  }

  /** A segment failed its checks: stop fetching, and stop playback where it would have started. */
  #onSegmentFault(e: unknown, segment: TimelineSegment | undefined): void {
    const lock = this.#lock;
    if (!lock?.unlocked) return;
    let error: PlayerError;
    const fault = (lock.isSegmentFault(e) && e.reason) || 'authentication';
    // A segment of another recording means the header (so every segment) does not fit.
    const wholeWindow = !segment?.seal || fault === 'other-recording';
    if (e instanceof PlayerError) {
      error = e;
    } else {
      const reason = this.#t(FAULT_MESSAGES[fault]);
      error =
        !wholeWindow && segment?.seal
          ? new PlayerError(
              'recording-altered',
              this.#t('recordingAltered', { at: this.#formatInstant(segment.wallStart), index: segment.seal.index, reason }),
              { cause: e, retryable: false },
            )
          : new PlayerError('recording-altered', this.#t('headerMismatch', { reason }), { cause: e, retryable: false });
    }
    this.#engine?.halt();
    // Without a segment (the init segment failed) nothing of the window can play.
    this.#barriers.push(
      !wholeWindow && segment
        ? { from: segment.mediaStart - BARRIER_LEAD_S, to: segment.mediaEnd, error, halted: true }
        : { from: -Infinity, to: Infinity, error, halted: true },
    );
    // Until the seek we asked for has landed, the media element's time is not where playback will be.
    const seeking = this.#seekTarget === null ? null : this.#window?.timeline.wallToMedia(this.#seekTarget);
    this.#checkBarriers(seeking ?? this.#video?.currentTime ?? 0, 0);
  }

  /** Barriers where a sealed playlist skips segment indices. */
  #missingBarriers(timeline: MediaTimeline): Barrier[] {
    return timeline.missingSegments().map((m) => ({
      from: m.mediaAt - BARRIER_LEAD_S,
      to: m.mediaAt + MISSING_BARRIER_S,
      error: new PlayerError('segment-missing', this.#t('segmentMissing', { at: this.#formatInstant(m.at), index: m.index }), {
        retryable: false,
      }),
      halted: false,
    }));
  }

  /** Stops playback with the barrier's error when media time `t` (plus `lead` s) reaches one. */
  #checkBarriers(t: number, lead: number): void {
    if (this.state.phase === 'error') return;
    const hit = this.#barriers.find((b) => t + lead >= b.from && t < b.to);
    if (!hit) return;
    this.#pendingPlay = false;
    this.#video?.pause();
    this.#fail(hit.error);
  }

  /** Makes sure coverage around `at` is known (fetched in blocks). */
  async #ensureCoverage(at: Instant, signal: AbortSignal): Promise<void> {
    const known = this.#coverageRange;
    if (known && at >= known.start + DAY && at < known.end - DAY) return;
    await this.loadCoverage({ start: at - COVERAGE_HALF_BLOCK, end: at + COVERAGE_HALF_BLOCK }, signal);
  }

  /**
   * Makes sure coverage over `range` is known (the timeline asks when it is
   * zoomed or panned). Fetches only what is not known yet, keeping the known
   * range contiguous, in requests the API accepts.
   */
  async loadCoverage(range: TimeRange, signal: AbortSignal = this.#openAbort.signal): Promise<void> {
    const stream = this.#stream;
    const source = this.#dataSource;
    if (!stream || !source) return;
    const known = this.#coverageRange;
    const missing = known
      ? [
          { start: range.start, end: known.start },
          { start: known.end, end: range.end },
        ].filter((p) => p.end > p.start)
      : [range];
    if (missing.length === 0) return;
    const chunks = missing.flatMap((p) => splitRange(p, COVERAGE_CHUNK));
    const spans = (await Promise.all(chunks.map((c) => source.getCoverage(stream, c, { signal })))).flat();
    if (signal.aborted || stream !== this.#stream) return;
    const now = this.#coverageRange;
    this.#coverageRange = now
      ? { start: Math.min(now.start, range.start), end: Math.max(now.end, range.end) }
      : range;
    this.#set({ coverage: normaliseSpans([...this.state.coverage, ...spans]) });
  }

  #watchFrames(): void {
    const video = this.#video;
    if (!video || !('requestVideoFrameCallback' in video)) return;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.#video !== video) return;
      this.#onTime(meta.mediaTime);
      this.#frameCallback = video.requestVideoFrameCallback(onFrame);
    };
    this.#frameCallback = video.requestVideoFrameCallback(onFrame);
  }

  /** A frame (or a time update) at media time `t`: move the clock, notice gaps. */
  #onTime(t: number): void {
    const video = this.#video;
    const timeline = this.#window?.timeline;
    if (this.#barriers.length) this.#checkBarriers(t, 0);
    // While paused the clock stays on the instant asked for (inside the frame shown).
    if (!video || !timeline || this.#seekTarget !== null || video.seeking || video.paused) return;
    const at = timeline.mediaToWall(t);
    if (at === null) return;
    const index = timeline.indexAtMedia(t);
    const previous = timeline.segments[this.#lastSegment];
    const current = timeline.segments[index];
    if (previous && current && index === this.#lastSegment + 1 && current.wallStart - previous.wallEnd >= 1000) {
      this.#reportGap(previous.wallEnd, current.wallStart);
    }
    this.#lastSegment = index;
    this.#set({ at, day: this.#dayHolding(at) });
  }

  #onSeeked(): void {
    this.#seekTarget = null;
    this.#set({ waiting: false });
    if (this.#frameChecks > 0) this.#verifyFrame();
  }

  /**
   * Chromium sometimes presents the first frame of a later buffered range
   * after seeking into data appended just before it. Frame-exactness is the
   * point of this player, so check the frame presented and seek again if it
   * lies after the position asked for.
   */
  #verifyFrame(): void {
    const video = this.#video;
    if (!video || !('requestVideoFrameCallback' in video)) return;
    const wanted = video.currentTime;
    video.requestVideoFrameCallback((_now, meta) => {
      const stillThere = this.#video === video && !video.seeking && video.currentTime === wanted;
      if (stillThere && video.paused && meta.mediaTime > wanted + 0.001) {
        this.#frameChecks--;
        video.currentTime = wanted; // 'seeked' checks again while checks remain
      } else {
        this.#frameChecks = 0;
      }
    });
  }

  #onLoaded(): void {
    this.#seekTarget = null;
    this.#set({ phase: 'ready', waiting: false });
  }

  #onPlayState(): void {
    const paused = this.#video?.paused ?? true;
    if (paused === this.state.paused) return;
    this.#set({ paused });
    if (!paused) this.#pendingPlay = false;
    this.#audit(paused ? 'playback-stop' : 'playback-start', this.state.at ?? undefined);
  }

  #atWindowEnd(): boolean {
    return this.#window !== null && this.#video?.ended === true;
  }

  /** Playback ran off the end of the window: continue with the next recording. */
  async #onWindowEnd(): Promise<void> {
    const window = this.#window;
    const end = window?.timeline.wallRange?.end;
    if (!window || end === undefined) return;
    await this.#ensureCoverage(end, this.#openAbort.signal);
    const next = nearestRecorded(this.state.coverage, end, 'after');
    if (next === null || next < end) {
      this.#set({ at: end - 1 });
      this.#notify('end-of-recordings', this.#t('endOfRecordings'));
      return;
    }
    if (next - end >= 1000) this.#reportGap(spanBefore(this.state.coverage, end)?.end ?? end, next);
    this.#loadWindowAt(next, true);
  }

  #reportGap(from: Instant, to: Instant): void {
    this.#emit('gap-skipped', { from, to });
    this.#notify(
      'gap-skipped',
      this.#t('gapSkipped', {
        from: this.#formatInstant(from),
        to: this.#formatInstant(to),
        duration: formatDuration(to - from),
      }),
    );
  }

  #fail(error: PlayerError): void {
    this.#set({ phase: 'error', error, waiting: false });
    this.#emit('player-error', { code: error.code, message: error.message });
  }

  #notify(kind: PlayerNotice['kind'], message: string): void {
    const notice = { kind, message, id: ++this.#noticeId };
    this.#set({ notice });
    this.#emit('notice', notice);
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => {
      if (this.state.notice?.id === notice.id) this.#set({ notice: null });
    }, NOTICE_MS);
  }

  /**
   * Queues an audit event. Events are delivered a moment later, in order, so
   * that reporting a seek never competes with showing its frame.
   */
  #audit(action: 'playback-start' | 'playback-stop' | 'seek' | 'decrypt-success' | 'decrypt-failure', mediaAt?: Instant, details?: Record<string, number>): void {
    const dataSource = this.#dataSource;
    if (!this.#stream || !dataSource?.audit) return;
    this.#auditQueue.push({ action, stream: this.#stream, at: Date.now(), mediaAt, details });
    this.#auditTimer ??= setTimeout(() => this.#flushAudit(dataSource), AUDIT_DELAY_MS);
  }

  #flushAudit(dataSource: SessionDataSource): void {
    this.#auditTimer = undefined;
    for (const event of this.#auditQueue.splice(0)) {
      void Promise.resolve(dataSource.audit?.(event)).catch(() => undefined);
    }
  }

  #formatInstant(at: Instant): string {
    return `${formatTime(at, this.state.zone)} ${formatDate(at, this.state.zone, translator(this.state.locale).dateLocale)}`;
  }

  #t(...args: Parameters<ReturnType<typeof translator>['t']>): string {
    return translator(this.state.locale).t(...args);
  }

  #set(patch: Partial<PlaybackState>): void {
    this.state = { ...this.state, ...patch };
    this.#host.requestUpdate();
  }
}

async function playlistOf(media: MediaDescriptor, signal: AbortSignal): Promise<{ text: string; url: string }> {
  if ('playlistText' in media) return { text: media.playlistText, url: media.baseUrl };
  let response: Response;
  try {
    response = await fetch(media.playlistUrl, { signal });
  } catch (e) {
    throw PlayerError.from(e, 'network');
  }
  if (!response.ok) throw new PlayerError('network', `The playlist could not be loaded (HTTP ${response.status}).`);
  return { text: await response.text(), url: response.url || media.playlistUrl };
}

/** `range` cut into consecutive pieces no longer than `size`. */
function splitRange(range: TimeRange, size: number): TimeRange[] {
  const out: TimeRange[] = [];
  for (let start = range.start; start < range.end; start += size) out.push({ start, end: Math.min(range.end, start + size) });
  return out;
}
