import type { SessionDataSource, StreamRef, ThumbnailTrack } from '../data-source/types.js';
import { upperBound } from '../time/media-timeline.js';
import { AsyncCache } from './async-cache.js';
import { abortError } from './shared-tasks.js';
import type { PictureLocator, PreviewPicture } from './preview-picture.js';

/** Thumbnail tracks are asked for one hour at a time, aligned to the hour. */
const WINDOW_MS = 60 * 60_000;
const WINDOW_CAPACITY = 24;

type ThumbnailItem = ThumbnailTrack['items'][number];

/** Previews from thumbnails the backend renders (`getThumbnails`). */
export function thumbnailTrack(
  source: SessionDataSource & Required<Pick<SessionDataSource, 'getThumbnails'>>,
  stream: StreamRef,
  width: number,
  fetcher: typeof fetch,
): PictureLocator {
  const windows = new AsyncCache<number, ThumbnailItem[]>(WINDOW_CAPACITY);

  return {
    async locate(at, signal) {
      const index = Math.floor(at / WINDOW_MS);
      const range = { start: index * WINDOW_MS, end: (index + 1) * WINDOW_MS };
      const items = await windows.get(index, signal, async (s) => {
        const track = await source.getThumbnails(stream, range, { signal: s });
        return [...track.items].sort((a, b) => a.at - b.at);
      });
      const item = items[upperBound(items, at, (i) => i.at) - 1];
      if (!item || at >= item.at + item.durationMs) return null;
      return { key: item.url, at: item.at, load: (s) => loadImage(fetcher, item.url, width, s) };
    },
    clear() {
      windows.clear();
    },
  };
}

async function loadImage(fetcher: typeof fetch, url: string, width: number, signal: AbortSignal): Promise<PreviewPicture> {
  const response = await fetcher(url, { signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
  const blob = await response.blob();
  // With only resizeWidth given, the height follows the image's aspect ratio.
  const image = await createImageBitmap(blob, { resizeWidth: width, resizeQuality: 'high' });
  if (signal.aborted) {
    image.close();
    throw abortError();
  }
  return { image, width: image.width, height: image.height };
}
