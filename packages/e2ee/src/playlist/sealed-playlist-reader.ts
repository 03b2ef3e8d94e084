import { E2eeError } from '../errors.js';
import { describeInstant } from '../format/segment-ref.js';
import { parseMediaPlaylist, PlaylistSyntaxError, segmentTimes } from './media-playlist.js';
import type { SealedPlaylistEntry, SealedPlaylistInput } from './sealed-playlist.js';

/**
 * Reads a playlist written by `sealedPlaylist` back into its input: init URI and index, and
 * each segment's URI, index, start and duration. Throws a PlaylistSyntaxError when a tag the
 * format requires is missing (the index tags, EXT-X-MAP, a leading PROGRAM-DATE-TIME).
 */
export function parseSealedPlaylist(text: string): SealedPlaylistInput {
  const playlist = parseMediaPlaylist(text);
  if (!playlist.map) throw new PlaylistSyntaxError('The sealed playlist has no #EXT-X-MAP init segment.');
  const times = segmentTimes(playlist.entries);
  const segments = playlist.entries.map((entry, i): SealedPlaylistEntry => {
    if (entry.segmentIndex === undefined) throw new PlaylistSyntaxError(`Segment ${entry.uri} has no #EXT-X-SP-SEGMENT-INDEX.`);
    return { uri: entry.uri, index: entry.segmentIndex, ...times[i]! };
  });
  return { initUri: playlist.map.uri, initIndex: playlist.map.initIndex ?? 0, segments, endList: playlist.ended };
}

/**
 * Where a listing skips indices: for each pair of neighbours i, j with j ≠ i + 1, an
 * E2eeError `segment-missing` whose `expected` is segment i + 1 at the instant segment i ends.
 * A backend that drops or hides segments shows up here, before any decryption.
 */
export function findMissingSegments(segments: readonly { index: number; start: number; durationMs: number }[]): E2eeError[] {
  const missing: E2eeError[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const after = segments[i]!;
    if (after.index === before.index + 1) continue;
    const expected = { kind: 'media' as const, index: before.index + 1, start: Math.round(before.start + before.durationMs) };
    const jump = after.index > before.index + 1 ? `${after.index - before.index - 1} segment(s) missing` : 'segments out of order';
    missing.push(
      new E2eeError(
        'segment-missing',
        `Media segment ${expected.index} (${describeInstant(expected.start)}) is missing: the listing goes from segment ${before.index} to ${after.index} (${jump}).`,
        { expected },
      ),
    );
  }
  return missing;
}
