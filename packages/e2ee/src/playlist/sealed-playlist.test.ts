import { expect } from 'chai';
import { findMissingSegments, parseSealedPlaylist, sealedPlaylist, type SealedPlaylistEntry } from '../index.js';
import { parseMediaPlaylist, segmentTimes } from './media-playlist.js';

const T0 = Date.UTC(2024, 4, 1, 9, 30);
const entry = (index: number, start: number, durationMs: number): SealedPlaylistEntry => ({ uri: `seg-${index}.sps`, index, start, durationMs });

describe('sealedPlaylist', () => {
  const segments = [entry(4, T0, 6000), entry(5, T0 + 6000, 3000), entry(6, T0 + 60_000, 2500), entry(7, T0 + 62_500, 6000)];
  const text = sealedPlaylist({ initUri: 'init-0.sps', initIndex: 0, segments });

  it('lists index tags, PROGRAM-DATE-TIME at the first segment and after each discontinuity', () => {
    expect(text).to.equal(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-TARGETDURATION:6',
        '#EXT-X-MEDIA-SEQUENCE:4',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXT-X-SP-INIT-INDEX:0',
        '#EXT-X-MAP:URI="init-0.sps"',
        '#EXT-X-PROGRAM-DATE-TIME:2024-05-01T09:30:00.000Z',
        '#EXT-X-SP-SEGMENT-INDEX:4',
        '#EXTINF:6.000,',
        'seg-4.sps',
        '#EXT-X-SP-SEGMENT-INDEX:5',
        '#EXTINF:3.000,',
        'seg-5.sps',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-PROGRAM-DATE-TIME:2024-05-01T09:31:00.000Z',
        '#EXT-X-SP-SEGMENT-INDEX:6',
        '#EXTINF:2.500,',
        'seg-6.sps',
        '#EXT-X-SP-SEGMENT-INDEX:7',
        '#EXTINF:6.000,',
        'seg-7.sps',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same input', () => {
    expect(parseSealedPlaylist(text)).to.deep.equal({ initUri: 'init-0.sps', initIndex: 0, segments, endList: true });
  });

  it('keeps a live window open and treats a gap of even 1 ms as a discontinuity', () => {
    const live = sealedPlaylist({ initUri: 'i.sps', initIndex: 2, segments: [entry(0, T0, 1000), entry(1, T0 + 1001, 1000)], endList: false });
    expect(live).not.to.contain('ENDLIST');
    expect(live).not.to.contain('PLAYLIST-TYPE');
    expect(live).to.contain('#EXT-X-SP-INIT-INDEX:2');
    expect(live.match(/PROGRAM-DATE-TIME/g)).to.have.length(2);
    expect(live).to.contain('#EXT-X-DISCONTINUITY');
  });

  it('refuses URIs that would break the playlist', () => {
    expect(() => sealedPlaylist({ initUri: 'a"b', initIndex: 0, segments: [] })).to.throw(RangeError);
    expect(() => sealedPlaylist({ initUri: 'i', initIndex: 0, segments: [{ ...entry(0, T0, 1), uri: 'x\n#EXT-X-ENDLIST' }] })).to.throw(RangeError);
  });
});

describe('findMissingSegments', () => {
  it('reports each gap at the instant the segment before it ends', () => {
    const [gap, ...rest] = findMissingSegments([entry(0, T0, 6000), entry(1, T0 + 6000, 4000), entry(4, T0 + 30_000, 6000), entry(5, T0 + 36_000, 1)]);
    expect(rest).to.have.length(0);
    expect(gap!.code).to.equal('segment-missing');
    expect(gap!.expected).to.deep.equal({ kind: 'media', index: 2, start: T0 + 10_000 });
    expect(gap!.message).to.contain('Media segment 2 (2024-05-01T09:30:10.000Z) is missing');
    expect(findMissingSegments([entry(3, T0, 1), entry(2, T0 + 1, 1)])[0]!.message).to.contain('out of order');
    expect(findMissingSegments([entry(3, T0, 1), entry(4, T0 + 5000, 1)])).to.deep.equal([]);
  });
});

describe('parseMediaPlaylist and segmentTimes (CLI input)', () => {
  it('runs the clock from PROGRAM-DATE-TIME (or a given start) and keeps rounded runs back to back', () => {
    const playlist = parseMediaPlaylist('#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:3.333333,\na.m4s\n#EXTINF:3.333333,\nb.m4s\n#EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:00.5Z\n#EXTINF:1,\nc.m4s\n');
    expect(playlist.map).to.deep.equal({ uri: 'init.mp4' });
    const times = segmentTimes(playlist.entries, T0);
    expect(times).to.deep.equal([
      { start: T0, durationMs: 3333 },
      { start: T0 + 3333, durationMs: 3334 },
      { start: Date.UTC(2024, 4, 1, 10, 0, 0, 500), durationMs: 1000 },
    ]);
    expect(() => segmentTimes(playlist.entries)).to.throw('PROGRAM-DATE-TIME');
  });

  it('refuses what it cannot represent', () => {
    expect(() => parseMediaPlaylist('not a playlist')).to.throw('#EXTM3U');
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nx.m3u8')).to.throw('master');
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="k"\n#EXTINF:1,\na.ts')).to.throw('AES-128');
    expect(() => parseMediaPlaylist('#EXTM3U\na.ts')).to.throw('#EXTINF');
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-MAP:URI="a"\n#EXTINF:1,\nx\n#EXT-X-MAP:URI="b"\n')).to.throw('second');
  });
});
