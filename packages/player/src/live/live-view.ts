import type HlsType from 'hls.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadHls } from '../media/hls-engine.js';
import type {
  LiveCommand,
  LiveConnection,
  LiveControlState,
  LiveVideoConfig,
  SessionDataSource,
  StreamRef,
} from '../data-source/types.js';

/**
 * `off`: History view. `connecting`: opening, or opened and waiting for the
 * first frame. `live`: frames are arriving. `reconnecting`: the connection
 * dropped; trying again with backoff. `offline`: the agent on the monitored
 * computer is gone. `unsupported`: this browser cannot decode the stream.
 */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unsupported';

/** Decrypts sealed live chunks of an end-to-end encrypted stream (the player's unlocked key). */
export interface LiveChunkOpener {
  open(bytes: Uint8Array, capturedAt: number): Promise<Uint8Array>;
  /** A new connection: its chunk counter starts afresh. */
  reset(): void;
}

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 8_000;

/**
 * Live view of one stream: keeps a connection open (reconnecting with
 * backoff), decodes its video chunks with WebCodecs onto a canvas, and
 * carries control commands the other way, in order.
 */
export class LiveView implements ReactiveController {
  status: LiveStatus = 'off';
  /** How video arrives: encoded chunks (painted on the canvas) or a live HLS playlist (played in the video element). */
  transport: 'chunks' | 'hls' = 'chunks';
  control: LiveControlState = 'none';
  frozen = false;
  /** Size of the remote desktop in pixels, once known. */
  desktop: { width: number; height: number } | null = null;
  /**
   * An end-to-end encrypted stream's chunks arrive sealed: `'locked'` while
   * there is no key (nothing is decoded, the view stays masked), else how to
   * open them; null for a plain stream.
   */
  sealing: LiveChunkOpener | 'locked' | null = null;
  #opening: Promise<unknown> = Promise.resolve();

  readonly #host: ReactiveControllerHost;
  #source: SessionDataSource | null = null;
  #stream: StreamRef | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #video: HTMLVideoElement | null = null;
  #hls: HlsType | null = null;
  #hlsUrl: string | null = null;
  #connection: LiveConnection | null = null;
  #abort = new AbortController();
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #decoder: VideoDecoder | null = null;
  #config: LiveVideoConfig | null = null;
  #needKey = true;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Starts showing the live desktop of `stream` on `canvas` (chunks) or `video` (HLS). */
  start(source: SessionDataSource, stream: StreamRef, canvas: HTMLCanvasElement, video: HTMLVideoElement): void {
    this.stop();
    this.#source = source;
    this.#stream = stream;
    this.#canvas = canvas;
    this.#video = video;
    this.#abort = new AbortController();
    this.#attempt = 0;
    this.#set({ status: 'connecting', control: 'none', frozen: false });
    void this.#connect();
  }

  /** Back to History view: closes the connection and the decoder. */
  stop(): void {
    this.#abort.abort();
    clearTimeout(this.#retryTimer);
    this.#connection?.close();
    this.#connection = null;
    this.#closeDecoder();
    this.#stopHls();
    this.#source = null;
    if (this.status !== 'off') this.#set({ status: 'off', control: 'none', frozen: false, transport: 'chunks' });
  }

  /** Sends a command to the remote desktop (dropped while disconnected). */
  send(command: LiveCommand): void {
    this.#connection?.send(command);
  }

  async #connect(): Promise<void> {
    const source = this.#source;
    const signal = this.#abort.signal;
    if (!source?.openLive || !this.#stream) return;
    let connection: LiveConnection;
    try {
      connection = await source.openLive(this.#stream, { signal });
    } catch {
      if (!signal.aborted) this.#retry();
      return;
    }
    if (signal.aborted) {
      connection.close();
      return;
    }
    this.#connection = connection;
    this.#needKey = true;
    if (this.sealing && this.sealing !== 'locked') this.sealing.reset();
    connection.listen({
      config: (config) => {
        this.#stopHls();
        this.#set({ transport: 'chunks' });
        this.#configure(config);
      },
      hls: (url) => void this.#playHls(url, signal),
      chunk: (chunk) => this.#decode(chunk),
      state: ({ control, frozen }) => this.#set({ control, frozen }),
      agent: (online) => {
        if (!online) this.#set({ status: 'offline', control: 'none', frozen: false });
        else if (this.status === 'offline') this.#set({ status: 'connecting' });
      },
      closed: () => {
        if (this.#connection !== connection || signal.aborted) return;
        this.#connection = null;
        this.#retry();
      },
    });
  }

  #retry(): void {
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#attempt++);
    this.#set({ status: 'reconnecting' });
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#connect(), delay);
  }

  #configure(config: LiveVideoConfig): void {
    const same =
      this.#config &&
      this.#config.codec === config.codec &&
      this.#config.codedWidth === config.codedWidth &&
      this.#config.codedHeight === config.codedHeight &&
      this.#config.description === config.description;
    if (same && this.#decoder?.state === 'configured') return;
    this.#closeDecoder();
    this.#config = config;
    this.desktop = { width: config.codedWidth, height: config.codedHeight };
    if (typeof VideoDecoder === 'undefined') {
      this.#set({ status: 'unsupported' });
      return;
    }
    const decoder = new VideoDecoder({
      output: (frame) => this.#paint(frame),
      error: () => {
        // A broken chunk: start again from the next key frame.
        if (this.#decoder === decoder) {
          this.#decoder = null;
          this.#configure(config);
          this.send({ t: 'keyframe' });
        }
      },
    });
    decoder.configure({
      codec: config.codec,
      codedWidth: config.codedWidth,
      codedHeight: config.codedHeight,
      optimizeForLatency: true,
      ...(config.description ? { description: Uint8Array.from(atob(config.description), (c) => c.charCodeAt(0)) } : {}),
    });
    this.#decoder = decoder;
    this.#needKey = true;
  }

  #decode(chunk: { key: boolean; timestamp: number; capturedAt: number; data: Uint8Array }): void {
    const sealing = this.sealing;
    if (sealing === 'locked') return;
    if (sealing) {
      // In order: each chunk is opened after the one before.
      this.#opening = this.#opening.then(() =>
        sealing.open(chunk.data, chunk.capturedAt).then(
          (data) => this.#decodeOpen({ ...chunk, data }),
          () => {
            // A chunk that fails its checks is dropped; decoding restarts at a key frame.
            this.#needKey = true;
            this.send({ t: 'keyframe' });
          },
        ),
      );
      return;
    }
    this.#decodeOpen(chunk);
  }

  #decodeOpen(chunk: { key: boolean; timestamp: number; capturedAt: number; data: Uint8Array }): void {
    const decoder = this.#decoder;
    if (!decoder || decoder.state !== 'configured') return;
    if (this.#needKey && !chunk.key) return;
    this.#needKey = false;
    decoder.decode(new EncodedVideoChunk({ type: chunk.key ? 'key' : 'delta', timestamp: chunk.timestamp, data: chunk.data }));
  }

  #paint(frame: VideoFrame): void {
    const canvas = this.#canvas;
    try {
      if (!canvas || this.status === 'off') return;
      if (canvas.width !== frame.displayWidth || canvas.height !== frame.displayHeight) {
        canvas.width = frame.displayWidth;
        canvas.height = frame.displayHeight;
      }
      canvas.getContext('2d')?.drawImage(frame, 0, 0);
      if (this.status !== 'live' && this.status !== 'offline') {
        this.#attempt = 0;
        this.#set({ status: 'live' });
      }
    } finally {
      frame.close();
    }
  }

  async #playHls(url: string, signal: AbortSignal): Promise<void> {
    if (this.#hls && this.#hlsUrl === url) return;
    this.#closeDecoder();
    this.#stopHls();
    this.#set({ transport: 'hls' });
    const Hls = await loadHls();
    const video = this.#video;
    if (signal.aborted || !video) return;
    const hls = new Hls({ enableWorker: false, lowLatencyMode: true, liveSyncDurationCount: 2 });
    this.#hls = hls;
    this.#hlsUrl = url;
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal || this.#hls !== hls) return;
      // As if the connection had dropped: start over with backoff.
      this.#stopHls();
      this.#connection?.close();
      this.#connection = null;
      this.#retry();
    });
    video.addEventListener(
      'loadeddata',
      () => {
        if (this.#hls !== hls) return;
        this.desktop = { width: video.videoWidth, height: video.videoHeight };
        this.#attempt = 0;
        this.#set({ status: 'live' });
      },
      { once: true },
    );
    hls.attachMedia(video);
    hls.loadSource(url);
    video.muted = true;
    void video.play().catch(() => undefined);
  }

  #stopHls(): void {
    this.#hls?.destroy();
    this.#hls = null;
    this.#hlsUrl = null;
    this.#video?.removeAttribute('src');
  }

  #closeDecoder(): void {
    if (this.#decoder && this.#decoder.state !== 'closed') this.#decoder.close();
    this.#decoder = null;
    this.#config = null;
  }

  #set(patch: Partial<Pick<LiveView, 'status' | 'control' | 'frozen' | 'transport'>>): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }
}
