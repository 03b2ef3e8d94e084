import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMediaPlaylist } from './media/hls-playlist.js';
import { indexPool, MediaPoolError } from './media/media-pool.js';
import { recordingDurationMs, segmentsInRange, segmentsOfRecording, segmentsToCover } from './media/media-timeline.js';

// Four segments: 2 + 6 + 3 + 4 = 15 s per cycle.
const pool = indexPool({
  fps: 5,
  width: 320,
  height: 180,
  codecs: 'avc1.4d401f',
  init: 'init.mp4',
  totalDuration: 15,
  segments: [
    { file: 'a.m4s', start: 0, duration: 2 },
    { file: 'b.m4s', start: 2, duration: 6 },
    { file: 'c.m4s', start: 8, duration: 3 },
    { file: 'd.m4s', start: 11, duration: 4 },
  ],
});

const T0 = Date.UTC(2025, 2, 30, 8, 0, 0);

describe('media pool', () => {
  it('rejects a pool whose segments do not follow each other', () => {
    assert.throws(
      () =>
        indexPool({
          fps: 5, width: 1, height: 1, codecs: '', init: 'i.mp4', totalDuration: 4,
          segments: [{ file: 'a.m4s', start: 0, duration: 2 }, { file: 'b.m4s', start: 3, duration: 2 }],
        }),
      MediaPoolError,
    );
  });

  it('rejects a totalDuration that disagrees with the segments', () => {
    assert.throws(
      () => indexPool({ fps: 5, width: 1, height: 1, codecs: '', init: 'i.mp4', totalDuration: 9, segments: [{ file: 'a.m4s', start: 0, duration: 2 }] }),
      /add up to 2s/,
    );
  });
});

describe('re-timing recordings onto the pool', () => {
  it('measures a recording that wraps around the pool', () => {
    // From c: c d | a b c = 3 + 4 + 2 + 6 + 3
    assert.equal(recordingDurationMs(pool, 2, 5), 18_000);
    assert.equal(recordingDurationMs(pool, 0, 8), 30_000);
  });

  it('picks the fewest whole segments covering a duration', () => {
    assert.equal(segmentsToCover(pool, 1, 6_000), 1);
    assert.equal(segmentsToCover(pool, 1, 6_001), 2);
    assert.equal(segmentsToCover(pool, 3, 60_000), 16);
    for (let target = 1_000; target < 100_000; target += 777) {
      const k = segmentsToCover(pool, 2, target);
      assert.ok(recordingDurationMs(pool, 2, k) >= target);
      assert.ok(k === 1 || recordingDurationMs(pool, 2, k - 1) < target);
    }
  });

  it('places consecutive pool segments end to end, wrapping to segment 0', () => {
    const rec = { id: 'r', sessionId: 's', start: T0, poolOffset: 2, segmentCount: 5 };
    const segs = [...segmentsOfRecording(pool, rec, T0, T0 + 60_000)];
    assert.deepEqual(
      segs.map((s) => [s.file, s.start - T0, s.end - T0, s.poolStart]),
      [
        ['c.m4s', 0, 3000, 8],
        ['d.m4s', 3000, 7000, 11],
        ['a.m4s', 7000, 9000, 0],
        ['b.m4s', 9000, 15000, 2],
        ['c.m4s', 15000, 18000, 8],
      ],
    );
  });

  it('starts a range at the segment containing `from`, several cycles in', () => {
    const rec = { id: 'r', sessionId: 's', start: T0, poolOffset: 1, segmentCount: 1000 };
    const all = [...segmentsOfRecording(pool, rec, T0, T0 + 10 ** 9)];
    for (const from of [T0 + 1, T0 + 5_999, T0 + 6_000, T0 + 123_456, T0 + 1_000_000]) {
      const [first] = segmentsOfRecording(pool, rec, from, from + 1);
      const expected = all.find((s) => s.start <= from && from < s.end);
      assert.deepEqual(first, expected, `from +${from - T0}`);
    }
  });

  it('leaves out recordings and segments outside the range', () => {
    const recs = [
      { id: 'r1', sessionId: 's', start: T0, poolOffset: 0, segmentCount: 4 },
      { id: 'r2', sessionId: 's', start: T0 + 60_000, poolOffset: 3, segmentCount: 2 },
    ];
    assert.deepEqual(segmentsInRange(pool, recs, T0 + 15_000, T0 + 60_000), []);
    assert.deepEqual(
      segmentsInRange(pool, recs, T0 + 14_000, T0 + 60_001).map((s) => s.file),
      ['d.m4s', 'd.m4s'],
    );
  });
});

describe('HLS playlist', () => {
  it('marks gaps and pool wraps as discontinuities, each followed by a PROGRAM-DATE-TIME', () => {
    const recs = [
      { id: 'r1', sessionId: 's', start: T0, poolOffset: 2, segmentCount: 3 },
      { id: 'r2', sessionId: 's', start: T0 + 3_600_000, poolOffset: 0, segmentCount: 1 },
    ];
    const text = renderMediaPlaylist(pool, segmentsInRange(pool, recs, T0, T0 + 7_200_000), '/media/pool/');
    assert.equal(
      text,
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-TARGETDURATION:4',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-DISCONTINUITY-SEQUENCE:0',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MAP:URI="/media/pool/init.mp4"',
        '#EXT-X-PROGRAM-DATE-TIME:2025-03-30T08:00:00.000Z',
        '#EXTINF:3.000,',
        '/media/pool/c.m4s',
        '#EXTINF:4.000,',
        '/media/pool/d.m4s',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-PROGRAM-DATE-TIME:2025-03-30T08:00:07.000Z',
        '#EXTINF:2.000,',
        '/media/pool/a.m4s',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-PROGRAM-DATE-TIME:2025-03-30T09:00:00.000Z',
        '#EXTINF:2.000,',
        '/media/pool/a.m4s',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
  });

  it('renders a valid playlist without segments for an empty range', () => {
    const text = renderMediaPlaylist(pool, [], '/media/pool/');
    assert.match(text, /^#EXTM3U\n/);
    assert.match(text, /#EXT-X-TARGETDURATION:6\n/);
    assert.doesNotMatch(text, /#EXTINF/);
    assert.match(text, /#EXT-X-ENDLIST\n$/);
  });
});
