import type { Db } from '../db/db.js';

const iso = (ms: number) => new Date(ms).toISOString();

export interface AuditRecord {
  action: string;
  stream: { userId: string; computerId: string };
  at: number;
  mediaAt?: number;
  details?: Record<string, string | number | boolean>;
}

/** Append-only log of who did what in the player. */
export class AuditStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async append(e: AuditRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_events (action, user_id, computer_id, at, media_at, details, received_at)
       VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::jsonb, $7::timestamptz)`,
      [
        e.action,
        e.stream.userId,
        e.stream.computerId,
        iso(e.at),
        e.mediaAt === undefined ? null : iso(e.mediaAt),
        e.details === undefined ? null : JSON.stringify(e.details),
        iso(this.now()),
      ],
    );
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events');
    return row?.n ?? 0;
  }
}
