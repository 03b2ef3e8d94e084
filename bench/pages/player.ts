import { RestDataSource } from '@session-player/player';
import { nextFrame, params } from './bench-api.js';

// Times <session-player> from navigation start to its first painted frame.
const player = document.querySelector('session-player')!;
const video = () => player.shadowRoot!.querySelector('video')!;
player.dataSource = new RestDataSource({ baseUrl: '/api' });
player.ref = { userId: params.get('user')!, computerId: params.get('computer')!, at: Number(params.get('at')) };
await player.updateComplete;
const v = video();
v.muted = true;

window.bench = {
  firstFrame: nextFrame(v),
  async seek(at) {
    const start = performance.now();
    const painted = nextFrame(v);
    void player.seekToInstant(at);
    return (await painted) - start;
  },
};
