/**
 * Live view latency on loopback (SPEC §5.5; target: glass-to-glass median ≤ 150 ms):
 *
 *   1. glass to glass: the simulated desktop (demo/agent) burns `Date.now()` into every
 *      frame it draws; the viewer (`<session-player>` in Live view, through the reference
 *      backend's relay) reads it back from its canvas on every animation frame. Latency =
 *      the viewer's clock when a new timestamp first shows − the timestamp. Both pages run
 *      in one browser, so both read the same clock.
 *   2. input round trip: in remote control, the viewer presses a key; the agent applies it
 *      (and notes when); the round trip ends when the viewer first shows a frame drawn
 *      after that moment.
 *
 *   npm run bench:live
 *   SECONDS=10   how long glass to glass is sampled (default 10)
 *   KEYS=30      key presses for the round trip (default 30)
 *
 * Prints a table and writes bench/.results/live.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchBrowser, REPO_ROOT, startStack } from '../test/e2e/harness.js';
import { poll, requestViewRecord } from '../test/e2e/player-page.js';
import { stats } from './measure.js';

const SECONDS = Number(process.env.SECONDS ?? 10);
const KEYS = Number(process.env.KEYS ?? 30);
const STREAM = { userId: 'aschneider', computerId: 'ber-ws-014' };
const PLAYER = `document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player')`;
const CANVAS = `${PLAYER}.shadowRoot.querySelector('canvas.live-video')`;

execFileSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
const stack = await startStack({ env: { LOG: '0' } });
const browser = await launchBrowser();
try {
  const agent = await (await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1400, height: 900 } })).newPage();
  await agent.goto(`/agent/?userId=${STREAM.userId}&computerId=${STREAM.computerId}`);
  await poll(agent, `window.agent?.connected === true`);

  const viewer = await (await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1400, height: 1000 } })).newPage();
  await viewer.goto('/');
  const reader = await build({ entryPoints: [`${REPO_ROOT}/demo/agent/timestamp-blocks.ts`], bundle: true, format: 'iife', globalName: '__stamp', write: false });
  await viewer.evaluate(`${reader.outputFiles[0]!.text}\nglobalThis.__stamp = __stamp;`);
  await requestViewRecord(viewer, { ...STREAM, at: Date.now() - 3_600_000 });
  await viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Watch live' }).click();
  await poll(viewer, `${PLAYER}.dataset.liveStatus === 'live'`);

  // Every animation frame: the timestamp on the viewer's canvas, and when it first showed.
  await viewer.evaluate(`(() => {
    window.__shown = [];
    let last = null;
    const ctx = ${CANVAS}.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      const stamp = __stamp.decodeTimestampBlocks(ctx.getImageData(0, 0, 640, 16), 1);
      if (stamp !== null && stamp !== last) { window.__shown.push([Date.now(), stamp]); last = stamp; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await new Promise((r) => setTimeout(r, 1_000)); // settle
  await viewer.evaluate('window.__shown.length = 0');
  await new Promise((r) => setTimeout(r, SECONDS * 1_000));
  const shown = (await viewer.evaluate('window.__shown.slice()')) as [number, number][];
  const glass = stats(shown.map(([at, stamp]) => at - stamp));

  // Remote control, then key presses.
  await viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Take control' }).click();
  await poll(agent, `window.agent.control === 'pending'`);
  await agent.evaluate(`window.agent.answerConsent('full')`);
  await poll(viewer, `${CANVAS}.classList.contains('controlled')`);
  await viewer.evaluate(`${CANVAS}.focus()`);
  const trips: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const before = (await agent.evaluate('window.agent.lastRemoteKeyAt ?? 0')) as number;
    const sent = (await viewer.evaluate('Date.now()')) as number;
    await viewer.keyboard.press(i % 10 === 9 ? 'Enter' : 'x');
    await poll(agent, `(window.agent.lastRemoteKeyAt ?? 0) > ${before}`, undefined, 5_000);
    const applied = (await agent.evaluate('window.agent.lastRemoteKeyAt')) as number;
    await poll(viewer, `window.__shown.some(([, stamp]) => stamp >= ${applied})`, undefined, 5_000);
    const seen = ((await viewer.evaluate(`window.__shown.find(([, stamp]) => stamp >= ${applied})[0]`)) as number);
    trips.push(seen - sent);
    await new Promise((r) => setTimeout(r, 100));
  }
  const trip = stats(trips);

  const f = (n: number) => n.toFixed(1);
  console.log(`\nLive view on loopback (${STREAM.userId}/${STREAM.computerId}, agent 1280×720 H.264 at 30 fps)\n`);
  console.log('| measure | samples | median ms | p95 ms | max ms | target |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| glass to glass (drawn → shown in the viewer) | ${glass.n} | ${f(glass.p50)} | ${f(glass.p95)} | ${f(glass.max)} | median ≤ 150: ${glass.p50 <= 150 ? 'PASS' : 'FAIL'} |`);
  console.log(`| input round trip (key in viewer → its effect shown) | ${trip.n} | ${f(trip.p50)} | ${f(trip.p95)} | ${f(trip.max)} | |`);
  console.log(`\nframes shown per second: ${(glass.n / SECONDS).toFixed(1)}`);
  mkdirSync(join(REPO_ROOT, 'bench/.results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench/.results/live.json'), JSON.stringify({ date: new Date().toISOString(), glass, trip }, null, 2));
} finally {
  await browser.close();
  await stack.stop();
}
