import type { CoverageSpan, Instant } from '../data-source/types.js';
import { upperBound } from './media-timeline.js';

/**
 * Pure questions about recorded spans. Spans are sorted, non-overlapping,
 * half-open `[start, end)`; everything between them is missing.
 */

/** Normalises spans from a data source: sorted, merged where they touch. */
export function normaliseSpans(spans: readonly CoverageSpan[]): CoverageSpan[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: CoverageSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

export function spanAt(spans: readonly CoverageSpan[], at: Instant): CoverageSpan | undefined {
  const s = spans[upperBound(spans, at, (x) => x.start) - 1];
  return s && at < s.end ? s : undefined;
}

/** First span starting after `at` (not the one containing it). */
export function spanAfter(spans: readonly CoverageSpan[], at: Instant): CoverageSpan | undefined {
  return spans[upperBound(spans, at, (x) => x.start)];
}

/** Last span ending at or before `at`. */
export function spanBefore(spans: readonly CoverageSpan[], at: Instant): CoverageSpan | undefined {
  const i = upperBound(spans, at, (x) => x.start) - 1;
  const s = spans[i];
  if (!s) return undefined;
  return at >= s.end ? s : spans[i - 1];
}

/** The last instant of a span that still shows a frame. */
export function lastInstant(span: CoverageSpan): Instant {
  return span.end - 1;
}

/**
 * Where to go for an instant that may be in a gap: itself when recorded,
 * else the nearer edge of the neighbouring recordings. `prefer` breaks the
 * tie for rewind (`before`) and fast-forward (`after`).
 */
export function nearestRecorded(
  spans: readonly CoverageSpan[],
  at: Instant,
  prefer: 'nearest' | 'before' | 'after' = 'nearest',
): Instant | null {
  if (spanAt(spans, at)) return at;
  const before = spanBefore(spans, at);
  const after = spanAfter(spans, at);
  if (prefer === 'after' && after) return after.start;
  if (prefer === 'before' && before) return lastInstant(before);
  if (!before) return after?.start ?? null;
  if (!after) return lastInstant(before);
  return at - before.end <= after.start - at ? lastInstant(before) : after.start;
}

/** Spans clipped to a range (for drawing one day). */
export function clipSpans(spans: readonly CoverageSpan[], start: Instant, end: Instant): CoverageSpan[] {
  return spans
    .filter((s) => s.end > start && s.start < end)
    .map((s) => ({ ...s, start: Math.max(s.start, start), end: Math.min(s.end, end) }));
}
