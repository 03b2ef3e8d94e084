import '@session-player/timeline';
import type { MarkerSeverity, TimelineDensity, TimelineMarker, TimelineRange, TimelineSpan } from '@session-player/timeline';
import { afterFrame, nextAnimationFrame } from './frame-timing.js';

/*
 * <session-timeline> 1200 px wide over a busy day (10 000 markers, 2 000
 * spans, a per-minute heat map). bench/timeline.ts drives the gestures below
 * and reads the timings; everything is measured inside the page with
 * performance.now(), so no DevTools round trip is counted.
 */

export type ZoomLevel = 'day' | 'hour' | 'week';
export type Gesture = 'zoom' | 'pan-drag' | 'pan-wheel' | 'hover';

/** One gesture step: from dispatch to the element's update done, and to the end of the frame it lands in. */
export interface StepTiming {
  /** dispatch → dispatchEvent returns: the listener alone (for hover: layout read + hit test + state set). */
  handler: number;
  /** dispatch → `await el.updateComplete` (the canvas is repainted synchronously in `updated()`). */
  update: number;
  /** dispatch → first task after that frame's rendering (style, layout, paint, canvas flush). */
  frame: number;
}

/** What one gesture run did, so a bench that measured nothing shows up as such. */
export interface GestureRun {
  timings: StepTiming[];
  /** `view-change` events fired during the measured steps. */
  viewChanges: number;
  /** Measured hover steps whose card names a marker (the hit test found a cluster). */
  markerHits: number;
}

export interface TimelineBench {
  ready: Promise<void>;
  /** Runs `count` steps of `gesture` at `level` after `warmUp` unmeasured ones. */
  run(gesture: Gesture, level: ZoomLevel, count: number, warmUp: number): Promise<GestureRun>;
}

declare global {
  interface Window {
    timelineBench?: TimelineBench;
  }
}

const HOUR = 3_600_000;
const DAY = Date.parse('2026-03-17T00:00:00+01:00');
const RANGE: TimelineRange = { start: DAY, end: DAY + 24 * HOUR };
const NOON = DAY + 12 * HOUR;
const LEVELS: Record<ZoomLevel, TimelineRange> = {
  day: RANGE,
  hour: { start: NOON - HOUR / 2, end: NOON + HOUR / 2 },
  week: { start: NOON - 3.5 * 24 * HOUR, end: NOON + 3.5 * 24 * HOUR },
};
const WIDTH = 1200;

/** Park–Miller, so every run paints the same day. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}

const random = seededRandom(10_000);
const spans: TimelineSpan[] = [];
const period = (24 * HOUR) / 2_000;
for (let i = 0; i < 2_000; i++) {
  const start = Math.round(DAY + i * period + random() * 0.2 * period);
  spans.push({ start, end: Math.round(start + (0.3 + random() * 0.5) * period) });
}
const SEVERITIES: MarkerSeverity[] = ['low', 'medium', 'high', 'critical'];
const KINDS = ['notification', 'notification', 'notification', 'tag', 'login'];
const markers: TimelineMarker[] = Array.from({ length: 10_000 }, (_, i) => {
  const kind = KINDS[Math.floor(random() * KINDS.length)]!;
  const marker: TimelineMarker = { id: `m-${i}`, at: Math.round(DAY + random() * 24 * HOUR), kind, title: `${kind} ${i}` };
  if (kind === 'notification') marker.severity = SEVERITIES[Math.floor(random() * 4)]!;
  if (kind === 'login') marker.color = '#2e7d32';
  return marker;
});
const density: TimelineDensity = {
  ...RANGE,
  values: Array.from({ length: 24 * 60 }, () => Math.round(random() < 0.05 ? 50 + random() * 50 : random() * 20)),
};

const el = document.querySelector('session-timeline')!;
el.style.width = `${WIDTH}px`;
el.zone = 'Europe/Berlin';
el.locale = 'en';
el.range = RANGE;
el.spans = spans;
el.markers = markers;
el.density = density;
// The playhead sits at 09:00, away from where drags start (x = 100 and 700).
el.value = DAY + 9 * HOUR;

const area = () => el.shadowRoot!.querySelector<HTMLElement>('.area')!;
const canvasBox = () => el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();

async function showLevel(level: ZoomLevel): Promise<void> {
  el.view = { ...LEVELS[level] };
  await el.updateComplete;
  await nextAnimationFrame();
}

const pointer = (type: string, x: number, y: number, buttons: number) =>
  new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, button: type === 'pointermove' ? -1 : 0, buttons, clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true });
const wheel = (deltaX: number, deltaY: number, x: number, y: number) =>
  new WheelEvent('wheel', { deltaX, deltaY, deltaMode: WheelEvent.DOM_DELTA_PIXEL, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true });

/** A triangle wave between 0 and 1 with `period` steps, for back-and-forth gestures that stay near the level. */
const triangle = (i: number, period: number) => {
  const phase = (i % period) / period;
  return phase < 0.5 ? phase * 2 : 2 - phase * 2;
};

/** The event of step `i` of each gesture; `box` is the canvas rectangle in client px. */
const STEPS: Record<Gesture, (i: number, box: DOMRect) => Event> = {
  // Five notches in, five out: the view breathes within e^±1 of the level.
  zoom: (i, box) => wheel(0, Math.floor(i / 5) % 2 ? 100 : -100, box.left + box.width * (0.3 + 0.4 * triangle(i, 37)), box.top + 30),
  // Drag right and back, 600 px each way in 6 px steps (the press happens before step 0).
  'pan-drag': (i, box) => pointer('pointermove', box.left + 100 + 600 * triangle(i + 1, 200), box.top + 30, 1),
  'pan-wheel': (i, box) => wheel(Math.floor(i / 10) % 2 ? 60 : -60, 0, box.left + box.width / 2, box.top + 30),
  // Across the marker lane (top 16 px of the canvas), left to right and back.
  hover: (i, box) => pointer('pointermove', box.left + 2 + (box.width - 4) * triangle(i, 250), box.top + 2 + (i % 12), 0),
};

async function run(gesture: Gesture, level: ZoomLevel, count: number, warmUp: number): Promise<GestureRun> {
  await showLevel(level);
  const target = area();
  const box = canvasBox();
  const timings: StepTiming[] = [];
  let viewChanges = 0;
  let markerHits = 0;
  const countViewChange = () => viewChanges++;
  if (gesture === 'pan-drag') target.dispatchEvent(pointer('pointerdown', box.left + 100, box.top + 30, 1));
  for (let i = 0; i < warmUp + count; i++) {
    // Input is dispatched at the start of a frame in Chromium; do the same so `frame` measures one frame's work, not the wait for vsync.
    await nextAnimationFrame();
    if (i === warmUp) el.addEventListener('view-change', countViewChange);
    const event = STEPS[gesture](i, box);
    const t0 = performance.now();
    target.dispatchEvent(event);
    const tHandler = performance.now();
    await el.updateComplete;
    const t1 = performance.now();
    await afterFrame();
    const t2 = performance.now();
    if (i < warmUp) continue;
    timings.push({ handler: tHandler - t0, update: t1 - t0, frame: t2 - t0 });
    if (el.shadowRoot!.querySelector('[part="tooltip"] .tip-title')) markerHits++;
  }
  el.removeEventListener('view-change', countViewChange);
  if (gesture === 'pan-drag') target.dispatchEvent(pointer('pointerup', box.left + 100, box.top + 30, 0));
  if (gesture === 'hover') target.dispatchEvent(new PointerEvent('pointerleave', { pointerId: 1, pointerType: 'mouse' }));
  await el.updateComplete;
  return { timings, viewChanges, markerHits };
}

window.timelineBench = {
  ready: (async () => {
    await el.updateComplete;
    // The canvas is painted once the ResizeObserver has reported the width.
    while (!(el.shadowRoot?.querySelector('canvas')?.width ?? 0)) await nextAnimationFrame();
    await nextAnimationFrame();
  })(),
  run,
};
