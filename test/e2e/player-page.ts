import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './harness.js';

/**
 * Page-side helpers for end-to-end tests of `<session-player>` inside the
 * demo's dialog. The timecode decoder is bundled from test/support and
 * evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the demo keeps its strict policy during tests.
 */

let decoderSource: Promise<string> | null = null;

function decoder(): Promise<string> {
  decoderSource ??= build({
    entryPoints: [`${REPO_ROOT}/test/support/timecode.ts`],
    bundle: true,
    format: 'iife',
    globalName: '__timecode',
    write: false,
    target: 'es2022',
  }).then((r) => `${r.outputFiles[0]!.text}\nglobalThis.__timecode = __timecode;`);
  return decoderSource;
}

export async function installDecoder(page: Page): Promise<void> {
  await page.evaluate(await decoder());
}

/** A segment of the backend's re-timed pool (GET …/segments). */
export interface WallSegment {
  start: number;
  end: number;
  file: string;
  poolStart: number;
}

/** JS evaluated in the page that finds the player (in the dialog, or on the page). */
const FIND_PLAYER = `(() => {
  const dialog = document.querySelector('session-player-dialog');
  return dialog ? dialog.shadowRoot.querySelector('session-player') : document.querySelector('session-player');
})()`;

/**
 * Polls `fn` in the page until it returns something truthy. Playwright's own
 * waitForFunction compiles strings in the page, which the demo's CSP forbids;
 * evaluate() runs through the DevTools protocol instead.
 */
export async function poll<A>(page: Page, fn: string | ((arg: A) => unknown), arg?: A, timeout = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const ok = typeof fn === 'string' ? await page.evaluate(fn) : await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown);
    if (ok) return;
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${String(fn).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function playerPhase(page: Page): Promise<string | undefined> {
  return page.evaluate(`${FIND_PLAYER}?.dataset.phase`);
}

export async function waitForPlayerReady(page: Page, timeout = 20_000): Promise<void> {
  await poll(page, `${FIND_PLAYER}?.dataset.phase === 'ready'`, undefined, timeout);
}

export async function seek(page: Page, at: number): Promise<void> {
  await page.evaluate(`${FIND_PLAYER}.seekToInstant(${at})`);
}

export async function currentInstant(page: Page): Promise<number | null> {
  return page.evaluate(`${FIND_PLAYER}.currentInstant`);
}

/**
 * Waits until the video has settled (not seeking, frame decoded, presented)
 * and returns the burned-in pool frame number of the frame shown.
 */
export async function settledFrame(page: Page, timeout = 20_000): Promise<number> {
  // A seek to another playlist window reloads the media: wait for the player to say it is ready too.
  await poll(
    page,
    `(() => { const p = ${FIND_PLAYER}; const v = p.shadowRoot.querySelector('video'); return p.dataset.phase === 'ready' && !v.seeking && v.readyState >= 2; })()`,
    undefined,
    timeout,
  );
  const frame = await page.evaluate(`new Promise((resolve, reject) => {
    const v = ${FIND_PLAYER}.shadowRoot.querySelector('video');
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      try { resolve(__timecode.decodeTimecodeFromVideo(v)); } catch (e) { reject(e); }
    };
    v.requestVideoFrameCallback(finish);
    setTimeout(finish, 300);
  })`);
  if (typeof frame !== 'number') throw new Error('no burned-in timecode on the frame shown');
  return frame;
}

/** The wall-clock instant at which pool frame `frame` is shown, in the segment holding `near`. */
export function instantOfFrame(segments: WallSegment[], frame: number, near: number, fps: number): number {
  const poolTime = frame / fps;
  const seg = segments.find(
    (s) => near >= s.start - 1_000 && near < s.end + 1_000 && poolTime >= s.poolStart - 1e-6 && poolTime < s.poolStart + (s.end - s.start) / 1000,
  );
  if (!seg) throw new Error(`pool frame ${frame} is not shown near ${new Date(near).toISOString()}`);
  return seg.start + (poolTime - seg.poolStart) * 1000;
}

export async function getJson<T>(baseUrl: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** All segments of a stream over `[from, to)`, fetched in API-sized chunks. */
export async function fetchSegments(baseUrl: string, userId: string, computerId: string, from: number, to: number): Promise<WallSegment[]> {
  const out: WallSegment[] = [];
  const chunk = 2 * 86_400_000;
  for (let start = from; start < to; start += chunk) {
    const end = Math.min(to, start + chunk);
    const part = await getJson<WallSegment[]>(baseUrl, `/api/streams/${userId}/${computerId}/segments?from=${start}&to=${end}`);
    for (const s of part) if (!out.some((o) => o.start === s.start)) out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Opens the player in the demo the way the grid's "View record" does: a
 * `view-record` event from the grid, then waits until it is ready.
 */
export async function openViewRecord(page: Page, ref: { userId: string; computerId: string; at: number }): Promise<void> {
  await requestViewRecord(page, ref);
  await waitForPlayerReady(page);
}

/** The grid's `view-record` event for `ref`, once the grid has rows; resolves when the dialog is there. */
export async function requestViewRecord(page: Page, ref: { userId: string; computerId: string; at: number }): Promise<void> {
  await page.getByRole('row').nth(1).waitFor();
  await page.evaluate(
    ({ userId, computerId, at }) =>
      document
        .querySelector('demo-dashboard')!
        .shadowRoot!.querySelector('demo-session-grid')!
        .dispatchEvent(new CustomEvent('view-record', { detail: { userId, computerId, at, userName: 'E2E', computerName: 'PC' }, bubbles: true, composed: true })),
    ref,
  );
  await page.locator('session-player-dialog').waitFor({ state: 'attached' });
}

/**
 * The grid's rows of the last week (and the coming day). One `now`: two clock reads
 * can be a millisecond apart, which made the range 8 days + 1 ms and the API refuse it.
 */
export function rowsQuery(now = Date.now()): string {
  const day = 86_400_000;
  return `/api/rows?from=${now - 7 * day}&to=${now + day}&limit=500`;
}
