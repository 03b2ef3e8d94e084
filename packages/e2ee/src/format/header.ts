import { E2eeError } from '../errors.js';
import { asBytes, fromBase64, fromUtf8, toBase64, utf8 } from './bytes.js';
import {
  FORMAT_VERSION,
  HEADER_FIXED_BYTES,
  HEADER_MAGIC,
  MAX_PBKDF2_ITERATIONS,
  MAX_RECORDING_ID_BYTES,
  MIN_PBKDF2_ITERATIONS,
  NONCE_BYTES,
  NONCE_PREFIX_BYTES,
  SALT_BYTES,
  WRAPPED_KEY_BYTES,
  WRAPPING_PASSPHRASE,
  WRAPPING_RAW_KEY,
} from './constants.js';

/** How the recording's data key is wrapped: under a passphrase (PBKDF2) or under a host key (KMS). */
export type KeyWrapping = 'passphrase' | 'raw-key';

/**
 * A parsed recording header (FORMAT.md "Header"). `bytes` is the whole header and the
 * source of truth; the other fields are read from it. Public: it holds no secret.
 */
export interface RecordingHeader {
  readonly bytes: Uint8Array;
  readonly version: 1;
  readonly recordingId: string;
  readonly wrapping: KeyWrapping;
  /** PBKDF2 iterations; 0 for raw-key headers. */
  readonly iterations: number;
  /** 16 bytes; all zero for raw-key headers. */
  readonly salt: Uint8Array;
  /** 4 bytes, copied into every sealed segment of this recording. */
  readonly noncePrefix: Uint8Array;
}

/** The parts of a header the key unwrapping and segment AAD need (views into `bytes`). */
export interface HeaderParts {
  wrapNonce: Uint8Array;
  /** Header bytes [0, 46 + L): the AAD of the wrapped key. */
  wrapAad: Uint8Array;
  wrappedKey: Uint8Array;
  /** u16 L ‖ recording id: the tail of every segment's AAD. */
  recordingIdField: Uint8Array;
}

const OFFSET = { version: 4, wrapping: 5, reserved: 6, iterations: 8, salt: 12, noncePrefix: 28, wrapNonce: 32, idLength: 44 } as const;
const MIN_HEADER_BYTES = HEADER_FIXED_BYTES + 1 + WRAPPED_KEY_BYTES;

const invalid = (message: string, cause?: unknown) => new E2eeError('header-invalid', message, { cause });
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Parses and validates a recording header given as bytes or as standard base64 (the form
 * in `SessionInfo.encryption`). The bytes are copied. Throws E2eeError `header-invalid`
 * naming the defect: bad magic, unknown version or wrapping, reserved bits, PBKDF2
 * iterations outside 600,000..10,000,000 (downgrade protection), lengths.
 */
export function parseHeader(input: Uint8Array | ArrayBuffer | string): RecordingHeader {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    try {
      bytes = fromBase64(input);
    } catch (e) {
      throw invalid(`The recording header is not valid base64: ${(e as Error).message}.`, e);
    }
  } else {
    bytes = asBytes(input).slice();
  }
  return Object.freeze(readHeader(bytes));
}

function readHeader(bytes: Uint8Array): RecordingHeader {
  if (bytes.length < MIN_HEADER_BYTES) {
    throw invalid(`The recording header is too short: ${bytes.length} bytes, at least ${MIN_HEADER_BYTES} expected.`);
  }
  if (HEADER_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw invalid('This is not a Session Player recording header: it does not start with "SPEH".');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(OFFSET.version);
  if (version !== FORMAT_VERSION) {
    throw invalid(`The recording header has format version ${version}; this reader supports version ${FORMAT_VERSION} only.`);
  }
  const wrappingCode = view.getUint8(OFFSET.wrapping);
  if (wrappingCode !== WRAPPING_PASSPHRASE && wrappingCode !== WRAPPING_RAW_KEY) {
    throw invalid(`The recording header names an unknown key wrapping (${wrappingCode}).`);
  }
  const wrapping: KeyWrapping = wrappingCode === WRAPPING_PASSPHRASE ? 'passphrase' : 'raw-key';
  if (view.getUint16(OFFSET.reserved) !== 0) throw invalid("The recording header's reserved bytes are not zero.");

  const iterations = view.getUint32(OFFSET.iterations);
  const salt = bytes.subarray(OFFSET.salt, OFFSET.salt + SALT_BYTES);
  if (wrapping === 'passphrase') {
    if (iterations < MIN_PBKDF2_ITERATIONS) {
      throw invalid(`The recording header asks for ${count(iterations)} PBKDF2 iterations; at least ${count(MIN_PBKDF2_ITERATIONS)} are required.`);
    }
    if (iterations > MAX_PBKDF2_ITERATIONS) {
      throw invalid(`The recording header asks for ${count(iterations)} PBKDF2 iterations; at most ${count(MAX_PBKDF2_ITERATIONS)} are allowed.`);
    }
  } else {
    if (iterations !== 0) throw invalid(`A host-key recording header must have 0 PBKDF2 iterations, not ${count(iterations)}.`);
    if (salt.some((b) => b !== 0)) throw invalid('A host-key recording header must have an all-zero salt.');
  }

  const idLength = view.getUint16(OFFSET.idLength);
  if (idLength < 1 || idLength > MAX_RECORDING_ID_BYTES) {
    throw invalid(`The recording id length ${idLength} is outside 1..${MAX_RECORDING_ID_BYTES}.`);
  }
  const expectedLength = HEADER_FIXED_BYTES + idLength + WRAPPED_KEY_BYTES;
  if (bytes.length !== expectedLength) {
    throw invalid(`The recording header is ${bytes.length} bytes; its recording id length (${idLength}) implies ${expectedLength}.`);
  }
  let recordingId: string;
  try {
    recordingId = fromUtf8(bytes.subarray(HEADER_FIXED_BYTES, HEADER_FIXED_BYTES + idLength));
  } catch (e) {
    throw invalid('The recording id in the header is not valid UTF-8.', e);
  }
  return {
    bytes,
    version: FORMAT_VERSION,
    recordingId,
    wrapping,
    iterations,
    salt,
    noncePrefix: bytes.subarray(OFFSET.noncePrefix, OFFSET.noncePrefix + NONCE_PREFIX_BYTES),
  };
}

/** Standard padded base64 of the header bytes. */
export function headerToBase64(header: RecordingHeader): string {
  return toBase64(header.bytes);
}

/**
 * Re-reads a copy of `header.bytes` (never trusting the other fields, which a caller could
 * have built by hand) and returns it with views of the parts unwrapping and AAD need.
 */
export function verifiedHeader(header: RecordingHeader): { header: RecordingHeader; parts: HeaderParts } {
  if (!header || !(header.bytes instanceof Uint8Array)) throw invalid('The recording header is missing.');
  // A private copy: the key's checks must not change if the caller later edits its array.
  const fresh = readHeader(header.bytes.slice());
  const { bytes } = fresh;
  const idEnd = bytes.length - WRAPPED_KEY_BYTES;
  return {
    header: fresh,
    parts: {
      wrapNonce: bytes.subarray(OFFSET.wrapNonce, OFFSET.wrapNonce + NONCE_BYTES),
      wrapAad: bytes.subarray(0, idEnd),
      wrappedKey: bytes.subarray(idEnd),
      recordingIdField: bytes.subarray(OFFSET.idLength, idEnd),
    },
  };
}

export interface HeaderFields {
  wrapping: KeyWrapping;
  iterations: number;
  salt: Uint8Array;
  noncePrefix: Uint8Array;
  wrapNonce: Uint8Array;
  recordingId: string;
}

/** Writes a whole header with room for the wrapped key; returns it and the AAD view to wrap under. */
export function encodeHeader(fields: HeaderFields): { bytes: Uint8Array<ArrayBuffer>; wrapAad: Uint8Array<ArrayBuffer>; wrappedKey: Uint8Array<ArrayBuffer> } {
  const id = utf8(fields.recordingId);
  if (id.length < 1 || id.length > MAX_RECORDING_ID_BYTES) {
    throw new RangeError(`The recording id must be 1..${MAX_RECORDING_ID_BYTES} UTF-8 bytes (got ${id.length}).`);
  }
  const bytes = new Uint8Array(HEADER_FIXED_BYTES + id.length + WRAPPED_KEY_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(HEADER_MAGIC, 0);
  view.setUint8(OFFSET.version, FORMAT_VERSION);
  view.setUint8(OFFSET.wrapping, fields.wrapping === 'passphrase' ? WRAPPING_PASSPHRASE : WRAPPING_RAW_KEY);
  view.setUint32(OFFSET.iterations, fields.iterations);
  bytes.set(fields.salt, OFFSET.salt);
  bytes.set(fields.noncePrefix, OFFSET.noncePrefix);
  bytes.set(fields.wrapNonce, OFFSET.wrapNonce);
  view.setUint16(OFFSET.idLength, id.length);
  bytes.set(id, HEADER_FIXED_BYTES);
  const idEnd = HEADER_FIXED_BYTES + id.length;
  return { bytes, wrapAad: bytes.subarray(0, idEnd), wrappedKey: bytes.subarray(idEnd) };
}
