import type { Instant, MarkerSeverity, TimelineMarker, TimelineRange } from './types.js';

/**
 * Markers on the track: merging those too close to tell apart into clusters,
 * finding the cluster under the pointer, and stepping marker to marker.
 * Everything works on markers sorted by `at` and finds ranges by binary
 * search, so a pan/zoom frame only pays for the markers in view.
 */

/** Markers close together on screen, drawn and hit as one. */
export interface MarkerCluster {
  /** Centre in px from the left edge of the view: midway between the first and last marker. */
  x: number;
  /** Instant of the first marker. */
  start: Instant;
  /** Instant of the last marker. */
  end: Instant;
  /** The markers in time order (a slice of the sorted markers). */
  markers: TimelineMarker[];
  /** The most severe severity among `markers`, which decides the colour; undefined when none has one. */
  severity?: MarkerSeverity;
}

/**
 * How far from a marker the playhead must be for "previous"/"next" to treat it
 * as another marker: after seeking to a marker the playhead sits on it (or a
 * frame either side), and "previous" must go to the one before.
 */
export const ADJACENT_DEAD_ZONE_MS = 500;

const SEVERITIES: readonly MarkerSeverity[] = ['low', 'medium', 'high', 'critical'];

/** Position in `SEVERITIES` plus one, 0 for none: compared as numbers in the hot loop. */
function severityRank(severity: MarkerSeverity | undefined): number {
  switch (severity) {
    case 'low':
      return 1;
    case 'medium':
      return 2;
    case 'high':
      return 3;
    case 'critical':
      return 4;
    default:
      return 0;
  }
}

/** Markers sorted by `at`, built once per markers change. Ties keep their input order. */
export function sortMarkers(markers: readonly TimelineMarker[]): TimelineMarker[] {
  return markers.slice().sort((a, b) => a.at - b.at);
}

/**
 * Clusters of the markers in `view` (both ends included, so a marker on an
 * edge still shows half drawn), with `view` drawn `widthPx` wide.
 *
 * Greedy, left to right: a marker joins the current cluster when it is less
 * than `minGapPx` from the cluster's last marker, so markers exactly
 * `minGapPx` apart stay separate (with `minGapPx` = the glyph width they just
 * touch). Clusters come out in increasing `x`. A dense run chains, but a
 * cluster spans less than MAX_SPAN_GAPS gaps: a long busy stretch becomes a
 * row of badges (whose centres stay more than a badge apart) showing where it
 * is busiest, instead of one badge for the whole day.
 *
 * @param sorted Markers from {@link sortMarkers}.
 */
/** Widest cluster, in gaps. */
const MAX_SPAN_GAPS = 3;

export function clusterMarkers(
  sorted: readonly TimelineMarker[],
  view: TimelineRange,
  widthPx: number,
  minGapPx: number,
): MarkerCluster[] {
  const span = view.end - view.start;
  if (!(widthPx > 0) || !(span > 0) || !Number.isFinite(span)) return [];
  const from = firstAtOrAfter(sorted, view.start);
  const to = firstAfter(sorted, view.end);
  const clusters: MarkerCluster[] = [];
  if (from >= to) return clusters;

  const pxPerMs = widthPx / span;
  const maxSpan = MAX_SPAN_GAPS * minGapPx;
  // Only numbers in the loop: a cluster is allocated when it closes, never per marker.
  let first = from;
  let firstX = (sorted[from]!.at - view.start) * pxPerMs;
  let lastX = firstX;
  let rank = severityRank(sorted[from]!.severity);
  for (let i = from + 1; i < to; i++) {
    const marker = sorted[i]!;
    const x = (marker.at - view.start) * pxPerMs;
    if (x - lastX < minGapPx && x - firstX < maxSpan) {
      lastX = x;
      const r = severityRank(marker.severity);
      if (r > rank) rank = r;
      continue;
    }
    clusters.push(makeCluster(sorted, first, i, firstX, lastX, rank));
    first = i;
    firstX = lastX = x;
    rank = severityRank(marker.severity);
  }
  clusters.push(makeCluster(sorted, first, to, firstX, lastX, rank));
  return clusters;
}

/**
 * The midpoint, not the mean: the glyph then sits centred over the stretch it
 * stands for, and it does not drift as markers are added inside that stretch.
 */
function makeCluster(
  sorted: readonly TimelineMarker[],
  from: number,
  to: number,
  firstX: number,
  lastX: number,
  rank: number,
): MarkerCluster {
  const cluster: MarkerCluster = {
    x: (firstX + lastX) / 2,
    start: sorted[from]!.at,
    end: sorted[to - 1]!.at,
    markers: sorted.slice(from, to),
  };
  if (rank > 0) cluster.severity = SEVERITIES[rank - 1];
  return cluster;
}

/**
 * The cluster whose centre is nearest to `x` (px, same origin as
 * {@link MarkerCluster.x}), or null when none is within `tolerancePx`. On a
 * tie the earlier cluster wins. Binary search over `clusters` from
 * {@link clusterMarkers}.
 */
export function clusterAt(clusters: readonly MarkerCluster[], x: number, tolerancePx: number): MarkerCluster | null {
  let lo = 0;
  let hi = clusters.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (clusters[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  // `lo` is the first cluster at or right of x; the nearest is it or the one before.
  const left = clusters[lo - 1];
  const right = clusters[lo];
  const leftDistance = left ? x - left.x : Infinity;
  const rightDistance = right ? right.x - x : Infinity;
  const [nearest, distance] = leftDistance <= rightDistance ? [left, leftDistance] : [right, rightDistance];
  return nearest && distance <= tolerancePx ? nearest : null;
}

/**
 * The marker before or after `at`, skipping any within
 * {@link ADJACENT_DEAD_ZONE_MS} of it, or null at either end. Binary search
 * over markers from {@link sortMarkers}.
 */
export function adjacentMarker(
  sorted: readonly TimelineMarker[],
  at: Instant,
  direction: 'previous' | 'next',
): TimelineMarker | null {
  if (direction === 'previous') return sorted[firstAtOrAfter(sorted, at - ADJACENT_DEAD_ZONE_MS) - 1] ?? null;
  return sorted[firstAfter(sorted, at + ADJACENT_DEAD_ZONE_MS)] ?? null;
}

/** Index of the first marker with `marker.at >= at` (length if none). */
function firstAtOrAfter(sorted: readonly TimelineMarker[], at: Instant): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first marker with `marker.at > at` (length if none). */
function firstAfter(sorted: readonly TimelineMarker[], at: Instant): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
