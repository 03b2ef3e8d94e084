import { expect } from 'chai';
import { instantOfPoolFrame, retimePool, type FixturePool } from '../../../../demo/fixtures/pool-stream.js';
import { sealedPoolStream, type SealedPoolStream } from '../../../../demo/fixtures/sealed-pool-stream.js';
import { axeViolations } from '../../../../test/support/axe.js';
import { settledFrame, until } from '../../../../test/support/frames.js';
import type { PlayerError } from '../data-source/errors.js';
import { MemoryDataSource } from '../data-source/memory-data-source.js';
import type { SessionInfo } from '../data-source/types.js';
import '../player/session-player.define.js';
import type { SessionPlayer } from './session-player.js';

const POOL_URL = '/demo/fixtures/pool/';
const PASSPHRASE = 'correct horse battery staple';
const T0 = Date.parse('2026-03-17T08:00:00.000Z');
const SPANS = [{ start: T0, end: T0 + 2 * 60_000 }];

const info: SessionInfo = {
  stream: { userId: 'u1', computerId: 'c1' },
  user: { id: 'u1', name: 'Ada Test', login: 'ada', ip: '10.0.0.7' },
  computer: { id: 'c1', name: 'WS-01', os: 'Windows 11' },
  timezone: 'Europe/Berlin',
  session: null,
  capabilities: ['view'],
  encryption: null,
  live: { online: false },
  audioTracks: [],
  recorded: { start: SPANS[0]!.start, end: SPANS[0]!.end },
};

let pool: FixturePool;
let sealed: SealedPoolStream;

async function mount(stream: SealedPoolStream, at: number): Promise<{ player: SessionPlayer; video: HTMLVideoElement; errors: { code: string; message: string }[] }> {
  const player = document.createElement('session-player');
  const errors: { code: string; message: string }[] = [];
  player.addEventListener('player-error', (e) => errors.push((e as CustomEvent).detail));
  player.dataSource = new MemoryDataSource([stream]);
  player.ref = { userId: 'u1', computerId: 'c1', at };
  document.body.append(player);
  await player.updateComplete;
  const video = player.shadowRoot!.querySelector('video')!;
  video.muted = true;
  await until(() => player.dataset.phase === 'locked', 'the locked mask');
  return { player, video, errors };
}

function instantOfFrame(frame: number, near: number): number {
  return instantOfPoolFrame(retimePool(pool, POOL_URL, SPANS), pool.fps, frame, near);
}

describe('<session-player> with an end-to-end encrypted recording', () => {
  before(async () => {
    pool = await (await fetch(`${POOL_URL}pool.json`)).json();
    sealed = await sealedPoolStream(pool, POOL_URL, info, SPANS, PASSPHRASE);
  });
  after(() => sealed.dispose());
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  it('opens masked, accessible, with nothing loaded and the Decrypt button offered', async () => {
    const { player, video } = await mount(sealed, T0 + 30_000);
    expect(video.readyState).to.equal(0);
    const overlay = player.shadowRoot!.querySelector('session-decrypt-overlay')!;
    await until(() => !!overlay.shadowRoot?.querySelector('[part~="decrypt-button"]'), 'the Decrypt button');
    expect(await axeViolations(player)).to.deep.equal([]);
  });

  it('refuses a wrong passphrase, makes the next try wait, then plays frame-exact and locks again', async () => {
    const at = T0 + 30_000 + 1_400;
    const { player, video } = await mount(sealed, at);
    const wrong = await player.unlock({ passphrase: 'not it' }).then(() => null, (e: PlayerError) => e.code);
    expect(wrong).to.equal('wrong-secret');
    expect(player.playback.state.unlockRetryAt).to.be.greaterThan(Date.now());
    const early = await player.unlock({ passphrase: PASSPHRASE }).then(() => null, (e: PlayerError) => e.code);
    expect(early).to.equal('retry-later');
    expect(player.dataset.phase).to.equal('locked');

    await new Promise((r) => setTimeout(r, player.playback.state.unlockRetryAt - Date.now() + 20));
    await player.unlock({ passphrase: PASSPHRASE });
    await until(() => player.dataset.phase === 'ready', 'the unlocked recording');
    expect(Math.abs(instantOfFrame(await settledFrame(video), at) - at)).to.be.below(1000 / 5 + 1);
    expect(player.shadowRoot!.querySelector('session-decrypt-overlay')).to.equal(null);

    player.lock();
    await until(() => player.dataset.phase === 'locked', 'locked again');
    expect(video.readyState).to.equal(0);
  });

  it('a flipped byte stops playback before the altered segment with an error naming it', async () => {
    const segments = sealed.segments;
    const bad = segments.find((s) => s.start >= T0 + 20_000)!;
    const bytes = new Uint8Array(await (await fetch(bad.uri)).arrayBuffer());
    bytes[bytes.length >> 1]! ^= 1;
    const altered = URL.createObjectURL(new Blob([bytes]));
    try {
      const stream = { ...sealed, segments: segments.map((s) => (s === bad ? { ...s, uri: altered } : s)) };
      const { player, video, errors } = await mount(stream, bad.start - 2_000);
      await player.unlock({ passphrase: PASSPHRASE });
      await until(() => player.dataset.phase === 'ready', 'the unlocked recording');
      player.play();
      await until(() => player.dataset.phase === 'error', 'the integrity error');
      expect(errors.map((e) => e.code)).to.deep.equal(['recording-altered']);
      expect(errors[0]!.message).to.match(/^Recording altered at .*segment \d+ failed authentication/);
      expect(video.paused).to.equal(true);
      expect(player.currentInstant!).to.be.below(bad.start);
    } finally {
      URL.revokeObjectURL(altered);
    }
  });
});
