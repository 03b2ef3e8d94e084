/** One sealed media segment as a playlist lists it. */
export interface SealedPlaylistEntry {
  uri: string;
  index: number;
  /** Epoch milliseconds of the first frame. */
  start: number;
  durationMs: number;
}

export interface SealedPlaylistInput {
  /** URI of the sealed init segment (EXT-X-MAP). */
  initUri: string;
  initIndex: number;
  segments: readonly SealedPlaylistEntry[];
  /** Whether the recording is complete (`#EXT-X-ENDLIST`, VOD). Default true; false for a live window. */
  endList?: boolean;
}

/**
 * Renders the HLS media playlist of a sealed recording (FORMAT.md "Playlist"): EXT-X-MAP with
 * `#EXT-X-SP-INIT-INDEX`, `#EXT-X-SP-SEGMENT-INDEX` before every segment, and
 * `#EXT-X-PROGRAM-DATE-TIME` opening each seamless run. A run breaks (`#EXT-X-DISCONTINUITY`)
 * where a segment does not start when the previous one ends (compared in whole milliseconds).
 * Pure: the CLI writes it, backends can serve it.
 */
export function sealedPlaylist(input: SealedPlaylistInput): string {
  return renderPlaylist(input, true);
}

/** The same playlist without the format's index tags: what a decrypted copy is listed by. */
export function plainPlaylist(input: SealedPlaylistInput): string {
  return renderPlaylist(input, false);
}

function renderPlaylist(input: SealedPlaylistInput, indexTags: boolean): string {
  const { segments } = input;
  checkUri(input.initUri);
  checkIndex(input.initIndex);
  const longestMs = segments.reduce((max, s) => Math.max(max, s.durationMs), 0);
  const endList = input.endList ?? true;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.ceil(longestMs / 1000))}`,
    `#EXT-X-MEDIA-SEQUENCE:${segments[0]?.index ?? 0}`,
    ...(endList ? ['#EXT-X-PLAYLIST-TYPE:VOD'] : []),
    ...(indexTags ? [`#EXT-X-SP-INIT-INDEX:${input.initIndex}`] : []),
    `#EXT-X-MAP:URI="${input.initUri}"`,
  ];
  let previous: SealedPlaylistEntry | undefined;
  for (const segment of segments) {
    checkUri(segment.uri);
    checkIndex(segment.index);
    if (!Number.isFinite(segment.start) || !Number.isFinite(segment.durationMs) || segment.durationMs < 0) {
      throw new RangeError(`Segment ${segment.index} needs a finite start and a non-negative duration.`);
    }
    if (previous && Math.round(previous.start + previous.durationMs) !== Math.round(segment.start)) lines.push('#EXT-X-DISCONTINUITY');
    if (!previous || lines.at(-1) === '#EXT-X-DISCONTINUITY') lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.start).toISOString()}`);
    if (indexTags) lines.push(`#EXT-X-SP-SEGMENT-INDEX:${segment.index}`);
    lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`, segment.uri);
    previous = segment;
  }
  if (endList) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

function checkUri(uri: string): void {
  if (!uri || /["\r\n]/.test(uri)) throw new RangeError(`Not a playlist URI: ${JSON.stringify(uri)}.`);
}

function checkIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`A segment index must be a non-negative integer, not ${index}.`);
}
