import { expect } from 'chai';
import { instantOfPoolFrame, poolStream, retimePool, type FixturePool } from '../../../../demo/fixtures/pool-stream.js';
import { axeViolations } from '../../../../test/support/axe.js';
import { settledFrame, until } from '../../../../test/support/frames.js';
import { PlayerError } from '../data-source/errors.js';
import { MemoryDataSource } from '../data-source/memory-data-source.js';
import type { SessionDataSource, SessionInfo } from '../data-source/types.js';
import '../player/session-player.define.js';
import type { SessionPlayer } from './session-player.js';

const POOL_URL = '/demo/fixtures/pool/';
const T0 = Date.parse('2026-03-17T08:00:00.000Z');
const MIN = 60_000;
// Two recordings with a 17-minute gap between them, and one the next day.
const SPANS = [
  { start: T0, end: T0 + 30 * MIN },
  { start: T0 + 47 * MIN, end: T0 + 70 * MIN },
  { start: T0 + 24 * 60 * MIN, end: T0 + 24 * 60 * MIN + 20 * MIN },
];

const info: SessionInfo = {
  stream: { userId: 'u1', computerId: 'c1' },
  user: { id: 'u1', name: 'Ada Test', login: 'ada', ip: '10.0.0.7' },
  computer: { id: 'c1', name: 'WS-01', os: 'Windows 11' },
  timezone: 'Europe/Berlin',
  session: null,
  capabilities: ['view'],
  encryption: null,
  live: { online: false },
  audioTracks: [
    { id: 'speakers', label: 'Speakers', channel: 0 },
    { id: 'microphone', label: 'Microphone', channel: 1 },
  ],
  recorded: { start: SPANS[0]!.start, end: SPANS[2]!.end },
};

let pool: FixturePool;

async function mount(at: number): Promise<{ player: SessionPlayer; video: HTMLVideoElement; source: MemoryDataSource }> {
  pool ??= await (await fetch(`${POOL_URL}pool.json`)).json();
  const source = new MemoryDataSource([poolStream(pool, POOL_URL, info, SPANS)]);
  const player = document.createElement('session-player');
  player.dataSource = source;
  player.ref = { userId: 'u1', computerId: 'c1', at };
  document.body.append(player);
  await player.updateComplete;
  const video = player.shadowRoot!.querySelector('video')!;
  video.muted = true;
  await until(() => player.dataset.phase === 'ready', 'the player to be ready');
  return { player, video, source };
}

/** The instant the burned-in frame number `frame` was shown at, per the re-timed pool. */
function instantOfFrame(frame: number, near: number): number {
  return instantOfPoolFrame(retimePool(pool, POOL_URL, SPANS), pool.fps, frame, near);
}

describe('<session-player> on the fixture pool', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  it('is accessible once a recording is shown', async () => {
    const { player, video } = await mount(T0 + 5 * MIN);
    await settledFrame(video);
    expect(await axeViolations(player)).to.deep.equal([]);
  });

  it('opens at the requested instant and shows that frame', async () => {
    const at = T0 + 5 * MIN + 1_234;
    const { video } = await mount(at);
    const shown = instantOfFrame(await settledFrame(video), at);
    expect(Math.abs(shown - at)).to.be.below(1000 / 5 + 1);
  });

  it('seeks frame-exactly to instants in both recordings', async () => {
    const { player, video } = await mount(T0 + MIN);
    // The last frame before the gap: spans hold whole pool segments only.
    const lastBeforeGap = retimePool(pool, POOL_URL, SPANS).filter((s) => s.start < SPANS[1]!.start).at(-1)!;
    const beforeGap = lastBeforeGap.start + lastBeforeGap.durationMs - 100;
    for (const at of [T0 + 12 * MIN + 401, beforeGap, T0 + 47 * MIN, T0 + 69 * MIN + 30_555, T0 + 3_000]) {
      await player.seekToInstant(at);
      const frame = await settledFrame(video);
      const shown = instantOfFrame(frame, at);
      expect(Math.abs(shown - at), `at ${new Date(at).toISOString()}`).to.be.at.most(200);
      expect(player.currentInstant).to.equal(at);
    }
  });

  it('opened at an instant hours away from any recording, shows the nearest one', async () => {
    const { player, video } = await mount(T0 - 3 * 60 * MIN);
    expect(player.currentInstant).to.equal(T0);
    expect(instantOfFrame(await settledFrame(video), T0)).to.equal(T0);
  });

  it('moves an instant in a gap to the nearest recording and says so', async () => {
    const { player, video } = await mount(T0 + MIN);
    await player.seekToInstant(T0 + 44 * MIN);
    await settledFrame(video);
    expect(player.currentInstant).to.equal(T0 + 47 * MIN);
    const notice = player.shadowRoot!.querySelector('.notice');
    expect(notice?.textContent).to.match(/Nothing was recorded at 09:44:00/);
  });
});

describe('<session-player> playing through a gap', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  it('lands on the next recording, says so, and its clock matches the decoded frame', async () => {
    const segments = retimePool(pool ?? (await (await fetch(`${POOL_URL}pool.json`)).json()), POOL_URL, SPANS);
    const lastBeforeGap = segments.filter((s) => s.start < SPANS[1]!.start).at(-1)!;
    const { player, video } = await mount(lastBeforeGap.start + lastBeforeGap.durationMs - 1_500);
    const gaps: { from: number; to: number }[] = [];
    player.addEventListener('gap-skipped', (e) => gaps.push((e as CustomEvent).detail));
    player.play();
    await until(() => (player.currentInstant ?? 0) >= SPANS[1]!.start + 1_000, 'playback to cross the gap');
    player.pause();
    await until(() => video.paused, 'pause');
    expect(gaps).to.deep.equal([{ from: lastBeforeGap.start + lastBeforeGap.durationMs, to: SPANS[1]!.start }]);
    expect(player.shadowRoot!.querySelector('.notice')?.textContent).to.match(/No recording from .* skipped 17 min/);
    const shown = instantOfFrame(await settledFrame(video), player.currentInstant!);
    expect(Math.abs(shown - player.currentInstant!)).to.be.at.most(200);
    // The clock shows the second of the decoded frame.
    const clock = player.shadowRoot!.querySelector('session-clock')!.shadowRoot!.querySelector('[part="time"]')!;
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(shown);
    const clockAt = clock.textContent!.trim();
    const secondsApart = Math.abs(toSeconds(clockAt) - toSeconds(expected));
    expect(secondsApart, `${clockAt} vs ${expected}`).to.be.at.most(1);
  });
});

function toSeconds(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

describe('<session-player> keyboard', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  it('skips by the configured step with l / ArrowRight and j, and toggles play with k', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const at = T0 + 5 * MIN;
    const { player, video } = await mount(at);
    player.skipSeconds = 30;
    await player.updateComplete;
    const play = player.shadowRoot!.querySelector('session-transport-bar')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    play.focus();
    await sendKeys({ press: 'l' });
    await until(() => player.currentInstant === at + 30_000, 'skip forward');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => player.currentInstant === at + 60_000, 'skip forward with the arrow');
    await sendKeys({ press: 'j' });
    await until(() => player.currentInstant === at + 30_000, 'skip back');
    const shown = instantOfFrame(await settledFrame(video), at + 30_000);
    expect(Math.abs(shown - (at + 30_000))).to.be.at.most(200);
    await sendKeys({ press: 'k' });
    await until(() => !video.paused, 'play');
    await sendKeys({ press: 'k' });
    await until(() => video.paused, 'pause');
  });
});

describe('<session-player> transport', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  const button = (player: SessionPlayer, label: string) =>
    player.shadowRoot!.querySelector('session-transport-bar')!.shadowRoot!.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)!;

  it("goes to the beginning and end of the day's recording and to the next and previous day", async () => {
    const { player, video } = await mount(T0 + 10 * MIN);
    const segments = retimePool(pool, POOL_URL, SPANS);
    const lastOfDay = segments.filter((s) => s.start < SPANS[2]!.start).at(-1)!;
    button(player, "End of the day's recording").click();
    await until(() => player.currentInstant === lastOfDay.start + lastOfDay.durationMs - 1, 'end of the day');
    expect(Math.abs(instantOfFrame(await settledFrame(video), player.currentInstant!) - player.currentInstant!)).to.be.at.most(200);
    button(player, "Beginning of the day's recording").click();
    await until(() => player.currentInstant === T0, 'beginning of the day');
    expect(instantOfFrame(await settledFrame(video), T0)).to.equal(T0);
    button(player, 'Next day').click();
    await until(() => player.currentInstant === SPANS[2]!.start, 'first recording of the next day');
    expect(instantOfFrame(await settledFrame(video), SPANS[2]!.start)).to.equal(SPANS[2]!.start);
    button(player, 'Previous day').click();
    await until(() => player.currentInstant === T0, 'first recording of the previous day');
    button(player, 'Previous day').click();
    await until(() => /No recordings on/.test(player.shadowRoot!.querySelector('.notice')?.textContent ?? ''), 'an empty day says so');
  });

  it('rewinds and fast-forwards by 10 s, skipping over gaps', async () => {
    const at = T0 + 10 * MIN;
    const { player, video } = await mount(at);
    button(player, 'Forward 10 s').click();
    await until(() => player.currentInstant === at + 10_000, 'forward 10 s');
    button(player, 'Back 10 s').click();
    button(player, 'Back 10 s').click();
    await until(() => player.currentInstant === at - 10_000, 'back 20 s');
    expect(Math.abs(instantOfFrame(await settledFrame(video), at - 10_000) - (at - 10_000))).to.be.at.most(200);
    const segments = retimePool(pool, POOL_URL, SPANS);
    const lastBeforeGap = segments.filter((s) => s.start < SPANS[1]!.start).at(-1)!;
    await player.seekToInstant(lastBeforeGap.start + lastBeforeGap.durationMs - 3_000);
    button(player, 'Forward 10 s').click();
    await until(() => player.currentInstant === SPANS[1]!.start, 'forward across the gap lands on the next recording');
  });

  it('changes speed from 0.25x to 16x', async () => {
    const { player, video } = await mount(T0 + 10 * MIN);
    const select = player.shadowRoot!.querySelector('session-transport-bar')!.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['0.25', '0.5', '1', '2', '4', '8', '16']);
    select.value = '16';
    select.dispatchEvent(new Event('change'));
    await until(() => video.playbackRate === 16, 'rate 16');
    player.play();
    const from = player.currentInstant!;
    await new Promise((r) => setTimeout(r, 1_000));
    player.pause();
    // 16x for about a second moves the clock by well over 8 s of recording.
    expect(player.currentInstant! - from).to.be.above(8_000);
  });
});

describe('<session-player> errors', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  it('shows a failed session load with Retry, fires player-error, and Retry opens the session', async () => {
    pool ??= await (await fetch(`${POOL_URL}pool.json`)).json();
    const real = new MemoryDataSource([poolStream(pool, POOL_URL, info, SPANS)]);
    let failures = 1;
    const flaky: SessionDataSource = Object.assign(Object.create(null) as object, {
      getSession: (...args: Parameters<SessionDataSource['getSession']>) =>
        failures-- > 0 ? Promise.reject(new PlayerError('network', 'The server did not answer.')) : real.getSession(...args),
      getCoverage: real.getCoverage.bind(real),
      getMedia: real.getMedia.bind(real),
      getEvents: real.getEvents.bind(real),
      listTags: real.listTags.bind(real),
      createTag: real.createTag.bind(real),
      updateTag: real.updateTag.bind(real),
      deleteTag: real.deleteTag.bind(real),
    });
    const player = document.createElement('session-player');
    const errors: { code: string; message: string }[] = [];
    player.addEventListener('player-error', (e) => errors.push((e as CustomEvent).detail));
    player.dataSource = flaky;
    player.ref = { userId: 'u1', computerId: 'c1', at: T0 + 2 * MIN };
    document.body.append(player);
    await until(() => player.dataset.phase === 'error', 'the error state');
    expect(errors).to.deep.equal([{ code: 'network', message: 'The server did not answer.' }]);
    const alert = player.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The server did not answer.');
    alert.querySelector<HTMLButtonElement>('.retry')!.click();
    await until(() => player.dataset.phase === 'ready', 'ready after Retry');
    const video = player.shadowRoot!.querySelector('video')!;
    expect(Math.abs(instantOfFrame(await settledFrame(video), T0 + 2 * MIN) - (T0 + 2 * MIN))).to.be.at.most(200);
  });
});

describe('<session-player> audio sources', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  /** Loudest RMS level per channel seen over `ms` of playback. */
  async function loudest(player: SessionPlayer, ms: number): Promise<number[]> {
    const max = [0, 0];
    const end = performance.now() + ms;
    while (performance.now() < end) {
      (player.playback.audioLevels() ?? [0, 0]).forEach((level, i) => (max[i] = Math.max(max[i]!, level)));
      await new Promise((r) => setTimeout(r, 50));
    }
    return max;
  }

  it('mutes the speakers and the microphone separately', async () => {
    const { player, video } = await mount(T0 + 3 * MIN);
    video.muted = false;
    const bar = player.shadowRoot!.querySelector('session-transport-bar')!.shadowRoot!;
    const speakers = () => bar.querySelector<HTMLButtonElement>('[data-source="speakers"]')!;
    const microphone = () => bar.querySelector<HTMLButtonElement>('[data-source="microphone"]')!;
    speakers().click();
    await player.updateComplete;
    expect(speakers().getAttribute('aria-pressed')).to.equal('true');
    expect(speakers().getAttribute('aria-label')).to.equal('Unmute Speakers');
    player.play();
    await until(() => !video.paused && video.currentTime > 0, 'playback');
    const [speakersMuted, microphoneOn] = await loudest(player, 2_500);
    expect(speakersMuted).to.be.below(1e-4);
    expect(microphoneOn).to.be.above(0.001);
    speakers().click();
    microphone().click();
    // The analysers still hold the last ~43 ms from before the change.
    await new Promise((r) => setTimeout(r, 200));
    const [speakersOn, microphoneMuted] = await loudest(player, 2_500);
    expect(speakersOn).to.be.above(0.001);
    expect(microphoneMuted).to.be.below(1e-4);
    player.pause();
  });
});

describe('<session-player> attributes and time zones', () => {
  afterEach(() => document.querySelectorAll('session-player').forEach((p) => p.remove()));

  it('opens at the instant of its `at` attribute (deep link) and shows times in the user’s or the viewer’s zone', async () => {
    pool ??= await (await fetch(`${POOL_URL}pool.json`)).json();
    const at = T0 + 12 * MIN + 345;
    const player = document.createElement('session-player');
    player.setAttribute('user-id', 'u1');
    player.setAttribute('computer-id', 'c1');
    player.setAttribute('at', new Date(at).toISOString());
    player.dataSource = new MemoryDataSource([poolStream(pool, POOL_URL, info, SPANS)]);
    document.body.append(player);
    await until(() => player.dataset.phase === 'ready', 'ready');
    expect(player.currentInstant).to.equal(at);
    const video = player.shadowRoot!.querySelector('video')!;
    expect(Math.abs(instantOfFrame(await settledFrame(video), at) - at)).to.be.at.most(200);
    const time = () => player.shadowRoot!.querySelector('session-clock')!.shadowRoot!.querySelector('[part="time"]')!.textContent!.trim();
    const local = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
    expect(time()).to.equal(local('Europe/Berlin'));
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const select = player.shadowRoot!.querySelector<HTMLSelectElement>('.zone select');
    if (viewerZone === 'Europe/Berlin') {
      expect(select).to.equal(null); // nothing to toggle when both zones agree
      return;
    }
    select!.value = 'viewer';
    select!.dispatchEvent(new Event('change'));
    await player.updateComplete;
    await until(() => time() === local(viewerZone), `the clock in ${viewerZone}`);
  });
});
