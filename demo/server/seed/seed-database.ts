import type { Db, DbQueryable } from '../db/db.js';
import { SCHEMA_LOCK } from '../db/migrate.js';
import type { IndexedPool } from '../media/media-pool.js';
import { recordingDurationMs, segmentsToCover } from '../media/media-timeline.js';
import { SEED_COMPUTERS, SEED_STREAMS, SEED_USERS, type SeedStream } from './directory.js';
import { PERSONAS } from './event-corpus.js';
import { generateStreamEvents, type SeedEvent } from './event-generator.js';
import { createRandom, type Random } from './prng.js';
import { planSessions, type PlannedSession } from './work-schedule.js';
import { formatLocalDate, parseLocalDate, serverLocalDate } from './zoned-time.js';

export interface SeedReport {
  /** False when the database already held the seed. */
  seeded: boolean;
  anchorDay: string;
  sessions: number;
  events: number;
  /** Recordings re-timed because the media pool changed since seeding. */
  retimed: number;
  ms: number;
}

type Column = readonly [name: string, cast: string];

/** Multi-row INSERTs, in batches that stay well under PostgreSQL's 65 535 parameters. */
async function insertRows(
  tx: DbQueryable,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  onConflict = '',
): Promise<void> {
  const batch = Math.max(1, Math.floor(8000 / columns.length));
  const names = columns.map(([n]) => n).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = columns.map(([, cast], c) => {
        params.push(row[c] ?? null);
        return `$${params.length}::${cast}`;
      });
      return `(${cells.join(', ')})`;
    });
    await tx.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')} ${onConflict}`, params);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A v4-shaped UUID drawn from the seed's PRNG, so seeded ids are stable too. */
function seededUuid(rnd: Random): string {
  const hex = Array.from({ length: 32 }, () => rnd.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rnd.int(0, 3) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const TAG_NAMES = [
  ['Possible data exfiltration', 'File left the company network; check with the data owner whether this was approved.'],
  ['Review with team lead', 'Discuss in the next 1:1. No action needed before that.'],
  ['Policy reminder sent', 'User was reminded of the acceptable-use policy by mail.'],
  ['False positive', 'Business-related, approved by the department head.'],
  ['Escalated to security', 'Ticket SEC-2291 opened.'],
] as const;

/** Inserts `streams` with their people, machines, sessions, events and tags; returns the event count. */
async function insertSeed(
  tx: DbQueryable,
  streams: readonly SeedStream[],
  allSessions: PlannedSession[],
  now: number,
  firstEventId = 1,
): Promise<number> {
  const inStreams = (userId: string, computerId: string) => streams.some((s) => s.userId === userId && s.computerId === computerId);
  const sessions = allSessions.filter((s) => inStreams(s.userId, s.computerId));
  await insertRows(
    tx,
    'users',
    [['id', 'text'], ['name', 'text'], ['login', 'text'], ['ip', 'text'], ['timezone', 'text']],
    SEED_USERS.filter((u) => streams.some((s) => s.userId === u.id)).map((u) => [u.id, u.name, u.login, u.ip, u.timezone]),
    'ON CONFLICT (id) DO NOTHING',
  );
  await insertRows(
    tx,
    'computers',
    [['id', 'text'], ['name', 'text'], ['os', 'text'], ['ip', 'text']],
    SEED_COMPUTERS.filter((c) => streams.some((s) => s.computerId === c.id)).map((c) => [c.id, c.name, c.os, c.ip]),
    'ON CONFLICT (id) DO NOTHING',
  );
  await insertRows(
    tx,
    'streams',
    [['user_id', 'text'], ['computer_id', 'text'], ['position', 'int4']],
    streams.map((s) => [s.userId, s.computerId, s.position]),
  );
  await insertRows(
    tx,
    'sessions',
    [
      ['id', 'text'], ['user_id', 'text'], ['computer_id', 'text'], ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'],
      ['protocol', 'text'], ['client_ip', 'text'], ['credential', 'text'], ['error_message', 'text'], ['size_bytes', 'int8'],
    ],
    sessions.map((s) => [s.id, s.userId, s.computerId, iso(s.start), iso(s.end), s.protocol, s.clientIp, s.credential, s.errorMessage, s.sizeBytes]),
  );
  await insertRows(
    tx,
    'recordings',
    [
      ['id', 'text'], ['session_id', 'text'], ['user_id', 'text'], ['computer_id', 'text'],
      ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['pool_offset', 'int4'], ['segment_count', 'int4'],
    ],
    sessions.flatMap((s) => s.recordings.map((r) => [r.id, s.id, s.userId, s.computerId, iso(r.start), iso(r.end), r.poolOffset, r.segmentCount])),
  );

  let nextId = firstEventId;
  let total = 0;
  const tagRows: unknown[][] = [];
  for (const stream of streams) {
    const user = SEED_USERS.find((u) => u.id === stream.userId)!;
    const spans = sessions
      .filter((s) => s.userId === stream.userId && s.computerId === stream.computerId)
      .flatMap((s) => s.recordings);
    const key = `${stream.userId}/${stream.computerId}`;
    const events = generateStreamEvents(key, spans, user.timezone, PERSONAS[user.id]!, nextId);
    nextId += events.length;
    total += events.length;
    await insertRows(
      tx,
      'events',
      [
        ['id', 'int8'], ['user_id', 'text'], ['computer_id', 'text'], ['at', 'timestamptz'], ['kind', 'text'], ['app', 'text'],
        ['window_title', 'text'], ['title', 'text'], ['rule', 'text'], ['severity', 'text'], ['url', 'text'], ['duration_ms', 'int4'],
        ['typed_text', 'text'],
      ],
      events.map((e: SeedEvent) => [
        e.id, stream.userId, stream.computerId, iso(e.at), e.kind, e.app, e.window, e.title, e.rule, e.severity, e.url, e.durationMs, e.text,
      ]),
    );
    // A few tags where an analyst already looked at serious alerts.
    const rnd = createRandom(`tags/${key}`);
    const serious = events.filter((e) => e.severity === 'high' || e.severity === 'critical');
    for (let i = 0; i < Math.min(3, serious.length); i++) {
      const e = serious[Math.floor(((i + 0.5) * serious.length) / 3)]!;
      const [name, notes] = rnd.pick(TAG_NAMES);
      tagRows.push([seededUuid(rnd), stream.userId, stream.computerId, iso(e.at), name, notes, iso(now), iso(now)]);
    }
  }
  await insertRows(
    tx,
    'tags',
    [
      ['id', 'text'], ['user_id', 'text'], ['computer_id', 'text'], ['at', 'timestamptz'], ['name', 'text'], ['notes', 'text'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    tagRows,
  );
  return total;
}

/**
 * If the media pool was re-encoded with other segment durations, recordings
 * are re-cut to whole segments of the new pool covering the same span (they
 * may grow by less than one segment; gaps between them are minutes long).
 */
async function retime(tx: DbQueryable, pool: IndexedPool): Promise<number> {
  const rows = await tx.query<{ id: string; started_at: Date; ended_at: Date; pool_offset: number }>(
    'SELECT id, started_at, ended_at, pool_offset FROM recordings',
  );
  for (const r of rows) {
    const offset = r.pool_offset % pool.segments.length;
    const start = r.started_at.getTime();
    const count = segmentsToCover(pool, offset, r.ended_at.getTime() - start);
    const end = start + recordingDurationMs(pool, offset, count);
    await tx.query('UPDATE recordings SET pool_offset = $2, segment_count = $3, ended_at = $4::timestamptz WHERE id = $1', [r.id, offset, count, iso(end)]);
  }
  await tx.exec(`UPDATE sessions s SET ended_at = r.last_end
    FROM (SELECT session_id, max(ended_at) AS last_end FROM recordings GROUP BY session_id) r
    WHERE r.session_id = s.id AND s.ended_at < r.last_end`);
  return rows.length;
}

/**
 * Seeds an empty database with a week of recordings ending on the server's
 * current local date (the anchor day, remembered in `settings` so restarts
 * show the same week). Runs in one transaction: all or nothing.
 */
export async function seedIfEmpty(db: Db, pool: IndexedPool, now: number): Promise<SeedReport> {
  const t0 = performance.now();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    const settings = new Map(
      (await tx.query<{ key: string; value: string }>('SELECT key, value FROM settings')).map((r) => [r.key, r.value]),
    );
    const anchorDay = settings.get('anchor_day');
    if (anchorDay !== undefined) {
      let retimed = 0;
      if (settings.get('pool_fingerprint') !== pool.fingerprint) {
        retimed = await retime(tx, pool);
        await tx.query('UPDATE settings SET value = $1 WHERE key = $2', [pool.fingerprint, 'pool_fingerprint']);
      }
      // Streams added to the seed since this database was made join the same week.
      const present = await tx.query<{ user_id: string; computer_id: string }>('SELECT user_id, computer_id FROM streams');
      const missing = SEED_STREAMS.filter((s) => !present.some((p) => p.user_id === s.userId && p.computer_id === s.computerId));
      if (missing.length === 0) return { seeded: false, anchorDay, sessions: 0, events: 0, retimed, ms: performance.now() - t0 };
      const planned = planSessions(parseLocalDate(anchorDay), pool);
      const [{ next }] = await tx.query<{ next: number }>('SELECT COALESCE(MAX(id), 0)::int8 + 1 AS next FROM events') as [{ next: number }];
      const events = await insertSeed(tx, missing, planned, now, Number(next));
      const sessions = planned.filter((s) => missing.some((m) => m.userId === s.userId && m.computerId === s.computerId)).length;
      return { seeded: true, anchorDay, sessions, events, retimed, ms: performance.now() - t0 };
    }
    const anchor = serverLocalDate(now);
    const sessions = planSessions(anchor, pool);
    const events = await insertSeed(tx, SEED_STREAMS, sessions, now);
    await insertRows(
      tx,
      'settings',
      [['key', 'text'], ['value', 'text']],
      [
        ['anchor_day', formatLocalDate(anchor)],
        ['pool_fingerprint', pool.fingerprint],
        ['seeded_at', iso(now)],
      ],
    );
    return { seeded: true, anchorDay: formatLocalDate(anchor), sessions: sessions.length, events, retimed: 0, ms: performance.now() - t0 };
  });
}
