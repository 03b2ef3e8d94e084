import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { loadMediaPool } from './media/media-pool.js';
import { renderLivePlaylist } from './media/hls-playlist.js';
import { testFixturesDir } from './test-support.js';

/** [media sequence, discontinuity sequence, segments as [pdt-derived start, duration ms, uri]] */
function parse(text: string) {
  const lines = text.trim().split('\n');
  const tag = (name: string) => Number(lines.find((l) => l.startsWith(`#${name}:`))!.split(':')[1]);
  const segments: { start: number; durationMs: number; uri: string; discontinuity: boolean }[] = [];
  let clock = 0;
  let duration = 0;
  let discontinuity = false;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) clock = Date.parse(line.slice(25));
    else if (line === '#EXT-X-DISCONTINUITY') discontinuity = true;
    else if (line.startsWith('#EXTINF:')) duration = Math.round(Number.parseFloat(line.slice(8)) * 1000);
    else if (!line.startsWith('#')) {
      segments.push({ start: clock, durationMs: duration, uri: line, discontinuity });
      clock += duration;
      discontinuity = false;
    }
  }
  return { text, mediaSequence: tag('EXT-X-MEDIA-SEQUENCE'), discontinuitySequence: tag('EXT-X-DISCONTINUITY-SEQUENCE'), segments };
}

describe('live HLS playlist from the pool', () => {
  it('slides: only published segments, back to back, sequence numbers that only grow, no ENDLIST', async () => {
    const pool = await loadMediaPool(join(testFixturesDir(), 'pool'));
    const now = Date.parse('2026-11-23T10:00:00.000Z');
    const a = parse(renderLivePlaylist(pool, now, '/media/pool/'));
    assert.ok(!a.text.includes('#EXT-X-ENDLIST'), 'live: no ENDLIST');
    assert.equal(a.segments.length, 6);
    const last = a.segments.at(-1)!;
    assert.ok(last.start + last.durationMs <= now, 'every segment has ended');
    assert.ok(now - (last.start + last.durationMs) < pool.maxDurationS * 1000, 'the newest one is the latest published');
    a.segments.slice(1).forEach((s, i) => assert.equal(s.start, a.segments[i]!.start + a.segments[i]!.durationMs, 'back to back'));
    // Later: the window moves on, and its numbers never go back.
    const b = parse(renderLivePlaylist(pool, now + 60_000, '/media/pool/'));
    assert.ok(b.mediaSequence > a.mediaSequence);
    assert.ok(b.discontinuitySequence >= a.discontinuitySequence);
    // A segment seen in both keeps its sequence number and start.
    const shared = b.segments.findIndex((s) => s.start === a.segments.at(-1)!.start);
    if (shared >= 0) assert.equal(b.mediaSequence + shared, a.mediaSequence + a.segments.length - 1);
  });

  it('marks the pool wrapping around as a discontinuity with a new PROGRAM-DATE-TIME', async () => {
    const pool = await loadMediaPool(join(testFixturesDir(), 'pool'));
    // Walk forward until a window holds the wrap (the first pool segment after the last).
    let found = false;
    for (let now = Date.parse('2026-11-23T10:00:00.000Z'), i = 0; i < 200 && !found; i++, now += 2_000) {
      const p = parse(renderLivePlaylist(pool, now, '/media/pool/'));
      const wrap = p.segments.findIndex((s, k) => k > 0 && s.uri.endsWith(pool.segments[0]!.file));
      if (wrap > 0) {
        found = true;
        assert.equal(p.segments[wrap]!.discontinuity, true);
      }
    }
    assert.ok(found, 'a window across the wrap');
  });
});
