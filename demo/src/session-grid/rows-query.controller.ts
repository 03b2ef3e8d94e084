import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GridRow } from './grid-row.js';
import { RowsLoadError, type RowsSource } from './rows-source.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RowsQueryStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface RowsQueryOptions {
  source: RowsSource;
  /** Size of the trailing wall-clock window, in days. */
  rangeDays: number;
  pageSize: number;
}

/**
 * Loads the grid's rows page by page from a {@link RowsSource}: the first
 * page on {@link reload}, the next ones on {@link loadMore}. Aborts what is
 * in flight when the query changes or the host leaves the document.
 */
export class RowsQueryController implements ReactiveController {
  rows: readonly GridRow[] = [];
  status: RowsQueryStatus = 'idle';
  error: RowsLoadError | null = null;

  private nextCursor: string | null = null;
  private window = { from: 0, to: 0 };
  private options: RowsQueryOptions | null = null;
  private inFlight: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get hasMore(): boolean {
    return this.status === 'ready' && this.nextCursor !== null;
  }

  hostConnected(): void {
    // Reattached while a page was interrupted by hostDisconnected: ask again.
    if (this.status === 'loading' && !this.inFlight) void this.fetchPage(this.nextCursor);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Stops any request in flight and forgets the rows (the host supplies its own). */
  cancel(): void {
    this.abort();
    this.options = null;
    this.rows = [];
    this.nextCursor = null;
    this.status = 'idle';
    this.error = null;
  }

  /** Starts again from the first page of a fresh window ending now. */
  reload(options: RowsQueryOptions): void {
    this.abort();
    this.options = options;
    const to = Date.now();
    this.window = { from: to - options.rangeDays * DAY_MS, to };
    this.rows = [];
    this.nextCursor = null;
    void this.fetchPage(null);
  }

  /** Fetches the page after the last one loaded, if there is one. */
  loadMore(): void {
    if (!this.hasMore) return;
    void this.fetchPage(this.nextCursor);
  }

  /** Repeats whatever failed: the first page or the next one. */
  retry(): void {
    if (!this.options || this.status !== 'error') return;
    if (this.rows.length === 0) this.reload(this.options);
    else void this.fetchPage(this.nextCursor);
  }

  private abort(): void {
    this.inFlight?.abort();
    this.inFlight = null;
  }

  private async fetchPage(cursor: string | null): Promise<void> {
    const options = this.options;
    if (!options) return;
    const controller = new AbortController();
    this.inFlight = controller;
    this.status = 'loading';
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await options.source(
        { ...this.window, limit: options.pageSize, cursor },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      this.rows = [...this.rows, ...page.items];
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
    } catch (cause) {
      if (controller.signal.aborted) return;
      this.error = RowsLoadError.from(cause);
      this.status = 'error';
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = null;
        this.host.requestUpdate();
      }
    }
  }
}
