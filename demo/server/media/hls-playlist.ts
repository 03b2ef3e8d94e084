import type { IndexedPool } from './media-pool.js';
import { isDiscontinuity, segmentsOfRecording, type PlacedSegment, type RecordingMedia } from './media-timeline.js';
import { SEALED_INIT_FILE, sealedSegmentFile, segmentIndex, type SealedStream } from './sealed-streams.js';

/**
 * Renders a standard HLS VOD media playlist. Each run of seamless segments
 * starts with `EXT-X-PROGRAM-DATE-TIME`, and every jump — a gap between
 * recordings, or the pool wrapping around — is an `EXT-X-DISCONTINUITY`,
 * which is how the player maps media time back to wall-clock time.
 *
 * A sealed stream's playlist names its sealed files and gives each segment's
 * index (`#EXT-X-SP-SEGMENT-INDEX`, packages/e2ee/FORMAT.md), which the
 * player checks against what each file was sealed with.
 */
export function renderMediaPlaylist(
  pool: IndexedPool,
  segments: readonly PlacedSegment[],
  mediaBase: string,
  sealed?: SealedStream,
): string {
  const target = Math.ceil(Math.max(0, ...segments.map((s) => (s.end - s.start) / 1000)) || pool.maxDurationS);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-DISCONTINUITY-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    ...(sealed ? ['#EXT-X-SP-INIT-INDEX:0', `#EXT-X-MAP:URI="${sealed.mediaBase}${SEALED_INIT_FILE}"`] : [`#EXT-X-MAP:URI="${mediaBase}${pool.init}"`]),
  ];
  let prev: PlacedSegment | undefined;
  for (const seg of segments) {
    if (prev && isDiscontinuity(pool, prev, seg)) lines.push('#EXT-X-DISCONTINUITY');
    if (!prev || isDiscontinuity(pool, prev, seg)) {
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seg.start).toISOString()}`);
    }
    lines.push(`#EXTINF:${((seg.end - seg.start) / 1000).toFixed(3)},`);
    if (sealed) {
      const index = segmentIndex(sealed.firstIndex, seg);
      lines.push(`#EXT-X-SP-SEGMENT-INDEX:${index}`, `${sealed.mediaBase}${sealedSegmentFile(index)}`);
    } else {
      lines.push(`${mediaBase}${seg.file}`);
    }
    prev = seg;
  }
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

/** Live playlists walk the pool without end from this instant (any fixed past instant works). */
const LIVE_EPOCH = Date.UTC(2020, 0, 1);
/** Segments in a live playlist's sliding window. */
const LIVE_WINDOW_SEGMENTS = 6;

/**
 * A live HLS media playlist (no `EXT-X-ENDLIST`): the last published
 * segments of an endless walk through the pool, as if it were being recorded
 * now. A segment is published once its end has passed. Media sequence and
 * discontinuity sequence count from the walk's start, so they only grow
 * between reloads.
 */
export function renderLivePlaylist(pool: IndexedPool, now: number, mediaBase: string): string {
  const walk: RecordingMedia = { id: 'live', sessionId: 'live', start: LIVE_EPOCH, poolOffset: 0, segmentCount: Number.MAX_SAFE_INTEGER };
  const published = [...segmentsOfRecording(pool, walk, now - 2 * LIVE_WINDOW_SEGMENTS * pool.maxDurationS * 1000, now)]
    .filter((s) => s.end <= now)
    .slice(-LIVE_WINDOW_SEGMENTS);
  const first = published[0]!;
  const n = pool.segments.length;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.ceil(pool.maxDurationS)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first.ordinal}`,
    // Every wrap of the pool is a discontinuity.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first.ordinal / n)}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${mediaBase}${pool.init}"`,
  ];
  let prev: PlacedSegment | undefined;
  for (const seg of published) {
    const jump = prev !== undefined && isDiscontinuity(pool, prev, seg);
    if (jump) lines.push('#EXT-X-DISCONTINUITY');
    if (!prev || jump) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seg.start).toISOString()}`);
    lines.push(`#EXTINF:${((seg.end - seg.start) / 1000).toFixed(3)},`, `${mediaBase}${seg.file}`);
    prev = seg;
  }
  lines.push('');
  return lines.join('\n');
}
