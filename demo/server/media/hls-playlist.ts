import type { IndexedPool } from './media-pool.js';
import { isDiscontinuity, type PlacedSegment } from './media-timeline.js';

/**
 * Renders a standard HLS VOD media playlist. Each run of seamless segments
 * starts with `EXT-X-PROGRAM-DATE-TIME`, and every jump — a gap between
 * recordings, or the pool wrapping around — is an `EXT-X-DISCONTINUITY`,
 * which is how the player maps media time back to wall-clock time.
 */
export function renderMediaPlaylist(pool: IndexedPool, segments: readonly PlacedSegment[], mediaBase: string): string {
  const target = Math.ceil(Math.max(0, ...segments.map((s) => (s.end - s.start) / 1000)) || pool.maxDurationS);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-DISCONTINUITY-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${mediaBase}${pool.init}"`,
  ];
  let prev: PlacedSegment | undefined;
  for (const seg of segments) {
    if (prev && isDiscontinuity(pool, prev, seg)) lines.push('#EXT-X-DISCONTINUITY');
    if (!prev || isDiscontinuity(pool, prev, seg)) {
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seg.start).toISOString()}`);
    }
    lines.push(`#EXTINF:${((seg.end - seg.start) / 1000).toFixed(3)},`, `${mediaBase}${seg.file}`);
    prev = seg;
  }
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}
