import type { Instant, PanelEvent, PanelQueryFn, PanelSeverity } from '../types.js';

/**
 * Made-up but realistic events for stories, demos and tests: a seeded
 * generator (the same seed gives the same day) and an in-memory query
 * function that pages and searches them like a backend would.
 */

/** A small seeded PRNG (mulberry32): fast, and good enough to vary sample data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['Chrome', 'Outlook', 'Excel', 'Word', 'Teams', 'Terminal', 'Slack', 'Notepad'];
const DOCS = ['Quarterly report', 'Inbox', 'Budget 2026', 'Team sync', 'Release notes', 'Customer list', 'Invoice 4711', 'Roadmap'];
const TITLES = ['USB storage connected', 'Large upload', 'Clipboard copy', 'Printed document', 'Blocked site visited', 'Login outside hours'];
const RULES = ['Data loss prevention', 'Removable media', 'Working hours', 'Web filter'];
const WORDS = ['hello', 'meeting', 'tomorrow', 'numbers', 'please', 'review', 'budget', 'thanks', 'draft', 'final', 'send', 'update'];
const SEVERITIES: PanelSeverity[] = ['low', 'medium', 'high', 'critical'];

export interface SampleOptions {
  count: number;
  start: Instant;
  end: Instant;
  seed?: number;
  /** A word to plant in `needleCount` events, in a different field each time. */
  needle?: string;
  needleCount?: number;
}

/** `count` events in time order between `start` and `end`; `needleIds` are the events holding the needle. */
export function sampleEvents(o: SampleOptions): { events: PanelEvent[]; needleIds: string[] } {
  const random = seededRandom(o.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const times = Array.from({ length: o.count }, () => o.start + Math.floor(random() * (o.end - o.start))).sort((a, b) => a - b);
  const events = times.map((at, i): PanelEvent => {
    const app = pick(APPS);
    const window = `${pick(DOCS)} - ${app}`;
    const id = `e${i}`;
    const roll = random();
    if (roll < 0.2) return { id, at, app, window, kind: 'notification', title: pick(TITLES), rule: pick(RULES), severity: pick(SEVERITIES) };
    if (roll < 0.5) {
      const url = random() < 0.7 ? `https://intranet.example.com/${pick(WORDS)}/${i}` : null;
      return { id, at, app, window, kind: 'activity', title: `Using ${app}`, url, durationMs: Math.floor(random() * 120_000) };
    }
    return { id, at, app, window, kind: 'keystroke', text: `${pick(WORDS)} ` };
  });
  const needleIds: string[] = [];
  if (o.needle && o.needleCount) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(o.needleCount, events.length)) chosen.add(Math.floor(random() * events.length));
    let turn = 0;
    for (const i of [...chosen].sort((a, b) => a - b)) {
      events[i] = plant(events[i]!, turn++ % 2 ? o.needle.toUpperCase() : capitalise(o.needle), turn);
      needleIds.push(events[i]!.id);
    }
  }
  return { events, needleIds };
}

/** Puts `word` into one of the event's text fields, taking turns between them. */
function plant(e: PanelEvent, word: string, turn: number): PanelEvent {
  const fields = e.kind === 'notification' ? ['title', 'window'] : e.kind === 'activity' ? ['title', 'window', 'url'] : ['text', 'window'];
  const field = fields[turn % fields.length]!;
  if (field === 'url') return { ...e, url: `https://${word.toLowerCase()}.example.org/trip` } as PanelEvent;
  const value = (e as unknown as Record<string, string>)[field] ?? '';
  return { ...e, [field]: `${value} ${word} trip` } as PanelEvent;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A query function over `events` that pages (`cursor` is an offset),
 * filters by range, kind, severity and text like the backend, and honours
 * the abort signal. `delayMs` simulates the network.
 */
export function memoryQuery(events: readonly PanelEvent[], delayMs = 0): PanelQueryFn {
  return (q, signal) =>
    new Promise((resolve, reject) => {
      const run = () => {
        if (signal.aborted) return reject(new DOMException('Aborted', 'AbortError'));
        const text = q.text?.toLowerCase() ?? '';
        const matches = events.filter(
          (e) =>
            e.at >= q.range.start &&
            e.at < q.range.end &&
            q.kinds.includes(e.kind) &&
            (!q.severities || e.kind !== 'notification' || q.severities.includes(e.severity)) &&
            (!text || searchable(e).includes(text)),
        );
        const from = Number(q.cursor ?? 0);
        const to = from + (q.limit ?? 500);
        resolve({ items: matches.slice(from, to), nextCursor: to < matches.length ? String(to) : null });
      };
      if (delayMs > 0) {
        const timer = setTimeout(run, delayMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('Aborted', 'AbortError'));
        });
      } else queueMicrotask(run);
    });
}

function searchable(e: PanelEvent): string {
  const fields = e.kind === 'notification' ? [e.title, e.rule] : e.kind === 'activity' ? [e.title, e.url ?? ''] : [e.text];
  return [...fields, e.app, e.window].join('\n').toLowerCase();
}
