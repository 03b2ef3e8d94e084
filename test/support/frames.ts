import { decodeTimecodeFromVideo } from './timecode.js';

/** Resolves when `predicate` holds, polling each animation frame; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until the video has settled on a frame after a seek (not seeking, the
 * frame at currentTime decoded and presented) and returns its burned-in pool
 * frame number.
 */
export async function settledFrame(video: HTMLVideoElement, timeoutMs = 15_000): Promise<number> {
  // A seek to another playlist window reloads the media: the player says when it is ready.
  const player = (video.getRootNode() as ShadowRoot).host as HTMLElement;
  await until(() => player.dataset.phase === 'ready' && !video.seeking && video.readyState >= 2, 'the video to settle', timeoutMs);
  // Let the compositor present the frame at the new position.
  await new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    video.requestVideoFrameCallback(() => finish());
    setTimeout(finish, 300);
  });
  const frame = decodeTimecodeFromVideo(video);
  if (frame === null) throw new Error('No burned-in timecode on the frame shown');
  return frame;
}
