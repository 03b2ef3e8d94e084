import type { Instant, TimelineRange, TimelineSpan } from './types.js';

/** Narrowest view: seconds must stay readable on a phone-width bar. */
export const MIN_VIEW_MS = 20_000;
/** Widest view: weeks, but not so many that coverage becomes a blur. */
export const MAX_VIEW_MS = 8 * 7 * 86_400_000;

/** Horizontal position (CSS px from the left edge) of `at` in a view `width` px wide. */
export function xOf(view: TimelineRange, width: number, at: Instant): number {
  return ((at - view.start) / (view.end - view.start)) * width;
}

/** Instant under horizontal position `x`. */
export function instantAt(view: TimelineRange, width: number, x: number): Instant {
  return view.start + (x / width) * (view.end - view.start);
}

/**
 * Zooms by `factor` (< 1 zooms in) keeping `anchor` at the same position on
 * screen, the way maps zoom around the pointer. The span stays within
 * [MIN_VIEW_MS, MAX_VIEW_MS].
 */
export function zoomAround(view: TimelineRange, anchor: Instant, factor: number): TimelineRange {
  const span = view.end - view.start;
  const next = Math.min(MAX_VIEW_MS, Math.max(MIN_VIEW_MS, span * factor));
  const ratio = span > 0 ? (anchor - view.start) / span : 0.5;
  const start = anchor - ratio * next;
  return { start: Math.round(start), end: Math.round(start + next) };
}

/** Moves the view by `deltaMs` (positive = later). */
export function panBy(view: TimelineRange, deltaMs: number): TimelineRange {
  return { start: Math.round(view.start + deltaMs), end: Math.round(view.end + deltaMs) };
}

/** A view of `span` ms with `at` at `ratio` of its width. */
export function viewAround(at: Instant, span: number, ratio = 0.5): TimelineRange {
  const clamped = Math.min(MAX_VIEW_MS, Math.max(MIN_VIEW_MS, span));
  const start = Math.round(at - clamped * ratio);
  return { start, end: start + clamped };
}

/** The smallest view holding every span that touches `range`, with a margin; `range` when none does. */
export function fitSpans(spans: readonly TimelineSpan[], range: TimelineRange): TimelineRange {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s.end <= range.start || s.start >= range.end) continue;
    start = Math.min(start, Math.max(s.start, range.start));
    end = Math.max(end, Math.min(s.end, range.end));
  }
  if (!(end > start)) return range;
  const margin = (end - start) * 0.02;
  const fitted = { start: Math.round(start - margin), end: Math.round(end + margin) };
  return fitted.end - fitted.start < MIN_VIEW_MS ? viewAround((start + end) / 2, MIN_VIEW_MS) : fitted;
}

export function sameRange(a: TimelineRange | null, b: TimelineRange | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}

/** Index of the first span ending after `at` (spans sorted and disjoint). */
export function firstSpanEndingAfter(spans: readonly TimelineSpan[], at: Instant): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `at` lies in a recorded span (spans sorted and disjoint). */
export function isRecorded(spans: readonly TimelineSpan[], at: Instant): boolean {
  const s = spans[firstSpanEndingAfter(spans, at)];
  return !!s && s.start <= at;
}

/** The recorded instant nearest to `at`, or `at` itself when nothing is recorded. */
export function nearestRecordedInstant(spans: readonly TimelineSpan[], at: Instant): Instant {
  const i = firstSpanEndingAfter(spans, at);
  const next = spans[i];
  if (next && next.start <= at) return at;
  const previous = spans[i - 1];
  const after = next ? next.start - at : Infinity;
  const before = previous ? at - (previous.end - 1) : Infinity;
  if (after === Infinity && before === Infinity) return at;
  return after <= before ? next!.start : previous!.end - 1;
}
