import { badRequest } from '../api/api-error.js';
import type { Db } from '../db/db.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const iso = (ms: number) => new Date(ms).toISOString();

export type EventKind = 'notification' | 'activity' | 'keystroke';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

interface EventBase {
  id: string;
  at: number;
  app: string;
  window: string;
}
export type SessionEvent =
  | (EventBase & { kind: 'notification'; title: string; rule: string; severity: Severity })
  | (EventBase & { kind: 'activity'; title: string; url: string | null; durationMs: number })
  | (EventBase & { kind: 'keystroke'; text: string });

export interface EventFilter {
  from: number;
  to: number;
  kinds?: EventKind[];
  /** Only notifications of these severities (other kinds are left out). */
  severities?: Severity[];
  /** Case-insensitive substring of app, window, title, URL, typed text or rule. */
  text?: string;
  cursor?: string;
  limit: number;
}

interface EventRow {
  id: number;
  at: Date;
  kind: EventKind;
  app: string;
  window_title: string;
  title: string | null;
  rule: string | null;
  severity: Severity | null;
  url: string | null;
  duration_ms: number | null;
  typed_text: string | null;
}

function toEvent(r: EventRow): SessionEvent {
  const base = { id: String(r.id), at: r.at.getTime(), app: r.app, window: r.window_title };
  switch (r.kind) {
    case 'notification':
      return { ...base, kind: 'notification', title: r.title ?? '', rule: r.rule ?? '', severity: r.severity ?? 'low' };
    case 'activity':
      return { ...base, kind: 'activity', title: r.title ?? '', url: r.url, durationMs: r.duration_ms ?? 0 };
    case 'keystroke':
      return { ...base, kind: 'keystroke', text: r.typed_text ?? '' };
  }
}

/** `LIKE` pattern for a literal substring. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Notifications, activities and keystrokes; searched with a trigram index, paged by (at, id). */
export class EventStore {
  constructor(private readonly db: Db) {}

  async page(userId: string, computerId: string, f: EventFilter): Promise<{ items: SessionEvent[]; nextCursor: string | null }> {
    const params: unknown[] = [userId, computerId, iso(f.from), iso(f.to)];
    const where = ['user_id = $1', 'computer_id = $2', 'at >= $3::timestamptz', 'at < $4::timestamptz'];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (f.kinds) where.push(`kind = ANY(${param(f.kinds)}::text[])`);
    if (f.severities) where.push(`kind = 'notification' AND severity = ANY(${param(f.severities)}::text[])`);
    const text = f.text?.trim();
    if (text) where.push(`search LIKE lower(${param(containsPattern(text))}::text) ESCAPE '\\'`);
    if (f.cursor) {
      const c = decodeCursor(f.cursor);
      if (!/^\d{1,15}$/.test(c.id)) throw badRequest('invalid-cursor', 'the cursor is not one this API handed out');
      where.push(`(at, id) > (${param(iso(c.at))}::timestamptz, ${param(Number(c.id))}::int8)`);
    }
    const rows = await this.db.query<EventRow>(
      `SELECT id, at, kind, app, window_title, title, rule, severity, url, duration_ms, typed_text
       FROM events WHERE ${where.join(' AND ')}
       ORDER BY at, id LIMIT ${param(f.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, f.limit).map(toEvent);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > f.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
  }

  /**
   * How busy the user was in each of `buckets` equal slices of `[from, to)`:
   * activity switches plus keystroke runs, scaled so the busiest slice is 1.
   */
  async density(userId: string, computerId: string, from: number, to: number, buckets: number): Promise<number[]> {
    const width = (to - from) / buckets;
    const rows = await this.db.query<{ bucket: number; n: number }>(
      `SELECT floor((extract(epoch FROM at) * 1000 - $5::float8) / $6::float8)::int AS bucket, count(*) AS n
       FROM events
       WHERE user_id = $1 AND computer_id = $2 AND at >= $3::timestamptz AND at < $4::timestamptz
         AND kind <> 'notification'
       GROUP BY 1`,
      [userId, computerId, iso(from), iso(to), from, width],
    );
    const counts = new Array<number>(buckets).fill(0);
    for (const r of rows) {
      const b = Math.min(buckets - 1, Math.max(0, r.bucket));
      counts[b]! += r.n;
    }
    const max = Math.max(...counts);
    return max > 0 ? counts.map((n) => Math.round((n / max) * 1000) / 1000) : counts;
  }
}
