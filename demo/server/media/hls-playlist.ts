import type { IndexedPool } from './media-pool.js';
import { isDiscontinuity, type PlacedSegment } from './media-timeline.js';
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
