import { expect } from 'chai';
import { SyntheticDesktop } from '../../../../demo/fixtures/synthetic-desktop.js';
import { axeViolations } from '../../../../test/support/axe.js';
import { until } from '../../../../test/support/frames.js';
import { MemoryDataSource } from '../data-source/memory-data-source.js';
import type { Capability, SessionInfo } from '../data-source/types.js';
import '../player/session-player.define.js';
import type { SessionPlayer } from '../player/session-player.js';

const ALL: Capability[] = ['view', 'viewLive', 'remoteControl', 'freeze', 'ctrlAltDel'];

function info(capabilities: Capability[], online = true): SessionInfo {
  return {
    stream: { userId: 'u1', computerId: 'c1' },
    user: { id: 'u1', name: 'Ada Test', login: 'ada', ip: '10.0.0.7' },
    computer: { id: 'c1', name: 'WS-01', os: 'Windows 11' },
    timezone: 'Europe/Berlin',
    session: null,
    capabilities,
    encryption: null,
    live: { online },
    audioTracks: [],
    recorded: null,
  };
}

async function mount(desktop: SyntheticDesktop, capabilities = ALL, online = true): Promise<SessionPlayer> {
  const player = document.createElement('session-player');
  player.dataSource = new MemoryDataSource([{ info: info(capabilities, online), segments: [], live: (signal) => desktop.connect(signal) }]);
  player.ref = { userId: 'u1', computerId: 'c1' };
  document.body.append(player);
  await player.updateComplete;
  await until(() => player.dataset.phase === 'ready', 'the player to open');
  return player;
}

const button = (player: SessionPlayer, part: string) => player.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
const canvasPixel = (player: SessionPlayer, x: number, y: number) =>
  Array.from(player.shadowRoot!.querySelector('canvas')!.getContext('2d')!.getImageData(x, y, 1, 1).data.slice(0, 3));

describe('<session-player> Live view', () => {
  let desktop: SyntheticDesktop;
  beforeEach(() => (desktop = new SyntheticDesktop({ consentDelayMs: 100 })));
  afterEach(() => {
    document.querySelectorAll('session-player').forEach((p) => p.remove());
    desktop.stop();
  });

  it('is offered only when the user is online and the viewer may watch live', async () => {
    expect(button(await mount(desktop, ALL, false), 'live-button'), 'offline').to.equal(null);
    document.querySelectorAll('session-player').forEach((p) => p.remove());
    expect(button(await mount(desktop, ['view']), 'live-button'), 'no viewLive').to.equal(null);
    document.querySelectorAll('session-player').forEach((p) => p.remove());
    expect(button(await mount(desktop), 'live-button')).to.not.equal(null);
  });

  it('switches to Live view: title, orange indicator, the desktop on the canvas, no transport; History switches back', async () => {
    const player = await mount(desktop);
    button(player, 'live-button')!.click();
    await until(() => player.dataset.liveStatus === 'live', 'live frames');
    expect(player.shadowRoot!.querySelector('h2')!.textContent).to.equal('Live view');
    expect(player.hasAttribute('data-live')).to.equal(true);
    expect(player.shadowRoot!.querySelector('session-transport-bar')).to.equal(null);
    // The synthetic desktop's wallpaper colour (#1f5f7a), give or take VP8.
    const [r, g, b] = canvasPixel(player, 5, 5);
    expect(Math.abs(r! - 0x1f) + Math.abs(g! - 0x5f) + Math.abs(b! - 0x7a)).to.be.below(40);
    expect(await axeViolations(player)).to.deep.equal([]);
    button(player, 'history-button')!.click();
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('h2')!.textContent).to.equal('History view');
    expect(player.hasAttribute('data-live')).to.equal(false);
    expect(player.shadowRoot!.querySelector('session-transport-bar')).to.not.equal(null);
  });

  it('shows that it is reconnecting when the connection drops, and recovers by itself', async () => {
    const player = await mount(desktop);
    button(player, 'live-button')!.click();
    await until(() => player.dataset.liveStatus === 'live', 'live frames');
    desktop.drop();
    await until(() => player.dataset.liveStatus === 'reconnecting', 'reconnecting');
    expect(player.shadowRoot!.querySelector('.overlay')!.textContent).to.match(/reconnecting/i);
    await until(() => player.dataset.liveStatus === 'live', 'live again', 5_000);
  });

  it('takes control after consent, forwards typing only then, and releases', async () => {
    const player = await mount(desktop);
    button(player, 'live-button')!.click();
    await until(() => player.dataset.liveStatus === 'live', 'live frames');
    button(player, 'control-button')!.click();
    await until(() => desktop.control === 'full' && player.shadowRoot!.querySelector('canvas')!.classList.contains('controlled'), 'control');
    const canvas = player.shadowRoot!.querySelector('canvas')!;
    for (const key of 'hi') canvas.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Key${key.toUpperCase()}`, bubbles: true, composed: true }));
    await until(() => desktop.typed === 'hi', 'typed text on the desktop');
    button(player, 'control-button')!.click();
    await until(() => desktop.control === 'none', 'released');
    await player.updateComplete;
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 100));
    expect(desktop.typed).to.equal('hi');
  });

  it('has no control buttons without their capabilities', async () => {
    const player = await mount(desktop, ['view', 'viewLive']);
    button(player, 'live-button')!.click();
    await until(() => player.dataset.liveStatus === 'live', 'live frames');
    expect(player.shadowRoot!.querySelectorAll('.live-controls button').length).to.equal(0);
  });
});
