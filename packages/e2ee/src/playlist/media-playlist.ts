/**
 * A small reader for HLS media playlists as this package writes and reads them: fMP4 with one
 * EXT-X-MAP, whole-file segments, EXT-X-PROGRAM-DATE-TIME for wall-clock time, plus the
 * format's `#EXT-X-SP-*` index tags. Anything it cannot represent faithfully (byte ranges,
 * several init segments, HLS's own encryption, master playlists) is refused, not guessed.
 */

export interface MediaPlaylistEntry {
  uri: string;
  /** EXTINF in milliseconds (may be fractional). */
  durationMs: number;
  /** EXT-X-PROGRAM-DATE-TIME right before this segment, epoch ms. */
  programDateTime?: number;
  discontinuity: boolean;
  /** `#EXT-X-SP-SEGMENT-INDEX` right before this segment. */
  segmentIndex?: number;
}

export interface MediaPlaylist {
  /** The EXT-X-MAP init segment and its `#EXT-X-SP-INIT-INDEX`, if any. */
  map?: { uri: string; initIndex?: number };
  entries: MediaPlaylistEntry[];
  ended: boolean;
}

export class PlaylistSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaylistSyntaxError';
  }
}

export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '#EXTM3U') throw new PlaylistSyntaxError('This is not an HLS playlist: the first line is not #EXTM3U.');
  const playlist: MediaPlaylist = { entries: [], ended: false };
  let pending: Partial<MediaPlaylistEntry> & { discontinuity: boolean } = { discontinuity: false };
  let pendingInitIndex: number | undefined;

  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = `line ${i + 1}`;
    if (!line || i === 0) return;
    if (!line.startsWith('#')) {
      if (pending.durationMs === undefined) throw new PlaylistSyntaxError(`Segment ${line} (${at}) has no #EXTINF.`);
      playlist.entries.push({ ...pending, uri: line, durationMs: pending.durationMs });
      pending = { discontinuity: false };
      return;
    }
    const colon = line.indexOf(':');
    const tag = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1);
    switch (tag) {
      case '#EXT-X-STREAM-INF':
      case '#EXT-X-I-FRAME-STREAM-INF':
        throw new PlaylistSyntaxError('This is a multivariant (master) playlist; give a media playlist.');
      case '#EXT-X-BYTERANGE':
        throw new PlaylistSyntaxError(`Byte-range segments (${at}) are not supported.`);
      case '#EXT-X-KEY':
        if (!/METHOD=NONE\b/.test(value)) throw new PlaylistSyntaxError(`The playlist is already encrypted with HLS ${/METHOD=([^,]*)/.exec(value)?.[1] ?? ''} (${at}).`);
        return;
      case '#EXTINF': {
        const seconds = Number(value.split(',')[0]);
        if (!Number.isFinite(seconds) || seconds < 0) throw new PlaylistSyntaxError(`Bad #EXTINF duration ${JSON.stringify(value)} (${at}).`);
        pending.durationMs = seconds * 1000;
        return;
      }
      case '#EXT-X-PROGRAM-DATE-TIME': {
        const ms = Date.parse(value);
        if (Number.isNaN(ms)) throw new PlaylistSyntaxError(`Bad #EXT-X-PROGRAM-DATE-TIME ${JSON.stringify(value)} (${at}).`);
        pending.programDateTime = ms;
        return;
      }
      case '#EXT-X-DISCONTINUITY':
        pending.discontinuity = true;
        return;
      case '#EXT-X-SP-SEGMENT-INDEX':
        pending.segmentIndex = parseIndex(value, at);
        return;
      case '#EXT-X-SP-INIT-INDEX':
        pendingInitIndex = parseIndex(value, at);
        return;
      case '#EXT-X-MAP': {
        if (/BYTERANGE=/.test(value)) throw new PlaylistSyntaxError(`Byte-range init segments (${at}) are not supported.`);
        const uri = /URI="([^"]*)"/.exec(value)?.[1];
        if (!uri) throw new PlaylistSyntaxError(`#EXT-X-MAP without URI (${at}).`);
        const map = { uri, ...(pendingInitIndex === undefined ? {} : { initIndex: pendingInitIndex }) };
        if (playlist.map && (playlist.map.uri !== map.uri || playlist.map.initIndex !== map.initIndex)) {
          throw new PlaylistSyntaxError(`A second, different #EXT-X-MAP (${at}) is not supported: one init segment per playlist.`);
        }
        playlist.map = map;
        pendingInitIndex = undefined;
        return;
      }
      case '#EXT-X-ENDLIST':
        playlist.ended = true;
        return;
      default:
        return; // other tags carry nothing this package needs
    }
  });
  return playlist;
}

function parseIndex(value: string, at: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new PlaylistSyntaxError(`Bad segment index ${JSON.stringify(value)} (${at}).`);
  return n;
}

/**
 * Wall-clock start and whole-millisecond duration of each entry: each PROGRAM-DATE-TIME sets
 * the clock, EXTINF durations run it on. `firstStart` is the clock before the first
 * PROGRAM-DATE-TIME; without either, the first segment has no instant and this throws.
 * Rounds ends, not durations, so back-to-back segments stay back to back.
 */
export function segmentTimes(entries: readonly MediaPlaylistEntry[], firstStart?: number): { start: number; durationMs: number }[] {
  let base = firstStart;
  let offset = 0;
  return entries.map((entry) => {
    if (entry.programDateTime !== undefined) {
      base = entry.programDateTime;
      offset = 0;
    }
    if (base === undefined) throw new PlaylistSyntaxError('The playlist has no #EXT-X-PROGRAM-DATE-TIME, so its segments have no wall-clock time.');
    const start = Math.round(base + offset);
    offset += entry.durationMs;
    return { start, durationMs: Math.round(base + offset) - start };
  });
}
