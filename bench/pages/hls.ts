import Hls from 'hls.js';
import { nextFrame, params } from './bench-api.js';

// The peer: a hand-wired hls.js page on the same playlist, told where to start.
const video = document.querySelector('video')!;
const playlist = params.get('playlist')!;
const hls = new Hls({ startPosition: Number(params.get('start')) });
hls.attachMedia(video);
hls.loadSource(playlist);

/** Media time of wall-clock `at`: the page parses PROGRAM-DATE-TIME like any hls.js page would. */
function mediaTimeOf(at: number): number {
  for (const frag of hls.levels[0]?.details?.fragments ?? []) {
    const pdt = frag.programDateTime ?? 0;
    if (at >= pdt && at < pdt + frag.duration * 1000) return frag.start + (at - pdt) / 1000;
  }
  throw new Error(`instant ${at} is not in the playlist`);
}

window.bench = {
  firstFrame: nextFrame(video),
  async seek(at) {
    const start = performance.now();
    const painted = nextFrame(video);
    video.currentTime = mediaTimeOf(at);
    return (await painted) - start;
  },
};
