import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, REPO_ROOT, startStack, type Stack, type TestPage } from './harness.js';
import { installDecoder, poll, requestViewRecord } from './player-page.js';

/**
 * Live view with two browser contexts: the demo's simulated desktop
 * (demo/agent, the "monitored computer") and a viewer in the dashboard.
 */

const STREAM = { userId: 'aschneider', computerId: 'ber-ws-014' };
/** A stream whose viewers lack remoteControl, freeze and ctrlAltDel (the reference backend's settings). */
const LIMITED = { userId: 'ytanaka', computerId: 'tyo-mac-042' };
const DESKTOP = { width: 1280, height: 720 };

const PLAYER = `document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player')`;
const LIVE_CANVAS = `${PLAYER}.shadowRoot.querySelector('canvas.live-video')`;

let stack: Stack;
let browser: Browser;
let stampSource: Promise<string> | null = null;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The agent page's timestamp-block reader, evaluated in the viewer page as `__stamp`. */
async function installStampReader(page: TestPage): Promise<void> {
  stampSource ??= build({
    entryPoints: [`${REPO_ROOT}/demo/agent/timestamp-blocks.ts`],
    bundle: true,
    format: 'iife',
    globalName: '__stamp',
    write: false,
    target: 'es2022',
  }).then((r) => `${r.outputFiles[0]!.text}\nglobalThis.__stamp = __stamp;`);
  await page.evaluate(await stampSource);
}

async function openAgent(stream: { userId: string; computerId: string }): Promise<TestPage> {
  const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1400, height: 900 } });
  await page.goto(`/agent/?userId=${stream.userId}&computerId=${stream.computerId}`);
  await poll(page, `window.agent?.connected === true`);
  return page;
}

/** Opens the stream in the dashboard's dialog and switches to Live view; returns ms from the click to the first frame. */
async function openViewer(stream: { userId: string; computerId: string }): Promise<{ page: TestPage; firstFrameMs: number }> {
  // A stage that is not 16:9, so the desktop is letterboxed.
  const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 980 } });
  await page.goto('/');
  await installStampReader(page);
  await requestViewRecord(page, { ...stream, at: Date.now() - 3_600_000 });
  const live = page.locator('session-player-dialog session-player').getByRole('button', { name: 'Watch live' });
  await live.waitFor({ timeout: 20_000 });
  const clicked = Date.now();
  await live.click();
  await poll(page, `${PLAYER}.dataset.liveStatus === 'live'`, undefined, 10_000);
  return { page, firstFrameMs: Date.now() - clicked };
}

/** The timestamp burned into the frame the viewer shows (the agent's clock when it drew it). */
async function shownStamp(page: TestPage): Promise<number | null> {
  return page.evaluate(`(() => {
    const c = ${LIVE_CANVAS};
    return __stamp.decodeTimestampBlocks(c.getContext('2d').getImageData(0, 0, 640, 16), 1);
  })()`);
}

/** Viewport point showing desktop pixel (x, y) in the viewer's letterboxed canvas. */
async function viewerPoint(page: TestPage, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(`(() => {
    const r = ${LIVE_CANVAS}.getBoundingClientRect();
    const scale = Math.min(r.width / ${DESKTOP.width}, r.height / ${DESKTOP.height});
    return {
      x: r.left + (r.width - ${DESKTOP.width} * scale) / 2 + (${x} + 0.5) * scale,
      y: r.top + (r.height - ${DESKTOP.height} * scale) / 2 + (${y} + 0.5) * scale,
    };
  })()`);
}

/** RGB of desktop pixel (x, y) as the viewer shows it. */
async function viewerPixel(page: TestPage, x: number, y: number): Promise<number[]> {
  return page.evaluate(`Array.from(${LIVE_CANVAS}.getContext('2d').getImageData(${x}, ${y}, 1, 1).data.slice(0, 3))`);
}

/** RGB of desktop pixel (x, y) as the agent draws it. */
async function agentPixel(agent: TestPage, x: number, y: number): Promise<number[]> {
  return agent.evaluate(`Array.from(document.querySelector('canvas').getContext('2d').getImageData(${x}, ${y}, 1, 1).data.slice(0, 3))`);
}

const close = (a: number[], b: number[], tolerance = 24) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

async function takeControl(viewer: TestPage, agent: TestPage, choice: 'full' | 'view-only' | 'decline' | 'none'): Promise<void> {
  await viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Take control' }).click();
  await poll(agent, `window.agent.control === 'pending'`);
  if (choice === 'full') await agent.getByRole('button', { name: /Allow full control/ }).click();
  else if (choice === 'view-only') await agent.getByRole('button', { name: /View only/ }).click();
  else if (choice === 'decline') await agent.getByRole('button', { name: /Decline/ }).click();
}

describe('Live view (agent and viewer in two browser contexts, real relay)', () => {
  it("shows the agent's clock within a second, and remote typing and clicks land on the desktop", async () => {
    const agent = await openAgent(STREAM);
    const { page: viewer, firstFrameMs } = await openViewer(STREAM);
    assert.ok(firstFrameMs < 1_000, `first live frame ${firstFrameMs} ms after clicking Live`);
    assert.equal(await viewer.evaluate(`${PLAYER}.shadowRoot.querySelector('h2').textContent`), 'Live view');
    // The transport makes no sense live: hidden, not dead.
    assert.equal(await viewer.evaluate(`${PLAYER}.shadowRoot.querySelector('session-transport-bar')`), null);
    await poll(viewer, `(() => { const s = __stamp.decodeTimestampBlocks(${LIVE_CANVAS}.getContext('2d').getImageData(0, 0, 640, 16), 1); return s !== null && Date.now() - s < 1000; })()`, undefined, 5_000);
    const stamp = await shownStamp(viewer);
    assert.ok(stamp !== null && Date.now() - stamp < 1_000, `the shown clock is ${stamp === null ? 'unreadable' : `${Date.now() - stamp} ms old`}`);

    await takeControl(viewer, agent, 'full');
    await poll(viewer, `${LIVE_CANVAS}.classList.contains('controlled')`);
    // The user is told, in the words of the session settings (the reference backend's default).
    const banner: string = await agent.evaluate(`document.getElementById('agent-banner').hidden ? '' : document.getElementById('agent-banner-text').textContent`);
    assert.match(banner, /Your screen is being viewed and may be controlled by IT security/);
    // Typing: focus by clicking into the editor, then type.
    const inEditor = await viewerPoint(viewer, 300, 400);
    await viewer.mouse.click(inEditor.x, inEditor.y);
    await viewer.keyboard.type('hello');
    await poll(agent, `window.agent.editorText.includes('hello')`, undefined, 5_000);

    // A host caps the video's height: the box is no longer 16:9, the desktop is letterboxed,
    // and a click must still land on the button.
    await viewer.evaluate(`${PLAYER}.style.setProperty('--sp-video-max-height', '420px')`);
    const box: { width: number; height: number } = await viewer.evaluate(`(() => { const r = ${LIVE_CANVAS}.getBoundingClientRect(); return { width: r.width, height: r.height }; })()`);
    assert.ok(Math.abs(box.width / box.height - 16 / 9) > 0.05, `letterboxed (${box.width}×${box.height})`);
    const button: { x: number; y: number; width: number; height: number } = await agent.evaluate('window.agent.buttonRect');
    const before = (await agent.evaluate('window.agent.submitClicks')) as number;
    const onButton = await viewerPoint(viewer, button.x + button.width / 2, button.y + button.height / 2);
    await viewer.mouse.click(onButton.x, onButton.y);
    await poll(agent, `window.agent.submitClicks === ${before + 1}`, undefined, 5_000);
    // And just outside it (on the letterbox side of the mapping), nothing is clicked.
    const beside = await viewerPoint(viewer, button.x - 20, button.y + button.height / 2);
    await viewer.mouse.click(beside.x, beside.y);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(await agent.evaluate('window.agent.submitClicks'), before + 1);

    await viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Release control' }).click();
    await poll(agent, `window.agent.control === 'none'`);
    assert.deepEqual(viewer.errors, []);
    await Promise.all([viewer.close(), agent.close()]);
  });

  it('freeze blocks the desktop’s own input until it is lifted; Ctrl+Alt+Del shows the task manager in the stream', async () => {
    const agent = await openAgent(STREAM);
    const { page: viewer } = await openViewer(STREAM);
    const freeze = viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Freeze input' });
    await freeze.click();
    await poll(agent, `window.agent.frozen === true`);
    await poll(viewer, `${PLAYER}.shadowRoot.querySelector('[part~="freeze-button"]').getAttribute('aria-pressed') === 'true'`);
    const text = (await agent.evaluate('window.agent.editorText')) as string;
    await agent.locator('canvas').click({ position: { x: 300, y: 400 } });
    await agent.keyboard.type('xyz');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await agent.evaluate('window.agent.editorText'), text, 'local typing has no effect while frozen');
    await freeze.click();
    await poll(agent, `window.agent.frozen === false`);
    await agent.locator('canvas').click({ position: { x: 300, y: 400 } });
    await agent.keyboard.type('abc');
    await poll(agent, `window.agent.editorText.includes('abc')`, undefined, 3_000);

    // A point inside the task manager window that is wallpaper on the desktop.
    const probe = { x: 900, y: 520 };
    const desktopColour = await viewerPixel(viewer, probe.x, probe.y);
    await viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Ctrl+Alt+Del' }).click();
    await poll(agent, `window.agent.screen === 'task-manager'`);
    // The agent draws its next frame (30 fps) with the task manager.
    let expected = await agentPixel(agent, probe.x, probe.y);
    for (let i = 0; i < 40 && close(expected, desktopColour); i++) {
      await new Promise((r) => setTimeout(r, 50));
      expected = await agentPixel(agent, probe.x, probe.y);
    }
    assert.ok(!close(expected, desktopColour), `the task manager looks different there (${expected} vs ${desktopColour})`);
    const deadline = Date.now() + 3_000;
    let shown = await viewerPixel(viewer, probe.x, probe.y);
    while (!close(shown, expected) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      shown = await viewerPixel(viewer, probe.x, probe.y);
    }
    assert.ok(close(shown, expected), `the viewer shows the task manager (${shown} vs ${expected})`);
    await Promise.all([viewer.close(), agent.close()]);
  });

  it('consent declined, timed out and view only each leave the viewer out of control, and say so', async () => {
    const agent = await openAgent(STREAM);
    const { page: viewer } = await openViewer(STREAM);
    const note = `${PLAYER}.shadowRoot.querySelector('.live-note').textContent`;
    await takeControl(viewer, agent, 'decline');
    await poll(viewer, `${note}.includes('declined')`);
    assert.equal(await viewer.evaluate(`${LIVE_CANVAS}.classList.contains('controlled')`), false);

    await takeControl(viewer, agent, 'view-only');
    await poll(viewer, `${note}.includes('viewing only')`);
    // Typing goes nowhere.
    const text = (await agent.evaluate('window.agent.editorText')) as string;
    const inEditor = await viewerPoint(viewer, 300, 400);
    await viewer.mouse.click(inEditor.x, inEditor.y);
    await viewer.keyboard.type('nope');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await agent.evaluate('window.agent.editorText'), text);

    // Asking again from view only, and nobody answers: timed out. (The demo's timeout comes
    // from settings, 15 s; the agent is told a shorter one the way the relay tells it.)
    await agent.evaluate(`window.agent.receive({ t: 'settings', controlMessage: 'Test', consentTimeoutMs: 1500 })`);
    await takeControl(viewer, agent, 'none');
    await poll(viewer, `${note}.includes('did not answer')`, undefined, 10_000);
    assert.equal(await agent.evaluate('window.agent.control'), 'timed-out');
    await Promise.all([viewer.close(), agent.close()]);
  });

  it('recovers by itself when the connection drops, showing that it is reconnecting', async () => {
    const agent = await openAgent(STREAM);
    const { page: viewer } = await openViewer(STREAM);
    await stack.halt();
    await poll(viewer, `${PLAYER}.dataset.liveStatus === 'reconnecting'`, undefined, 10_000);
    const status: string = await viewer.evaluate(`${PLAYER}.shadowRoot.querySelector('.overlay').textContent`);
    assert.match(status, /reconnecting/i);
    await stack.resume();
    await poll(agent, `window.agent.connected === true`, undefined, 20_000);
    await poll(viewer, `${PLAYER}.dataset.liveStatus === 'live'`, undefined, 20_000);
    await poll(viewer, `(() => { const s = __stamp.decodeTimestampBlocks(${LIVE_CANVAS}.getContext('2d').getImageData(0, 0, 640, 16), 1); return s !== null && Date.now() - s < 1000; })()`, undefined, 10_000);
    await Promise.all([viewer.close(), agent.close()]);
  });

  it('plays an agent that streams live HLS (the pool, as if recorded now), with the control channel still working', async () => {
    const stream = { userId: 'mreed', computerId: 'nyc-ws-221' };
    const agent = await newPage(browser, stack.baseUrl, { viewport: { width: 1400, height: 900 } });
    await agent.goto(`/agent/?userId=${stream.userId}&computerId=${stream.computerId}&transport=hls`);
    await poll(agent, `window.agent?.connected === true`);
    const { page: viewer } = await openViewer(stream);
    await installDecoder(viewer);
    const video = `${PLAYER}.shadowRoot.querySelector('video.live-video')`;
    assert.equal(await viewer.evaluate(`${video}.hidden`), false, 'the live video is shown');
    assert.equal(await viewer.evaluate(`${LIVE_CANVAS}.hidden`), true);
    // The burned-in pool frame: its instant on the endless live walk is recent.
    let frame: number | null = null;
    for (let i = 0; i < 40 && frame === null; i++) {
      frame = await viewer.evaluate(`__timecode.decodeTimecodeFromVideo(${video})`);
      if (frame === null) await new Promise((r) => setTimeout(r, 100));
    }
    assert.notEqual(frame, null, 'a decodable pool frame plays');
    const pool = (await (await fetch(`${stack.baseUrl}/media/pool/pool.json`)).json()) as { fps: number; totalDuration: number };
    const cycle = pool.totalDuration * 1000;
    const epoch = Date.UTC(2020, 0, 1); // demo/server/media/hls-playlist.ts LIVE_EPOCH
    const now = Date.now();
    let instant = epoch + Math.floor((now - epoch) / cycle) * cycle + (frame! / pool.fps) * 1000;
    if (instant > now) instant -= cycle;
    assert.ok(now - instant < 45_000, `the frame shown was "recorded" ${Math.round((now - instant) / 1000)} s ago`);
    // Control still goes through the relay.
    await viewer.locator('session-player-dialog session-player').getByRole('button', { name: 'Freeze input' }).click();
    await poll(agent, `window.agent.frozen === true`);
    await Promise.all([viewer.close(), agent.close()]);
  });

  it('an end-to-end encrypted stream is streamed sealed and stays masked until unlocked', async () => {
    const sealed = { userId: 'smarino', computerId: 'mil-ws-009' };
    const agent = await openAgent(sealed);
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 980 } });
    await page.goto('/');
    await installStampReader(page);
    await requestViewRecord(page, { ...sealed, at: Date.now() - 3_600_000 });
    await poll(page, `${PLAYER}?.dataset.phase === 'locked'`);
    await page.locator('session-player-dialog session-player').getByRole('button', { name: 'Watch live' }).click();
    // Chunks arrive, but nothing is decoded without the key: the mask stays.
    await poll(agent, `window.agent.chunksSent > 30`, undefined, 10_000);
    assert.equal(await page.evaluate(`${PLAYER}.dataset.liveStatus`), 'connecting');
    assert.equal(await page.evaluate(`!!${PLAYER}.shadowRoot.querySelector('session-decrypt-overlay')`), true, 'masked');
    await page.evaluate(`${PLAYER}.unlock({ passphrase: 'correct horse battery staple' })`);
    await poll(page, `${PLAYER}.dataset.liveStatus === 'live'`, undefined, 10_000);
    await poll(page, `(() => { const s = __stamp.decodeTimestampBlocks(${LIVE_CANVAS}.getContext('2d').getImageData(0, 0, 640, 16), 1); return s !== null && Date.now() - s < 1000; })()`, undefined, 5_000);
    await Promise.all([page.close(), agent.close()]);
  });

  it('without the capabilities the controls are absent', async () => {
    const agent = await openAgent(LIMITED);
    const { page: viewer } = await openViewer(LIMITED);
    const parts: string[] = await viewer.evaluate(`Array.from(${PLAYER}.shadowRoot.querySelectorAll('.live-controls button')).map((b) => b.getAttribute('part'))`);
    assert.deepEqual(parts, []);
    await Promise.all([viewer.close(), agent.close()]);
  });
});
