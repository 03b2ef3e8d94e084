import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildApp } from './app.js';
import { seededDataDir, tempDataDir, testFixturesDir } from './test-support.js';

interface Span {
  start: number;
  end: number;
  sessionId?: string;
}

/** Re-encoding the pool with other segment durations must not break seeded recordings. */
describe('a re-encoded media pool', () => {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));

  it('re-cuts recordings to whole segments of the new pool, keeping their spans', async () => {
    const { dataDir, cleanup } = await seededDataDir('retime');
    cleanups.push(cleanup);
    const stream = '/api/streams/aschneider/ber-ws-014';

    let app = await buildApp({ dataDir, fixturesDir: testFixturesDir() });
    const recorded = (await app.inject('/api/session?userId=aschneider')).json().recorded;
    const range = `from=${recorded.start}&to=${recorded.end}`;
    const before = (await app.inject(`${stream}/coverage?${range}`)).json() as Span[];
    await app.close();

    // Same files, durations shifted by one segment: every recording's length changes.
    const pool = JSON.parse(readFileSync(join(testFixturesDir(), 'pool', 'pool.json'), 'utf8'));
    const durations = pool.segments.map((s: { duration: number }) => s.duration);
    let t = 0;
    pool.segments = pool.segments.map((s: { file: string }, i: number) => {
      const seg = { file: s.file, start: t, duration: durations[(i + 1) % durations.length] };
      t += seg.duration;
      return seg;
    });
    const other = tempDataDir('pool2');
    cleanups.push(other.cleanup);
    // The segment files themselves are needed too: the sealed demo streams are sealed from them.
    cpSync(join(testFixturesDir(), 'pool'), join(other.dataDir, 'pool'), { recursive: true });
    writeFileSync(join(other.dataDir, 'pool', 'pool.json'), JSON.stringify(pool));

    app = await buildApp({ dataDir, fixturesDir: other.dataDir });
    assert.ok(app.seedReport.retimed > 0);
    const after = (await app.inject(`/api/streams/aschneider/ber-ws-014/coverage?from=${recorded.start}&to=${recorded.end + 60_000}`)).json() as Span[];
    assert.equal(after.length, before.length);
    after.forEach((s, i) => {
      assert.equal(s.start, before[i]!.start);
      assert.ok(s.end >= before[i]!.end && s.end - before[i]!.end < 7_000, `span ${i} grew by ${s.end - before[i]!.end} ms`);
    });
    const segs = (await app.inject(`${stream}/segments?from=${recorded.start}&to=${recorded.end + 60_000}`)).json() as Span[];
    const covered = segs.reduce((sum, s) => sum + s.end - s.start, 0);
    assert.equal(covered, after.reduce((sum, s) => sum + s.end - s.start, 0));
    await app.close();

    app = await buildApp({ dataDir, fixturesDir: other.dataDir });
    assert.equal(app.seedReport.retimed, 0, 'remembered the new pool');
    await app.close();
  });
});
