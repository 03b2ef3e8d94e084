import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

interface ParsedSegment {
  start: number;
  durationMs: number;
  uri: string;
  discontinuity: boolean;
}

/**
 * A strict reader for the subset of HLS the backend writes: it fails on
 * anything unexpected, and derives every segment's wall-clock start from the
 * PROGRAM-DATE-TIME that opens its run plus the EXTINFs before it.
 */
function parsePlaylist(text: string): { targetDuration: number; segments: ParsedSegment[]; map: string } {
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', 'playlist ends with a newline');
  assert.equal(lines[0], '#EXTM3U');
  assert.equal(lines[lines.length - 1], '#EXT-X-ENDLIST');
  assert.ok(lines.includes('#EXT-X-VERSION:7'));
  assert.ok(lines.includes('#EXT-X-PLAYLIST-TYPE:VOD'));
  const target = lines.find((l) => l.startsWith('#EXT-X-TARGETDURATION:'));
  assert.ok(target, 'TARGETDURATION');
  const map = lines.find((l) => l.startsWith('#EXT-X-MAP:'));
  assert.ok(map, 'EXT-X-MAP');

  const segments: ParsedSegment[] = [];
  let clock: number | null = null;
  let pendingDiscontinuity = false;
  let pendingPdt = false;
  let duration: number | null = null;
  for (const line of lines.slice(1, -1)) {
    if (line === '#EXT-X-DISCONTINUITY') {
      assert.ok(segments.length > 0, 'no discontinuity before the first segment');
      pendingDiscontinuity = true;
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const iso = line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length);
      assert.match(iso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      clock = Date.parse(iso);
      pendingPdt = true;
    } else if (line.startsWith('#EXTINF:')) {
      const m = /^#EXTINF:(\d+\.\d{3}),$/.exec(line);
      assert.ok(m, `EXTINF format: ${line}`);
      duration = Math.round(Number(m[1]) * 1000);
    } else if (line.startsWith('#')) {
      assert.match(line, /^#EXT-X-(VERSION|TARGETDURATION|MEDIA-SEQUENCE|DISCONTINUITY-SEQUENCE|PLAYLIST-TYPE|INDEPENDENT-SEGMENTS|MAP):?/, `unexpected tag ${line}`);
      assert.equal(segments.length, 0, `header tag after segments: ${line}`);
    } else {
      assert.ok(duration !== null, `URI without EXTINF: ${line}`);
      assert.ok(clock !== null, 'first segment has a PROGRAM-DATE-TIME');
      if (segments.length === 0 || pendingDiscontinuity) assert.ok(pendingPdt, `PROGRAM-DATE-TIME missing before ${line}`);
      segments.push({ start: clock, durationMs: duration, uri: line, discontinuity: pendingDiscontinuity });
      clock += duration;
      duration = null;
      pendingDiscontinuity = false;
      pendingPdt = false;
    }
  }
  assert.equal(duration, null, 'trailing EXTINF');
  return { targetDuration: Number(target.split(':')[1]), segments, map };
}

describe('HLS playlists', () => {
  let app: FastifyInstance;
  let cleanup: () => void;
  let recorded: { start: number; end: number };
  const stream = '/api/streams/mreed/nyc-ws-221';

  before(async () => {
    const dir = await seededDataDir('playlist');
    cleanup = dir.cleanup;
    app = await buildApp({ dataDir: dir.dataDir, fixturesDir: testFixturesDir() });
    recorded = (await app.inject('/api/session?userId=mreed')).json().recorded;
  });
  after(async () => {
    await app?.close();
    cleanup?.();
  });

  it('is a well-formed VOD playlist whose times agree with /segments and /coverage', async () => {
    const { start: from, end: to } = recorded;
    const res = await app.inject(`${stream}/playlist.m3u8?from=${from}&to=${to}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.apple.mpegurl');
    const { targetDuration, segments, map } = parsePlaylist(res.body);
    assert.equal(map, '#EXT-X-MAP:URI="/media/pool/init.mp4"');

    const placed = (await app.inject(`${stream}/segments?from=${from}&to=${to}`)).json() as {
      start: number;
      end: number;
      file: string;
      poolStart: number;
      poolIndex: number;
    }[];
    assert.equal(segments.length, placed.length);
    assert.ok(segments.length > 1000);
    segments.forEach((s, i) => {
      const p = placed[i]!;
      assert.equal(s.start, p.start, `segment ${i} start`);
      assert.equal(s.start + s.durationMs, p.end, `segment ${i} end`);
      assert.equal(s.uri, `/media/pool/${p.file}`);
      assert.ok(s.durationMs <= targetDuration * 1000);
      // A discontinuity exactly where time jumps or the pool does not continue.
      if (i > 0) {
        const prev = placed[i - 1]!;
        const seamless = prev.end === p.start && p.poolIndex === prev.poolIndex + 1;
        assert.equal(s.discontinuity, !seamless, `discontinuity flag of segment ${i}`);
      }
    });
    assert.ok(placed.some((p, i) => i > 0 && p.poolIndex === 0 && placed[i - 1]!.end === p.start), 'a pool wrap inside a recording');

    // Runs of seamless time are exactly the recorded spans.
    const coverage = (await app.inject(`${stream}/coverage?from=${from}&to=${to}`)).json() as { start: number; end: number }[];
    const runs: { start: number; end: number }[] = [];
    for (const s of segments) {
      const last = runs[runs.length - 1];
      if (last && last.end === s.start) last.end = s.start + s.durationMs;
      else runs.push({ start: s.start, end: s.start + s.durationMs });
    }
    assert.deepEqual(runs, coverage.map(({ start, end }) => ({ start, end })));
  });

  it('says which pool segment and pool time plays at each wall-clock instant', async () => {
    const pool = JSON.parse(readFileSync(join(testFixturesDir(), 'pool', 'pool.json'), 'utf8')) as {
      fps: number;
      segments: { file: string; start: number; duration: number }[];
    };
    const byFile = new Map(pool.segments.map((s) => [s.file, s]));
    const from = recorded.start + 3_600_000 + 1234;
    const placed = (await app.inject(`${stream}/segments?from=${from}&to=${from + 600_000}`)).json();
    assert.ok(placed[0].start <= from && from < placed[0].end);
    for (const seg of placed) {
      const poolSeg = byFile.get(seg.file)!;
      assert.equal(seg.poolStart, poolSeg.start);
      assert.equal(seg.end - seg.start, poolSeg.duration * 1000);
    }
    // A burned-in frame number decoded at wall-clock instant t maps back to t.
    const t = from + 200_000;
    const seg = placed.find((s: { start: number; end: number }) => s.start <= t && t < s.end);
    const frame = Math.floor((seg.poolStart + (t - seg.start) / 1000) * pool.fps);
    const back = seg.start + (frame / pool.fps - seg.poolStart) * 1000;
    assert.ok(t - back >= 0 && t - back < 1000 / pool.fps);
  });

  it('starts a partial range with the segment that contains `from`', async () => {
    const from = recorded.start + 5 * 3_600_000 + 777;
    const all = (await app.inject(`${stream}/segments?from=${recorded.start}&to=${recorded.start + 8 * 3_600_000}`)).json();
    const containing = all.find((s: { start: number; end: number }) => s.start <= from && from < s.end);
    const { segments } = parsePlaylist((await app.inject(`${stream}/playlist.m3u8?from=${from}&to=${from + 60_000}`)).body);
    if (containing) assert.equal(segments[0]!.start, containing.start);
    else assert.ok(segments[0]!.start > from, 'in a gap the playlist starts at the next recording');
    assert.ok(segments[segments.length - 1]!.start < from + 60_000);
  });

  it('answers a range with nothing recorded by an empty playlist', async () => {
    const night = recorded.start - 6 * 3_600_000;
    const res = await app.inject(`${stream}/playlist.m3u8?from=${night}&to=${night + 3_600_000}`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(parsePlaylist(res.body).segments, []);
  });

  it('builds a full day quickly', async () => {
    const dayStart = recorded.end - 86_400_000;
    const t0 = performance.now();
    const res = await app.inject(`${stream}/playlist.m3u8?from=${dayStart}&to=${recorded.end}`);
    const ms = performance.now() - t0;
    const count = parsePlaylist(res.body).segments.length;
    console.log(`# full-day playlist: ${count} segments, ${res.body.length} bytes in ${ms.toFixed(1)} ms`);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('serves pool files as immutable media', async () => {
    const res = await app.inject('/media/pool/init.mp4');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'video/mp4');
    assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable/);
    assert.equal((await app.inject('/media/pool/../app.ts')).statusCode, 404);
    assert.equal((await app.inject('/media/pool/nope.m4s')).statusCode, 404);
  });
});
