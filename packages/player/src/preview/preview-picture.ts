import type { Instant } from '../data-source/types.js';

/** A decoded preview image the provider caches and owns (it closes it on eviction). */
export interface PreviewPicture {
  image: ImageBitmap;
  width: number;
  height: number;
}

/** Where the picture for an instant comes from. */
export interface PictureLocation {
  /** Cache key: the same key always yields the same picture. */
  key: string;
  /** The instant the picture shows. */
  at: Instant;
  /** Loads the picture; rejects when there is none (404, undecodable). */
  load(signal: AbortSignal): Promise<PreviewPicture>;
}

/** Finds the picture for a hovered instant: from a thumbnail track or from the media. */
export interface PictureLocator {
  /** Resolves null when nothing is recorded at `at`. */
  locate(at: Instant, signal: AbortSignal): Promise<PictureLocation | null>;
  /** Forgets cached windows and cancels pending loads. */
  clear(): void;
}

/** Fetches `url` into memory, rejecting on an HTTP error. */
export async function fetchBytes(fetcher: typeof fetch, url: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetcher(url, { signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
  return new Uint8Array(await response.arrayBuffer());
}
