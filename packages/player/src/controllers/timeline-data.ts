import type { TimelineDensity, TimelineMarker } from '@session-player/timeline';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../data-source/errors.js';
import type { EventQuery, SessionDataSource, SessionEvent, StreamRef, TimeRange } from '../data-source/types.js';
import { densityFromEvents } from '../preview/activity-density.js';
import { createThumbnailProvider, type ThumbnailProvider } from '../preview/thumbnail-provider.js';

/** Heat-map resolution: about one bucket per 3 px of a wide timeline. */
const DENSITY_BUCKETS = 400;
/** Loads wait for the view to settle while the user zooms or pans. */
const SETTLE_MS = 150;
const PAGE = 1_000;
/** Enough events for any sensible view; beyond this the heat map and markers are cut off. */
const MAX_EVENTS = 50_000;
/** Markers are fetched in blocks this long, aligned to UTC days, so panning reuses them. */
const BLOCK = 86_400_000;

/**
 * What `<session-timeline>` shows besides coverage: notification and tag
 * markers, the activity heat map and hover thumbnails, loaded from the data
 * source for the visible window and kept while the stream stays the same.
 */
export class TimelineData implements ReactiveController {
  /** Notifications and tags, sorted by nothing in particular (the timeline sorts). */
  markers: TimelineMarker[] = [];
  density: TimelineDensity | null = null;
  preview: ThumbnailProvider | null = null;

  readonly #host: ReactiveControllerHost;
  #source: SessionDataSource | null = null;
  #stream: StreamRef | null = null;
  #abort = new AbortController();
  #densityAbort = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Marker blocks loaded or loading, by block start. */
  readonly #blocks = new Map<number, TimelineMarker[]>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset(null, null);
  }

  /** Starts over for another stream (or none): drops markers, heat map and cached thumbnails. */
  reset(source: SessionDataSource | null, stream: StreamRef | null): void {
    if (source === this.#source && sameStream(stream, this.#stream)) return;
    this.#abort.abort();
    this.#densityAbort.abort();
    this.#abort = new AbortController();
    clearTimeout(this.#timer);
    this.#blocks.clear();
    this.preview?.dispose();
    this.#source = source;
    this.#stream = stream;
    this.preview = source && stream ? createThumbnailProvider(source, stream) : null;
    this.markers = [];
    this.density = null;
    this.#host.requestUpdate();
  }

  /** The timeline now shows `view`: load what it needs once the view settles. */
  show(view: TimeRange, immediately = false): void {
    clearTimeout(this.#timer);
    if (immediately) this.#load(view);
    else this.#timer = setTimeout(() => this.#load(view), SETTLE_MS);
  }

  /** Fetches tags again (after a tag was added, changed or removed). */
  refreshTags(): void {
    for (const [start, markers] of this.#blocks) this.#blocks.set(start, markers.filter((m) => m.kind !== 'tag'));
    const starts = [...this.#blocks.keys()];
    if (starts.length === 0) return;
    void this.#loadTags({ start: Math.min(...starts), end: Math.max(...starts) + BLOCK }, this.#abort.signal);
  }

  #load(view: TimeRange): void {
    void this.#loadMarkers(view);
    void this.#loadDensity(view);
  }

  async #loadMarkers(view: TimeRange): Promise<void> {
    const source = this.#source;
    const stream = this.#stream;
    if (!source || !stream) return;
    const signal = this.#abort.signal;
    const wanted: number[] = [];
    for (let start = Math.floor(view.start / BLOCK) * BLOCK; start < view.end; start += BLOCK) {
      if (!this.#blocks.has(start)) wanted.push(start);
    }
    if (wanted.length === 0) return;
    for (const start of wanted) this.#blocks.set(start, []);
    const range = { start: wanted[0]!, end: wanted[wanted.length - 1]! + BLOCK };
    try {
      const [events] = await Promise.all([
        collect(source, stream, { range, kinds: ['notification'] }, signal),
        this.#loadTags(range, signal),
      ]);
      for (const e of events) {
        if (e.kind !== 'notification') continue;
        this.#blockOf(e.at).push({ id: e.id, at: e.at, kind: 'notification', title: e.title, severity: e.severity });
      }
      this.#publish();
    } catch (e) {
      // Forget the blocks so the next view change asks again.
      for (const start of wanted) this.#blocks.delete(start);
      if (!isAbort(e)) console.warn('session-player: timeline markers could not be loaded', e);
    }
  }

  async #loadTags(range: TimeRange, signal: AbortSignal): Promise<void> {
    const source = this.#source;
    const stream = this.#stream;
    if (!source || !stream) return;
    const tags = await source.listTags(stream, range, { signal });
    for (const tag of tags) this.#blockOf(tag.at).push({ id: `tag:${tag.id}`, at: tag.at, kind: 'tag', title: tag.name });
    this.#publish();
  }

  #blockOf(at: number): TimelineMarker[] {
    const start = Math.floor(at / BLOCK) * BLOCK;
    let block = this.#blocks.get(start);
    if (!block) this.#blocks.set(start, (block = []));
    return block;
  }

  #publish(): void {
    this.markers = [...this.#blocks.values()].flat();
    this.#host.requestUpdate();
  }

  async #loadDensity(view: TimeRange): Promise<void> {
    const source = this.#source;
    const stream = this.#stream;
    if (!source || !stream) return;
    this.#densityAbort.abort();
    const abort = (this.#densityAbort = new AbortController());
    const signal = AbortSignal.any([abort.signal, this.#abort.signal]);
    // A margin each side, so a small pan shows the heat map at once.
    const span = view.end - view.start;
    const range = { start: Math.round(view.start - span / 2), end: Math.round(view.end + span / 2) };
    const buckets = DENSITY_BUCKETS * 2;
    try {
      const values = source.getActivityDensity
        ? await source.getActivityDensity(stream, range, buckets, { signal })
        : densityFromEvents(await collect(source, stream, { range, kinds: ['activity', 'keystroke'] }, signal), range, buckets);
      if (signal.aborted) return;
      this.density = { ...range, values };
      this.#host.requestUpdate();
    } catch (e) {
      if (!isAbort(e)) console.warn('session-player: activity density could not be loaded', e);
    }
  }
}

/** Every event of a query, page after page (up to MAX_EVENTS). */
async function collect(source: SessionDataSource, stream: StreamRef, q: EventQuery, signal: AbortSignal): Promise<SessionEvent[]> {
  const out: SessionEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await source.getEvents(stream, { ...q, limit: PAGE, cursor }, { signal });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_EVENTS);
  return out;
}

function sameStream(a: StreamRef | null, b: StreamRef | null): boolean {
  return a === b || (!!a && !!b && a.userId === b.userId && a.computerId === b.computerId);
}
