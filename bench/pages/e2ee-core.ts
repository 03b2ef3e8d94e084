/**
 * The crypto half of `npm run bench:e2ee`, shared by the Chromium page
 * (e2ee-crypto.ts) and Node (bench/e2ee.ts): the same code times
 * `@session-player/e2ee` against bare WebCrypto in both. It only collects
 * samples; bench/e2ee.ts turns them into statistics (bench/measure.ts).
 *
 * The library is passed in: the page bundles `@session-player/e2ee` (source
 * condition), Node imports the package's sources like the demo server does.
 */
import type * as E2ee from '@session-player/e2ee';

export type E2eeLib = typeof E2ee;

/** Buffers of one kind, decrypted `passes` times over per timed batch. */
export interface BufferSet {
  name: string;
  buffers: Uint8Array[];
  passes: number;
}

/**
 * Per timed batch (one per side per round, rounds ≥ 1): plaintext MB/s of each side.
 * `library[i]` and `raw[i]` ran back to back, so their ratio is a fair pair even on a
 * machine whose speed drifts.
 */
export interface ThroughputSamples {
  name: string;
  count: number;
  /** Plaintext bytes decrypted per batch. */
  bytes: number;
  calls: number;
  library: number[];
  raw: number[];
}

export interface KdfSamples {
  iterations: number;
  /** `unlock(header, { passphrase })`, ms per call. */
  passphrase: number[];
  /** Bare `importKey` + PBKDF2 `deriveBits` (256 bits) with the header's salt and iterations, ms. */
  pbkdf2: number[];
  /** `unlock(header, { key })` (import + AES-GCM unwrap, no KDF), ms per call (mean of a batch of RAW_KEY_BATCH). */
  rawKey: number[];
}

const subtle = () => globalThis.crypto.subtle;
const now = () => performance.now();
const TAG_BYTES = 16;
const SEGMENT_HEADER_BYTES = 32;
const RAW_KEY_BATCH = 20;

/** Deterministic filler (not all zeros: nothing below should special-case it). */
export function fillerBytes(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = Math.imul(seed, 2654435761) >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** What both environments decrypt: every pool media segment, a synthetic 4 MB buffer, the pool init segment. */
export async function bufferSets(read: (file: string) => Promise<Uint8Array<ArrayBuffer>>): Promise<BufferSet[]> {
  const pool = JSON.parse(new TextDecoder().decode(await read('pool.json'))) as { init: string; segments: { file: string }[] };
  const segments = await Promise.all(pool.segments.map((s) => read(s.file)));
  return [
    { name: 'pool media segments', buffers: segments, passes: 5 },
    { name: 'synthetic 4 MB', buffers: [fillerBytes(4 * 1024 * 1024)], passes: 4 },
    { name: 'pool init segment', buffers: [await read(pool.init)], passes: 1000 },
  ];
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The raw peer's inputs for one sealed media segment, built from FORMAT.md §5 (not from
 * the library): nonce = prefix ‖ u64(index), AAD = sealed[0, 32) ‖ u16(L) ‖ recording id.
 */
function rawParams(header: E2ee.RecordingHeader, sealed: Uint8Array<ArrayBuffer>, index: number) {
  const iv = new Uint8Array(12);
  iv.set(header.noncePrefix, 0);
  const view = new DataView(iv.buffer);
  view.setUint32(4, Math.floor(index / 0x1_0000_0000));
  view.setUint32(8, index >>> 0);
  const id = new TextEncoder().encode(header.recordingId);
  const aad = new Uint8Array(SEGMENT_HEADER_BYTES + 2 + id.length);
  aad.set(sealed.subarray(0, SEGMENT_HEADER_BYTES), 0);
  new DataView(aad.buffer).setUint16(SEGMENT_HEADER_BYTES, id.length);
  aad.set(id, SEGMENT_HEADER_BYTES + 2);
  const params: AesGcmParams = { name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 };
  return { params, ciphertext: sealed.subarray(SEGMENT_HEADER_BYTES) };
}

/**
 * Decrypt throughput of `decryptSegment` against `crypto.subtle.decrypt` (AES-256-GCM)
 * on the same sealed buffers with the same data key: the recording is created with the
 * vectors-only `dataKey` option and the raw peer imports those 32 bytes. Each call is
 * awaited before the next (as the player opens one segment at a time). The raw peer's
 * nonce and AAD are computed once, outside the timing; the library builds its own per
 * call, as it must. Batches are short (10–30 ms: long enough for Chromium's 0.1 ms
 * timer) and many, so that a noisy moment hits one pair, not one side. Round 0 is a
 * warm-up; then the two sides alternate, and which one goes first flips every round.
 */
export async function measureThroughput(lib: E2eeLib, sets: BufferSet[], rounds: number): Promise<ThroughputSamples[]> {
  const hostKey = fillerBytes(32, 11);
  const dataKey = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const { header, key: sealing } = await lib.createRecording({ recordingId: 'bench/e2ee-throughput', secret: { key: hostKey }, dataKey });
  const key = await lib.unlock(header, { key: hostKey });
  const rawKey = await subtle().importKey('raw', dataKey, { name: 'AES-GCM' }, false, ['decrypt']);

  let nextIndex = 0; // one (kind, index) per plaintext: never two plaintexts under one nonce
  const prepared = [];
  for (const set of sets) {
    const segments = [];
    for (const data of set.buffers) {
      const ref = { kind: 'media' as const, index: nextIndex++, start: 1_700_000_000_000 + nextIndex * 6_000 };
      const sealed = (await lib.sealSegment(sealing, { ...ref, data })) as Uint8Array<ArrayBuffer>;
      if (sealed.length !== SEGMENT_HEADER_BYTES + data.length + TAG_BYTES) throw new Error(`${set.name}: unexpected sealed length ${sealed.length}`);
      const raw = rawParams(header, sealed, ref.index);
      // Both sides must really decrypt these bytes to the plaintext, or the comparison means nothing.
      const viaLibrary = await lib.decryptSegment(key, sealed, ref);
      const viaRaw = new Uint8Array(await subtle().decrypt(raw.params, rawKey, raw.ciphertext));
      if (!equal(viaLibrary, data) || !equal(viaRaw, data)) throw new Error(`${set.name}: decrypted bytes differ from the plaintext`);
      segments.push({ sealed, ref, raw });
    }
    prepared.push({ set, segments, bytes: set.passes * set.buffers.reduce((n, b) => n + b.length, 0) });
  }

  const out: ThroughputSamples[] = prepared.map(({ set, bytes }) => ({
    name: set.name,
    count: set.buffers.length,
    bytes,
    calls: set.passes * set.buffers.length,
    library: [],
    raw: [],
  }));
  for (let round = 0; round <= rounds; round++) {
    const order: ('library' | 'raw')[] = round % 2 ? ['raw', 'library'] : ['library', 'raw'];
    for (const [i, { set, segments, bytes }] of prepared.entries()) {
      for (const side of order) {
        const start = now();
        if (side === 'library') {
          for (let p = 0; p < set.passes; p++) for (const s of segments) await lib.decryptSegment(key, s.sealed, s.ref);
        } else {
          for (let p = 0; p < set.passes; p++) for (const s of segments) await subtle().decrypt(s.raw.params, rawKey, s.raw.ciphertext);
        }
        const ms = now() - start;
        if (round > 0) out[i]![side].push(bytes / 1e6 / (ms / 1000));
      }
    }
  }
  lib.lock(key);
  return out;
}

/**
 * Key derivation: `unlock` with a passphrase (PBKDF2-HMAC-SHA-256 at the header's
 * iterations, then the AES-GCM unwrap), alternating with a bare PBKDF2 of the same
 * passphrase, salt and iterations; then `unlock` with a raw host key.
 */
export async function measureKdf(lib: E2eeLib, runs: number, rawKeyRuns: number): Promise<KdfSamples> {
  const passphrase = 'correct horse battery staple';
  const { header } = await lib.createRecording({ recordingId: 'bench/e2ee-kdf', secret: { passphrase } });
  const hostKey = fillerBytes(32, 13);
  const { header: rawHeader } = await lib.createRecording({ recordingId: 'bench/e2ee-kdf-raw', secret: { key: hostKey } });
  const out: KdfSamples = { iterations: header.iterations, passphrase: [], pbkdf2: [], rawKey: [] };

  const viaUnlock = async () => {
    const start = now();
    const key = await lib.unlock(header, { passphrase });
    out.passphrase.push(now() - start);
    lib.lock(key);
  };
  const viaPbkdf2 = async () => {
    const start = now();
    const password = await subtle().importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
    await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: header.salt as Uint8Array<ArrayBuffer>, iterations: header.iterations }, password, 256);
    out.pbkdf2.push(now() - start);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      await viaPbkdf2();
      await viaUnlock();
    } else {
      await viaUnlock();
      await viaPbkdf2();
    }
  }
  // Batches, each call awaited: one call is shorter than Chromium's 0.1 ms timer step.
  for (let i = 0; i < rawKeyRuns + 1; i++) {
    const start = now();
    for (let j = 0; j < RAW_KEY_BATCH; j++) lib.lock(await lib.unlock(rawHeader, { key: hostKey }));
    if (i > 0) out.rawKey.push((now() - start) / RAW_KEY_BATCH); // batch 0 warms up the code paths
  }
  return out;
}
