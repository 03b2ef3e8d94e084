import { PlayerError } from './errors.js';
import type {
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
  CallOptions,
  LiveConnection,
} from './types.js';

/** A media segment placed on the wall clock. */
export interface MemorySegment {
  start: number;
  durationMs: number;
  /** Absolute URL of the segment (fMP4 `.m4s` or `.ts`). */
  uri: string;
  /** The segment does not continue the previous one's media timestamps. */
  discontinuity?: boolean;
  /** End-to-end encrypted recordings: the index the segment was sealed with. */
  sealIndex?: number;
}

export interface MemoryStream {
  info: SessionInfo;
  /** Absolute URL of the init segment shared by all segments (fMP4). */
  initUri?: string;
  /** End-to-end encrypted recordings: the index the init segment was sealed with. */
  initSealIndex?: number;
  segments: MemorySegment[];
  events?: SessionEvent[];
  tags?: Tag[];
  /** The live desktop, for Live view (`info.live.online` says whether to offer it). */
  live?: (signal?: AbortSignal) => Promise<LiveConnection>;
}

/**
 * A `SessionDataSource` held in memory: for Storybook, unit tests and hosts
 * that already have everything client-side. Coverage is derived from the
 * segments; playlists are built per requested window.
 */
export class MemoryDataSource implements SessionDataSource {
  readonly audits: AuditEvent[] = [];
  readonly #streams: MemoryStream[];
  #nextId = 1;

  constructor(streams: MemoryStream[]) {
    this.#streams = streams.map((s) => ({
      ...s,
      segments: [...s.segments].sort((a, b) => a.start - b.start),
      events: [...(s.events ?? [])].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
      tags: [...(s.tags ?? [])],
    }));
  }

  async getSession(ref: SessionRef, o?: CallOptions): Promise<SessionInfo> {
    checkAbort(o);
    const stream = this.#streams.find(
      (s) => s.info.stream.userId === ref.userId && (!ref.computerId || s.info.stream.computerId === ref.computerId),
    );
    if (!stream) throw new PlayerError('not-found', `No recordings for user ${ref.userId}.`);
    return stream.info;
  }

  async getCoverage(ref: StreamRef, range: TimeRange, o?: CallOptions): Promise<CoverageSpan[]> {
    checkAbort(o);
    const spans: CoverageSpan[] = [];
    for (const seg of this.#stream(ref).segments) {
      const end = seg.start + seg.durationMs;
      if (end <= range.start || seg.start >= range.end) continue;
      const last = spans[spans.length - 1];
      if (last && last.end === seg.start) last.end = end;
      else spans.push({ start: seg.start, end });
    }
    return spans.map((s) => ({ start: Math.max(s.start, range.start), end: Math.min(s.end, range.end) }));
  }

  async getMedia(ref: StreamRef, range: TimeRange, o?: CallOptions): Promise<MediaDescriptor> {
    checkAbort(o);
    const stream = this.#stream(ref);
    const inRange = stream.segments.filter((s) => s.start + s.durationMs > range.start && s.start < range.end);
    const target = Math.ceil(Math.max(1, ...inRange.map((s) => s.durationMs / 1000)));
    const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-PLAYLIST-TYPE:VOD'];
    if (stream.initSealIndex !== undefined) lines.push(`#EXT-X-SP-INIT-INDEX:${stream.initSealIndex}`);
    if (stream.initUri) lines.push(`#EXT-X-MAP:URI="${stream.initUri}"`);
    let expected: number | null = null;
    for (const seg of inRange) {
      const jump = expected !== null && (seg.start !== expected || seg.discontinuity);
      if (jump) lines.push('#EXT-X-DISCONTINUITY');
      if (expected === null || jump) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seg.start).toISOString()}`);
      lines.push(`#EXTINF:${(seg.durationMs / 1000).toFixed(3)},`);
      if (seg.sealIndex !== undefined) lines.push(`#EXT-X-SP-SEGMENT-INDEX:${seg.sealIndex}`);
      lines.push(seg.uri);
      expected = seg.start + seg.durationMs;
    }
    lines.push('#EXT-X-ENDLIST', '');
    return { kind: 'hls', playlistText: lines.join('\n'), baseUrl: globalThis.location?.href ?? 'http://localhost/' };
  }

  async openLive(ref: StreamRef, o?: CallOptions): Promise<LiveConnection> {
    checkAbort(o);
    const live = this.#stream(ref).live;
    if (!live) throw new PlayerError('not-found', `User ${ref.userId} is not online on ${ref.computerId}.`);
    return live(o?.signal);
  }

  async getEvents(ref: StreamRef, q: EventQuery, o?: CallOptions): Promise<Page<SessionEvent>> {
    checkAbort(o);
    const text = q.text?.toLowerCase();
    const matches = this.#stream(ref).events!.filter(
      (e) =>
        e.at >= q.range.start &&
        e.at < q.range.end &&
        (!q.kinds || q.kinds.includes(e.kind)) &&
        (!q.severities || (e.kind === 'notification' && q.severities.includes(e.severity))) &&
        (!text || searchableText(e).includes(text)),
    );
    const offset = q.cursor ? Number(q.cursor) : 0;
    const limit = q.limit ?? 200;
    const items = matches.slice(offset, offset + limit);
    return { items, nextCursor: offset + limit < matches.length ? String(offset + limit) : null };
  }

  async listTags(ref: StreamRef, range: TimeRange, o?: CallOptions): Promise<Tag[]> {
    checkAbort(o);
    return this.#stream(ref)
      .tags!.filter((t) => t.at >= range.start && t.at < range.end)
      .sort((a, b) => a.at - b.at);
  }

  /** Idempotent with `draft.id`: a repeat with the same content returns the stored tag (see `NewTag`). */
  async createTag(ref: StreamRef, draft: NewTag, o?: CallOptions): Promise<Tag> {
    checkAbort(o);
    const stream = this.#stream(ref);
    if (draft.id !== undefined) {
      for (const s of this.#streams) {
        const existing = s.tags!.find((t) => t.id === draft.id);
        if (!existing) continue;
        if (s === stream && existing.at === draft.at && existing.name === draft.name && existing.notes === draft.notes) return existing;
        throw new PlayerError('bad-request', `The tag id "${draft.id}" is already used by a different tag.`, {
          cause: { status: 409, code: 'tag-id-conflict' },
        });
      }
    }
    const now = Date.now();
    const tag: Tag = { id: draft.id ?? `mem-${this.#nextId++}`, at: draft.at, name: draft.name, notes: draft.notes, createdAt: now, updatedAt: now };
    stream.tags!.push(tag);
    return tag;
  }

  async updateTag(ref: StreamRef, patch: Pick<Tag, 'id'> & Partial<TagDraft>, o?: CallOptions): Promise<Tag> {
    checkAbort(o);
    const tag = this.#stream(ref).tags!.find((t) => t.id === patch.id);
    if (!tag) throw new PlayerError('not-found', 'This tag no longer exists.');
    if (patch.at !== undefined) tag.at = patch.at;
    if (patch.name !== undefined) tag.name = patch.name;
    if (patch.notes !== undefined) tag.notes = patch.notes;
    tag.updatedAt = Date.now();
    return tag;
  }

  async deleteTag(ref: StreamRef, id: string, o?: CallOptions): Promise<void> {
    checkAbort(o);
    const tags = this.#stream(ref).tags!;
    const index = tags.findIndex((t) => t.id === id);
    if (index < 0) throw new PlayerError('not-found', 'This tag no longer exists.');
    tags.splice(index, 1);
  }

  audit(e: AuditEvent): void {
    this.audits.push(e);
  }

  #stream(ref: StreamRef): MemoryStream {
    const stream = this.#streams.find(
      (s) => s.info.stream.userId === ref.userId && s.info.stream.computerId === ref.computerId,
    );
    if (!stream) throw new PlayerError('not-found', `No recordings for ${ref.userId} on ${ref.computerId}.`);
    return stream;
  }
}

function checkAbort(o?: CallOptions): void {
  if (o?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
}

function searchableText(e: SessionEvent): string {
  const parts = [e.app, e.window, e.kind === 'keystroke' ? e.text : e.title];
  if (e.kind === 'activity' && e.url) parts.push(e.url);
  if (e.kind === 'notification') parts.push(e.rule);
  return parts.join('\n').toLowerCase();
}
