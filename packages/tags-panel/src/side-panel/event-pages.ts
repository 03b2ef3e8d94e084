import type { PanelEvent, PanelQuery, PanelQueryFn } from '../types.js';
import type { PanelLoadError } from './types.js';

export const PAGE_SIZE = 500;

export type PagesStatus = 'idle' | 'loading' | 'error' | 'done';

/**
 * The pages of one query (a tab's events, or one server-side search),
 * loaded one at a time on demand. Only one request is in flight; `abort()`
 * cancels it and leaves the pages ready to continue, so a panel can drop
 * stale work without losing what it has.
 */
export class EventPages {
  /** Every event loaded so far, as the backend sent them. */
  readonly items: PanelEvent[] = [];
  status: PagesStatus = 'idle';
  error: PanelLoadError | null = null;
  #cursor: string | undefined = undefined;
  #abort: AbortController | null = null;
  #started = false;

  constructor(
    readonly query: Omit<PanelQuery, 'cursor' | 'limit'>,
    private readonly fetchPage: PanelQueryFn,
    /** Called with each page's events, then after every status change. */
    private readonly onChange: (page: PanelEvent[]) => void,
  ) {}

  get started(): boolean {
    return this.#started;
  }

  get complete(): boolean {
    return this.status === 'done';
  }

  /** The signal of the request in flight, if any (for tests and hosts that share it). */
  get signal(): AbortSignal | null {
    return this.#abort?.signal ?? null;
  }

  /** Requests the next page unless one is in flight, all are loaded or the last one failed (use `retry`). */
  loadMore(): void {
    if (this.status !== 'idle') return;
    this.#started = true;
    const abort = new AbortController();
    this.#abort = abort;
    this.status = 'loading';
    this.error = null;
    this.onChange([]);
    const query: PanelQuery = { ...this.query, limit: PAGE_SIZE, ...(this.#cursor === undefined ? {} : { cursor: this.#cursor }) };
    // A query function that throws synchronously fails like one that rejects.
    Promise.resolve()
      .then(() => this.fetchPage(query, abort.signal))
      .then(
        (page) => {
          if (abort.signal.aborted) return;
          this.#abort = null;
          const items = Array.isArray(page?.items) ? page.items : [];
          for (const e of items) this.items.push(e);
          this.#cursor = page?.nextCursor ?? undefined;
          this.status = this.#cursor === undefined ? 'done' : 'idle';
          this.onChange(items);
        },
        (cause: unknown) => {
          if (abort.signal.aborted) return;
          this.#abort = null;
          this.status = 'error';
          this.error = {
            code: this.query.text ? 'search-failed' : 'load-failed',
            message: cause instanceof Error ? cause.message : String(cause),
            cause,
          };
          this.onChange([]);
        },
      );
  }

  /** Asks again for the page that failed. */
  retry(): void {
    if (this.status !== 'error') return;
    this.status = 'idle';
    this.loadMore();
  }

  /** Cancels the request in flight; `loadMore` continues from the same page later. */
  abort(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = null;
    if (this.status === 'loading') this.status = 'idle';
  }
}
