// Types come from the full build; at run time the light build (no EME,
// subtitles or alternate audio) is loaded, which is all recordings need.
import type HlsType from 'hls.js';
import type { ErrorData, HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';
import { PlayerError } from '../data-source/errors.js';

type HlsClass = typeof HlsType;

let hlsModule: Promise<HlsClass> | null = null;

/**
 * Loads hls.js on first use only (it is most of the player's weight). Call
 * early to overlap the download with API requests.
 */
export function loadHls(): Promise<HlsClass> {
  hlsModule ??= import('hls.js/light').then((m: { default: unknown }) => m.default as HlsClass);
  return hlsModule;
}

/**
 * Plays one playlist window through hls.js. The playlist text was already
 * fetched (the player needs it for time mapping), so hls.js is handed it
 * through a playlist loader instead of fetching it again.
 */
export class HlsEngine {
  readonly #video: HTMLVideoElement;
  readonly #onFatal: (error: PlayerError) => void;
  #hls: HlsType | null = null;
  #attached: Promise<void> = Promise.resolve();
  /** Whether the current hls.js instance has been given a playlist. */
  #loaded = false;
  /** Playlist texts hls.js gets without fetching (the player fetched them already). */
  readonly #playlists = new Map<string, string>();
  #recoveredMedia = false;

  constructor(video: HTMLVideoElement, onFatal: (error: PlayerError) => void) {
    this.#video = video;
    this.#onFatal = onFatal;
  }

  /**
   * Creates hls.js and attaches it to the media element ahead of the
   * playlist: opening a MediaSource takes tens of milliseconds, which then
   * overlap with the API requests instead of following them.
   */
  async prepare(): Promise<void> {
    const Hls = await loadHls();
    if (this.#hls) return;
    if (!Hls.isMSESupported()) {
      throw new PlayerError('unsupported', 'This browser cannot play recordings (Media Source Extensions missing).');
    }
    const config: Partial<HlsConfig> = {
      enableWorker: false,
      autoStartLoad: false,
      startFragPrefetch: true,
      pLoader: cachedPlaylistLoader(Hls, this.#playlists),
      // Bounded buffers keep memory flat over hours of 16x playback.
      maxBufferLength: 30,
      backBufferLength: 30,
      fragLoadPolicy: {
        default: {
          maxTimeToFirstByteMs: 10_000,
          maxLoadTimeMs: 30_000,
          timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
          errorRetry: { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 4_000, backoff: 'exponential' },
        },
      },
    };
    const hls = new Hls(config);
    this.#hls = hls;
    this.#attached = new Promise((resolve) => hls.once(Hls.Events.MEDIA_ATTACHED, () => resolve()));
    this.#recoveredMedia = false;
    hls.on(Hls.Events.ERROR, (_event, data) => this.#handleError(Hls, hls, data));
    hls.attachMedia(this.#video);
  }

  /** Plays `playlistText` (fetched from `playlistUrl`), showing media time `startAt` first. */
  async load(playlistText: string, playlistUrl: string, startAt: number): Promise<void> {
    // A loaded window is never reused: each window gets a fresh MediaSource.
    if (this.#loaded) this.destroy();
    await this.prepare();
    const hls = this.#hls!;
    const Hls = await loadHls();
    this.#loaded = true;
    this.#playlists.clear();
    this.#playlists.set(playlistUrl, playlistText);
    hls.once(Hls.Events.MANIFEST_PARSED, () => hls.startLoad(startAt));
    await this.#attached;
    if (this.#hls === hls) hls.loadSource(playlistUrl);
  }

  destroy(): void {
    this.#hls?.destroy();
    this.#hls = null;
    this.#loaded = false;
  }

  #handleError(Hls: HlsClass, hls: HlsType, data: ErrorData): void {
    if (!data.fatal || hls !== this.#hls) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !this.#recoveredMedia) {
      this.#recoveredMedia = true;
      hls.recoverMediaError();
      return;
    }
    this.destroy();
    const network = data.type === Hls.ErrorTypes.NETWORK_ERROR;
    const status = data.response?.code;
    const detail = status ? ` (HTTP ${status})` : data.details ? ` (${data.details})` : '';
    this.#onFatal(
      new PlayerError(
        network ? 'network' : 'media',
        network ? `The recording could not be loaded${detail}.` : `The recording could not be decoded${detail}.`,
        { cause: data.error },
      ),
    );
  }
}

function cachedPlaylistLoader(Hls: HlsClass, playlists: ReadonlyMap<string, string>) {
  const Base = Hls.DefaultConfig.loader as unknown as new (config: HlsConfig) => Loader<LoaderContext>;
  return class CachedPlaylistLoader extends Base {
    override load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const text = playlists.get(context.url);
      if (text === undefined) {
        super.load(context, config, callbacks);
        return;
      }
      const url = context.url;
      this.context = context;
      const now = performance.now();
      const stats = this.stats;
      stats.loading.start = stats.loading.first = stats.loading.end = now;
      stats.loaded = stats.total = text.length;
      // Asynchronous like a real load: hls.js expects callbacks after load() returns.
      queueMicrotask(() => callbacks.onSuccess({ url, data: text }, stats, context, null));
    }
  } as unknown as HlsConfig['pLoader'];
}
