import type { RecordingHeader, RecordingKey, Secret, SegmentRef } from '@session-player/e2ee';
import { PlayerError } from '../data-source/errors.js';

type E2ee = typeof import('@session-player/e2ee');

let e2eeModule: Promise<E2ee> | null = null;

/**
 * Loads the encryption package (and the decrypt overlay it defines) on first
 * use: only end-to-end encrypted recordings need it.
 */
export function loadE2ee(): Promise<E2ee> {
  e2eeModule ??= import('@session-player/e2ee');
  return e2eeModule;
}

/** How a viewer or host opens a recording: the passphrase, or the raw 256-bit key a KMS gave the host. */
export type UnlockSecret = Secret;

/**
 * The key of one end-to-end encrypted recording, held in memory only while
 * unlocked. The data key is a non-extractable CryptoKey, so not even this
 * page can read its bytes; `lock()` drops it. Wrong secrets make the next
 * try wait longer (1 s, 2 s, 4 s … 30 s).
 */
export class RecordingLock {
  readonly header: RecordingHeader;
  readonly #e2ee: E2ee;
  #key: RecordingKey | null = null;
  #failures = 0;
  #retryAt = 0;

  private constructor(e2ee: E2ee, header: RecordingHeader) {
    this.#e2ee = e2ee;
    this.header = header;
  }

  /** Reads a recording header (base64); a damaged one is a `header-invalid` PlayerError. */
  static async fromHeader(base64: string, describe: (detail: string) => string): Promise<RecordingLock> {
    const e2ee = await loadE2ee();
    try {
      return new RecordingLock(e2ee, e2ee.parseHeader(base64));
    } catch (e) {
      throw new PlayerError('header-invalid', describe(e instanceof Error ? e.message : String(e)), { cause: e, retryable: false });
    }
  }

  get unlocked(): boolean {
    return this.#key !== null;
  }

  /** Epoch ms before which `unlock` refuses to try (0: now is fine). */
  get retryAt(): number {
    return this.#retryAt;
  }

  /**
   * Derives or unwraps the data key. Rejects with a PlayerError: `wrong-secret`
   * (and the next try is delayed), `retry-later` when called before
   * `retryAt`, `header-invalid` when the secret's kind does not fit the header.
   */
  async unlock(secret: UnlockSecret, messages: { wrong: string; retryLater: (until: number) => string }): Promise<void> {
    if (Date.now() < this.#retryAt) {
      throw new PlayerError('retry-later', messages.retryLater(this.#retryAt), { retryable: false });
    }
    try {
      this.#key = await this.#e2ee.unlock(this.header, secret);
      this.#failures = 0;
      this.#retryAt = 0;
    } catch (e) {
      if (e instanceof this.#e2ee.E2eeError && e.code === 'wrong-secret') {
        this.#failures++;
        this.#retryAt = Date.now() + this.#e2ee.minimumDelayAfterFailures(this.#failures);
        throw new PlayerError('wrong-secret', messages.wrong, { retryable: false });
      }
      throw new PlayerError('header-invalid', e instanceof Error ? e.message : String(e), { retryable: false });
    }
  }

  /** Forgets the key; decryptions still in flight with it fail instead of finishing. */
  lock(): void {
    if (this.#key) this.#e2ee.lock(this.#key);
    this.#key = null;
  }

  /** Decrypts and checks one sealed segment; rejects with the package's `E2eeError` when it fails. */
  open(bytes: ArrayBuffer | Uint8Array, expected: SegmentRef): Promise<Uint8Array> {
    const key = this.#key;
    if (!key) return Promise.reject(new PlayerError('wrong-secret', 'The recording is locked.', { retryable: false }));
    return this.#e2ee.decryptSegment(key, bytes, expected);
  }

  /**
   * Opens a sealed live chunk (FORMAT.md §5.4): its start must be the capture
   * instant the transport carried, and its index must grow within a connection
   * (`resetLive()` starts a new one), so replayed or reordered chunks fail.
   */
  async openLiveChunk(bytes: Uint8Array, capturedAt: number): Promise<Uint8Array> {
    const { kind, index } = this.#e2ee.readSegmentHeader(bytes);
    const last = this.#lastLiveIndex;
    if (kind === 'live' && last !== null && index <= last) {
      throw new this.#e2ee.E2eeError('segment-altered', `Live chunk ${index} came after chunk ${last}: replayed or reordered.`, {
        reason: 'wrong-index',
        expected: { kind: 'live', index: last + 1, start: capturedAt },
      });
    }
    const plain = await this.open(bytes, { kind: 'live', index, start: capturedAt });
    this.#lastLiveIndex = index;
    return plain;
  }

  resetLive(): void {
    this.#lastLiveIndex = null;
  }

  #lastLiveIndex: number | null = null;

  /** Whether `e` is the package's error for a segment that failed its checks. */
  isSegmentFault(e: unknown): e is InstanceType<E2ee['E2eeError']> {
    return e instanceof this.#e2ee.E2eeError && e.code === 'segment-altered';
  }
}
