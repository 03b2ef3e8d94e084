import '@session-player/tags-panel';
import { keystrokeRuns, searchRuns, type PanelEvent, type PanelEventKind, type SessionSidePanel } from '@session-player/tags-panel';
import { sampleEvents } from '../../packages/tags-panel/src/side-panel/sample-events.js';
import { afterFrame, nextAnimationFrame } from './frame-timing.js';

/*
 * <session-side-panel> 360 × 640 px with 100 000 events given as `events`
 * (20 % notifications, 30 % activities, 50 % keystrokes, one day, fixed
 * seed). bench/panel.ts drives the steps below and reads the timings; every
 * time is taken inside the page with performance.now(), so no DevTools
 * round trip is counted.
 */

/** Where a search is typed: the search of one tab, or with "All tabs" on (all 100 000 events). */
export type SearchScenario = 'all' | PanelEventKind;

/** One keystroke in the search input, from its `input` event to the list showing the result. */
export interface KeystrokeTiming {
  /** dispatch → dispatchEvent returns (the listener sets the search text). */
  handler: number;
  /** dispatch → `await el.updateComplete`: search, derived rows and the panel's template. */
  update: number;
  /** dispatch → the last DOM change in the panel before the next frame was painted (the virtualizer's rows). */
  rows: number;
  /** dispatch → first task after that frame was rendered (style, layout, row measuring, paint). */
  frame: number;
  /** dispatch → the last DOM change before two quiet frames (rows measured and placed, however many frames that took). */
  settled: number;
}

export interface SearchRun {
  /** One per typed letter (warm-up words left out). */
  timings: KeystrokeTiming[];
  /** Clearing the input after each word (back to the whole tab). */
  clears: KeystrokeTiming[];
  /** Words whose match count on screen differs from an independent count over the same events. */
  mismatches: string[];
  /** Matches per word, as the status line says. */
  matches: number[];
}

/** Frames while the list scrolls. */
export interface FrameLog {
  /** requestAnimationFrame timestamp deltas, ms (16.7 at 60 Hz when no frame is missed). */
  intervals: number[];
  /** Frame start (rAF timestamp) → first task after the frame was rendered, ms: the main thread's work for the frame. */
  busy: number[];
  /** Durations of long tasks (≥ 50 ms) seen while scrolling. */
  longTasks: number[];
  /** Frames after which a probe point in the list hit no row (blank list). */
  blankFrames: number;
  frames: number;
  /** How far the list scrolled, px, and the index of the row at its top at the end. */
  scrolledPx: number;
  lastTopRow: number;
}

export interface PanelBench {
  /** Makes the 100 000 events (held by the page, not yet given to a panel); returns how many per kind. */
  generate(): Record<PanelEventKind, number>;
  /** Mounts the panel with the events; ms from appending it to its first frame with rows painted, and to settled. */
  mount(): Promise<{ firstFrame: number; settled: number }>;
  /** Shows every tab once (keystroke runs are built on first view), back to Notifications. */
  openAllTabs(): Promise<void>;
  /** Types `words` letter by letter in `scenario`, after `warmUp` unmeasured words. */
  search(scenario: SearchScenario, words: string[], warmUp: string[]): Promise<SearchRun>;
  /** Types one whole word (unmeasured), for the memory figures. */
  typeWord(scenario: SearchScenario, word: string): Promise<void>;
  clearSearch(): Promise<void>;
  /** Sets `scrollTop` one screen further in each of `frames` frames, after `warmUp` unmeasured ones. */
  scroll(tab: PanelEventKind, frames: number, warmUp: number): Promise<FrameLog>;
  /** Opens `tab` at its top and starts recording frames (the bench script then sends real wheel input). */
  startFrames(tab: PanelEventKind): Promise<{ x: number; y: number; height: number }>;
  stopFrames(): Promise<FrameLog>;
}

declare global {
  interface Window {
    panelBench?: PanelBench;
  }
}

const HOUR = 3_600_000;
const DAY = Date.parse('2026-03-17T00:00:00+01:00');
const WIDTH = 360;
const HEIGHT = 640;
/** Frames without a DOM change in the panel after which a step counts as settled. */
const QUIET_FRAMES = 2;

let events: PanelEvent[] = [];
let el: SessionSidePanel | null = null;
let lastMutation = 0;

const panel = (): SessionSidePanel => {
  if (!el) throw new Error('mount() first');
  return el;
};
const $ = <T extends HTMLElement>(selector: string) => panel().shadowRoot!.querySelector<T>(selector);
const list = () => $<HTMLElement>('lit-virtualizer');

/** Waits until the panel's DOM has not changed for `quiet` frames (at most `max` frames); returns when it last changed. */
async function settle(quiet = QUIET_FRAMES, max = 60): Promise<number> {
  let seen = lastMutation;
  let still = 0;
  for (let frames = 0; still < quiet && frames < max; frames++) {
    await nextAnimationFrame();
    await afterFrame();
    if (lastMutation !== seen) {
      seen = lastMutation;
      still = 0;
    } else still++;
  }
  return seen;
}

async function mount(): Promise<{ firstFrame: number; settled: number }> {
  el?.remove();
  const created = document.createElement('session-side-panel');
  created.style.width = `${WIDTH}px`;
  created.style.height = `${HEIGHT}px`;
  created.zone = 'Europe/Berlin';
  created.locale = 'en';
  created.value = DAY + 13.5 * HOUR;
  created.events = events;
  el = created;
  const t0 = performance.now();
  document.body.append(created);
  new MutationObserver(() => (lastMutation = performance.now())).observe(created.shadowRoot!, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  await created.updateComplete;
  // The list is created in the first render; its rows come with the virtualizer's first layout.
  while (!created.shadowRoot!.querySelector('.row')) await nextAnimationFrame();
  await afterFrame();
  const firstFrame = performance.now() - t0;
  const last = await settle();
  return { firstFrame, settled: Math.max(firstFrame, last - t0) };
}

async function showTab(tab: PanelEventKind | 'tag', allTabs = false): Promise<void> {
  const el = panel();
  await typeValue('');
  el.tab = tab;
  await el.updateComplete;
  const toggle = $<HTMLInputElement>('[part="all-tabs"] input');
  if (toggle && toggle.checked !== allTabs) toggle.click();
  await el.updateComplete;
  await settle();
}

/** Sets the search input as typing does: the value, then an `input` event. */
function input(value: string): void {
  const field = $<HTMLInputElement>('[part="search"]')!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function typeValue(value: string): Promise<void> {
  const field = $<HTMLInputElement>('[part="search"]');
  if (!field || field.value === value) return;
  input(value);
  await panel().updateComplete;
  await settle();
}

/** One keystroke, dispatched at the start of a frame as Chromium dispatches input. */
async function timedInput(value: string): Promise<KeystrokeTiming> {
  const el = panel();
  await nextAnimationFrame();
  lastMutation = 0;
  const t0 = performance.now();
  input(value);
  const tHandler = performance.now();
  await el.updateComplete;
  const tUpdate = performance.now();
  await afterFrame();
  const tFrame = performance.now();
  const rows = lastMutation ? lastMutation - t0 : tUpdate - t0;
  const last = await settle();
  return { handler: tHandler - t0, update: tUpdate - t0, rows, frame: tFrame - t0, settled: Math.max(rows, last ? last - t0 : 0) };
}

/** Lower-cased fields the search covers, as the backend contract describes them (not the element's own index). */
function haystack(e: PanelEvent): string {
  const fields = e.kind === 'notification' ? [e.title, e.rule] : e.kind === 'activity' ? [e.title, e.url ?? ''] : [e.text];
  return [...fields, e.app, e.window].join('\n').toLowerCase();
}

let runs: ReturnType<typeof keystrokeRuns> | null = null;

/** How many rows `word` should list in `scenario`, counted independently of the element. */
function expectedMatches(scenario: SearchScenario, word: string): number {
  const term = word.toLowerCase();
  if (scenario === 'keystroke') {
    runs ??= keystrokeRuns(events.filter((e) => e.kind === 'keystroke'));
    return searchRuns(runs, term).length;
  }
  return events.filter((e) => (scenario === 'all' || e.kind === scenario) && haystack(e).includes(term)).length;
}

/** The count the status line shows ("1,234 matches", "1 match", "Nothing matches …"). */
function shownMatches(): number {
  const text = $('[part="status"]')?.textContent?.trim() ?? '';
  if (/^Nothing matches/.test(text)) return 0;
  const m = /^([\d,]+) match/.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : Number.NaN;
}

async function search(scenario: SearchScenario, words: string[], warmUp: string[]): Promise<SearchRun> {
  await showTab(scenario === 'all' ? 'notification' : scenario, scenario === 'all');
  const run: SearchRun = { timings: [], clears: [], mismatches: [], matches: [] };
  for (const [n, word] of [...warmUp, ...words].entries()) {
    const measured = n >= warmUp.length;
    for (let i = 1; i <= word.length; i++) {
      const timing = await timedInput(word.slice(0, i));
      if (measured) run.timings.push(timing);
    }
    if (measured) {
      const shown = shownMatches();
      const expected = expectedMatches(scenario, word);
      run.matches.push(shown);
      const rendered = panel().shadowRoot!.querySelectorAll('.row').length;
      if (shown !== expected || (expected > 0) !== rendered > 0) run.mismatches.push(`${word}: shown ${shown}, expected ${expected}, rows in DOM ${rendered}`);
    }
    const clear = await timedInput('');
    if (measured) run.clears.push(clear);
  }
  return run;
}

/** The row under a few probe points of the list: a miss means the user sees blank space. */
function rowsAtProbes(box: DOMRect): boolean {
  const root = panel().shadowRoot!;
  const x = box.left + box.width / 2;
  return [box.top + 4, box.top + box.height / 2, box.bottom - 4].every((y) => !!root.elementFromPoint(x, y)?.closest('.row'));
}

function topRow(box: DOMRect): number {
  const row = panel().shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + 4)?.closest<HTMLElement>('.row');
  return row ? Number(row.dataset.index) : -1;
}

interface Recorder {
  stop(): Promise<FrameLog>;
}

/** Records every frame until stopped: interval, busy time, blank probes and long tasks. */
function recordFrames(scroller: HTMLElement): Recorder {
  const log: FrameLog = { intervals: [], busy: [], longTasks: [], blankFrames: 0, frames: 0, scrolledPx: 0, lastTopRow: -1 };
  const startTop = scroller.scrollTop;
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) log.longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let running = true;
  let last = 0;
  const box = scroller.getBoundingClientRect();
  const tick = (ts: number) => {
    if (!running) return;
    if (last) log.intervals.push(ts - last);
    last = ts;
    void afterFrame().then(() => {
      log.busy.push(performance.now() - ts);
      log.frames++;
      if (!rowsAtProbes(box)) log.blankFrames++;
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    async stop() {
      running = false;
      await nextAnimationFrame();
      await afterFrame();
      observer.disconnect();
      log.scrolledPx = scroller.scrollTop - startTop;
      log.lastTopRow = topRow(box);
      return log;
    },
  };
}

async function atTop(tab: PanelEventKind): Promise<HTMLElement> {
  await showTab(tab);
  const scroller = list()!;
  scroller.scrollTop = 0;
  await settle();
  return scroller;
}

async function scroll(tab: PanelEventKind, frames: number, warmUp: number): Promise<FrameLog> {
  const scroller = await atTop(tab);
  const step = scroller.clientHeight;
  const steps = (count: number) =>
    new Promise<void>((resolve) => {
      let i = 0;
      const tick = () => {
        scroller.scrollTop += step;
        if (++i < count) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
  await steps(warmUp);
  const recorder = recordFrames(scroller);
  await steps(frames);
  return recorder.stop();
}

let wheelRecorder: Recorder | null = null;

window.panelBench = {
  generate() {
    events = sampleEvents({ count: 100_000, start: DAY, end: DAY + 24 * HOUR, seed: 100_000 }).events;
    runs = null;
    const counts = { notification: 0, activity: 0, keystroke: 0 };
    for (const e of events) counts[e.kind]++;
    return counts;
  },
  mount,
  async openAllTabs() {
    for (const tab of ['activity', 'keystroke', 'tag', 'notification'] as const) await showTab(tab);
  },
  search,
  async typeWord(scenario, word) {
    await showTab(scenario === 'all' ? 'notification' : scenario, scenario === 'all');
    await typeValue(word);
  },
  async clearSearch() {
    await typeValue('');
  },
  scroll,
  async startFrames(tab) {
    const scroller = await atTop(tab);
    const box = scroller.getBoundingClientRect();
    wheelRecorder = recordFrames(scroller);
    return { x: box.left + box.width / 2, y: box.top + box.height / 2, height: scroller.clientHeight };
  },
  async stopFrames() {
    const log = await wheelRecorder!.stop();
    wheelRecorder = null;
    return log;
  },
};
