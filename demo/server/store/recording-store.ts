import type { SessionDetails } from '@session-player/player';
import type { Db } from '../db/db.js';
import type { RecordingMedia } from '../media/media-timeline.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A recorded span with its media placement. */
export interface Recording extends RecordingMedia {
  end: number;
}

/** One login session, as the session-details header shows it (the contract's `SessionDetails`). */
export type SessionRecord = SessionDetails;

/** One row of the demo's BI grid: a session with who, where and how much was flagged. */
export interface GridRow {
  userId: string;
  userName: string;
  login: string;
  computerId: string;
  computerName: string;
  sessionId: string;
  start: number;
  /** `null` while the session is still open. */
  end: number | null;
  durationMs: number;
  protocol: string;
  clientIp: string;
  /** IANA zone of the recorded user; session times are shown in it. */
  timezone: string;
  /** Number of behaviour alerts raised during the session. */
  notifications: number;
}

interface SessionDbRow {
  id: string;
  started_at: Date;
  ended_at: Date | null;
  protocol: string;
  client_ip: string;
  credential: string;
  error_message: string | null;
  size_bytes: number;
}

const SESSION_COLUMNS = 'id, started_at, ended_at, protocol, client_ip, credential, error_message, size_bytes';

/** Sessions and their recordings. */
export class RecordingStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Recordings of a stream intersecting `[from, to)`, oldest first. */
  async recordings(userId: string, computerId: string, from: number, to: number): Promise<Recording[]> {
    const rows = await this.db.query<{
      id: string;
      session_id: string;
      started_at: Date;
      ended_at: Date;
      pool_offset: number;
      segment_count: number;
    }>(
      `SELECT id, session_id, started_at, ended_at, pool_offset, segment_count FROM recordings
       WHERE user_id = $1 AND computer_id = $2 AND started_at < $4::timestamptz AND ended_at > $3::timestamptz
       ORDER BY started_at, id`,
      [userId, computerId, iso(from), iso(to)],
    );
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      start: r.started_at.getTime(),
      end: r.ended_at.getTime(),
      poolOffset: r.pool_offset,
      segmentCount: r.segment_count,
    }));
  }

  /** First and last recorded instant of a stream. */
  async bounds(userId: string, computerId: string): Promise<{ start: number; end: number } | null> {
    const [row] = await this.db.query<{ first: Date | null; last: Date | null }>(
      'SELECT min(started_at) AS first, max(ended_at) AS last FROM recordings WHERE user_id = $1 AND computer_id = $2',
      [userId, computerId],
    );
    return row?.first && row.last ? { start: row.first.getTime(), end: row.last.getTime() } : null;
  }

  #toSession(r: SessionDbRow): SessionRecord {
    const start = r.started_at.getTime();
    const end = r.ended_at?.getTime() ?? null;
    return {
      id: r.id,
      start,
      end,
      protocol: r.protocol,
      clientIp: r.client_ip,
      credential: r.credential,
      errorMessage: r.error_message,
      sizeBytes: r.size_bytes,
      durationMs: (end ?? this.now()) - start,
    };
  }

  async sessionAt(userId: string, computerId: string, at: number): Promise<SessionRecord | null> {
    const [row] = await this.db.query<SessionDbRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions
       WHERE user_id = $1 AND computer_id = $2 AND started_at <= $3::timestamptz
         AND (ended_at IS NULL OR ended_at > $3::timestamptz)
       ORDER BY started_at DESC LIMIT 1`,
      [userId, computerId, iso(at)],
    );
    return row ? this.#toSession(row) : null;
  }

  async sessionById(userId: string, computerId: string, sessionId: string): Promise<SessionRecord | null> {
    const [row] = await this.db.query<SessionDbRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $3 AND user_id = $1 AND computer_id = $2`,
      [userId, computerId, sessionId],
    );
    return row ? this.#toSession(row) : null;
  }

  async latestSession(userId: string, computerId: string): Promise<SessionRecord | null> {
    const [row] = await this.db.query<SessionDbRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE user_id = $1 AND computer_id = $2
       ORDER BY started_at DESC, id DESC LIMIT 1`,
      [userId, computerId],
    );
    return row ? this.#toSession(row) : null;
  }

  /** Sessions of every stream intersecting `[from, to)`, newest first. */
  async gridRows(from: number, to: number, limit: number, cursor?: string): Promise<{ items: GridRow[]; nextCursor: string | null }> {
    const params: unknown[] = [iso(from), iso(to), limit + 1];
    let after = '';
    if (cursor) {
      const c = decodeCursor(cursor);
      params.push(iso(c.at), c.id);
      after = 'AND (s.started_at, s.id) < ($4::timestamptz, $5)';
    }
    const rows = await this.db.query<{
      user_id: string;
      user_name: string;
      login: string;
      timezone: string;
      computer_id: string;
      computer_name: string;
      id: string;
      started_at: Date;
      ended_at: Date | null;
      protocol: string;
      client_ip: string;
      notifications: number;
    }>(
      `SELECT s.user_id, u.name AS user_name, u.login, u.timezone, s.computer_id, c.name AS computer_name,
              s.id, s.started_at, s.ended_at, s.protocol, s.client_ip,
              (SELECT count(*) FROM events e
                WHERE e.user_id = s.user_id AND e.computer_id = s.computer_id AND e.kind = 'notification'
                  AND e.at >= s.started_at AND (s.ended_at IS NULL OR e.at < s.ended_at)) AS notifications
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN computers c ON c.id = s.computer_id
       WHERE s.started_at < $2::timestamptz AND (s.ended_at IS NULL OR s.ended_at > $1::timestamptz) ${after}
       ORDER BY s.started_at DESC, s.id DESC
       LIMIT $3`,
      params,
    );
    const page = rows.slice(0, limit);
    const items = page.map((r) => {
      const start = r.started_at.getTime();
      const end = r.ended_at?.getTime() ?? null;
      return {
        userId: r.user_id,
        userName: r.user_name,
        login: r.login,
        computerId: r.computer_id,
        computerName: r.computer_name,
        sessionId: r.id,
        start,
        end,
        durationMs: (end ?? this.now()) - start,
        protocol: r.protocol,
        clientIp: r.client_ip,
        timezone: r.timezone,
        notifications: r.notifications,
      };
    });
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.start, id: last.sessionId }) : null };
  }
}
