import type { Instant, PanelEvent, PanelEventKind } from '../types.js';
import type { EventFilters } from './types.js';

export const EVENT_KINDS: readonly PanelEventKind[] = ['notification', 'activity', 'keystroke'];

/** Events of one kind (or all), in time order, with a lower-case haystack per event. */
interface Bucket {
  events: PanelEvent[];
  haystacks: string[];
}

/**
 * The loaded events of a day, sorted by time, ready to be listed and
 * searched. Search is a linear scan of precomputed lower-case haystacks:
 * at 100k rows that takes a few milliseconds, far cheaper than keeping an
 * inverted index up to date while pages arrive.
 *
 * Buckets are replaced, never mutated, when events are added, so a list
 * handed out earlier keeps its contents and a changed list is a new array.
 */
export class EventIndex {
  #all: Bucket = { events: [], haystacks: [] };
  #byKind = new Map<PanelEventKind, Bucket>();
  #ids = new Set<string>();
  #apps = new Map<PanelEventKind, Set<string>>();
  /** The last search, reused when the next term only extends it (typing forward). */
  #last: { term: string; filterKey: string; bucket: Bucket } | null = null;

  constructor(events: readonly PanelEvent[] = []) {
    this.append(events);
  }

  get size(): number {
    return this.#all.events.length;
  }

  /** Adds events; duplicates (by id) and unknown kinds are ignored. */
  append(events: readonly PanelEvent[]): void {
    const fresh = events.filter((e) => EVENT_KINDS.includes(e.kind) && !this.#ids.has(e.id) && (this.#ids.add(e.id), true));
    if (!fresh.length) return;
    const added = { events: fresh, haystacks: fresh.map(haystack) };
    this.#all = merge(this.#all, added);
    for (const kind of EVENT_KINDS) {
      const ofKind = pick(added, (e) => e.kind === kind);
      if (ofKind.events.length) this.#byKind.set(kind, merge(this.#bucket(kind), ofKind));
    }
    for (const e of fresh) {
      let apps = this.#apps.get(e.kind);
      if (!apps) this.#apps.set(e.kind, (apps = new Set()));
      if (e.app) apps.add(e.app);
    }
    this.#last = null;
  }

  /** Events of `kind` (all kinds when absent), in time order. */
  rows(kind?: PanelEventKind): readonly PanelEvent[] {
    return kind ? this.#bucket(kind).events : this.#all.events;
  }

  count(kind: PanelEventKind): number {
    return this.#bucket(kind).events.length;
  }

  /** Applications seen in events of `kinds`, sorted for a select. */
  apps(kinds: readonly PanelEventKind[] = EVENT_KINDS): string[] {
    const out = new Set<string>();
    for (const kind of kinds) for (const app of this.#apps.get(kind) ?? []) out.add(app);
    return [...out].sort((a, b) => a.localeCompare(b));
  }

  /**
   * Events matching `text` (case-insensitive substring of title, app,
   * window, URL, rule or typed text) and `filters`, in time order. Without
   * text or filters a kind's list comes back as is (same array until events
   * are added).
   */
  search(text: string, filters: EventFilters = {}): readonly PanelEvent[] {
    const term = text.trim().toLowerCase();
    const kinds = filters.kinds ?? EVENT_KINDS;
    const severities = filters.severities && filters.severities.size < 4 ? filters.severities : null;
    const app = filters.app || null;
    const source = kinds.length === 1 ? this.#bucket(kinds[0]!) : this.#all;
    if (!term && !severities && !app && (kinds.length === 1 || kinds.length === EVENT_KINDS.length)) return source.events;

    const filterKey = JSON.stringify([kinds, severities ? [...severities].sort() : null, app]);
    const last = this.#last;
    const narrowing = last && last.filterKey === filterKey && term.includes(last.term);
    const from = narrowing ? last.bucket : source;
    const kindSet = new Set(kinds);
    const found: Bucket = { events: [], haystacks: [] };
    for (let i = 0; i < from.events.length; i++) {
      const e = from.events[i]!;
      const hay = from.haystacks[i]!;
      if (!kindSet.has(e.kind)) continue;
      if (severities && e.kind === 'notification' && !severities.has(e.severity)) continue;
      if (app && e.app !== app) continue;
      if (term && !hay.includes(term)) continue;
      found.events.push(e);
      found.haystacks.push(hay);
    }
    this.#last = { term, filterKey, bucket: found };
    return found.events;
  }

  /** Position of the event at the playhead in all rows (see {@link indexAt}). */
  indexAt(value: Instant): number {
    return indexAt(this.#all.events, value);
  }

  #bucket(kind: PanelEventKind): Bucket {
    return this.#byKind.get(kind) ?? { events: [], haystacks: [] };
  }
}

/**
 * The last row at or before `value` (the one the playhead is in), by binary
 * search over rows sorted by `at`; -1 when all rows are later.
 */
export function indexAt(rows: readonly { at: Instant }[], value: Instant): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.at <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Every searchable field, lower-cased, separated so a term cannot match across two fields. */
function haystack(e: PanelEvent): string {
  const fields =
    e.kind === 'notification'
      ? [e.title, e.rule]
      : e.kind === 'activity'
        ? [e.title, e.url ?? '']
        : [e.text];
  return [...fields, e.app, e.window].join('\u0000').toLowerCase();
}

function pick(bucket: Bucket, keep: (e: PanelEvent) => boolean): Bucket {
  const out: Bucket = { events: [], haystacks: [] };
  bucket.events.forEach((e, i) => {
    if (keep(e)) {
      out.events.push(e);
      out.haystacks.push(bucket.haystacks[i]!);
    }
  });
  return out;
}

/** A new bucket with both, in time order; pages usually arrive in order, so sorting is rare. */
function merge(a: Bucket, b: Bucket): Bucket {
  const events = a.events.concat(b.events);
  const haystacks = a.haystacks.concat(b.haystacks);
  if (isSorted(events)) return { events, haystacks };
  const order = events.map((_, i) => i).sort((x, y) => events[x]!.at - events[y]!.at || x - y);
  return { events: order.map((i) => events[i]!), haystacks: order.map((i) => haystacks[i]!) };
}

function isSorted(events: readonly PanelEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i - 1]!.at > events[i]!.at) return false;
  return true;
}
