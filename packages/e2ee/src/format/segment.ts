import { E2eeError, type SegmentFault } from '../errors.js';
import { asBytes, equalBytes, readI64, readU64, writeI64, writeU64 } from './bytes.js';
import { FORMAT_VERSION, NONCE_BYTES, NONCE_PREFIX_BYTES, SEGMENT_HEADER_BYTES, SEGMENT_MAGIC, TAG_BYTES } from './constants.js';
import { describeInstant, segmentSubject, type SegmentKind, type SegmentRef } from './segment-ref.js';

/** What a sealed segment's 32-byte header says about itself. */
export interface SealedSegmentHeader extends SegmentRef {
  /** Plaintext length N; the file is 32 + N + 16 bytes. */
  length: number;
  /** 4 bytes; must equal the recording header's. */
  noncePrefix: Uint8Array;
}

const OFFSET = { version: 4, kind: 5, reserved: 6, noncePrefix: 8, index: 12, start: 20, length: 28 } as const;
const KIND_CODE: Record<SegmentKind, number> = { media: 0, init: 1, live: 2 };
const KINDS: readonly SegmentKind[] = ['media', 'init', 'live'];
/** The nonce's top bits per kind (bit 63: init, bit 62: live), so kinds never share a nonce. */
const NONCE_TOP_BITS: Record<SegmentKind, number> = { media: 0, init: 0x8000_0000, live: 0x4000_0000 };
/** Playlists carry instants with millisecond precision; allow their rounding, but only that. */
export const START_TOLERANCE_MS = 1;

/**
 * Reads and structurally checks a sealed segment's header without any key: magic, version,
 * kind, reserved bits and total length. Throws E2eeError `segment-altered` with reason
 * `not-sealed` or `truncated`.
 */
export function readSegmentHeader(sealed: Uint8Array | ArrayBuffer): SealedSegmentHeader {
  const bytes = asBytes(sealed);
  const view = checkFraming(bytes, undefined);
  return {
    kind: KINDS[view.getUint8(OFFSET.kind)]!,
    index: readU64(view, OFFSET.index),
    start: readI64(view, OFFSET.start),
    length: view.getUint32(OFFSET.length),
    noncePrefix: bytes.slice(OFFSET.noncePrefix, OFFSET.noncePrefix + NONCE_PREFIX_BYTES),
  };
}

/**
 * Every check a reader makes before GCM, in the format's order: framing, then kind, nonce
 * prefix, index and start against what the reader expects. Returns the view of the header.
 */
export function checkSealedSegment(bytes: Uint8Array, expected: SegmentRef, noncePrefix: Uint8Array): DataView {
  const view = checkFraming(bytes, expected);
  const kind = KINDS[view.getUint8(OFFSET.kind)]!;
  if (kind !== expected.kind) {
    const held = { media: 'a media segment', init: 'an init segment', live: 'a live chunk' }[kind];
    throw altered('wrong-kind', expected, `is the wrong kind of segment: the file holds ${held}.`);
  }
  if (!equalBytes(bytes.subarray(OFFSET.noncePrefix, OFFSET.noncePrefix + NONCE_PREFIX_BYTES), noncePrefix)) {
    throw altered('other-recording', expected, 'belongs to another recording.');
  }
  const index = readU64(view, OFFSET.index);
  if (index !== expected.index) {
    throw altered('wrong-index', expected, `was replaced by ${kind} segment ${index}: segments were swapped, reordered or dropped.`);
  }
  const start = readI64(view, OFFSET.start);
  if (!(Math.abs(start - expected.start) <= START_TOLERANCE_MS)) {
    throw altered('wrong-start', expected, `was re-timed: the file says it starts at ${describeInstant(start)}.`);
  }
  return view;
}

function checkFraming(bytes: Uint8Array, expected: SegmentRef | undefined): DataView {
  const magicBytes = Math.min(bytes.length, SEGMENT_MAGIC.length);
  for (let i = 0; i < magicBytes; i++) {
    if (bytes[i] !== SEGMENT_MAGIC[i]) throw altered('not-sealed', expected, 'is not a sealed segment: it does not start with "SPES".');
  }
  if (bytes.length < SEGMENT_HEADER_BYTES) {
    throw altered('truncated', expected, `is truncated: ${bytes.length} bytes, shorter than the ${SEGMENT_HEADER_BYTES}-byte segment header.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, SEGMENT_HEADER_BYTES);
  const version = view.getUint8(OFFSET.version);
  if (version !== FORMAT_VERSION) {
    throw altered('not-sealed', expected, `is sealed with format version ${version}; this reader supports version ${FORMAT_VERSION} only.`);
  }
  const kindCode = view.getUint8(OFFSET.kind);
  if (kindCode >= KINDS.length) throw altered('not-sealed', expected, `is not a sealed segment: unknown segment kind ${kindCode}.`);
  if (view.getUint16(OFFSET.reserved) !== 0) throw altered('not-sealed', expected, "is not a sealed segment: its reserved bytes are not zero.");
  const total = SEGMENT_HEADER_BYTES + view.getUint32(OFFSET.length) + TAG_BYTES;
  if (bytes.length < total) throw altered('truncated', expected, `is truncated: ${bytes.length} of ${total} bytes.`);
  if (bytes.length > total) throw altered('truncated', expected, `has ${bytes.length} bytes where ${total} were expected.`);
  return view;
}

function altered(reason: SegmentFault, expected: SegmentRef | undefined, what: string): E2eeError {
  const message = `${expected ? segmentSubject(expected) : 'The data'} ${what}`;
  return new E2eeError('segment-altered', message, expected ? { reason, expected } : { reason });
}

/** The 32-byte header of a segment about to be sealed. */
export function encodeSegmentHeader(ref: SegmentRef, noncePrefix: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(SEGMENT_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(SEGMENT_MAGIC, 0);
  view.setUint8(OFFSET.version, FORMAT_VERSION);
  view.setUint8(OFFSET.kind, KIND_CODE[ref.kind]);
  bytes.set(noncePrefix, OFFSET.noncePrefix);
  writeU64(view, OFFSET.index, ref.index);
  writeI64(view, OFFSET.start, ref.start);
  view.setUint32(OFFSET.length, length);
  return bytes;
}

/**
 * nonce = prefix ‖ u64(index with bit 63 set for init segments, bit 62 for live
 * chunks): no two kinds ever share a nonce (indices stay below 2^53).
 */
export function segmentNonce(noncePrefix: Uint8Array, kind: SegmentKind, index: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(NONCE_BYTES);
  nonce.set(noncePrefix, 0);
  writeU64(new DataView(nonce.buffer), NONCE_PREFIX_BYTES, index, NONCE_TOP_BITS[kind]);
  return nonce;
}

/** AAD = the segment's own 32 header bytes ‖ u16 L ‖ recording id (from the recording header). */
export function segmentAad(segmentHeader: Uint8Array, recordingIdField: Uint8Array): Uint8Array<ArrayBuffer> {
  const aad = new Uint8Array(SEGMENT_HEADER_BYTES + recordingIdField.length);
  aad.set(segmentHeader.subarray(0, SEGMENT_HEADER_BYTES), 0);
  aad.set(recordingIdField, SEGMENT_HEADER_BYTES);
  return aad;
}
