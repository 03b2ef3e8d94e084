import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './seed/prng.js';

/** The repository's fixtures, when `npm run fixtures` has produced the pool. */
export const REPO_FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * A fixtures folder for tests: the real one when its pool exists, otherwise
 * a stand-in with the same `pool.json` shape (4 minutes, 2–6 s segments) and
 * placeholder segment files, so the server can be tested on its own.
 */
export function testFixturesDir(): string {
  if (existsSync(join(REPO_FIXTURES, 'pool', 'pool.json'))) return REPO_FIXTURES;
  const dir = join(tmpdir(), 'session-player-standin-fixtures');
  const poolDir = join(dir, 'pool');
  if (!existsSync(join(poolDir, 'pool.json'))) {
    mkdirSync(poolDir, { recursive: true });
    const rnd = createRandom('stand-in pool');
    const segments: { file: string; start: number; duration: number }[] = [];
    for (let start = 0; start < 240; ) {
      const remaining = 240 - start;
      const duration = remaining <= 6 ? remaining : rnd.int(2, Math.min(6, remaining - 2));
      segments.push({ file: `seg_${String(segments.length).padStart(3, '0')}.m4s`, start, duration });
      start += duration;
    }
    for (const s of segments) writeFileSync(join(poolDir, s.file), `stand-in segment ${s.file}\n`);
    writeFileSync(join(poolDir, 'init.mp4'), 'stand-in init\n');
    const pool = { fps: 5, width: 1280, height: 720, codecs: 'avc1.64001f,mp4a.40.2', init: 'init.mp4', totalDuration: 240, segments };
    // Publish atomically: test files run in parallel processes.
    const tmp = join(poolDir, `pool.json.${process.pid}`);
    writeFileSync(tmp, JSON.stringify(pool, null, 2));
    renameSync(tmp, join(poolDir, 'pool.json'));
  }
  return dir;
}

/** A fresh temporary data folder; remove it with the returned function. */
export function tempDataDir(label: string): { dataDir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), `sp-${label}-`));
  return { dataDir: join(root, 'data'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const roots = ['seed', 'db', 'migrations', 'media'].map((d) => fileURLToPath(new URL(`./${d}/`, import.meta.url)));
  for (const root of roots) {
    for (const name of readdirSync(root).sort()) hash.update(name).update(readFileSync(join(root, name)));
  }
  hash.update(readFileSync(join(testFixturesDir(), 'pool', 'pool.json')));
  hash.update(new Date().toDateString()); // the anchor day
  return hash.digest('hex').slice(0, 16);
}

/**
 * A temporary data folder already holding today's seed. Seeding takes a few
 * seconds, so test files share one seeded template (keyed by the seed's
 * source, the pool and the date) and each gets its own copy.
 */
export async function seededDataDir(label: string): Promise<{ dataDir: string; cleanup: () => void }> {
  const template = join(tmpdir(), `sp-seeded-${sourceFingerprint()}`);
  if (!existsSync(join(template, 'PG_VERSION'))) {
    const building = `${template}.building-${process.pid}`;
    const { buildApp } = await import('./app.js');
    const app = await buildApp({ dataDir: building, fixturesDir: testFixturesDir() });
    await app.close();
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // Another test file won the race.
    }
  }
  const dir = tempDataDir(label);
  cpSync(template, dir.dataDir, { recursive: true });
  return dir;
}
