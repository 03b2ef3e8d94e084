import type { Instant, TimeRange } from '../data-source/types.js';

/** One media segment placed on both clocks. */
export interface TimelineSegment {
  /** Wall-clock start (epoch ms), from `EXT-X-PROGRAM-DATE-TIME`. */
  wallStart: Instant;
  wallEnd: Instant;
  /** Start on the media element's clock (seconds), as hls.js lays segments out. */
  mediaStart: number;
  mediaEnd: number;
  uri: string;
  /** A jump precedes this segment (gap in recording or re-encoded run). */
  discontinuity: boolean;
  /**
   * For an end-to-end encrypted recording: the segment's index and its init
   * segment's index (`#EXT-X-SP-SEGMENT-INDEX`, `#EXT-X-SP-INIT-INDEX`).
   */
  seal?: { index: number; initIndex: number };
}

/** Where a sealed recording's playlist skips segment indices: a segment was removed. */
export interface MissingSegment {
  /** Index of the first missing segment. */
  index: number;
  /** Wall-clock instant where the missing media should have started. */
  at: Instant;
  /** Media-element time where it should have played. */
  mediaAt: number;
}

/**
 * The segments of one playlist window, mapping wall-clock instants to the
 * media element's time and back.
 *
 * hls.js places segments back to back on the media clock by their `EXTINF`
 * durations, across discontinuities, so media time is the running sum of
 * durations while wall-clock time restarts at every `PROGRAM-DATE-TIME`.
 */
export class MediaTimeline {
  readonly segments: readonly TimelineSegment[];

  constructor(segments: TimelineSegment[]) {
    this.segments = segments;
  }

  #byUri: Map<string, TimelineSegment> | null = null;

  /** The segment fetched from `uri` (absolute), if it is in this window. */
  segmentByUri(uri: string): TimelineSegment | undefined {
    this.#byUri ??= new Map(this.segments.map((s) => [s.uri, s]));
    return this.#byUri.get(uri);
  }

  /**
   * Gaps in a sealed recording's segment indices. Indices run on across a
   * stream's whole history, so any jump between neighbours is a segment the
   * playlist left out, not a pause in recording.
   */
  missingSegments(): MissingSegment[] {
    const out: MissingSegment[] = [];
    for (let i = 1; i < this.segments.length; i++) {
      const prev = this.segments[i - 1]!;
      const next = this.segments[i]!;
      if (prev.seal && next.seal && next.seal.index !== prev.seal.index + 1) {
        out.push({ index: prev.seal.index + 1, at: prev.wallEnd, mediaAt: prev.mediaEnd });
      }
    }
    return out;
  }

  get isEmpty(): boolean {
    return this.segments.length === 0;
  }

  /** Wall-clock bounds of the window's media, or null when it has none. */
  get wallRange(): TimeRange | null {
    const first = this.segments[0];
    const last = this.segments[this.segments.length - 1];
    return first && last ? { start: first.wallStart, end: last.wallEnd } : null;
  }

  get mediaDuration(): number {
    return this.segments[this.segments.length - 1]?.mediaEnd ?? 0;
  }

  /** Segment whose wall-clock span holds `at`, or undefined in a gap. */
  segmentAtWall(at: Instant): TimelineSegment | undefined {
    const i = upperBound(this.segments, at, (s) => s.wallStart) - 1;
    const s = this.segments[i];
    return s && at < s.wallEnd ? s : undefined;
  }

  /** Media-element time showing the frame recorded at `at`, or null in a gap. */
  wallToMedia(at: Instant): number | null {
    const s = this.segmentAtWall(at);
    return s ? s.mediaStart + (at - s.wallStart) / 1000 : null;
  }

  /** Index of the segment playing at media time `t` (clamped into the window). */
  indexAtMedia(t: number): number {
    return Math.max(0, upperBound(this.segments, t, (s) => s.mediaStart) - 1);
  }

  /** Wall-clock instant shown at media time `t` (clamped into the window). */
  mediaToWall(t: number): Instant | null {
    if (this.segments.length === 0) return null;
    const s = this.segments[this.indexAtMedia(t)]!;
    const offset = Math.min(Math.max(t - s.mediaStart, 0), s.mediaEnd - s.mediaStart);
    return s.wallStart + offset * 1000;
  }

  /** First recorded instant at or after `at` within this window, or null. */
  nextRecorded(at: Instant): Instant | null {
    if (this.segmentAtWall(at)) return at;
    const i = upperBound(this.segments, at, (s) => s.wallStart);
    return this.segments[i]?.wallStart ?? null;
  }
}

/** Index of the first item whose key is greater than `value`. */
export function upperBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PlaylistError extends Error {
  readonly code = 'playlist-invalid';
}

/**
 * Parses an HLS media playlist into a `MediaTimeline`. Every segment must be
 * placed on the wall clock, so the first segment and every one after a
 * discontinuity need an `EXT-X-PROGRAM-DATE-TIME`.
 */
export function parseMediaPlaylist(text: string, baseUrl: string): MediaTimeline {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '#EXTM3U') throw new PlaylistError('Not an HLS playlist (missing #EXTM3U).');
  const segments: TimelineSegment[] = [];
  let media = 0;
  let wall: number | null = null;
  let pendingDuration: number | null = null;
  let pendingDiscontinuity = false;
  let pendingGap = false;
  let pendingIndex: number | null = null;
  let initIndex = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#EXTINF:')) {
      pendingDuration = Number.parseFloat(line.slice(8));
      if (!Number.isFinite(pendingDuration) || pendingDuration <= 0) {
        throw new PlaylistError(`Invalid segment duration: ${line}`);
      }
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const value = Date.parse(line.slice(25));
      if (Number.isNaN(value)) throw new PlaylistError(`Invalid PROGRAM-DATE-TIME: ${line}`);
      wall = value;
    } else if (line === '#EXT-X-DISCONTINUITY') {
      pendingDiscontinuity = true;
      wall = null;
    } else if (line === '#EXT-X-GAP') {
      pendingGap = true;
    } else if (line.startsWith('#EXT-X-SP-SEGMENT-INDEX:')) {
      pendingIndex = sealIndex(line);
    } else if (line.startsWith('#EXT-X-SP-INIT-INDEX:')) {
      initIndex = sealIndex(line);
    } else if (!line.startsWith('#')) {
      if (pendingDuration === null) throw new PlaylistError(`Segment without #EXTINF: ${line}`);
      if (wall === null) throw new PlaylistError(`Segment without PROGRAM-DATE-TIME: ${line}`);
      const durationMs = pendingDuration * 1000;
      if (!pendingGap) {
        segments.push({
          wallStart: wall,
          wallEnd: wall + durationMs,
          mediaStart: media,
          mediaEnd: media + pendingDuration,
          uri: new URL(line, baseUrl).href,
          discontinuity: pendingDiscontinuity,
          ...(pendingIndex === null ? {} : { seal: { index: pendingIndex, initIndex } }),
        });
        pendingDiscontinuity = false;
      }
      media += pendingDuration;
      wall += durationMs;
      pendingDuration = null;
      pendingGap = false;
      pendingIndex = null;
    }
  }
  return new MediaTimeline(segments);
}

function sealIndex(line: string): number {
  const text = line.slice(line.indexOf(':') + 1).trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new PlaylistError(`Invalid segment index: ${line}`);
  return value;
}
