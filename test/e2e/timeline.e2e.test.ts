import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  settledFrame,
  type WallSegment,
} from './player-page.js';

const FPS = 5;
const FRAME_MS = 1000 / FPS;
const MIN = 60_000;

interface GridRow {
  userId: string;
  computerId: string;
  start: number;
  end: number;
}

interface Marker {
  id: string;
  at: number;
  kind: string;
  title: string;
}

/** JS evaluated in the page: the player's timeline element. */
const TIMELINE = `document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player').shadowRoot.querySelector('session-timeline')`;

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A long recording (≥ 2 h) and its segments, from the grid's rows. */
async function longRecording(): Promise<{ row: GridRow; segments: WallSegment[] }> {
  const rows = await getJson<{ items: GridRow[] }>(stack.baseUrl, rowsQuery());
  const row = rows.items.find((r) => r.end - r.start >= 2 * 60 * MIN);
  assert.ok(row, 'the backend has a recording of two hours or more');
  const segments = await fetchSegments(stack.baseUrl, row.userId, row.computerId, row.start - 86_400_000, row.end + 86_400_000);
  return { row, segments };
}

/** Opens the player the way the grid's "View record" does, at `at`. */
async function openAt(row: GridRow, at: number): Promise<TestPage> {
  const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
  await page.goto('/');
  await installDecoder(page);
  await openViewRecord(page, { userId: row.userId, computerId: row.computerId, at });
  return page;
}

/** Viewport point of instant `at` on the timeline, in its marker lane or on its coverage bar. */
async function timelinePoint(page: TestPage, at: number, lane: 'marker' | 'track'): Promise<{ x: number; y: number }> {
  return page.evaluate(`(() => {
    const el = ${TIMELINE};
    const box = el.shadowRoot.querySelector('.area').getBoundingClientRect();
    const view = el.visibleView;
    return { x: box.left + ((${at} - view.start) / (view.end - view.start)) * box.width, y: box.top + ${lane === 'marker' ? 8 : 32} };
  })()`);
}

/** Asserts the frame on screen is the one recorded at `at` (decoded timecode, within one frame). */
async function assertShowsInstant(page: TestPage, segments: WallSegment[], at: number, what: string): Promise<void> {
  await poll(page, (a) => {
    const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player') as HTMLElement & { currentInstant: number };
    return Math.abs(p.currentInstant - a) < 1_000;
  }, at);
  const frame = await settledFrame(page);
  const shown = instantOfFrame(segments, frame, at, FPS);
  assert.ok(shown <= at + 1 && at < shown + FRAME_MS + 1, `${what}: expected the frame of ${new Date(at).toISOString()}, saw frame ${frame} of ${new Date(shown).toISOString()}`);
}

describe('timeline in the player (real backend, real media)', () => {
  it('clicking a notification marker shows the frame at its instant', async () => {
    const { row, segments } = await longRecording();
    const page = await openAt(row, row.start + 10 * MIN);
    // Markers arrive from the backend after the first frame.
    await poll(page, `${TIMELINE}.markers.some((m) => m.kind === 'notification')`);
    const markers: Marker[] = await page.evaluate(`${TIMELINE}.markers.map(({ id, at, kind, title }) => ({ id, at, kind, title }))`);
    const sorted = markers.filter((m) => m.at > row.start + 20 * MIN && m.at < row.end - 5 * MIN).sort((a, b) => a.at - b.at);
    // One standing alone (no other marker within 2 minutes), so it is its own pin at hour zoom.
    const target = sorted.find((m, i) => m.kind === 'notification' && (sorted[i - 1]?.at ?? 0) < m.at - 2 * MIN && (sorted[i + 1]?.at ?? Infinity) > m.at + 2 * MIN);
    assert.ok(target, 'a notification standing alone inside the recording');
    // Zoom to the hour around it with the wheel over it (the host-visible way to zoom).
    await page.evaluate(`${TIMELINE}.view = { start: ${target.at - 30 * MIN}, end: ${target.at + 30 * MIN} }`);
    const point = await timelinePoint(page, target.at, 'marker');
    // Listen first (awaited), then click: the event must not fire before anyone listens.
    await page.evaluate(`${TIMELINE}.addEventListener('marker-select', (e) => (window.__selected = e.detail.marker.id), { once: true })`);
    await page.mouse.click(point.x, point.y);
    await poll(page, `window.__selected !== undefined`, undefined, 10_000);
    assert.equal(await page.evaluate('window.__selected'), target.id);
    await assertShowsInstant(page, segments, target.at, `marker "${target.title}"`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('is keyboard-operable: the playhead slider seeks as specified, and axe finds no violations', async () => {
    const { row, segments } = await longRecording();
    const start = row.start + 40 * MIN;
    const page = await openAt(row, start);
    await poll(page, `${TIMELINE}.markers.length > 0`);
    // Tab from the dialog's start until the slider has focus (keyboard only).
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'slider'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.getAttribute('role') ?? '';
      });
    }
    assert.equal(focused, 'slider', 'Tab reaches the timeline playhead');
    const steps: [string, number][] = [
      ['ArrowRight', start + 5_000],
      ['Shift+ArrowRight', start + 65_000],
      ['PageUp', start + 65_000 + 10 * MIN],
      ['ArrowLeft', start + 60_000 + 10 * MIN],
      ['PageDown', start + 60_000],
    ];
    for (const [key, at] of steps) {
      await page.keyboard.press(key);
      await assertShowsInstant(page, segments, at, key);
      assert.equal(await currentInstant(page), at, key);
    }
    // ] and [ go to the next and previous marker.
    const markers: Marker[] = await page.evaluate(`${TIMELINE}.markers.map(({ id, at, kind, title }) => ({ id, at, kind, title }))`);
    const here = (await currentInstant(page))!;
    const next = markers.filter((m) => m.at > here + 500).sort((a, b) => a.at - b.at)[0];
    assert.ok(next, 'a marker after the playhead');
    await page.keyboard.press(']');
    await poll(page, (a) => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player') as HTMLElement & { currentInstant: number };
      return Math.abs(p.currentInstant - a) < 1_000;
    }, next.at);
    await page.keyboard.press('[');
    const back = markers.filter((m) => m.at < next.at - 500).sort((a, b) => b.at - a.at)[0]!;
    await poll(page, (a) => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player') as HTMLElement & { currentInstant: number };
      return Math.abs(p.currentInstant - a) < 1_000;
    }, back.at);
    // The slider speaks the time, the date and whether it is recorded.
    const valueText: string = await page.evaluate(`${TIMELINE}.shadowRoot.querySelector('[role="slider"]').getAttribute('aria-valuetext')`);
    assert.match(valueText, /^\d\d:\d\d:\d\d, \w+day \d{1,2} \w+ \d{4} — (recorded|not recorded)$/);
    // axe, loaded through DevTools (the demo's CSP forbids inline scripts).
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.evaluate(readFileSync(axePath, 'utf8'));
    const violations: string[] = await page.evaluate(`(async () => {
      const player = document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player');
      const result = await axe.run(player, { resultTypes: ['violations'] });
      return result.violations.map((v) => v.id + ': ' + v.help);
    })()`);
    assert.deepEqual(violations, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('hovering a recorded instant shows a thumbnail of that keyframe interval', async () => {
    const { row, segments } = await longRecording();
    const page = await openAt(row, row.start + 5 * MIN);
    const misses: string[] = [];
    for (const offset of [0.3, 0.55, 0.8]) {
      const target = Math.round(row.start + offset * (row.end - row.start));
      await page.evaluate(`${TIMELINE}.view = { start: ${target - 30 * MIN}, end: ${target + 30 * MIN} }`);
      const point = await timelinePoint(page, target, 'track');
      await page.mouse.move(point.x, point.y);
      // The instant actually under the pointer (whole pixels).
      const hovered: number = await page.evaluate(`(() => {
        const el = ${TIMELINE};
        const box = el.shadowRoot.querySelector('.area').getBoundingClientRect();
        const view = el.visibleView;
        return view.start + ((${point.x} - box.left) / box.width) * (view.end - view.start);
      })()`);
      await poll(page, `(() => {
        const thumb = ${TIMELINE}.shadowRoot.querySelector('canvas[part="preview"]');
        return thumb && Number(thumb.dataset.at) <= ${hovered} && Number(thumb.dataset.at) > ${hovered} - 10000;
      })()`);
      const frame: number | null = await page.evaluate(`(() => {
        const thumb = ${TIMELINE}.shadowRoot.querySelector('canvas[part="preview"]');
        const data = thumb.getContext('2d').getImageData(0, 0, thumb.width, thumb.height);
        return __timecode.decodeTimecodeFromImageData(data, { ...__timecode.TIMECODE_LAYOUT, blockSize: thumb.width / 960 * 16 });
      })()`);
      if (frame === null) {
        misses.push(`${new Date(hovered).toISOString()}: no timecode on the thumbnail`);
        continue;
      }
      const segment = segments.find((s) => hovered >= s.start && hovered < s.end);
      assert.ok(segment, 'the hovered instant is recorded');
      const shown = instantOfFrame(segments, frame, hovered, FPS);
      // Keyframes open every segment: the thumbnail shows the segment's first frame.
      if (!(shown >= segment.start && shown <= hovered)) {
        misses.push(`${new Date(hovered).toISOString()}: thumbnail of ${new Date(shown).toISOString()}, outside its keyframe interval ${new Date(segment.start).toISOString()}…`);
      }
    }
    assert.deepEqual(misses, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
