import type { TimelineDensity, TimelineMarker } from '@session-player/timeline';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../data-source/errors.js';
import type { EventQuery, SessionDataSource, SessionEvent, StreamRef, TimeRange } from '../data-source/types.js';
import { densityFromEvents } from '../preview/activity-density.js';
import { createThumbnailProvider, type SegmentOpenFn, type ThumbnailProvider } from '../preview/thumbnail-provider.js';

/** Heat-map resolution: about one bucket per 3 px of a wide timeline. */
const DENSITY_BUCKETS = 400;
/** Loads wait for the view to settle while the user zooms or pans. */
const SETTLE_MS = 150;
const PAGE = 1_000;
/** Enough events for any sensible view; beyond this the heat map and markers are cut off. */
const MAX_EVENTS = 50_000;
/** Markers are fetched in blocks this long, aligned to UTC days, so panning reuses them. */
const BLOCK = 86_400_000;
/** Blocks per query: backends cap how long a queried range may be (the reference API: 8 days). */
const MAX_QUERY_BLOCKS = 7;
/** Heat-map margin each side of the view, so a small pan shows it at once. */
const DENSITY_MARGIN_MAX = BLOCK;

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
  #sealing: 'plain' | 'locked' | SegmentOpenFn = 'plain';

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

  /**
   * Starts over for another stream (or none): drops markers, heat map and
   * cached thumbnails. `sealing` is how an end-to-end encrypted stream's
   * previews are opened: `'locked'` while there is no key (no previews at all).
   */
  reset(source: SessionDataSource | null, stream: StreamRef | null, sealing: 'plain' | 'locked' | SegmentOpenFn = 'plain'): void {
    if (source === this.#source && sameStream(stream, this.#stream)) {
      if (sealing !== this.#sealing) this.#resetPreview(sealing);
      return;
    }
    this.#abort.abort();
    this.#densityAbort.abort();
    this.#abort = new AbortController();
    clearTimeout(this.#timer);
    this.#blocks.clear();
    this.#source = source;
    this.#stream = stream;
    this.#resetPreview(sealing);
    this.markers = [];
    this.density = null;
    this.#host.requestUpdate();
  }

  #resetPreview(sealing: 'plain' | 'locked' | SegmentOpenFn): void {
    this.preview?.dispose();
    this.#sealing = sealing;
    const source = this.#source;
    const stream = this.#stream;
    this.preview =
      !source || !stream || sealing === 'locked'
        ? null
        : createThumbnailProvider(source, stream, sealing === 'plain' ? {} : { open: sealing });
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
    const starts = [...this.#blocks.keys()].sort((a, b) => a - b);
    for (const run of contiguousRuns(starts, BLOCK, MAX_QUERY_BLOCKS)) {
      void this.#loadTags({ start: run[0]!, end: run[run.length - 1]! + BLOCK }, this.#abort.signal).catch(() => undefined);
    }
  }

  #load(view: TimeRange): void {
    void this.#loadMarkers(view);
    void this.#loadDensity(view);
  }

  async #loadMarkers(view: TimeRange): Promise<void> {
    const wanted: number[] = [];
    for (let start = Math.floor(view.start / BLOCK) * BLOCK; start < view.end; start += BLOCK) {
      if (!this.#blocks.has(start)) wanted.push(start);
    }
    await Promise.all(contiguousRuns(wanted, BLOCK, MAX_QUERY_BLOCKS).map((run) => this.#loadMarkerRun(run)));
  }

  /** Notifications and tags of consecutive blocks, in one query each. */
  async #loadMarkerRun(starts: number[]): Promise<void> {
    const source = this.#source;
    const stream = this.#stream;
    if (!source || !stream) return;
    const signal = this.#abort.signal;
    for (const start of starts) this.#blocks.set(start, []);
    const range = { start: starts[0]!, end: starts[starts.length - 1]! + BLOCK };
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
      for (const start of starts) this.#blocks.delete(start);
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
    const margin = Math.min((view.end - view.start) / 2, DENSITY_MARGIN_MAX);
    const range = { start: Math.round(view.start - margin), end: Math.round(view.end + margin) };
    const buckets = DENSITY_BUCKETS * 2;
    try {
      const values = source.getActivityDensity
        ? await source.getActivityDensity(stream, range, buckets, { signal })
        : densityFromEvents(await collectInChunks(source, stream, { range, kinds: ['activity', 'keystroke'] }, signal), range, buckets);
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

/** Sorted block starts grouped into runs of consecutive blocks, at most `max` long. */
function contiguousRuns(starts: readonly number[], block: number, max: number): number[][] {
  const runs: number[][] = [];
  for (const start of starts) {
    const run = runs[runs.length - 1];
    if (run && run.length < max && start === run[run.length - 1]! + block) run.push(start);
    else runs.push([start]);
  }
  return runs;
}

/** `collect` over a range longer than one query may span, a week at a time. */
async function collectInChunks(source: SessionDataSource, stream: StreamRef, q: EventQuery, signal: AbortSignal): Promise<SessionEvent[]> {
  const out: SessionEvent[] = [];
  const week = MAX_QUERY_BLOCKS * BLOCK;
  for (let start = q.range.start; start < q.range.end && out.length < MAX_EVENTS; start += week) {
    out.push(...(await collect(source, stream, { ...q, range: { start, end: Math.min(q.range.end, start + week) } }, signal)));
  }
  return out;
}

function sameStream(a: StreamRef | null, b: StreamRef | null): boolean {
  return a === b || (!!a && !!b && a.userId === b.userId && a.computerId === b.computerId);
}
