import { bufferSource } from './format/bytes.js';
import { DATA_KEY_BYTES, DEFAULT_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, NONCE_BYTES, NONCE_PREFIX_BYTES, SALT_BYTES, SEGMENT_HEADER_BYTES } from './format/constants.js';
import { encodeHeader, parseHeader, type RecordingHeader, verifiedHeader } from './format/header.js';
import { encodeSegmentHeader, segmentAad, segmentNonce } from './format/segment.js';
import { checkSegmentRef, type PlainSegment, type SealedSegment } from './format/segment-ref.js';
import { cryptoKeyOf, keep } from './key-vault.js';
import { E2eeError } from './errors.js';
import { keyEncryptionKey, secretWrapping, unwrapDataKey, type Secret } from './secret.js';

/**
 * A writer's handle on a recording: seals segments. Opaque like RecordingKey; its data key
 * is non-extractable and can only encrypt.
 *
 * AES-GCM must never see one nonce twice: a writer seals each (kind, index) once. Sealing the
 * same segment again yields the same bytes; sealing different data under a used index would
 * leak both plaintexts' XOR, and this library cannot know about indices sealed elsewhere.
 */
export interface SealingKey {
  readonly header: RecordingHeader;
}

export interface CreateRecordingOptions {
  /** 1..512 UTF-8 bytes; bound into the header and every segment. */
  recordingId: string;
  secret: Secret;
  /** PBKDF2 iterations for a passphrase, 600,000..10,000,000 (default 600,000). Not allowed with a host key. */
  iterations?: number;
  /**
   * Tests and test vectors only: the random bytes, drawn in this order: salt (passphrase
   * only, 16), nonce prefix (4), wrap nonce (12), data key (32, unless `dataKey`).
   * Default `crypto.getRandomValues`.
   */
  random?: (bytes: number) => Uint8Array;
  /** Test vectors only: the 32-byte data key. */
  dataKey?: Uint8Array;
}

interface SealingContext {
  noncePrefix: Uint8Array;
  recordingIdField: Uint8Array;
}
const contexts = new WeakMap<SealingKey, SealingContext>();

/**
 * Starts a recording: draws a random data key, wraps it under the secret and returns the
 * header to publish and the key to seal segments with. Throws a RangeError for arguments
 * the format cannot carry (empty passphrase, iterations out of range, recording id length).
 */
export async function createRecording(o: CreateRecordingOptions): Promise<{ header: RecordingHeader; key: SealingKey }> {
  const wrapping = secretWrapping(o.secret);
  let iterations = 0;
  if (wrapping === 'passphrase') {
    if (!('passphrase' in o.secret) || typeof o.secret.passphrase !== 'string' || o.secret.passphrase.length === 0) {
      throw new RangeError('The passphrase is empty.');
    }
    iterations = o.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
    if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
      throw new RangeError(`PBKDF2 iterations must be an integer from ${MIN_PBKDF2_ITERATIONS} to ${MAX_PBKDF2_ITERATIONS}, not ${iterations}.`);
    }
  } else if (o.iterations !== undefined && o.iterations !== 0) {
    throw new RangeError('PBKDF2 iterations apply to passphrases only, not to a host key.');
  }

  const random = o.random ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
  const draw = (n: number, what: string): Uint8Array => {
    const bytes = random(n);
    if (!(bytes instanceof Uint8Array) || bytes.length !== n) throw new RangeError(`random(${n}) for the ${what} returned ${bytes?.length} bytes.`);
    return bytes;
  };
  const salt = wrapping === 'passphrase' ? draw(SALT_BYTES, 'salt') : new Uint8Array(SALT_BYTES);
  const noncePrefix = draw(NONCE_PREFIX_BYTES, 'nonce prefix');
  const wrapNonce = draw(NONCE_BYTES, 'wrap nonce');
  if (o.dataKey !== undefined && o.dataKey.length !== DATA_KEY_BYTES) throw new RangeError(`dataKey must be ${DATA_KEY_BYTES} bytes, not ${o.dataKey.length}.`);
  const dataKey = o.dataKey ?? draw(DATA_KEY_BYTES, 'data key');
  const ownsDataKey = o.dataKey === undefined && o.random === undefined;

  const layout = encodeHeader({ wrapping, iterations, salt, noncePrefix, wrapNonce, recordingId: o.recordingId });
  const subtle = globalThis.crypto.subtle;
  try {
    const kek = await keyEncryptionKey(o.secret, { salt, iterations }, 'wrapKey');
    // wrapKey needs an extractable key; the sealing key is re-imported non-extractable.
    const wrappable = await subtle.importKey('raw', bufferSource(dataKey), { name: 'AES-GCM' }, true, ['encrypt']);
    const wrapped = await subtle.wrapKey('raw', wrappable, kek, {
      name: 'AES-GCM',
      iv: bufferSource(wrapNonce),
      additionalData: layout.wrapAad,
      tagLength: 128,
    });
    layout.wrappedKey.set(new Uint8Array(wrapped));
    const sealing = await subtle.importKey('raw', bufferSource(dataKey), { name: 'AES-GCM' }, false, ['encrypt']);
    const header = parseHeader(layout.bytes);
    return { header, key: sealingKey(header, sealing) };
  } catch (e) {
    if (e instanceof E2eeError && e.code === 'wrong-secret') throw new RangeError(e.message, { cause: e });
    throw e;
  } finally {
    if (ownsDataKey) dataKey.fill(0);
  }
}

/**
 * A writer continuing a recording it created earlier (after a restart): unwraps the data key
 * from the header for sealing. Throws like `unlock`. Never reseal an index already used.
 */
export async function resumeRecording(header: RecordingHeader, secret: Secret): Promise<SealingKey> {
  const { header: checked, parts } = verifiedHeader(header);
  if (secretWrapping(secret) !== checked.wrapping) {
    throw new E2eeError('header-invalid', `Recording ${JSON.stringify(checked.recordingId)} is not protected by a ${checked.wrapping === 'passphrase' ? 'host key' : 'passphrase'}.`);
  }
  const sealing = await unwrapDataKey(secret, checked, parts, 'encrypt');
  return sealingKey(checked, sealing);
}

function sealingKey(header: RecordingHeader, sealing: CryptoKey): SealingKey {
  const { header: checked, parts } = verifiedHeader(header);
  const key: SealingKey = Object.freeze({ header: Object.freeze(checked) });
  keep(key, sealing);
  contexts.set(key, { noncePrefix: checked.noncePrefix, recordingIdField: parts.recordingIdField });
  return key;
}

/** Seals one init or media segment: 32-byte header ‖ AES-256-GCM(data) ‖ tag (FORMAT.md "Sealed segment"). */
export async function sealSegment(key: SealingKey, segment: PlainSegment): Promise<Uint8Array> {
  const context = contexts.get(key);
  const sealing = cryptoKeyOf(key);
  if (!context || !sealing) throw new TypeError('sealSegment needs a SealingKey from createRecording() or resumeRecording().');
  checkSegmentRef(segment);
  const { data } = segment;
  if (data.length > 0xffff_ffff) throw new RangeError(`A segment holds at most 4 GiB - 1 bytes, not ${data.length}.`);
  const segmentHeader = encodeSegmentHeader(segment, context.noncePrefix, data.length);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    {
      name: 'AES-GCM',
      iv: segmentNonce(context.noncePrefix, segment.kind, segment.index),
      additionalData: segmentAad(segmentHeader, context.recordingIdField),
      tagLength: 128,
    },
    sealing,
    bufferSource(data),
  );
  const sealed = new Uint8Array(SEGMENT_HEADER_BYTES + ciphertext.byteLength);
  sealed.set(segmentHeader, 0);
  sealed.set(new Uint8Array(ciphertext), SEGMENT_HEADER_BYTES);
  return sealed;
}

export interface EncryptRecordingOptions {
  recordingId: string;
  secret: Secret;
  iterations?: number;
  segments: Iterable<PlainSegment> | AsyncIterable<PlainSegment>;
}

/**
 * Creates a recording and seals `segments` lazily, one at a time as the result is iterated,
 * so a long recording never sits in memory whole.
 */
export async function encryptRecording(o: EncryptRecordingOptions): Promise<{ header: RecordingHeader; sealed: AsyncIterable<SealedSegment> }> {
  const { header, key } = await createRecording({ recordingId: o.recordingId, secret: o.secret, ...(o.iterations === undefined ? {} : { iterations: o.iterations }) });
  async function* seal(): AsyncGenerator<SealedSegment> {
    for await (const segment of o.segments) {
      yield { kind: segment.kind, index: segment.index, start: segment.start, bytes: await sealSegment(key, segment) };
    }
  }
  return { header, sealed: seal() };
}
