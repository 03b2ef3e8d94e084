import type { VideoChunkFrame } from '../../packages/player/src/live/live-protocol.js';
import { DESKTOP_HEIGHT, DESKTOP_WIDTH } from './desktop-geometry.js';

/** What viewers need to configure their decoder (the `{t:'config'}` message minus `t`). */
export interface StreamConfig {
  codec: string;
  codedWidth: number;
  codedHeight: number;
  /** Base64 of the decoder description, when the codec has one (not H.264 Annex B, not VP8). */
  description?: string;
}

export const FRAME_RATE = 30;
const BITRATE = 2_000_000;
/** A key frame at least this often, in ms. */
const KEY_FRAME_INTERVAL_MS = 2000;
/** Forced key frames (viewer requests, reconnects) at most this often, in ms. */
const MIN_FORCED_KEY_GAP_MS = 250;
/** Frames waiting in the encoder beyond which new ones are dropped, not queued. */
const MAX_ENCODE_QUEUE = 3;

/** Codecs in order of preference; the first this browser can encode is used. */
const CANDIDATES: VideoEncoderConfig[] = [
  {
    codec: 'avc1.42001f', // H.264 Constrained Baseline, level 3.1
    width: DESKTOP_WIDTH,
    height: DESKTOP_HEIGHT,
    bitrate: BITRATE,
    framerate: FRAME_RATE,
    latencyMode: 'realtime',
    // Parameter sets in band: no out-of-band description to ship.
    avc: { format: 'annexb' },
  },
  { codec: 'vp8', width: DESKTOP_WIDTH, height: DESKTOP_HEIGHT, bitrate: BITRATE, framerate: FRAME_RATE, latencyMode: 'realtime' },
];

/**
 * The desktop canvas as a WebCodecs video stream: `encode()` once per drawn
 * frame; `onChunk` receives every encoded chunk with the wall-clock instant its
 * frame was drawn; `onConfig` the decoder configuration, first and whenever it
 * changes. Key frames every 2 s and on `requestKeyFrame()`.
 */
export class StreamEncoder {
  config: StreamConfig | null = null;
  chunksEncoded = 0;
  /** Why encoding does not run, when it does not. */
  error: string | null = null;
  private encoder: VideoEncoder | null = null;
  private encoderConfig: VideoEncoderConfig | null = null;
  private readonly capturedAt = new Map<number, number>();
  private forceKey = true;
  private lastKeyAt = -Infinity;
  private lastTimestamp = -1;
  private readonly origin = performance.now();
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChunk: (chunk: VideoChunkFrame) => void,
    private readonly onConfig: (config: StreamConfig) => void,
  ) {}

  /** Picks a codec and configures the encoder; resolves false when none works. */
  async start(): Promise<boolean> {
    if (typeof VideoEncoder === 'undefined') {
      this.error = 'WebCodecs VideoEncoder is not available (it needs a secure context)';
      return false;
    }
    if (!this.encoderConfig) {
      for (const candidate of CANDIDATES) {
        try {
          const { supported } = await VideoEncoder.isConfigSupported(candidate);
          if (supported) {
            this.encoderConfig = candidate;
            break;
          }
        } catch {
          // Not this one.
        }
      }
    }
    const config = this.encoderConfig;
    if (!config) {
      this.error = 'this browser cannot encode H.264 or VP8';
      return false;
    }
    const encoder = new VideoEncoder({
      output: (chunk, meta) => this.output(chunk, meta),
      error: (e) => this.fail(e),
    });
    encoder.configure(config);
    this.encoder = encoder;
    this.error = null;
    this.forceKey = true;
    this.announce({ codec: config.codec, codedWidth: config.width, codedHeight: config.height });
    return true;
  }

  /** The next frame is a key frame (rate-limited to one per 250 ms). */
  requestKeyFrame(): void {
    this.forceKey = true;
  }

  /** Encodes the canvas as it is now; `capturedAt` is Date.now() when it was drawn. */
  encode(source: CanvasImageSource, capturedAt: number): void {
    const encoder = this.encoder;
    if (!encoder || encoder.state !== 'configured') return;
    // A slow encoder drops frames rather than building a backlog.
    if (encoder.encodeQueueSize > MAX_ENCODE_QUEUE) return;
    const now = performance.now();
    const timestamp = Math.max(this.lastTimestamp + 1, Math.round((now - this.origin) * 1000));
    this.lastTimestamp = timestamp;
    const key =
      now - this.lastKeyAt >= KEY_FRAME_INTERVAL_MS || (this.forceKey && now - this.lastKeyAt >= MIN_FORCED_KEY_GAP_MS);
    if (key) {
      this.forceKey = false;
      this.lastKeyAt = now;
    }
    const frame = new VideoFrame(source, { timestamp });
    try {
      this.capturedAt.set(timestamp, capturedAt);
      encoder.encode(frame, { keyFrame: key });
    } finally {
      frame.close();
    }
  }

  close(): void {
    clearTimeout(this.restartTimer);
    if (this.encoder && this.encoder.state !== 'closed') this.encoder.close();
    this.encoder = null;
  }

  private output(chunk: EncodedVideoChunk, meta: EncodedVideoChunkMetadata | undefined): void {
    const dc = meta?.decoderConfig;
    if (dc) {
      this.announce({
        codec: dc.codec,
        codedWidth: dc.codedWidth ?? this.encoderConfig?.width ?? DESKTOP_WIDTH,
        codedHeight: dc.codedHeight ?? this.encoderConfig?.height ?? DESKTOP_HEIGHT,
        ...(dc.description ? { description: toBase64(dc.description) } : {}),
      });
    }
    const capturedAt = this.capturedAt.get(chunk.timestamp) ?? Date.now();
    // Frames the encoder dropped never come out: forget everything up to this one.
    for (const t of this.capturedAt.keys()) {
      if (t > chunk.timestamp) break;
      this.capturedAt.delete(t);
    }
    const data = new Uint8Array(chunk.byteLength);
    chunk.copyTo(data);
    this.chunksEncoded++;
    this.onChunk({ key: chunk.type === 'key', timestamp: chunk.timestamp, capturedAt, data });
  }

  private announce(config: StreamConfig): void {
    const old = this.config;
    if (
      old &&
      old.codec === config.codec &&
      old.codedWidth === config.codedWidth &&
      old.codedHeight === config.codedHeight &&
      old.description === config.description
    ) {
      return;
    }
    this.config = config;
    this.onConfig(config);
  }

  /** The encoder broke: start a fresh one shortly (its first frame is a key frame). */
  private fail(e: DOMException): void {
    console.error('[agent] video encoder failed', e);
    this.error = e.message;
    this.encoder = null;
    this.capturedAt.clear();
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.start(), 1000);
  }
}

function toBase64(source: AllowSharedBufferSource): string {
  const bytes = ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
