/**
 * What both bench pages expose to the bench script: the time of the first
 * painted frame (ms since navigation start) and a seek that resolves when the
 * new frame is painted. Parameters come from the page's query string.
 */
export interface BenchPage {
  firstFrame: Promise<number>;
  /** Seeks to wall-clock `at`, resolves with ms from the request to the new frame painted. */
  seek(at: number): Promise<number>;
}

declare global {
  interface Window {
    bench?: BenchPage;
  }
}

export const params = new URLSearchParams(location.search);

/** Resolves at the next painted video frame (performance.now() of its presentation callback). */
export function nextFrame(video: HTMLVideoElement): Promise<number> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve(performance.now())));
}
