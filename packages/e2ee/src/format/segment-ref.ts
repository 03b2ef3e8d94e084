/**
 * Media segments carry video; the init segment carries the codec setup (fMP4
 * `EXT-X-MAP`); live chunks are encoded video chunks sent while the user is
 * watched live (FORMAT.md §5.4).
 */
export type SegmentKind = 'media' | 'init' | 'live';

/** Which segment a reader expects (or a writer seals): the fields the format binds. */
export interface SegmentRef {
  kind: SegmentKind;
  /** Position in the recording's index space (media and init segments each count from 0). */
  index: number;
  /** Wall-clock instant of the segment's first frame, epoch milliseconds; 0 for init segments. */
  start: number;
}

export interface PlainSegment extends SegmentRef {
  data: Uint8Array;
}

export interface SealedSegment extends SegmentRef {
  bytes: Uint8Array;
}

/** "media segment 12 (2024-05-01T10:00:00.000Z)" / "init segment 0": how messages name a segment. */
export function describeSegment(ref: SegmentRef): string {
  if (ref.kind === 'init') return `init segment ${ref.index}`;
  return `${ref.kind === 'live' ? 'live chunk' : 'media segment'} ${ref.index} (${describeInstant(ref.start)})`;
}

/** The same, capitalised to open a sentence: "Media segment 12 (…)". */
export function segmentSubject(ref: SegmentRef): string {
  const text = describeSegment(ref);
  return text[0]!.toUpperCase() + text.slice(1);
}

export function describeInstant(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `${ms} ms` : date.toISOString();
}

/** Throws a RangeError unless `ref` can be sealed: a safe non-negative index, an integer start (0 for init). */
export function checkSegmentRef(ref: SegmentRef): void {
  if (ref.kind !== 'media' && ref.kind !== 'init' && ref.kind !== 'live') {
    throw new RangeError(`segment kind must be 'media', 'init' or 'live', not ${String(ref.kind)}`);
  }
  if (!Number.isSafeInteger(ref.index) || ref.index < 0) throw new RangeError(`segment index must be a non-negative safe integer, not ${ref.index}`);
  if (!Number.isSafeInteger(ref.start)) throw new RangeError(`segment start must be an integer of epoch milliseconds, not ${ref.start}`);
  if (ref.kind === 'init' && ref.start !== 0) throw new RangeError(`init segments have start 0, not ${ref.start}`);
}
