import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seededDataDir, tempDataDir, testFixturesDir } from './test-support.js';

/**
 * The server is killed with SIGKILL (no shutdown, no flush) right after it
 * acknowledged a write; the next start must show the write. PGlite runs
 * PostgreSQL with its WAL in the data folder, and its Node filesystem writes
 * straight through to the OS, so a committed transaction is on its way to
 * disk before the HTTP answer leaves.
 */

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Server {
  child: ChildProcess;
  base: string;
  startupMs: number;
  output: () => string;
}

function spawnServer(dataDir: string): { child: ChildProcess; ready: Promise<Server> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: testFixturesDir(), LOG: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, startupMs: performance.now() - t0, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  return { child, ready };
}

const start = (dataDir: string) => spawnServer(dataDir).ready;

function killHard(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

async function api(server: Server, path: string, init?: { method: string; body?: unknown }) {
  const res = await fetch(`${server.base}${path}`, {
    method: init?.method ?? 'GET',
    ...(init?.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const TAGS = '/api/streams/mreed/nyc-ws-221/tags';
const ALL = `${TAGS}?from=0&to=${4 * 86_400_000}`;

describe('durability of acknowledged writes', () => {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));

  it('keeps a tag created, edited or deleted right before kill -9', async () => {
    const { dataDir, cleanup } = await seededDataDir('kill9');
    cleanups.push(cleanup);

    let server = await start(dataDir);
    console.log(`# startup on a seeded folder: ${server.startupMs.toFixed(0)} ms`);
    const created = await api(server, TAGS, { method: 'POST', body: { at: 86_400_000, name: 'written before the crash', notes: 'n1' } });
    assert.equal(created.status, 201);
    await killHard(server);

    server = await start(dataDir);
    assert.deepEqual((await api(server, ALL)).body, [created.body]);
    const patched = await api(server, `${TAGS}/${created.body.id}`, { method: 'PATCH', body: { name: 'edited before the crash' } });
    assert.equal(patched.status, 200);
    await killHard(server);

    server = await start(dataDir);
    assert.deepEqual((await api(server, ALL)).body, [patched.body]);
    const deleted = await api(server, `${TAGS}/${created.body.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    await killHard(server);

    server = await start(dataDir);
    assert.deepEqual((await api(server, ALL)).body, []);
    await killHard(server);
  });

  it('loses no acknowledged write when killed in the middle of a burst of writes', async () => {
    const { dataDir, cleanup } = await seededDataDir('burst');
    cleanups.push(cleanup);
    const acked: string[] = [];
    for (let round = 0; round < 3; round++) {
      const server = await start(dataDir);
      const killAfter = 5 + round * 7;
      // Keep two writes in flight, so the kill lands while one is being committed.
      const writer = async (lane: number) => {
        for (let i = 0; ; i++) {
          try {
            const res = await api(server, TAGS, { method: 'POST', body: { at: round * 1000 + lane * 100 + i, name: `r${round} l${lane} #${i}` } });
            if (res.status !== 201) return;
            acked.push(res.body.id);
            if (acked.length >= killAfter * (round + 1)) server.child.kill('SIGKILL');
          } catch {
            return; // The connection died with the server.
          }
        }
      };
      await Promise.all([writer(0), writer(1)]);
      if (server.child.exitCode === null && server.child.signalCode === null) await killHard(server);
    }
    const server = await start(dataDir);
    const ids = new Set((await api(server, ALL)).body.map((t: { id: string }) => t.id));
    await killHard(server);
    for (const id of acked) assert.ok(ids.has(id), `acknowledged tag ${id} lost`);
    assert.ok(acked.length >= 30);
  });

  it('never leaves a half-seeded data folder when killed during the first start', async () => {
    const { dataDir, cleanup } = tempDataDir('firststart');
    cleanups.push(cleanup);
    const parent = dirname(dataDir);
    // Kill at several points of initdb, migration and seeding in the staging folder.
    for (const delay of [200, 1200, 2200, 3200]) {
      const { child, ready } = spawnServer(dataDir);
      ready.catch(() => {});
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      const t0 = performance.now();
      while (!readdirSync(parent).some((n) => n.includes('.staging-')) && performance.now() - t0 < 30_000) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      // The final folder appears only once complete.
      if (existsSync(dataDir)) assert.ok(existsSync(join(dataDir, 'PG_VERSION')), `half-written folder after ${delay} ms`);
    }

    const t1 = performance.now();
    const server = await start(dataDir);
    console.log(`# first start after interrupted ones: ${(performance.now() - t1).toFixed(0)} ms`);
    console.log(`# ${server.output().trim().split('\n').find((l) => l.startsWith('ready')) ?? ''}`);
    const info = (await api(server, '/api/session?userId=mreed')).body;
    const rows = (await api(server, `/api/rows?from=${info.recorded.end - 8 * 86_400_000 + 1}&to=${info.recorded.end}&limit=1000`)).body;
    assert.equal(rows.items.length, 39, 'the whole seed is there (34 sessions + 5 sealed ones)');
    await killHard(server);
    assert.deepEqual(readdirSync(parent).filter((n) => n.includes('.staging-')), [], 'staging folder cleaned up');
  });

  it('shuts down cleanly on SIGTERM, releasing the data folder', async () => {
    const { dataDir, cleanup } = await seededDataDir('sigterm');
    cleanups.push(cleanup);
    const server = await start(dataDir);
    assert.ok(existsSync(`${dataDir}.lock`));
    const code = await new Promise<number | null>((resolve) => {
      server.child.once('exit', (c) => resolve(c));
      server.child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.ok(!existsSync(`${dataDir}.lock`), 'lock released');
  });
});
