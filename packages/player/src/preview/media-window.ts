import type { MediaDescriptor, SessionDataSource, StreamRef, TimeRange } from '../data-source/types.js';
import { parseMediaPlaylist, type MediaTimeline } from '../time/media-timeline.js';

/** One playlist window: which segment holds an instant, and the init segment it needs. */
export interface MediaWindow {
  readonly timeline: MediaTimeline;
  /** Absolute URL of the `EXT-X-MAP` in force for `segmentUri`, or null (MPEG-TS has none). */
  initFor(segmentUri: string): string | null;
}

/** Fetches the playlist for `range` and places its segments on the wall clock. */
export async function loadMediaWindow(
  source: SessionDataSource,
  stream: StreamRef,
  range: TimeRange,
  signal: AbortSignal,
  fetcher: typeof fetch,
): Promise<MediaWindow> {
  const descriptor = await source.getMedia(stream, range, { signal });
  const { text, baseUrl } = await playlistOf(descriptor, signal, fetcher);
  const timeline = parseMediaPlaylist(text, baseUrl);
  const inits = initSegmentsByUri(text, baseUrl);
  return { timeline, initFor: (uri) => inits.get(uri) ?? null };
}

async function playlistOf(
  descriptor: MediaDescriptor,
  signal: AbortSignal,
  fetcher: typeof fetch,
): Promise<{ text: string; baseUrl: string }> {
  if ('playlistText' in descriptor) return { text: descriptor.playlistText, baseUrl: descriptor.baseUrl };
  const response = await fetcher(descriptor.playlistUrl, { signal });
  if (!response.ok) throw new Error(`Playlist ${descriptor.playlistUrl} answered ${response.status}.`);
  return { text: await response.text(), baseUrl: response.url || descriptor.playlistUrl };
}

/**
 * Maps each segment URI to the `EXT-X-MAP` URI in force where it appears
 * (a playlist may switch init segments after a discontinuity). Both are
 * resolved against `baseUrl`, like `parseMediaPlaylist` resolves segments.
 * `BYTERANGE` on the map is not supported: the whole resource is used.
 */
export function initSegmentsByUri(text: string, baseUrl: string): Map<string, string> {
  const out = new Map<string, string>();
  let init: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#EXT-X-MAP:')) {
      const uri = /(?:^|,)URI="([^"]*)"/.exec(line.slice(11))?.[1];
      init = uri === undefined ? null : new URL(uri, baseUrl).href;
    } else if (!line.startsWith('#') && init !== null) {
      out.set(new URL(line, baseUrl).href, init);
    }
  }
  return out;
}
