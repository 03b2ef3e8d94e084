import { notFound } from '../api/api-error.js';
import type { Db } from '../db/db.js';

export interface UserRow {
  id: string;
  name: string;
  login: string;
  ip: string;
  timezone: string;
}

export interface ComputerRow {
  id: string;
  name: string;
  os: string;
  ip: string;
}

export interface Stream {
  user: UserRow;
  computer: ComputerRow;
}

/** Who and what is recorded. */
export class DirectoryStore {
  constructor(private readonly db: Db) {}

  async user(userId: string): Promise<UserRow> {
    const [user] = await this.db.query<UserRow>('SELECT id, name, login, ip, timezone FROM users WHERE id = $1', [userId]);
    if (!user) throw notFound('user-not-found', `no user with id "${userId}"`);
    return user;
  }

  /** The stream of `userId` on `computerId`, or on the user's first computer. */
  async stream(userId: string, computerId?: string): Promise<Stream> {
    const user = await this.user(userId);
    if (computerId === undefined) {
      const [computer] = await this.db.query<ComputerRow>(
        `SELECT c.id, c.name, c.os, c.ip FROM streams s JOIN computers c ON c.id = s.computer_id
         WHERE s.user_id = $1 ORDER BY s.position, c.id LIMIT 1`,
        [userId],
      );
      if (!computer) throw notFound('stream-not-found', `user "${userId}" has no recorded computer`);
      return { user, computer };
    }
    const [computer] = await this.db.query<ComputerRow & { recorded: boolean }>(
      `SELECT c.id, c.name, c.os, c.ip,
              EXISTS (SELECT 1 FROM streams s WHERE s.user_id = $1 AND s.computer_id = c.id) AS recorded
       FROM computers c WHERE c.id = $2`,
      [userId, computerId],
    );
    if (!computer) throw notFound('computer-not-found', `no computer with id "${computerId}"`);
    if (!computer.recorded) {
      throw notFound('stream-not-found', `user "${userId}" has no recordings on computer "${computerId}"`);
    }
    const { recorded: _, ...plain } = computer;
    return { user, computer: plain };
  }
}
