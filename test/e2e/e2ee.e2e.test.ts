import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Request, Route } from 'playwright-core';
import { launchBrowser, newPage, REPO_ROOT, startStack, type Stack, type TestPage } from './harness.js';
import { fetchSegments, getJson, installDecoder, instantOfFrame, poll, requestViewRecord, rowsQuery, type WallSegment } from './player-page.js';

// The demo's sealed streams (demo/server/seed/directory.ts) and their passphrase (README).
const USER = 'smarino';
const COMPUTER = 'mil-ws-009';
const OTHER_COMPUTER = 'mil-lt-002';
const PASSPHRASE = 'correct horse battery staple';
const FPS = 5;
const FRAME_MS = 1000 / FPS;
const ARTIFACTS = join(REPO_ROOT, 'test/.artifacts');

/** JS evaluated in the page: the player inside the demo's dialog. */
const PLAYER = `document.querySelector('session-player-dialog')?.shadowRoot?.querySelector('session-player')`;
const OVERLAY = `${PLAYER}.shadowRoot.querySelector('session-decrypt-overlay')`;

interface GridRow {
  userId: string;
  computerId: string;
  start: number;
  end: number;
}

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A sealed session of the demo and the pool segments it plays, on the wall clock. */
async function sealedSession(): Promise<{ row: GridRow; segments: WallSegment[] }> {
  const rows = await getJson<{ items: GridRow[] }>(stack.baseUrl, rowsQuery());
  const row = rows.items.find((r) => r.userId === USER && r.computerId === COMPUTER);
  assert.ok(row, 'the demo has a sealed session');
  const segments = await fetchSegments(stack.baseUrl, USER, COMPUTER, row.start, row.end);
  return { row, segments };
}

/** Opens the sealed stream at `at` the way the grid's "View record" does, and waits for the mask. */
async function openSealed(page: TestPage, at: number): Promise<void> {
  await page.goto('/');
  await installDecoder(page);
  await requestViewRecord(page, { userId: USER, computerId: COMPUTER, at });
  await poll(page, `${PLAYER}?.dataset.phase === 'locked'`);
}

/** Records every `player-error` the player fires, in `window.__errors`. */
async function collectPlayerErrors(page: TestPage): Promise<void> {
  await page.evaluate(`(() => {
    window.__errors = [];
    ${PLAYER}.addEventListener('player-error', (e) => window.__errors.push(e.detail));
  })()`);
}

/** The pool frame on screen right now, decoded from its burned-in timecode. */
async function frameOnScreen(page: TestPage): Promise<number | null> {
  return page.evaluate(`__timecode.decodeTimecodeFromVideo(${PLAYER}.shadowRoot.querySelector('video'))`);
}

/** Waits until the frame shown is the one recorded at `at` (decoded timecode, within one frame). */
async function assertShowsInstant(page: TestPage, segments: WallSegment[], at: number, what: string): Promise<void> {
  await poll(page, `(() => { const p = ${PLAYER}; const v = p.shadowRoot.querySelector('video');
    return p.dataset.phase === 'ready' && !v.seeking && v.readyState >= 2 && Math.abs(p.currentInstant - ${at}) < 1000; })()`);
  let frame: number | null = null;
  for (let i = 0; i < 20 && frame === null; i++) {
    frame = await frameOnScreen(page);
    if (frame === null) await new Promise((r) => setTimeout(r, 50));
  }
  assert.notEqual(frame, null, `${what}: a decodable frame is shown`);
  const shown = instantOfFrame(segments, frame!, at, FPS);
  assert.ok(shown <= at + 1 && at < shown + FRAME_MS + 1, `${what}: expected the frame of ${new Date(at).toISOString()}, saw ${new Date(shown).toISOString()}`);
}

/** Unlocks through the host API (the dialog flow has its own test). */
async function unlockByApi(page: TestPage): Promise<void> {
  await page.evaluate(`${PLAYER}.unlock({ passphrase: ${JSON.stringify(PASSPHRASE)} })`);
  await poll(page, `${PLAYER}.dataset.phase !== 'locked'`);
}

/**
 * Plays from 3 s before segment `bad` and waits for playback to stop with an
 * error; checks no frame of `bad` (or later) was ever shown.
 */
async function playIntoFault(page: TestPage, segments: WallSegment[], bad: WallSegment, code: string, message: RegExp): Promise<void> {
  await collectPlayerErrors(page);
  await page.evaluate(`${PLAYER}.seekToInstant(${bad.start - 3_000})`);
  // Watch every frame presented from here on.
  await page.evaluate(`(() => {
    window.__frames = [];
    const v = ${PLAYER}.shadowRoot.querySelector('video');
    const onFrame = () => { window.__frames.push(__timecode.decodeTimecodeFromVideo(v)); v.requestVideoFrameCallback(onFrame); };
    v.requestVideoFrameCallback(onFrame);
  })()`);
  await page.evaluate(`${PLAYER}.play()`);
  await poll(page, `${PLAYER}.dataset.phase === 'error'`, undefined, 30_000);
  const errors = (await page.evaluate('window.__errors')) as { code: string; message: string }[];
  assert.equal(errors.length, 1, `one player-error: ${JSON.stringify(errors)}`);
  assert.equal(errors[0]!.code, code);
  assert.match(errors[0]!.message, message);
  const shownMessage: string = await page.evaluate(`${PLAYER}.shadowRoot.querySelector('.status.error').textContent`);
  assert.match(shownMessage, message, 'the message is on screen');
  const frames = ((await page.evaluate('window.__frames')) as (number | null)[]).filter((f): f is number => f !== null);
  for (const frame of frames) {
    const shown = instantOfFrame(segments, frame, bad.start - 1_500, FPS);
    assert.ok(shown < bad.start, `frame ${frame} (${new Date(shown).toISOString()}) is not from the altered segment`);
  }
  assert.equal(await page.evaluate(`${PLAYER}.shadowRoot.querySelector('video').paused`), true, 'playback stopped');
}

/** The `n`-th segment of the session and its sealed file name (index from the playlist). */
async function sealedFile(row: GridRow, at: number): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/streams/${USER}/${COMPUTER}/playlist.m3u8?from=${row.start}&to=${row.end}`);
  const lines = (await res.text()).split('\n');
  let wall = 0;
  let duration = 0;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) wall = Date.parse(line.slice(25));
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8)) * 1000;
    else if (line && !line.startsWith('#')) {
      if (Math.abs(wall - at) < 1) return line.slice(line.lastIndexOf('/') + 1);
      wall += duration;
    }
  }
  throw new Error(`no segment starts at ${new Date(at).toISOString()}`);
}

/** Rewrites one sealed file's body on its way to the page. */
async function alterFile(page: TestPage, file: string, change: (body: Buffer) => Buffer | Promise<Buffer>): Promise<void> {
  await page.route(`**/media/sealed/**/${file}`, async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: await change(await response.body()) });
  });
}

describe('end-to-end encrypted recordings (real backend, real media, real WebCrypto)', () => {
  it('masks the recording, refuses a wrong passphrase with a growing delay, plays and seeks frame-exact with the right one', async () => {
    const { row, segments } = await sealedSession();
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
    const media: string[] = [];
    page.on('request', (r: Request) => {
      if (r.url().includes('/media/')) media.push(r.url());
    });
    await openSealed(page, row.start + 30_000);

    // Masked: nothing of the recording was fetched, the video has no frame, the stage is the mask.
    assert.equal(media.length, 0, 'no media fetched while locked');
    assert.equal(await page.evaluate(`${PLAYER}.shadowRoot.querySelector('video').readyState`), 0);
    const stage = page.locator('session-player-dialog session-player .stage');
    const png = await stage.screenshot();
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'e2ee-masked.png'), png);
    const share: number = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      // The most common colour is the mask's background; count how much of the stage it covers.
      const counts = new Map<number, number>();
      for (let i = 0; i < px.length; i += 4) {
        const key = (px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return Math.max(...counts.values()) / (px.length / 4);
    }, png.toString('base64'));
    assert.ok(share > 0.85, `the stage is the plain mask (${(share * 100).toFixed(1)} % one colour)`);
    // Hovering the timeline gives no picture either.
    assert.equal(await page.evaluate(`${PLAYER}.shadowRoot.querySelector('session-timeline').preview`), null, 'no thumbnails while locked');

    // Decrypt → the passphrase form.
    const overlay = page.locator('session-player-dialog session-player session-decrypt-overlay');
    await overlay.getByRole('button', { name: 'Decrypt' }).click();
    const field = overlay.getByLabel('Passphrase', { exact: true });
    await field.fill('tr0ub4dor&3');
    await field.press('Enter');
    await poll(page, `${OVERLAY}.shadowRoot.querySelector('[role=alert]')?.textContent.includes('does not open')`, undefined, 10_000);
    assert.equal(await page.evaluate(`${PLAYER}.dataset.phase`), 'locked', 'nothing plays after a wrong passphrase');
    await page.screenshot({ path: join(ARTIFACTS, 'e2ee-wrong-passphrase.png') });
    assert.equal(media.length, 0, 'still no media fetched');
    // The second try is delayed: Unlock is disabled and the player refuses it too.
    const unlockButton = overlay.getByRole('button', { name: 'Unlock' });
    assert.equal(await unlockButton.isDisabled(), true, 'Unlock waits after a wrong passphrase');
    const early = await page.evaluate(`${PLAYER}.unlock({ passphrase: ${JSON.stringify(PASSPHRASE)} }).then(() => 'unlocked', (e) => e.code)`);
    assert.equal(early, 'retry-later', 'an immediate second try is refused');
    await poll(page, `!${OVERLAY}.shadowRoot.querySelector('[part~=submit]').disabled`, undefined, 10_000);

    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await poll(page, `${PLAYER}.dataset.sealed === 'unlocked'`, undefined, 15_000);
    await assertShowsInstant(page, segments, row.start + 30_000, 'after unlock');
    await page.screenshot({ path: join(ARTIFACTS, 'e2ee-unlocked.png') });
    assert.ok(media.some((u) => u.includes('/media/sealed/')), 'sealed segments were fetched');

    // Seek elsewhere in the recording: frame-exact.
    const target = row.start + 2 * 60_000 + 1_400;
    await page.evaluate(`${PLAYER}.seekToInstant(${target})`);
    await assertShowsInstant(page, segments, target, 'after a seek');
    // Hover previews now decode (the preview provider exists again).
    assert.notEqual(await page.evaluate(`${PLAYER}.shadowRoot.querySelector('session-timeline').preview`), null);

    // Lock: masked again, the frame is gone.
    await page.locator('session-player-dialog session-player').getByRole('button', { name: /Lock/ }).click();
    await poll(page, `${PLAYER}.dataset.phase === 'locked'`);
    assert.equal(await page.evaluate(`${PLAYER}.shadowRoot.querySelector('video').readyState`), 0, 'no frame kept after Lock');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('hover previews: none while locked, the decrypted keyframe of the hovered segment once unlocked', async () => {
    const { row, segments } = await sealedSession();
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
    const target = Math.round(row.start + 0.6 * (row.end - row.start));
    await openSealed(page, row.start + 10_000);
    // No optional chaining here: the view is assigned through it.
    const TIMELINE = `document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player').shadowRoot.querySelector('session-timeline')`;
    const hover = async (): Promise<number> => {
      await page.evaluate(`${TIMELINE}.view = { start: ${target - 5 * 60_000}, end: ${target + 5 * 60_000} }`);
      const point: { x: number; y: number } = await page.evaluate(`(() => {
        const el = ${TIMELINE};
        const box = el.shadowRoot.querySelector('.area').getBoundingClientRect();
        const view = el.visibleView;
        return { x: Math.round(box.left + ((${target} - view.start) / (view.end - view.start)) * box.width), y: box.top + 32 };
      })()`);
      await page.mouse.move(point.x - 40, point.y - 200);
      await page.mouse.move(point.x, point.y);
      return page.evaluate(`(() => {
        const el = ${TIMELINE};
        const box = el.shadowRoot.querySelector('.area').getBoundingClientRect();
        const view = el.visibleView;
        return view.start + ((${point.x} - box.left) / box.width) * (view.end - view.start);
      })()`);
    };
    await hover();
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(await page.evaluate(`!!${TIMELINE}.shadowRoot.querySelector('canvas[part="preview"]')`), false, 'no picture while locked');

    await unlockByApi(page);
    await poll(page, `${PLAYER}.dataset.phase === 'ready'`);
    const hovered = await hover();
    await poll(page, `(() => {
      const thumb = ${TIMELINE}.shadowRoot.querySelector('canvas[part="preview"]');
      return thumb && Number(thumb.dataset.at) <= ${hovered} && Number(thumb.dataset.at) > ${hovered} - 10000;
    })()`);
    const frame: number | null = await page.evaluate(`(() => {
      const thumb = ${TIMELINE}.shadowRoot.querySelector('canvas[part="preview"]');
      const data = thumb.getContext('2d').getImageData(0, 0, thumb.width, thumb.height);
      return __timecode.decodeTimecodeFromImageData(data, { ...__timecode.TIMECODE_LAYOUT, blockSize: thumb.width / 960 * 16 });
    })()`);
    assert.notEqual(frame, null, 'the thumbnail carries a timecode');
    const segment = segments.find((seg) => hovered >= seg.start && hovered < seg.end)!;
    const shown = instantOfFrame(segments, frame!, hovered, FPS);
    assert.ok(shown >= segment.start && shown <= hovered, `thumbnail of ${new Date(shown).toISOString()} is the hovered segment's keyframe`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('leaves no passphrase, key or plaintext in storage, console, events or the network', async () => {
    const { row } = await sealedSession();
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    const outgoing: string[] = [];
    page.on('request', (r: Request) => outgoing.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
    await openSealed(page, row.start + 10_000);
    // Every event the player and overlay fire, with its detail.
    await page.evaluate(`(() => {
      window.__events = [];
      const names = ['session-loaded', 'player-error', 'notice', 'decrypt-form-open', 'decrypt-form-close', 'decrypt-unlocked', 'decrypt-failed', 'seek-request', 'marker-select', 'view-change'];
      for (const n of names) window.addEventListener(n, (e) => window.__events.push(n + ' ' + JSON.stringify(e.detail ?? null)), true);
    })()`);
    const overlay = page.locator('session-player-dialog session-player session-decrypt-overlay');
    await overlay.getByRole('button', { name: 'Decrypt' }).click();
    const field = overlay.getByLabel('Passphrase', { exact: true });
    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await poll(page, `${PLAYER}.dataset.phase === 'ready'`, undefined, 15_000);
    await page.evaluate(`${PLAYER}.play()`);
    await new Promise((r) => setTimeout(r, 2_000));
    await page.evaluate(`${PLAYER}.pause()`);

    // A pool segment's plaintext: none of it may be stored anywhere.
    const plainProbe = (await (await fetch(`${stack.baseUrl}/media/pool/seg_001.m4s`)).arrayBuffer()).slice(200, 232);
    const stored = (await page.evaluate(`(async () => {
      const dump = { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), caches: await caches.keys(), idb: [] };
      for (const info of await indexedDB.databases()) {
        const db = await new Promise((res, rej) => { const r = indexedDB.open(info.name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        for (const store of db.objectStoreNames) {
          const all = await new Promise((res) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); });
          for (const v of all) dump.idb.push({ binary: v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof Blob, text: JSON.stringify(v) });
        }
        db.close();
      }
      return dump;
    })()`)) as { local: string; session: string; caches: string[]; idb: { binary: boolean; text: string }[] };
    const everything: string[] = [stored.local, stored.session, ...stored.idb.map((v) => v.text), ...logged, ...outgoing, ...((await page.evaluate('window.__events')) as string[])];
    for (const text of everything) {
      assert.ok(!text.includes(PASSPHRASE), `passphrase leaked: ${text.slice(0, 200)}`);
      assert.ok(!/"?(dataKey|rawKey|kek)"?\s*:/i.test(text), `key material named in: ${text.slice(0, 200)}`);
    }
    assert.deepEqual(stored.caches, [], 'no Cache Storage');
    assert.ok(stored.idb.every((v) => !v.binary), 'no bytes in IndexedDB');
    const probe = Buffer.from(plainProbe).toString('base64');
    assert.deepEqual(everything.filter((t) => t.includes(probe)), [], 'no plaintext bytes anywhere');
    // Requests go to the backend only, and media requests only fetch sealed files.
    for (const line of outgoing) {
      const url = new URL(line.split(' ')[1]!);
      assert.equal(url.origin, stack.baseUrl, `request to the backend only: ${line.slice(0, 120)}`);
      if (url.pathname.startsWith('/media/')) assert.ok(url.pathname.startsWith('/media/sealed/'), `only sealed media: ${url.pathname}`);
    }
    // The decrypt attempt is audited, without the secret.
    assert.ok(outgoing.some((l) => l.startsWith('POST') && l.includes('/api/audit') && l.includes('decrypt-success')), 'decrypt audited');
    await page.close();
  });

  describe('tampering fails loudly, naming the instant, and shows no frame of the bad segment', () => {
    let row: GridRow;
    let segments: WallSegment[];
    let bad: WallSegment;
    before(async () => {
      ({ row, segments } = await sealedSession());
      // Far enough in for a few seconds of good playback before it.
      bad = segments.find((s) => s.start >= row.start + 20_000)!;
      assert.ok(bad);
    });

    async function tamperedPage(): Promise<TestPage> {
      const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
      return page;
    }

    it('one flipped byte', async () => {
      const page = await tamperedPage();
      const file = await sealedFile(row, bad.start);
      await alterFile(page, file, (body) => {
        const out = Buffer.from(body);
        out[Math.floor(out.length / 2)]! ^= 0x01;
        return out;
      });
      await openSealed(page, bad.start - 3_000);
      await unlockByApi(page);
      await playIntoFault(page, segments, bad, 'recording-altered', /Recording altered at .*failed authentication/);
      await page.screenshot({ path: join(ARTIFACTS, 'e2ee-altered.png') });
      await page.close();
    });

    it('two segments swapped', async () => {
      const page = await tamperedPage();
      const next = segments[segments.indexOf(bad) + 1]!;
      const [a, b] = [await sealedFile(row, bad.start), await sealedFile(row, next.start)];
      const bodyOf = async (file: string) => Buffer.from(await (await fetch(`${stack.baseUrl}/media/sealed/${USER}/${COMPUTER}/${await sealedDir()}/${file}`)).arrayBuffer());
      const [bodyA, bodyB] = await Promise.all([bodyOf(a), bodyOf(b)]);
      await alterFile(page, a, () => bodyB);
      await alterFile(page, b, () => bodyA);
      await openSealed(page, bad.start - 3_000);
      await unlockByApi(page);
      await playIntoFault(page, segments, bad, 'recording-altered', /Recording altered at .*(reordered|re-timed)/);
      await page.close();
    });

    it('a truncated segment', async () => {
      const page = await tamperedPage();
      await alterFile(page, await sealedFile(row, bad.start), (body) => body.subarray(0, body.length - 1_000));
      await openSealed(page, bad.start - 3_000);
      await unlockByApi(page);
      await playIntoFault(page, segments, bad, 'recording-altered', /Recording altered at .*truncated/);
      await page.close();
    });

    it('a segment removed from the playlist', async () => {
      const page = await tamperedPage();
      const file = await sealedFile(row, bad.start);
      await alterPlaylist(page, (lines) => {
        const i = lines.findIndex((l) => l.endsWith(`/${file}`));
        assert.ok(i > 2, 'the playlist lists the segment');
        lines.splice(i - 2, 3); // EXTINF, index tag, URI
        return lines;
      });
      await openSealed(page, bad.start - 3_000);
      await unlockByApi(page);
      await playIntoFault(page, segments, bad, 'segment-missing', /Segment missing at/);
      await page.close();
    });

    it('a start time changed in the playlist', async () => {
      const page = await tamperedPage();
      const file = await sealedFile(row, bad.start);
      await alterPlaylist(page, (lines) => {
        const i = lines.findIndex((l) => l.endsWith(`/${file}`));
        // Re-time the segment (and the run after it) by ten seconds.
        lines.splice(i - 2, 0, '#EXT-X-DISCONTINUITY', `#EXT-X-PROGRAM-DATE-TIME:${new Date(bad.start + 10_000).toISOString()}`);
        return lines;
      });
      await openSealed(page, bad.start - 3_000);
      await unlockByApi(page);
      await playIntoFault(page, segments, bad, 'recording-altered', /Recording altered at .*re-timed/);
      await page.close();
    });

    it('a header from another recording', async () => {
      const page = await tamperedPage();
      const other = await getJson<{ encryption: string }>(stack.baseUrl, `/api/session?userId=${USER}&computerId=${OTHER_COMPUTER}`);
      await page.route(`**/api/session?*`, async (route: Route) => {
        const response = await route.fetch();
        const body = await response.json();
        if (body.stream?.computerId === COMPUTER) body.encryption = other.encryption;
        await route.fulfill({ response, json: body });
      });
      await openSealed(page, bad.start - 3_000);
      await collectPlayerErrors(page);
      // Same passphrase, so the header itself opens; its key does not fit these segments.
      await unlockByApi(page);
      await poll(page, `${PLAYER}.dataset.phase === 'error'`, undefined, 20_000);
      const errors = (await page.evaluate('window.__errors')) as { code: string; message: string }[];
      assert.equal(errors[0]?.code, 'recording-altered');
      assert.match(errors[0]!.message, /encryption header does not belong to these segments/);
      assert.equal(await frameOnScreen(page), null, 'no frame shown');
      await page.close();
    });
  });
});

let sealedDirName: string | null = null;

/** The folder name the backend serves the sealed stream's files from. */
async function sealedDir(): Promise<string> {
  if (sealedDirName) return sealedDirName;
  const rows = await getJson<{ items: GridRow[] }>(stack.baseUrl, rowsQuery());
  const row = rows.items.find((r) => r.userId === USER && r.computerId === COMPUTER)!;
  const text = await (await fetch(`${stack.baseUrl}/api/streams/${USER}/${COMPUTER}/playlist.m3u8?from=${row.start}&to=${row.end}`)).text();
  sealedDirName = /\/media\/sealed\/[^/]+\/[^/]+\/([^/]+)\//.exec(text)![1]!;
  return sealedDirName;
}

/** Rewrites the sealed stream's playlists on their way to the page. */
async function alterPlaylist(page: TestPage, change: (lines: string[]) => string[]): Promise<void> {
  await page.route(`**/api/streams/${USER}/${COMPUTER}/playlist.m3u8?*`, async (route: Route) => {
    const response = await route.fetch();
    const lines = (await response.text()).split('\n');
    await route.fulfill({ response, body: change(lines).join('\n') });
  });
}
