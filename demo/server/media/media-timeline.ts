import type { IndexedPool } from './media-pool.js';

/**
 * Re-timing: a recording is `segmentCount` consecutive pool segments starting
 * at pool index `poolOffset` (wrapping to 0 after the last one), laid end to
 * end from its wall-clock `start`. Everything here is pure arithmetic.
 */
export interface RecordingMedia {
  id: string;
  sessionId: string;
  /** Wall-clock start, epoch ms. */
  start: number;
  poolOffset: number;
  segmentCount: number;
}

/** One pool segment placed on the wall clock. */
export interface PlacedSegment {
  /** Wall-clock start and end, epoch ms. */
  start: number;
  end: number;
  poolIndex: number;
  file: string;
  /** Pool media time of the segment's first frame, seconds. */
  poolStart: number;
  recordingId: string;
  /** Position of the segment within its recording (0 = the first). */
  ordinal: number;
}

/** Time from the recording's start to the start of its `k`-th segment, ms. */
function offsetOfSegment(pool: IndexedPool, poolOffset: number, k: number): number {
  const n = pool.segments.length;
  const absolute = poolOffset + k;
  const cycles = Math.floor(absolute / n);
  return cycles * pool.cycleMs + pool.startMs[absolute % n]! - pool.startMs[poolOffset]!;
}

/** Wall-clock length of a recording, ms. */
export function recordingDurationMs(pool: IndexedPool, poolOffset: number, segmentCount: number): number {
  return offsetOfSegment(pool, poolOffset, segmentCount);
}

/** Fewest whole segments from `poolOffset` that last at least `targetMs`. */
export function segmentsToCover(pool: IndexedPool, poolOffset: number, targetMs: number): number {
  let k = Math.max(1, Math.floor(targetMs / (pool.cycleMs / pool.segments.length)) - 2);
  while (k > 1 && recordingDurationMs(pool, poolOffset, k - 1) >= targetMs) k--;
  while (recordingDurationMs(pool, poolOffset, k) < targetMs) k++;
  return k;
}

/** Index of the segment containing pool time `t` (0 ≤ t < cycle), ms. */
function segmentAt(pool: IndexedPool, t: number): number {
  let lo = 0;
  let hi = pool.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pool.startMs[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Segments of one recording that intersect `[from, to)`, in order. */
export function* segmentsOfRecording(
  pool: IndexedPool,
  rec: RecordingMedia,
  from: number,
  to: number,
): Generator<PlacedSegment> {
  const n = pool.segments.length;
  let k = 0;
  if (from > rec.start) {
    const absolute = pool.startMs[rec.poolOffset]! + (from - rec.start);
    const cycles = Math.floor(absolute / pool.cycleMs);
    k = cycles * n + segmentAt(pool, absolute - cycles * pool.cycleMs) - rec.poolOffset;
  }
  for (; k < rec.segmentCount; k++) {
    const start = rec.start + offsetOfSegment(pool, rec.poolOffset, k);
    if (start >= to) break;
    const poolIndex = (rec.poolOffset + k) % n;
    const end = start + pool.durationMs[poolIndex]!;
    if (end <= from) continue;
    const seg = pool.segments[poolIndex]!;
    yield { start, end, poolIndex, file: seg.file, poolStart: seg.start, recordingId: rec.id, ordinal: k };
  }
}

/** Segments of several recordings (sorted by start) that intersect `[from, to)`. */
export function segmentsInRange(
  pool: IndexedPool,
  recordings: readonly RecordingMedia[],
  from: number,
  to: number,
): PlacedSegment[] {
  const out: PlacedSegment[] = [];
  for (const rec of recordings) for (const s of segmentsOfRecording(pool, rec, from, to)) out.push(s);
  return out;
}

/** True when `next` does not continue `prev` seamlessly (a gap, a new recording or a pool wrap). */
export function isDiscontinuity(pool: IndexedPool, prev: PlacedSegment, next: PlacedSegment): boolean {
  return !(next.start === prev.end && next.poolIndex === prev.poolIndex + 1 && next.recordingId === prev.recordingId);
}

/** A deterministic pool offset for a recording, spread over the pool. */
export function poolOffsetFor(pool: IndexedPool, hash: number): number {
  return hash % pool.segments.length;
}
