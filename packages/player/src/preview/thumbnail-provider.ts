import { isAbort } from '../data-source/errors.js';
import type { Instant, SessionDataSource, StreamRef } from '../data-source/types.js';
import { AsyncCache } from './async-cache.js';
import type { PreviewPicture } from './preview-picture.js';
import { segmentKeyframes } from './segment-keyframes.js';
import { abortError } from './shared-tasks.js';
import { thumbnailTrack } from './thumbnail-track.js';

/**
 * A frame to show under the pointer while hovering the timeline. Shaped like
 * the timeline's `TimelinePreview`, so a provider can be handed to it as is.
 */
export interface ThumbnailFrame {
  /** The instant the image shows: the keyframe (or thumbnail) at or before the hovered instant. */
  at: Instant;
  /**
   * Owned by the provider: draw it, do not close it. It stays valid until it
   * falls out of the cache (120 pictures) or the provider is disposed.
   */
  image: ImageBitmap;
  width: number;
  height: number;
}

/** Decrypts one sealed segment (see `@session-player/e2ee`'s `decryptSegment`). */
export type SegmentOpenFn = (
  bytes: Uint8Array,
  expected: { kind: 'init' | 'media'; index: number; start: number },
) => Promise<Uint8Array>;

/** Gives the preview for a hovered instant; see `createThumbnailProvider`. */
export type ThumbnailProvider = ((at: Instant, signal: AbortSignal) => Promise<ThumbnailFrame | null>) & {
  /** Cancels pending requests, forgets every cached window and closes every picture. */
  dispose(): void;
};

export interface ThumbnailProviderOptions {
  /** Width of the pictures in CSS pixels; the height keeps the video's aspect ratio. Default 240. */
  width?: number;
  /**
   * Used for segments, init segments, thumbnail images and playlist URLs.
   * Pass one that adds credentials when media needs them. Defaults to the
   * global `fetch`.
   */
  fetch?: typeof fetch;
  /**
   * For an end-to-end encrypted recording: decrypts a sealed segment. Its
   * previews are then always decoded here from the sealed media (a backend's
   * thumbnails would be pictures of the recording in the clear).
   */
  open?: SegmentOpenFn;
}

const DEFAULT_WIDTH = 240;
const PICTURE_CAPACITY = 120;

/**
 * Creates the hover-preview provider for one stream.
 *
 * With `source.getThumbnails`, previews are the backend's thumbnails.
 * Otherwise they are decoded in the browser (mediabunny, loaded on first
 * use): the first keyframe of the media segment holding the instant.
 *
 * Previews are best effort: nothing recorded, a missing segment or a decode
 * failure resolve null. Only cancellation rejects, with an `AbortError`,
 * when `signal` aborts or the provider is disposed while a request is pending.
 * Pictures are cached in memory and shared by concurrent requests.
 */
export function createThumbnailProvider(
  source: SessionDataSource,
  stream: StreamRef,
  options: ThumbnailProviderOptions = {},
): ThumbnailProvider {
  const width = Math.max(1, Math.round(options.width ?? DEFAULT_WIDTH));
  // Looked up per call, so a fetch wrapped later (tests, service shims) is honoured.
  const fetcher: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const locator =
    hasThumbnails(source) && !options.open
      ? thumbnailTrack(source, stream, width, fetcher)
      : segmentKeyframes(source, stream, width, fetcher, options.open);
  const pictures = new AsyncCache<string, PreviewPicture>(PICTURE_CAPACITY, (p) => p.image.close());
  let disposed = false;

  const provide = async (at: Instant, signal: AbortSignal): Promise<ThumbnailFrame | null> => {
    if (signal.aborted) throw abortError();
    if (disposed || !Number.isFinite(at)) return null;
    try {
      const location = await locator.locate(at, signal);
      if (!location) return null;
      const picture = await pictures.get(location.key, signal, location.load);
      if (signal.aborted) throw abortError();
      return { at: location.at, image: picture.image, width: picture.width, height: picture.height };
    } catch (error) {
      if (signal.aborted || isAbort(error)) throw abortError();
      return null;
    }
  };

  return Object.assign(provide, {
    dispose(): void {
      disposed = true;
      locator.clear();
      pictures.clear();
    },
  });
}

function hasThumbnails(
  source: SessionDataSource,
): source is SessionDataSource & Required<Pick<SessionDataSource, 'getThumbnails'>> {
  return typeof source.getThumbnails === 'function';
}
