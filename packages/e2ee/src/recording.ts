import { E2eeError } from './errors.js';
import { asBytes, bufferSource } from './format/bytes.js';
import { SEGMENT_HEADER_BYTES } from './format/constants.js';
import { type RecordingHeader, verifiedHeader } from './format/header.js';
import { checkSealedSegment, segmentAad, segmentNonce } from './format/segment.js';
import { segmentSubject, type SegmentRef } from './format/segment-ref.js';
import { cryptoKeyOf, forget, keep } from './key-vault.js';
import { unwrapDataKey, type Secret } from './secret.js';

/**
 * An unlocked recording: opaque. Its AES-GCM data key is non-extractable, usable only to
 * decrypt, and held outside the object, so nothing on it (enumerable or not) reveals key
 * material; `JSON.stringify(key)` shows the public header only.
 */
export interface RecordingKey {
  readonly header: RecordingHeader;
}

/** Per key: the parts every segment check needs, computed once at unlock. */
interface ReadingContext {
  noncePrefix: Uint8Array;
  recordingIdField: Uint8Array;
}
const contexts = new WeakMap<RecordingKey, ReadingContext>();

/**
 * Unwraps the recording's data key with a passphrase or host key.
 * Throws E2eeError `wrong-secret` when the secret does not open the header (GCM tag of the
 * wrapped key; this also covers a header altered in transit), `header-invalid` when the
 * header is malformed, too weak (< 600,000 iterations), or wrapped the other way (a host
 * key given for a passphrase header or the reverse). PBKDF2 takes about a second by design.
 */
export async function unlock(header: RecordingHeader, secret: Secret): Promise<RecordingKey> {
  const { header: checked, parts } = verifiedHeader(header);
  const id = JSON.stringify(checked.recordingId);
  if ('passphrase' in secret) {
    if (checked.wrapping !== 'passphrase') throw new E2eeError('header-invalid', `Recording ${id} is protected by a host key, not a passphrase.`);
    if (typeof secret.passphrase !== 'string' || secret.passphrase.length === 0) {
      throw new E2eeError('wrong-secret', 'The passphrase is empty.');
    }
  } else if (checked.wrapping !== 'raw-key') {
    throw new E2eeError('header-invalid', `Recording ${id} is protected by a passphrase, not a host key.`);
  }
  const dataKey = await unwrapDataKey(secret, checked, parts, 'decrypt');
  const key: RecordingKey = Object.freeze({ header: Object.freeze(checked) });
  keep(key, dataKey);
  contexts.set(key, { noncePrefix: checked.noncePrefix, recordingIdField: parts.recordingIdField });
  return key;
}

/**
 * Checks a sealed segment against the segment the reader expects, then decrypts it (one
 * AES-GCM call on a view of the input: the ciphertext is not copied).
 * Throws E2eeError `segment-altered` with the reason (`not-sealed`, `truncated`,
 * `wrong-kind`, `other-recording`, `wrong-index`, `wrong-start`, `authentication`) and
 * `expected`, so a player can name the instant.
 */
export async function decryptSegment(key: RecordingKey, sealed: Uint8Array | ArrayBuffer, expected: SegmentRef): Promise<Uint8Array> {
  const context = contexts.get(key);
  const dataKey = cryptoKeyOf(key);
  if (!context || !dataKey) throw lockedError();
  const bytes = asBytes(sealed);
  checkSealedSegment(bytes, expected, context.noncePrefix);
  const params: AesGcmParams = {
    name: 'AES-GCM',
    // From the expected ref: equal to the file's after the checks (start is not in the nonce).
    iv: segmentNonce(context.noncePrefix, expected.kind, expected.index),
    additionalData: segmentAad(bytes, context.recordingIdField),
    tagLength: 128,
  };
  try {
    return new Uint8Array(await globalThis.crypto.subtle.decrypt(params, dataKey, bufferSource(bytes.subarray(SEGMENT_HEADER_BYTES))));
  } catch (e) {
    if (!cryptoKeyOf(key)) throw lockedError();
    throw new E2eeError('segment-altered', authenticationMessage(expected), { reason: 'authentication', expected, cause: e });
  }
}

function authenticationMessage(expected: SegmentRef): string {
  return `${segmentSubject(expected)} failed authentication: it was altered, or sealed with another key.`;
}

/**
 * Locks a recording again: the key forgets its data key, and later `decryptSegment` calls
 * reject with an `InvalidStateError` DOMException. Returns false if it was already locked.
 */
export function lock(key: RecordingKey): boolean {
  contexts.delete(key);
  return forget(key);
}

function lockedError(): DOMException {
  return new DOMException('This recording key is locked (or was not made by unlock()).', 'InvalidStateError');
}
