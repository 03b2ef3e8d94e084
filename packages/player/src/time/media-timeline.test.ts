import { expect } from 'chai';
import { parseMediaPlaylist } from './media-timeline.js';

const T0 = Date.parse('2026-03-17T08:00:00.000Z');
const playlist = [
  '#EXTM3U',
  '#EXT-X-VERSION:7',
  '#EXT-X-TARGETDURATION:6',
  '#EXT-X-MAP:URI="/media/pool/init.mp4"',
  '#EXT-X-PROGRAM-DATE-TIME:2026-03-17T08:00:00.000Z',
  '#EXTINF:4.000,',
  'seg_000.m4s',
  '#EXTINF:6.000,',
  'seg_001.m4s',
  '#EXT-X-DISCONTINUITY',
  '#EXT-X-PROGRAM-DATE-TIME:2026-03-17T09:00:00.000Z',
  '#EXTINF:2.000,',
  '/media/pool/seg_007.m4s',
  '#EXT-X-ENDLIST',
].join('\n');

describe('parseMediaPlaylist', () => {
  const timeline = parseMediaPlaylist(playlist, 'http://host/api/streams/u/c/playlist.m3u8');

  it('places segments back to back on the media clock and on PROGRAM-DATE-TIME on the wall clock', () => {
    expect(timeline.segments.map((s) => [s.mediaStart, s.mediaEnd])).to.deep.equal([
      [0, 4],
      [4, 10],
      [10, 12],
    ]);
    expect(timeline.segments.map((s) => s.wallStart - T0)).to.deep.equal([0, 4000, 3_600_000]);
    expect(timeline.segments[2]!.discontinuity).to.equal(true);
    expect(timeline.segments[0]!.uri).to.equal('http://host/api/streams/u/c/seg_000.m4s');
    expect(timeline.segments[2]!.uri).to.equal('http://host/media/pool/seg_007.m4s');
  });

  it('maps wall-clock instants to media time and back, across a discontinuity', () => {
    expect(timeline.wallToMedia(T0 + 5_500)).to.equal(5.5);
    expect(timeline.wallToMedia(T0 + 3_600_000 + 1_200)).to.be.closeTo(11.2, 1e-9);
    expect(timeline.mediaToWall(11.2)).to.be.closeTo(T0 + 3_601_200, 1e-6);
    expect(timeline.mediaToWall(3.999)).to.be.closeTo(T0 + 3_999, 1e-6);
  });

  it('returns null for an instant in a gap and finds the next recorded one', () => {
    expect(timeline.wallToMedia(T0 + 10_000)).to.equal(null);
    expect(timeline.wallToMedia(T0 - 1)).to.equal(null);
    expect(timeline.nextRecorded(T0 + 60_000)).to.equal(T0 + 3_600_000);
    expect(timeline.nextRecorded(T0 + 3_600_000 + 2_000)).to.equal(null);
    expect(timeline.wallRange).to.deep.equal({ start: T0, end: T0 + 3_602_000 });
  });

  it('rejects playlists that cannot be placed on the wall clock', () => {
    expect(() => parseMediaPlaylist('hello', 'http://h/')).to.throw(/missing #EXTM3U/);
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXTINF:4,\na.m4s', 'http://h/')).to.throw(/PROGRAM-DATE-TIME/);
    expect(() =>
      parseMediaPlaylist('#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00Z\n#EXTINF:4,\na\n#EXT-X-DISCONTINUITY\n#EXTINF:4,\nb', 'http://h/'),
    ).to.throw(/b/);
  });

  it('keeps media time running over EXT-X-GAP segments but does not map into them', () => {
    const t = parseMediaPlaylist(
      '#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00Z\n#EXTINF:4,\na\n#EXT-X-GAP\n#EXTINF:4,\nb\n#EXTINF:4,\nc',
      'http://h/',
    );
    const start = Date.parse('2026-01-01T00:00:00Z');
    expect(t.wallToMedia(start + 5_000)).to.equal(null);
    expect(t.wallToMedia(start + 9_000)).to.equal(9);
  });
});

describe('sealed playlists (end-to-end encrypted recordings)', () => {
  const sealed = (indices: number[]) =>
    [
      '#EXTM3U',
      '#EXT-X-SP-INIT-INDEX:2',
      '#EXT-X-MAP:URI="init-2.sps"',
      '#EXT-X-PROGRAM-DATE-TIME:2026-03-17T08:00:00.000Z',
      ...indices.flatMap((i) => ['#EXTINF:4.000,', `#EXT-X-SP-SEGMENT-INDEX:${i}`, `seg-${i}.sps`]),
      '#EXT-X-ENDLIST',
    ].join('\n');

  it('reads each segment index and its init index, and finds a segment by its URI', () => {
    const t = parseMediaPlaylist(sealed([40, 41, 42]), 'http://host/media/');
    expect(t.segments.map((s) => s.seal)).to.deep.equal([
      { index: 40, initIndex: 2 },
      { index: 41, initIndex: 2 },
      { index: 42, initIndex: 2 },
    ]);
    expect(t.segmentByUri('http://host/media/seg-41.sps')?.wallStart).to.equal(T0 + 4_000);
    expect(t.missingSegments()).to.deep.equal([]);
  });

  it('reports a hole in the indices as a missing segment where the media should have continued', () => {
    const t = parseMediaPlaylist(sealed([40, 41, 43, 44]), 'http://host/media/');
    expect(t.missingSegments()).to.deep.equal([{ index: 42, at: T0 + 8_000, mediaAt: 8 }]);
  });

  it('refuses an index that is not a whole number', () => {
    expect(() => parseMediaPlaylist(sealed([1]).replace('INDEX:1', 'INDEX:1e3'), 'http://host/')).to.throw(/Invalid segment index/);
  });
});
