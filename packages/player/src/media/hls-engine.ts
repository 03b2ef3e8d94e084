// Types come from the full build; at run time the light build (no EME,
// subtitles or alternate audio) is loaded, which is all recordings need.
import type HlsType from 'hls.js';
import type {
  ErrorData,
  FragmentLoaderContext,
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderContext,
  LoaderResponse,
  LoaderStats,
  NullableNetworkDetails,
} from 'hls.js';
import { PlayerError } from '../data-source/errors.js';

type HlsClass = typeof HlsType;

/**
 * Turns fetched segment bytes into what hls.js may append (an end-to-end
 * encrypted recording's segments are decrypted and checked here). It
 * rejects when the bytes must not be played; nothing of them is appended then.
 */
export type SegmentOpener = (bytes: ArrayBuffer, uri: string, kind: 'init' | 'media') => Promise<Uint8Array>;

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
  #opener: SegmentOpener | null = null;
  /** Loading stopped on purpose (a segment failed its checks): hls.js errors after that are not news. */
  #halted = false;

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
      fLoader: openingFragmentLoader(Hls, () => this.#opener),
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
    this.#halted = false;
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

  /** How segments are opened from now on (null: played as fetched). */
  setOpener(opener: SegmentOpener | null): void {
    this.#opener = opener;
  }

  /** Stops fetching segments (after one failed its checks); the next `load` starts afresh. */
  halt(): void {
    this.#halted = true;
    this.#hls?.stopLoad();
  }

  destroy(): void {
    this.#halted = false;
    this.#hls?.destroy();
    this.#hls = null;
    this.#loaded = false;
  }

  #handleError(Hls: HlsClass, hls: HlsType, data: ErrorData): void {
    if (!data.fatal || hls !== this.#hls || this.#halted) return;
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

type FragmentCallbacks = LoaderCallbacks<FragmentLoaderContext>;

/**
 * The default fragment loader, with every fetched init and media segment
 * passed through the current `SegmentOpener` before hls.js sees it.
 * Progressive delivery is off for opened segments: a sealed segment can only
 * be authenticated whole.
 */
function openingFragmentLoader(Hls: HlsClass, opener: () => SegmentOpener | null) {
  const Base = Hls.DefaultConfig.loader as unknown as new (config: HlsConfig) => Loader<FragmentLoaderContext>;
  return class OpeningFragmentLoader extends Base {
    #aborted = false;

    override load(context: FragmentLoaderContext, config: LoaderConfiguration, callbacks: FragmentCallbacks): void {
      const open = opener();
      if (!open) {
        super.load(context, config, callbacks);
        return;
      }
      this.#aborted = false;
      const kind = context.frag.sn === 'initSegment' ? 'init' : 'media';
      super.load(context, config, {
        onSuccess: (response: LoaderResponse, stats: LoaderStats, ctx: FragmentLoaderContext, details: NullableNetworkDetails) => {
          open(response.data as ArrayBuffer, ctx.url, kind).then(
            (plain) => {
              if (this.#aborted) return;
              const data = plain.byteOffset === 0 && plain.byteLength === plain.buffer.byteLength ? plain.buffer : plain.slice().buffer;
              callbacks.onSuccess({ ...response, data: data as ArrayBuffer }, stats, ctx, details);
            },
            (error: unknown) => {
              if (this.#aborted) return;
              callbacks.onError({ code: 0, text: error instanceof Error ? error.message : String(error) }, ctx, details, stats);
            },
          );
        },
        onError: callbacks.onError,
        onTimeout: callbacks.onTimeout,
        ...(callbacks.onAbort ? { onAbort: callbacks.onAbort } : {}),
      });
    }

    override abort(): void {
      this.#aborted = true;
      super.abort();
    }
  } as unknown as HlsConfig['fLoader'];
}
