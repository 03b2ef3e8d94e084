import { expect } from 'chai';
import { initSegmentsByUri } from './media-window.js';

describe('initSegmentsByUri', () => {
  it('maps each segment to the EXT-X-MAP in force, resolved against the playlist', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-PROGRAM-DATE-TIME:2026-03-17T08:00:00.000Z',
      '#EXTINF:4.000,',
      'seg_000.m4s',
      '#EXT-X-DISCONTINUITY',
      '#EXT-X-MAP:BYTERANGE="720@0",URI="/other/init.mp4"',
      '#EXT-X-PROGRAM-DATE-TIME:2026-03-17T09:00:00.000Z',
      '#EXTINF:2.000,',
      'https://cdn.example/seg_007.m4s',
      '#EXT-X-ENDLIST',
    ].join('\r\n');
    const map = initSegmentsByUri(text, 'http://host/api/streams/u/c/playlist.m3u8');
    expect([...map]).to.deep.equal([
      ['http://host/api/streams/u/c/seg_000.m4s', 'http://host/api/streams/u/c/init.mp4'],
      ['https://cdn.example/seg_007.m4s', 'http://host/other/init.mp4'],
    ]);
  });

  it('has no entries for a playlist without EXT-X-MAP (MPEG-TS)', () => {
    const text = ['#EXTM3U', '#EXTINF:4.000,', 'seg_000.ts', '#EXT-X-ENDLIST'].join('\n');
    expect(initSegmentsByUri(text, 'http://host/p.m3u8').size).to.equal(0);
  });
});
