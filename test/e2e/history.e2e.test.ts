import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startStack, type Stack, type TestPage } from './harness.js';
import {
  currentInstant,
  fetchSegments,
  getJson,
  installDecoder,
  instantOfFrame,
  openViewRecord,
  poll,
  rowsQuery,
  seek,
  settledFrame,
  waitForPlayerReady,
} from './player-page.js';

const FPS = 5;
const FRAME_MS = 1000 / FPS;

interface GridRow {
  userId: string;
  computerId: string;
  timezone: string;
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

/** Opens the demo and the player from the grid's first row via right-click → View record. */
async function openFromGrid(): Promise<TestPage & { scripts: string[]; scriptsBeforeOpen: string[] }> {
  const page = Object.assign(await newPage(browser, stack.baseUrl), { scripts: [] as string[], scriptsBeforeOpen: [] as string[] });
  page.on('request', (r) => r.resourceType() === 'script' && page.scripts.push(r.url()));
  await page.goto('/');
  await installDecoder(page);
  const row = page.getByRole('row').nth(1);
  await row.waitFor();
  page.scriptsBeforeOpen = [...page.scripts];
  await row.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'View record' }).click();
  await page.locator('session-player-dialog').waitFor({ state: 'attached' });
  await waitForPlayerReady(page);
  return page;
}

/** Local wall-clock parts of `at` in `zone`. */
function localParts(at: number, zone: string): { date: string; time: string } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => f.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}:${get('second')}` };
}

/** Deterministic pseudo-random numbers for test instants (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('history playback end to end', { timeout: 120_000 }, () => {
  it('opens from the grid (right-click → View record) and plays: the burned-in timecode advances', async () => {
    const page = await openFromGrid();
    // hls.js is fetched when a recording is opened, not with the dashboard.
    assert.ok(page.scriptsBeforeOpen.length > 0 && !page.scriptsBeforeOpen.some((u) => /hls/.test(u)), page.scriptsBeforeOpen.join(', '));
    assert.ok(page.scripts.some((u) => /hls\.light/.test(u)), `hls.js loaded on open (${page.scripts.join(', ')})`);
    // The dialog is modal: Tab never leaves it.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => {
        const a = document.activeElement;
        return a === document.querySelector('session-player-dialog') || a === document.body;
      });
      assert.ok(inside, `focus stayed in the dialog after ${i + 1} Tab presses`);
    }
    const first = await settledFrame(page);
    await page.locator('session-player-dialog').getByRole('button', { name: 'Play' }).click();
    await poll(page, () => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!;
      return !p.shadowRoot!.querySelector('video')!.paused;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const later: number = await page.evaluate(
      `__timecode.decodeTimecodeFromVideo(document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player').shadowRoot.querySelector('video'))`,
    );
    assert.ok(later > first, `timecode advanced from ${first} to ${later}`);
    assert.ok(later - first >= 4, `at least 4 frames in 1.5 s at 5 fps (got ${later - first})`);
    // Escape closes the dialog and focus returns to the grid.
    await page.keyboard.press('Escape');
    await page.locator('session-player-dialog').waitFor({ state: 'detached' });
    const focusedRole = await page.evaluate(() => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('role') ?? a?.tagName ?? null;
    });
    assert.ok(focusedRole && focusedRole !== 'BODY', `focus returned into the grid (got ${focusedRole})`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('seeks frame-exactly to 20 wall-clock instants: random, after and before gaps, across midnight, in a non-UTC zone', async () => {
    const rows = await getJson<{ items: GridRow[] }>(stack.baseUrl, rowsQuery());
    // The recording that crosses local midnight in its user's zone.
    const crossing = rows.items.find((r) => localParts(r.start, r.timezone).date !== localParts(r.end - 1, r.timezone).date);
    assert.ok(crossing, 'the backend has a recording crossing local midnight');
    assert.notEqual(crossing.timezone, 'UTC');
    const { userId, computerId, timezone } = crossing;
    const segments = await fetchSegments(stack.baseUrl, userId, computerId, crossing.start - 2 * 86_400_000, crossing.end + 86_400_000);
    const gapsAfter = segments.filter((s, i) => i > 0 && s.start > segments[i - 1]!.end);
    const gapsBefore = segments.filter((s, i) => i < segments.length - 1 && segments[i + 1]!.start > s.end);
    const midnight = segments.find((s) => localParts(s.start, timezone).date !== localParts(s.end - 1, timezone).date)
      ?? segments.find((s, i) => i > 0 && localParts(segments[i - 1]!.start, timezone).date !== localParts(s.start, timezone).date && s.start === segments[i - 1]!.end);
    assert.ok(midnight, 'a segment at local midnight');
    const rand = random(20260317);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const instants: { at: number; why: string }[] = [
      ...gapsAfter.slice(0, 3).map((s) => ({ at: s.start, why: 'first frame after a gap' })),
      ...gapsBefore.slice(0, 3).map((s) => ({ at: s.end - 1, why: 'last frame before a gap' })),
      { at: midnight.start + 1, why: 'segment at midnight, start' },
      { at: midnight.end - 1, why: 'segment at midnight, end' },
    ];
    while (instants.length < 20) {
      const s = pick(segments);
      instants.push({ at: Math.floor(s.start + rand() * (s.end - s.start)), why: 'random' });
    }
    const page = await newPage(browser, stack.baseUrl);
    await page.goto('/');
    await installDecoder(page);
    // Open the crossing recording the way the grid does: a view-record event.
    await openViewRecord(page, { userId, computerId, at: crossing.start });
    const misses: string[] = [];
    for (const { at, why } of instants) {
      await seek(page, at);
      let frame: number;
      try {
        frame = await settledFrame(page);
      } catch (e) {
        await page.screenshot({ path: `/tmp/miss-${at}.png` }).catch(() => undefined);
        misses.push(`${why} ${new Date(at).toISOString()}: ${(e as Error).message}`);
        continue;
      }
      const shown = instantOfFrame(segments, frame, at, FPS);
      const ok = shown <= at + 1 && at < shown + FRAME_MS + 1;
      if (!ok) misses.push(`${why} ${new Date(at).toISOString()}: frame ${frame} shown at ${new Date(shown).toISOString()}`);
      assert.equal(await currentInstant(page), at);
    }
    assert.deepEqual(misses, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('plays through a gap onto the next recording; clock and playhead match the decoded frame', async () => {
    const page = await openFromGrid();
    const info = await page.evaluate(() => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!;
      return p.playback.state.session!.stream;
    });
    const at0 = (await currentInstant(page))!;
    const segments = await fetchSegments(stack.baseUrl, info.userId, info.computerId, at0 - 86_400_000, at0 + 86_400_000);
    const before = segments.find((s, i) => s.start >= at0 - 3_600_000 && segments[i + 1] && segments[i + 1]!.start > s.end)!;
    const next = segments[segments.indexOf(before) + 1]!;
    await seek(page, before.end - 1_500);
    await settledFrame(page);
    await page.evaluate(() => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.play());
    await poll(page, (t) => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!;
      return (p.currentInstant ?? 0) >= t;
    }, next.start + 1_000);
    await page.evaluate(() => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.pause());
    await poll(page, () => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.shadowRoot!.querySelector('video')!.paused);
    const notice = await page.locator('session-player-dialog .notice').textContent();
    assert.match(notice ?? '', /No recording from .* skipped/);
    const at = (await currentInstant(page))!;
    const shown = instantOfFrame(segments, await settledFrame(page), at, FPS);
    assert.ok(Math.abs(shown - at) <= FRAME_MS, `clock instant ${at} vs frame ${shown}`);
    const { clock, slider } = await page.evaluate(() => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!;
      const time = p.shadowRoot!.querySelector('session-clock')!.shadowRoot!.querySelector('[part="time"]')!.textContent!.trim();
      const handle = p.shadowRoot!.querySelector('session-timeline')!.shadowRoot!.querySelector('[role="slider"]')!;
      return { clock: time, slider: Number(handle.getAttribute('aria-valuenow')) };
    });
    const zone = await page.evaluate(() => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.playback.state.zone);
    const expected = localParts(shown, zone).time;
    assert.ok(Math.abs(toSeconds(clock) - toSeconds(expected)) <= 1, `clock ${clock} vs frame ${expected}`);
    assert.ok(Math.abs(slider - shown) <= FRAME_MS + 1, `playhead ${slider} vs frame ${shown}`);
    await page.close();
  });

  it('typing a time or a date jumps there; bad input and gaps get clear messages', async () => {
    const page = await openFromGrid();
    const player = page.locator('session-player-dialog session-player');
    const { stream, zone } = await page.evaluate(() => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!;
      return { stream: p.playback.state.session!.stream, zone: p.playback.state.zone };
    });
    const at0 = (await currentInstant(page))!;
    const segments = await fetchSegments(stack.baseUrl, stream.userId, stream.computerId, at0 - 6 * 86_400_000, at0 + 86_400_000);
    // A recorded instant on the same local day, at a whole second.
    const target = segments.find((s) => localParts(s.start, zone).date === localParts(at0, zone).date && s.start > at0 + 600_000)!;
    const targetAt = Math.ceil((target.start + 1) / 1000) * 1000;
    await player.locator('session-clock [part="time"]').click();
    const input = player.locator('session-clock input');
    await input.fill('25:61');
    await input.press('Enter');
    assert.match((await player.locator('session-clock [role="alert"]').textContent()) ?? '', /Enter a time like 14:30/);
    await input.fill(localParts(targetAt, zone).time);
    await input.press('Enter');
    await poll(page, (t) => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.currentInstant === t, targetAt);
    const shown = instantOfFrame(segments, await settledFrame(page), targetAt, FPS);
    assert.ok(shown <= targetAt && targetAt < shown + FRAME_MS + 1, `typed time shows its frame (${shown} vs ${targetAt})`);
    // A date two days earlier keeps the time of day.
    // The same time of day on an earlier date that was recorded then too.
    const earlierAt = [1, 2, 3, 4, 5].map((k) => targetAt - k * 86_400_000).find((t) => segments.some((s) => t >= s.start && t < s.end));
    assert.ok(earlierAt, 'the same time of day is recorded on an earlier day');
    const earlierDate = localParts(earlierAt, zone).date;
    await player.locator('session-clock [part="date"]').click();
    await input.fill('17/13/2026');
    await input.press('Enter');
    assert.match((await player.locator('session-clock [role="alert"]').textContent()) ?? '', /Enter a date like/);
    await input.fill(earlierDate);
    await input.press('Enter');
    await poll(page, 
      (t) => {
        const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!;
        return p.dataset.phase === 'ready' && p.currentInstant !== t;
      },
      targetAt,
    );
    assert.equal(await currentInstant(page), earlierAt);
    const shownEarlier = instantOfFrame(segments, await settledFrame(page), earlierAt, FPS);
    assert.ok(shownEarlier <= earlierAt && earlierAt < shownEarlier + FRAME_MS + 1, 'typed date shows its frame');
    // An instant in a gap (the night before the first recording of that day) goes to the nearest recording, with a notice.
    const dayFirst = segments.find((s) => localParts(s.start, zone).date === earlierDate)!;
    await player.locator('session-clock [part="time"]').click();
    await input.fill('03:00:00');
    await input.press('Enter');
    await poll(page, () => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.shadowRoot!.querySelector('.notice') !== null);
    assert.match((await player.locator('.notice').textContent()) ?? '', /Nothing was recorded at 03:00:00/);
    const landed = (await currentInstant(page))!;
    assert.ok(segments.some((s) => landed >= s.start && landed < s.end), 'landed on a recording');
    assert.ok(Math.abs(landed - dayFirst.start) < 12 * 3_600_000);
    await page.close();
  });

  it('a network error shows Retry, and Retry resumes at the same instant', async () => {
    const page = await openFromGrid();
    const at0 = (await currentInstant(page))!;
    const target = at0 + 20 * 60_000;
    await page.route('**/media/pool/*.m4s', (route) => route.abort('connectionrefused'));
    const stream = await page.evaluate(() => document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player')!.playback.state.session!.stream);
    const segments = await fetchSegments(stack.baseUrl, stream.userId, stream.computerId, at0 - 86_400_000, at0 + 86_400_000);
    const recorded = segments.find((s) => s.start >= target)!.start + 2_345;
    await seek(page, recorded);
    const error = page.locator('session-player-dialog [role="alert"]');
    await error.waitFor({ timeout: 30_000 });
    assert.match((await error.textContent()) ?? '', /could not be loaded/);
    await page.unroute('**/media/pool/*.m4s');
    await page.locator('session-player-dialog').getByRole('button', { name: 'Retry' }).click();
    await waitForPlayerReady(page);
    const shown = instantOfFrame(segments, await settledFrame(page), recorded, FPS);
    assert.ok(shown <= recorded && recorded < shown + FRAME_MS + 1, 'the frame at the instant before the error');
    assert.equal(await currentInstant(page), recorded);
    await page.close();
  });
});

function toSeconds(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}
