import type { SessionDataSource, StreamRef } from '../data-source/types.js';
import { AsyncCache } from './async-cache.js';
import { decodeFirstKeyframe } from './frame-decoder.js';
import { loadMediaWindow, type MediaWindow } from './media-window.js';
import { fetchBytes, type PictureLocator } from './preview-picture.js';
import type { SegmentOpenFn } from './thumbnail-provider.js';

/** Playlist windows are aligned to this grid so nearby hovers share one `getMedia`. */
const WINDOW_MS = 2 * 60_000;
/**
 * Extra time asked for on both sides of a window, for backends that return
 * only segments starting inside the range: the segment holding an instant
 * near the window's start then still comes back.
 */
const WINDOW_PAD_MS = 30_000;
const WINDOW_CAPACITY = 16;
const INIT_CAPACITY = 4;

/**
 * Previews decoded in the browser: the picture for an instant is the first
 * keyframe of the segment holding it, so previews change once per segment and
 * cost one segment download and one decoded frame each.
 */
export function segmentKeyframes(
  source: SessionDataSource,
  stream: StreamRef,
  width: number,
  fetcher: typeof fetch,
  open?: SegmentOpenFn,
): PictureLocator {
  const windows = new AsyncCache<number, MediaWindow>(WINDOW_CAPACITY);
  const inits = new AsyncCache<string, Uint8Array>(INIT_CAPACITY);

  const initBytes = (uri: string | null, signal: AbortSignal): Promise<Uint8Array | null> =>
    uri === null ? Promise.resolve(null) : inits.get(uri, signal, (s) => fetchBytes(fetcher, uri, s));

  return {
    async locate(at, signal) {
      const index = Math.floor(at / WINDOW_MS);
      const range = { start: index * WINDOW_MS - WINDOW_PAD_MS, end: (index + 1) * WINDOW_MS + WINDOW_PAD_MS };
      const playlist = await windows.get(index, signal, (s) => loadMediaWindow(source, stream, range, s, fetcher));
      const segment = playlist.timeline.segmentAtWall(at);
      // A sealed segment without a key has no picture to give.
      if (!segment || (segment.seal && !open)) return null;
      const seal = segment.seal;
      const initUri = playlist.initFor(segment.uri);
      return {
        key: segment.uri,
        // Keyframes open every segment, so its first frame is the segment's start.
        at: segment.wallStart,
        async load(s) {
          let [init, media] = await Promise.all([initBytes(initUri, s), fetchBytes(fetcher, segment.uri, s)]);
          if (seal && open) {
            [init, media] = await Promise.all([
              init && open(init, { kind: 'init', index: seal.initIndex, start: 0 }),
              open(media, { kind: 'media', index: seal.index, start: segment.wallStart }),
            ]);
          }
          const image = await decodeFirstKeyframe(concat(init, media), width, s);
          if (!image) throw new Error(`No decodable video in ${segment.uri}.`);
          return { image, width: image.width, height: image.height };
        },
      };
    },
    clear() {
      windows.clear();
      inits.clear();
    },
  };
}

function concat(init: Uint8Array | null, media: Uint8Array): Uint8Array {
  if (!init) return media;
  const out = new Uint8Array(init.byteLength + media.byteLength);
  out.set(init, 0);
  out.set(media, init.byteLength);
  return out;
}
