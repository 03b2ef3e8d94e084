import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openPglite, type Db } from './db.js';

/**
 * The PGlite data folder's life cycle.
 *
 * - A fresh folder is built next to the final one (`<dir>.staging-<pid>`),
 *   migrated and seeded, closed cleanly and only then renamed into place, so
 *   a crash during first start never leaves a half-initialised database.
 * - After that, durability is PostgreSQL's own: a commit is acknowledged once
 *   its WAL record has been written (PGlite's Node filesystem writes through
 *   to the OS with `writeSync`), and crash recovery replays it on the next
 *   start. `durability.test.ts` proves this with `kill -9`.
 * - A lock file (`<dir>.lock`, holding the owner's pid) keeps a second
 *   process from opening the same folder: PGlite is single-process, and two
 *   writers would corrupt it.
 */
export class DataDirError extends Error {
  readonly code = 'data-dir-unavailable';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock, or explains who holds it. Returns the release function. */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (owner === process.pid) {
        throw new DataDirError(`data directory ${dataDir} is already open in this process; close the other app first`);
      }
      if (owner > 0 && isAlive(owner)) {
        throw new DataDirError(`data directory ${dataDir} is in use by process ${owner}`);
      }
      // The owner died (kill -9, power cut): its lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirError(`could not lock data directory ${dataDir}`);
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported everywhere (Windows); the rename is still atomic.
  }
}

const isDatabase = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

/**
 * Opens (creating on first use) the PGlite database in `dataDir`. `prepare`
 * brings the schema and seed up to date; it runs on every open and must be
 * idempotent.
 */
export async function openDataDir(dataDir: string, prepare: (db: Db) => Promise<void>): Promise<Db> {
  const dir = resolve(dataDir);
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const release = lockDataDir(dir);
  try {
    if (!isDatabase(dir)) {
      if (existsSync(dir) && readdirSync(dir).length > 0) {
        throw new DataDirError(`${dir} exists but is not a database folder; remove it or pick another DATA_DIR`);
      }
      // Leftovers of an interrupted first start.
      for (const name of readdirSync(parent)) {
        if (name.startsWith(`${basename(dir)}.staging-`)) rmSync(join(parent, name), { recursive: true, force: true });
      }
      const staging = `${dir}.staging-${process.pid}`;
      const fresh = await openPglite(staging);
      try {
        await prepare(fresh);
      } finally {
        await fresh.close();
      }
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
      fsyncDir(parent);
    }
    const db = await openPglite(dir);
    try {
      await prepare(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
