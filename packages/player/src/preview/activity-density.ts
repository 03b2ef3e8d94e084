import type { Instant, TimeRange } from '../data-source/types.js';

/** Anything that happened at an instant, possibly lasting a while (an activity). */
export interface TimedEvent {
  at: Instant;
  /** How long it lasted, in ms; absent or 0 for something instantaneous. */
  durationMs?: number;
}

/**
 * Activity per bucket over `range`, split into `buckets` equal slices: the
 * client-side counterpart of `getActivityDensity` for sources without it.
 *
 * Every event weighs 1. An instantaneous event puts its 1 in the bucket
 * holding its instant; an event with a duration spreads its 1 over the
 * buckets it overlaps in proportion to the time it spends in each, so a
 * long activity does not outweigh many short ones. Parts outside `range`
 * are dropped. Values are raw weights; see `scaleToPeak` for the 0..1 scale
 * the REST API uses.
 */
export function densityFromEvents(events: readonly TimedEvent[], range: TimeRange, buckets: number): number[] {
  const count = Math.max(0, Math.floor(buckets));
  const values = new Array<number>(count).fill(0);
  const span = range.end - range.start;
  if (count === 0 || !(span > 0)) return values;
  const bucketMs = span / count;
  const bucketOf = (t: Instant): number => Math.min(count - 1, Math.floor((t - range.start) / bucketMs));

  for (const e of events) {
    const duration = e.durationMs ?? 0;
    if (!(duration > 0)) {
      if (e.at >= range.start && e.at < range.end) values[bucketOf(e.at)]! += 1;
      continue;
    }
    const start = Math.max(e.at, range.start);
    const end = Math.min(e.at + duration, range.end);
    if (end <= start) continue;
    for (let b = bucketOf(start); b < count; b++) {
      const bucketStart = range.start + b * bucketMs;
      if (bucketStart >= end) break;
      const overlap = Math.min(end, bucketStart + bucketMs) - Math.max(start, bucketStart);
      if (overlap > 0) values[b]! += overlap / duration;
    }
  }
  return values;
}

/** Scales `values` so the largest is 1 (all zeros stay zeros), as the REST API's density is. */
export function scaleToPeak(values: readonly number[]): number[] {
  const peak = values.reduce((max, v) => (v > max ? v : max), 0);
  return peak > 0 ? values.map((v) => v / peak) : [...values];
}
