import { openWebSocketLive } from '../live/websocket-live-connection.js';
import { PlayerError } from './errors.js';
import type {
  CallOptions,
  CoverageSpan,
  EventQuery,
  MediaDescriptor,
  Page,
  SessionDataSource,
  SessionEvent,
  SessionInfo,
  SessionRef,
  StreamRef,
  NewTag,
  Tag,
  TagDraft,
  TimeRange,
  AuditEvent,
  LiveConnection,
} from './types.js';

export interface RestDataSourceOptions {
  /** Where the API lives, e.g. `/api` or `https://example.com/api`. */
  baseUrl: string;
  /** Extra headers on every request (an Authorization header, say). */
  headers?: Record<string, string>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * `SessionDataSource` over the reference REST API (see the OpenAPI document
 * served at `<baseUrl>/openapi.json`).
 */
export class RestDataSource implements SessionDataSource {
  readonly #base: string;
  readonly #headers: Record<string, string>;
  readonly #fetch: typeof fetch;

  constructor(options: RestDataSourceOptions) {
    const origin = typeof location === 'undefined' ? 'http://localhost/' : location.href;
    this.#base = new URL(options.baseUrl.replace(/\/?$/, '/'), origin).href;
    this.#headers = options.headers ?? {};
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  getSession(ref: SessionRef, o?: CallOptions): Promise<SessionInfo> {
    return this.#json('session', o, {
      userId: ref.userId,
      computerId: ref.computerId,
      sessionId: ref.sessionId,
      at: ref.at,
    });
  }

  getCoverage(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<CoverageSpan[]> {
    return this.#json(`${streamPath(stream)}/coverage`, o, rangeQuery(range));
  }

  async getMedia(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<MediaDescriptor> {
    const url = this.#url(`${streamPath(stream)}/playlist.m3u8`, rangeQuery(range));
    const response = await this.#send(url, { signal: o?.signal });
    return { kind: 'hls', playlistText: await response.text(), baseUrl: url };
  }

  getEvents(stream: StreamRef, q: EventQuery, o?: CallOptions): Promise<Page<SessionEvent>> {
    return this.#json(`${streamPath(stream)}/events`, o, {
      ...rangeQuery(q.range),
      kinds: q.kinds?.join(','),
      severities: q.severities?.join(','),
      text: q.text,
      cursor: q.cursor,
      limit: q.limit,
    });
  }

  getActivityDensity(stream: StreamRef, range: TimeRange, buckets: number, o?: CallOptions): Promise<number[]> {
    return this.#json(`${streamPath(stream)}/activity-density`, o, { ...rangeQuery(range), buckets });
  }

  listTags(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<Tag[]> {
    return this.#json(`${streamPath(stream)}/tags`, o, rangeQuery(range));
  }

  createTag(stream: StreamRef, draft: NewTag, o?: CallOptions): Promise<Tag> {
    // Only the draft's own fields: callers may pass richer objects, and the API refuses unknown properties.
    const body = { id: draft.id, at: draft.at, name: draft.name, notes: draft.notes };
    return this.#json(`${streamPath(stream)}/tags`, o, {}, { method: 'POST', body });
  }

  updateTag(stream: StreamRef, tag: Pick<Tag, 'id'> & Partial<TagDraft>, o?: CallOptions): Promise<Tag> {
    const patch = { at: tag.at, name: tag.name, notes: tag.notes };
    return this.#json(`${streamPath(stream)}/tags/${encodeURIComponent(tag.id)}`, o, {}, { method: 'PATCH', body: patch });
  }

  async deleteTag(stream: StreamRef, id: string, o?: CallOptions): Promise<void> {
    await this.#send(this.#url(`${streamPath(stream)}/tags/${encodeURIComponent(id)}`, {}), {
      method: 'DELETE',
      signal: o?.signal,
    });
  }

  /** The stream's live desktop over a WebSocket (`GET streams/{user}/{computer}/live`). */
  openLive(stream: StreamRef, o?: CallOptions): Promise<LiveConnection> {
    const url = new URL(`${streamPath(stream)}/live`, this.#base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return openWebSocketLive(url.href, o?.signal);
  }

  async audit(e: AuditEvent): Promise<void> {
    // Auditing must never break playback: report, don't throw.
    try {
      await this.#send(this.#url('audit', {}), { method: 'POST', body: JSON.stringify(e), json: true });
    } catch (error) {
      console.warn('session-player: audit event not delivered', error);
    }
  }

  #url(path: string, query: Record<string, string | number | undefined>): string {
    const url = new URL(path, this.#base);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  async #json<T>(
    path: string,
    o: CallOptions | undefined,
    query: Record<string, string | number | undefined>,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await this.#send(this.#url(path, query), {
      method: init.method,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      json: init.body !== undefined,
      signal: o?.signal,
    });
    try {
      return (await response.json()) as T;
    } catch (e) {
      throw new PlayerError('server', `The server sent an unreadable answer to ${new URL(response.url || path, this.#base).pathname} (expected JSON).`, { cause: e });
    }
  }

  async #send(
    url: string,
    init: { method?: string; body?: string; json?: boolean; signal?: AbortSignal | undefined },
  ): Promise<Response> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: init.method ?? 'GET',
        body: init.body,
        signal: init.signal,
        headers: { ...this.#headers, ...(init.json ? { 'content-type': 'application/json' } : {}) },
      });
    } catch (e) {
      throw PlayerError.from(e, 'network');
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    const message = body?.message ?? `${response.status} ${response.statusText}`;
    const status = response.status;
    const code = status === 404 ? 'not-found' : status < 500 ? 'bad-request' : 'server';
    // 408 and 429 ask to come back later; the cause keeps the status and the API's own code (e.g. 409 `tag-id-conflict`).
    const retryable = status >= 500 || status === 408 || status === 429;
    throw new PlayerError(code, message, { cause: { status, code: body?.code }, retryable });
  }
}

function streamPath(stream: StreamRef): string {
  return `streams/${encodeURIComponent(stream.userId)}/${encodeURIComponent(stream.computerId)}`;
}

function rangeQuery(range: TimeRange): { from: number; to: number } {
  return { from: Math.floor(range.start), to: Math.ceil(range.end) };
}
