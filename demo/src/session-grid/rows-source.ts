import { parseRowsPage, type RowsPage } from './grid-row.js';

/** What the grid asks for: a wall-clock window, a page size and a cursor. */
export interface RowsQuery {
  from: number;
  to: number;
  limit: number;
  cursor: string | null;
}

/**
 * Where the grid's rows come from. The default reads the reference backend's
 * REST API; stories and hosts can pass any function with this shape.
 */
export type RowsSource = (query: RowsQuery, options: { signal: AbortSignal }) => Promise<RowsPage>;

export type RowsLoadErrorCode = 'network' | 'http' | 'invalid-response';

/** Why a page of rows could not be loaded; `message` is meant for people. */
export class RowsLoadError extends Error {
  override readonly name = 'RowsLoadError';
  constructor(
    readonly code: RowsLoadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Wraps whatever a {@link RowsSource} threw, keeping it as the cause. */
  static from(cause: unknown): RowsLoadError {
    if (cause instanceof RowsLoadError) return cause;
    const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
    return new RowsLoadError('network', `Couldn't load sessions${detail}.`, { cause });
  }
}

/** A {@link RowsSource} over `GET <endpoint>?from&to&limit&cursor`. */
export function restRowsSource(endpoint: string): RowsSource {
  return async (query, { signal }) => {
    const url = new URL(endpoint, document.baseURI);
    url.searchParams.set('from', String(query.from));
    url.searchParams.set('to', String(query.to));
    url.searchParams.set('limit', String(query.limit));
    if (query.cursor !== null) url.searchParams.set('cursor', query.cursor);

    let response: Response;
    try {
      response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new RowsLoadError('network', "Couldn't reach the server. Check your connection.", { cause });
    }
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      throw new RowsLoadError('http', `The server answered ${status}.`, { cause: response });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new RowsLoadError('invalid-response', 'The server sent a response that is not JSON.', { cause });
    }
    const page = parseRowsPage(body);
    if (!page) {
      throw new RowsLoadError('invalid-response', 'The server sent sessions in an unexpected shape.', {
        cause: body,
      });
    }
    return page;
  };
}
