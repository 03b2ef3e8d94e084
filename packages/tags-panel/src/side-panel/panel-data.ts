import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PanelEvent, PanelEventKind, PanelQueryFn, PanelRange, PanelSeverity } from '../types.js';
import { EventIndex } from './event-index.js';
import { EventPages } from './event-pages.js';

/** Typing pauses this long before a server-side search is sent. */
export const SEARCH_DEBOUNCE_MS = 120;

/** What a server-side search asks for. */
export interface ServerSearch {
  text: string;
  kinds: readonly PanelEventKind[];
  severities: readonly PanelSeverity[] | null;
}

/**
 * Where the panel's events come from: either plain `events` (all loaded)
 * or a query function paged per kind, plus a server-side search while not
 * everything is loaded. Owns every request and aborts the stale ones; the
 * host reads `index`, `searchIndex` and the pages' states, and re-derives
 * its lists when `version` changes.
 */
export class PanelData implements ReactiveController {
  /** Everything loaded for the day. */
  index = new EventIndex();
  /** Results of the current server-side search (null when searching locally). */
  searchIndex: EventIndex | null = null;
  search: EventPages | null = null;
  /** Bumped on every change the host may show. */
  version = 0;
  #pending: ServerSearch | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #browse = new Map<PanelEventKind, EventPages>();
  #query: PanelQueryFn | null = null;
  #range: PanelRange | null = null;
  #allLoaded = true;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts over from a new source; everything in flight is cancelled. */
  reset(events: readonly PanelEvent[] | null, query: PanelQueryFn | null, range: PanelRange | null): void {
    this.#abortAll();
    this.#browse.clear();
    this.index = new EventIndex(events ?? []);
    this.#allLoaded = events !== null || !query || !range;
    this.#query = this.#allLoaded ? null : query;
    this.#range = this.#allLoaded ? null : range;
    this.endSearch();
    this.#changed();
  }

  /** The pages of `kind`, once it was opened. */
  pages(kind: PanelEventKind): EventPages | null {
    return this.#browse.get(kind) ?? null;
  }

  /** Every event of these kinds is here, so search and filters can run locally. */
  complete(kinds: readonly PanelEventKind[]): boolean {
    return this.#allLoaded || kinds.every((k) => this.#browse.get(k)?.complete);
  }

  /** Loads the first page of `kind` unless it is loaded or on its way. */
  open(kind: PanelEventKind): void {
    const query = this.#query;
    const range = this.#range;
    if (!query || !range) return;
    let pages = this.#browse.get(kind);
    if (!pages) {
      pages = new EventPages({ range, kinds: [kind] }, query, (items) => {
        if (items.length) this.index.append(items);
        this.#changed();
      });
      this.#browse.set(kind, pages);
    }
    if (!pages.items.length) pages.loadMore();
  }

  /**
   * Asks the backend for `search` after a typing pause; the request for the
   * previous text is aborted at once, since its answer can no longer be shown.
   */
  requestSearch(search: ServerSearch): void {
    const key = searchKey(search);
    if (this.#pending) {
      if (searchKey(this.#pending) === key) return;
    } else if (this.search && searchKey(searchOf(this.search)) === key) {
      // The same search: resume it if a disconnect cut its first page short.
      if (this.search.status === 'idle' && !this.search.items.length) this.search.loadMore();
      return;
    }
    // The old results stay on screen until new ones arrive; their pages are done for.
    this.search?.abort();
    this.search = null;
    clearTimeout(this.#timer);
    this.#pending = search;
    this.#timer = setTimeout(() => this.#startSearch(), SEARCH_DEBOUNCE_MS);
    this.#changed();
  }

  /** A server-side search was asked for and its first page is not here yet. */
  get searching(): boolean {
    return this.#pending !== null || (this.search?.status === 'loading' && this.search.items.length === 0);
  }

  endSearch(): void {
    if (!this.search && !this.#pending && !this.searchIndex) return;
    clearTimeout(this.#timer);
    this.#pending = null;
    this.search?.abort();
    this.search = null;
    this.searchIndex = null;
    this.#changed();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // Pages keep what they have; the host opens them again when it is back.
    this.#abortAll();
  }

  #startSearch(): void {
    const query = this.#query;
    const range = this.#range;
    const wanted = this.#pending;
    this.#pending = null;
    if (!query || !range || !wanted) return;
    const index = new EventIndex();
    this.searchIndex = index;
    this.search = new EventPages(
      { range, kinds: [...wanted.kinds], text: wanted.text, ...(wanted.severities ? { severities: [...wanted.severities] } : {}) },
      query,
      (items) => {
        if (items.length) index.append(items);
        this.#changed();
      },
    );
    this.search.loadMore();
  }

  #abortAll(): void {
    for (const pages of this.#browse.values()) pages.abort();
    this.search?.abort();
    clearTimeout(this.#timer);
    this.#pending = null;
  }

  #changed(): void {
    this.version++;
    this.host.requestUpdate();
  }
}

function searchOf(pages: EventPages): ServerSearch {
  return { text: pages.query.text ?? '', kinds: pages.query.kinds, severities: pages.query.severities ?? null };
}

function searchKey(s: ServerSearch): string {
  return JSON.stringify([s.text, s.kinds, s.severities]);
}
