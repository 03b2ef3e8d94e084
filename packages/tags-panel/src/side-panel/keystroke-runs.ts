import type { PanelEvent, PanelKeystroke } from '../types.js';
import type { KeystrokeRun } from './types.js';

/** A pause this long (or longer) starts a new run. */
export const RUN_GAP_MS = 60_000;
/** Longer runs are split, so one row never grows without bound (a whole day typed into one editor). */
export const RUN_MAX_EVENTS = 100;

/**
 * Groups keystroke events into runs: consecutive events typed into the same
 * app and window with less than `gapMs` between one and the next. Other
 * kinds are skipped; input in any order.
 */
export function keystrokeRuns(events: readonly PanelEvent[], gapMs = RUN_GAP_MS, maxEvents = RUN_MAX_EVENTS): KeystrokeRun[] {
  const keys = events.filter((e): e is PanelKeystroke => e.kind === 'keystroke');
  if (!isSorted(keys)) keys.sort((a, b) => a.at - b.at);
  const runs: KeystrokeRun[] = [];
  let run: KeystrokeRun | null = null;
  for (const e of keys) {
    const continues =
      run !== null && run.app === e.app && run.window === e.window && e.at - run.end < gapMs && run.events.length < maxEvents;
    if (continues) {
      run!.events.push(e);
      run!.end = e.at;
    } else {
      run = { id: e.id, at: e.at, end: e.at, app: e.app, window: e.window, events: [e] };
      runs.push(run);
    }
  }
  return runs;
}

/**
 * Runs whose window, app or typed text contains `text` (case-insensitive).
 * The typed text is searched joined, so a word typed over several events
 * is found too.
 */
export function searchRuns(runs: readonly KeystrokeRun[], text: string): readonly KeystrokeRun[] {
  const term = text.trim().toLowerCase();
  if (!term) return runs;
  return runs.filter((run) => runHaystack(run).includes(term));
}

const haystacks = new WeakMap<KeystrokeRun, string>();

function runHaystack(run: KeystrokeRun): string {
  let hay = haystacks.get(run);
  if (hay === undefined) {
    hay = [run.events.map((e) => e.text).join(''), run.app, run.window].join('\u0000').toLowerCase();
    haystacks.set(run, hay);
  }
  return hay;
}

function isSorted(events: readonly PanelEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i - 1]!.at > events[i]!.at) return false;
  return true;
}
