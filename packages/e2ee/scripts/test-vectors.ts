/**
 * The FORMAT.md test vectors: fixed inputs, how they are built with this library, and how to
 * read them back out of FORMAT.md. Pure (no Node APIs) so browser tests can import it too.
 * Regenerate FORMAT.md's block with `npm run vectors -w @session-player/e2ee`.
 */
import { createRecording, sealSegment, type SegmentKind } from '../src/index.js';
import { fromHex, toHex, utf8 } from '../src/format/bytes.js';

export interface SegmentVector {
  kind: SegmentKind;
  index: number;
  start: number;
  /** prefix ‖ u64(index | kind << 63) */
  nonce: string;
  /** sealed[0, 32) ‖ u16 L ‖ recording id */
  aad: string;
  plaintext: string;
  sealed: string;
}

export interface TestVectors {
  formatVersion: 1;
  passphrase: string;
  /** UTF-8 of the NFC passphrase: the PBKDF2 password. */
  passphraseUtf8: string;
  iterations: number;
  salt: string;
  /** PBKDF2-HMAC-SHA-256(passphraseUtf8, salt, iterations), 32 bytes: the key-encryption key. */
  kek: string;
  noncePrefix: string;
  wrapNonce: string;
  dataKey: string;
  recordingId: string;
  header: string;
  segments: SegmentVector[];
  rawKeyVector: {
    key: string;
    noncePrefix: string;
    wrapNonce: string;
    dataKey: string;
    recordingId: string;
    header: string;
    segments: SegmentVector[];
  };
}

const ascii = (text: string) => toHex(utf8(text));

/** Fixed "random" bytes: readable ASCII so a reader can spot them in the hex. */
export const VECTOR_INPUTS = {
  passphrase: 'Grüße, horse battery staple ✓',
  iterations: 600_000,
  salt: ascii('salt-for-vectors'),
  noncePrefix: 'a1b2c3d4',
  wrapNonce: ascii('wrap-nonce-1'),
  dataKey: ascii('data-key-for-test-vectors-only!!'),
  recordingId: 'jürgen@ACME/PC-0042',
  segments: [
    { kind: 'init', index: 0, start: 0, plaintext: '000000186674797069736f360000000069736f366d703431' },
    { kind: 'media', index: 7, start: Date.UTC(2024, 4, 1, 9, 30, 0, 250), plaintext: ascii('media segment 7: forty-eight bytes of plaintext.') },
    { kind: 'media', index: 2 ** 32 + 2, start: -1500, plaintext: ascii('index>2^32,t<0!!') },
  ],
  raw: {
    key: ascii('host-kms-key-for-vectors-only-32'),
    noncePrefix: '0badf00d',
    wrapNonce: ascii('raw-wrap-iv!'),
    dataKey: ascii('another-data-key-32-bytes-long!!'),
    recordingId: 'host-keyed/stream-9',
    segments: [{ kind: 'media', index: 0, start: Date.UTC(2024, 4, 1, 9, 30), plaintext: ascii('raw-key vector plaintext') }],
  },
} as const satisfies Record<string, unknown>;

/** A `random` for createRecording that hands out the given byte strings in order. */
export function fixedRandom(...chunks: string[]): (n: number) => Uint8Array {
  const queue = chunks.map((hex) => fromHex(hex));
  return (n) => {
    const next = queue.shift();
    if (!next || next.length !== n) throw new Error(`fixedRandom: asked for ${n} bytes, next chunk has ${next?.length}`);
    return next;
  };
}

/** Builds the vectors from VECTOR_INPUTS with this library (deterministic: AES-GCM with fixed nonces). */
export async function buildTestVectors(): Promise<TestVectors> {
  const i = VECTOR_INPUTS;
  const passphrase = await createRecording({
    recordingId: i.recordingId,
    secret: { passphrase: i.passphrase },
    iterations: i.iterations,
    random: fixedRandom(i.salt, i.noncePrefix, i.wrapNonce),
    dataKey: fromHex(i.dataKey),
  });
  const raw = await createRecording({
    recordingId: i.raw.recordingId,
    secret: { key: fromHex(i.raw.key) },
    random: fixedRandom(i.raw.noncePrefix, i.raw.wrapNonce),
    dataKey: fromHex(i.raw.dataKey),
  });
  const seal = async (key: typeof passphrase.key, recordingId: string, segments: readonly { kind: SegmentKind; index: number; start: number; plaintext: string }[]) => {
    const out: SegmentVector[] = [];
    for (const s of segments) {
      const sealed = await sealSegment(key, { kind: s.kind, index: s.index, start: s.start, data: fromHex(s.plaintext) });
      out.push({ kind: s.kind, index: s.index, start: s.start, nonce: vectorNonce(key.header.noncePrefix, s.kind, s.index), aad: vectorAad(sealed, recordingId), plaintext: s.plaintext, sealed: toHex(sealed) });
    }
    return out;
  };
  return {
    formatVersion: 1,
    passphrase: i.passphrase,
    passphraseUtf8: toHex(utf8(i.passphrase.normalize('NFC'))),
    iterations: i.iterations,
    salt: i.salt,
    kek: await pbkdf2(i.passphrase, i.salt, i.iterations),
    noncePrefix: i.noncePrefix,
    wrapNonce: i.wrapNonce,
    dataKey: i.dataKey,
    recordingId: i.recordingId,
    header: toHex(passphrase.header.bytes),
    segments: await seal(passphrase.key, i.recordingId, i.segments),
    rawKeyVector: {
      key: i.raw.key,
      noncePrefix: i.raw.noncePrefix,
      wrapNonce: i.raw.wrapNonce,
      dataKey: i.raw.dataKey,
      recordingId: i.raw.recordingId,
      header: toHex(raw.header.bytes),
      segments: await seal(raw.key, i.raw.recordingId, i.raw.segments),
    },
  };
}

/** The nonce, written out from the spec text rather than with the library's helper. */
function vectorNonce(prefix: Uint8Array, kind: SegmentKind, index: number): string {
  const counter = (BigInt(index) | (kind === 'init' ? 1n << 63n : 0n)).toString(16).padStart(16, '0');
  return toHex(prefix) + counter;
}

function vectorAad(sealed: Uint8Array, recordingId: string): string {
  const id = utf8(recordingId);
  return toHex(sealed.subarray(0, 32)) + id.length.toString(16).padStart(4, '0') + toHex(id);
}

async function pbkdf2(passphrase: string, saltHex: string, iterations: number): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const password = await subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(saltHex), iterations }, password, 256);
  return toHex(new Uint8Array(bits));
}

const BLOCK = /(## Test vectors[\s\S]*?```json\n)([\s\S]*?)(\n```)/;

/** The JSON block under "## Test vectors" in FORMAT.md. */
export function extractTestVectors(markdown: string): TestVectors {
  const block = BLOCK.exec(markdown);
  if (!block) throw new Error('FORMAT.md has no ```json block under "## Test vectors"');
  return JSON.parse(block[2]!) as TestVectors;
}

/** FORMAT.md with its vectors block replaced. */
export function withTestVectors(markdown: string, vectors: TestVectors): string {
  if (!BLOCK.test(markdown)) throw new Error('FORMAT.md has no ```json block under "## Test vectors"');
  return markdown.replace(BLOCK, (_, open: string, _old: string, close: string) => open + JSON.stringify(vectors, null, 2) + close);
}
