import { randomUUID } from 'node:crypto';
import { ApiError, notFound } from '../api/api-error.js';
import type { Db } from '../db/db.js';

const iso = (ms: number) => new Date(ms).toISOString();

export interface Tag {
  id: string;
  at: number;
  name: string;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

interface TagRow {
  id: string;
  at: Date;
  name: string;
  notes: string;
  created_at: Date;
  updated_at: Date;
}

const toTag = (r: TagRow): Tag => ({
  id: r.id,
  at: r.at.getTime(),
  name: r.name,
  notes: r.notes,
  createdAt: r.created_at.getTime(),
  updatedAt: r.updated_at.getTime(),
});

const COLUMNS = 'id, at, name, notes, created_at, updated_at';

/**
 * Tags on a stream. Every change is one statement in autocommit, so it is
 * durable (WAL written) by the time the API answers.
 */
export class TagStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async list(userId: string, computerId: string, from: number, to: number): Promise<Tag[]> {
    const rows = await this.db.query<TagRow>(
      `SELECT ${COLUMNS} FROM tags
       WHERE user_id = $1 AND computer_id = $2 AND at >= $3::timestamptz AND at < $4::timestamptz
       ORDER BY at, id`,
      [userId, computerId, iso(from), iso(to)],
    );
    return rows.map(toTag);
  }

  /**
   * Creates a tag. With a client-chosen `id` this is idempotent: when a tag
   * with that id already exists on this stream with the same content it is
   * returned as is (the client is retrying a create whose answer it lost);
   * the same id with other content, or on another stream, is a 409 conflict.
   */
  async create(
    userId: string,
    computerId: string,
    draft: { id?: string; at: number; name: string; notes: string },
  ): Promise<Tag> {
    const id = draft.id ?? randomUUID();
    const now = iso(this.now());
    // Twice at most: the conflicting row may be deleted between the insert and the look-up.
    for (let attempt = 0; attempt < 2; attempt++) {
      const [row] = await this.db.query<TagRow>(
        `INSERT INTO tags (id, user_id, computer_id, at, name, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7::timestamptz, $7::timestamptz)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${COLUMNS}`,
        [id, userId, computerId, iso(draft.at), draft.name, draft.notes, now],
      );
      if (row) return toTag(row);
      const [existing] = await this.db.query<TagRow & { user_id: string; computer_id: string }>(
        `SELECT ${COLUMNS}, user_id, computer_id FROM tags WHERE id = $1`,
        [id],
      );
      if (!existing) continue;
      const tag = toTag(existing);
      const same =
        existing.user_id === userId &&
        existing.computer_id === computerId &&
        tag.at === draft.at &&
        tag.name === draft.name &&
        tag.notes === draft.notes;
      if (same) return tag;
      break;
    }
    throw new ApiError(409, 'tag-id-conflict', `the tag id "${id}" is already used by a different tag`);
  }

  async update(
    userId: string,
    computerId: string,
    id: string,
    patch: { at?: number; name?: string; notes?: string },
  ): Promise<Tag> {
    const [row] = await this.db.query<TagRow>(
      `UPDATE tags SET
         at = coalesce($4::timestamptz, at),
         name = coalesce($5::text, name),
         notes = coalesce($6::text, notes),
         updated_at = $7::timestamptz
       WHERE id = $1 AND user_id = $2 AND computer_id = $3
       RETURNING ${COLUMNS}`,
      [
        id,
        userId,
        computerId,
        patch.at === undefined ? null : iso(patch.at),
        patch.name ?? null,
        patch.notes ?? null,
        iso(this.now()),
      ],
    );
    if (!row) throw tagNotFound(id);
    return toTag(row);
  }

  async delete(userId: string, computerId: string, id: string): Promise<void> {
    const rows = await this.db.query<{ id: string }>(
      'DELETE FROM tags WHERE id = $1 AND user_id = $2 AND computer_id = $3 RETURNING id',
      [id, userId, computerId],
    );
    if (rows.length === 0) throw tagNotFound(id);
  }
}

const tagNotFound = (id: string) => notFound('tag-not-found', `no tag with id "${id}" on this stream`);
