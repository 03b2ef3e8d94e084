import { parseHeader } from '../../packages/e2ee/src/format/header.js';
import { resumeRecording, sealSegment, type SealingKey } from '../../packages/e2ee/src/sealing.js';
import type { VideoChunkFrame } from '../../packages/player/src/live/live-protocol.js';
import type { AgentParams } from './agent-params.js';

/** The demo's passphrase (README), used when the page gives no `?passphrase=`. */
const DEMO_PASSPHRASE = 'correct horse battery staple';

/**
 * Seals live chunks of an end-to-end encrypted stream as FORMAT.md §5.4 live
 * chunks, with the recording's own data key: a real agent holds that key; the
 * demo agent unwraps it from the stream's header with the demo passphrase.
 * Chunks are sealed one after another so they leave in order.
 */
export class LiveSealer {
  readonly #key: SealingKey;
  /** A fresh random start per live session: the data key is shared with every other session. */
  #next: number;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(key: SealingKey) {
    this.#key = key;
    const random = crypto.getRandomValues(new Uint32Array(2));
    this.#next = (random[0]! & 0xf_ffff) * 2 ** 32 + random[1]!; // 52 bits
  }

  /** A sealer when the stream is end-to-end encrypted, else null. */
  static async forStream(p: AgentParams, passphrase = new URLSearchParams(location.search).get('passphrase') ?? DEMO_PASSPHRASE): Promise<LiveSealer | null> {
    const q = new URLSearchParams({ userId: p.userId, computerId: p.computerId });
    const response = await fetch(`/api/session?${q}`);
    // Never fall back to streaming in the clear because the answer did not come.
    if (!response.ok) throw new Error(`the session could not be read (HTTP ${response.status})`);
    const info = (await response.json()) as { encryption: string | null };
    if (!info.encryption) return null;
    return new LiveSealer(await resumeRecording(parseHeader(info.encryption), { passphrase }));
  }

  /** Seals `chunk`'s data; resolves in the order chunks were given. */
  seal(chunk: VideoChunkFrame): Promise<VideoChunkFrame> {
    const index = this.#next++;
    const sealed = this.#queue.then(() =>
      sealSegment(this.#key, { kind: 'live', index, start: Math.round(chunk.capturedAt), data: chunk.data }),
    );
    this.#queue = sealed.catch(() => undefined);
    return sealed.then((data) => ({ ...chunk, capturedAt: Math.round(chunk.capturedAt), data }));
  }
}
