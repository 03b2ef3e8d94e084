import { expect } from 'chai';
import { poolStream, retimePool, type FixturePool, type PoolSegment } from '../../../../demo/fixtures/pool-stream.js';
import { TIMECODE_LAYOUT, decodeTimecodeFromImageData } from '../../../../test/support/timecode.js';
import { MemoryDataSource } from '../data-source/memory-data-source.js';
import type { SessionDataSource, SessionInfo, ThumbnailTrack } from '../data-source/types.js';
import { createThumbnailProvider, type ThumbnailFrame } from './thumbnail-provider.js';

const POOL_URL = '/demo/fixtures/pool/';
const T0 = Date.parse('2026-03-17T08:00:00.000Z');
const SEC = 1000;
const MIN = 60 * SEC;
// Two recordings with a 17-minute gap between them, and one the next day.
const SPANS = [
  { start: T0, end: T0 + 30 * MIN },
  { start: T0 + 47 * MIN, end: T0 + 70 * MIN },
  { start: T0 + 24 * 60 * MIN, end: T0 + 24 * 60 * MIN + 20 * MIN },
];
const stream = { userId: 'u1', computerId: 'c1' };
const info: SessionInfo = {
  stream,
  user: { id: 'u1', name: 'Ada Test', login: 'ada', ip: '10.0.0.7' },
  computer: { id: 'c1', name: 'WS-01', os: 'Windows 11' },
  timezone: 'Europe/Berlin',
  session: null,
  capabilities: ['view'],
  encryption: null,
  live: { online: false },
  audioTracks: [],
  recorded: { start: SPANS[0]!.start, end: SPANS[2]!.end },
};
const QUARTER_LAYOUT = { ...TIMECODE_LAYOUT, blockSize: TIMECODE_LAYOUT.blockSize / 4 };

let pool: FixturePool;
let segments: PoolSegment[];

before(async () => {
  pool = await (await fetch(`${POOL_URL}pool.json`)).json();
  segments = retimePool(pool, POOL_URL, SPANS);
});

/** A data source that counts the calls the provider makes, with some methods replaced. */
function countingSource(memory: MemoryDataSource, replace: Partial<SessionDataSource> = {}) {
  const calls = { getMedia: 0, getThumbnails: 0 };
  const source: SessionDataSource = {
    getSession: (r, o) => memory.getSession(r, o),
    getCoverage: (s, r, o) => memory.getCoverage(s, r, o),
    getMedia: (s, r, o) => {
      calls.getMedia++;
      return memory.getMedia(s, r, o);
    },
    getEvents: (s, q, o) => memory.getEvents(s, q, o),
    listTags: (s, r, o) => memory.listTags(s, r, o),
    createTag: (s, d, o) => memory.createTag(s, d, o),
    updateTag: (s, t, o) => memory.updateTag(s, t, o),
    deleteTag: (s, id, o) => memory.deleteTag(s, id, o),
    ...replace,
  };
  return { source, calls };
}

function poolSource() {
  return countingSource(new MemoryDataSource([poolStream(pool, POOL_URL, info, SPANS)]));
}

/** The real fetch, recording every URL asked for; `onFetch` runs first. */
function countingFetch(onFetch?: (url: string) => void) {
  const urls: string[] = [];
  const counted: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    urls.push(url);
    onFetch?.(url);
    return fetch(input, init);
  };
  return { fetch: counted, urls };
}

/** The burned-in pool frame number of a 240-px-wide preview. */
function frameNumber(frame: ThumbnailFrame): number | null {
  const canvas = new OffscreenCanvas(frame.width, frame.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(frame.image, 0, 0);
  return decodeTimecodeFromImageData(ctx.getImageData(0, 0, frame.width, frame.height), QUARTER_LAYOUT);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const live = (): AbortSignal => new AbortController().signal;

describe('createThumbnailProvider, decoding the media', () => {
  it('shows the first keyframe of the segment holding the instant, across its whole span', async () => {
    const { source } = poolSource();
    const provider = createThumbnailProvider(source, stream);
    const span0 = segments.filter((s) => s.start < SPANS[1]!.start);
    const wrapped = span0.findIndex((s, i) => i > 0 && s.poolStart === 0);
    const picked = [
      span0[0]!, // opens the recording
      span0[5]!,
      span0[wrapped]!, // the pool starts over: a discontinuity
      span0.at(-1)!, // the last before the gap
      segments.find((s) => s.start >= SPANS[1]!.start)!, // opens the second recording
      segments.find((s) => s.start >= SPANS[2]!.start + 5 * MIN)!, // the next day
    ];
    try {
      for (const seg of picked) {
        const end = seg.start + seg.durationMs;
        for (const at of [seg.start, seg.start + 999, end - SEC, end - 1]) {
          const frame = await provider(at, live());
          const where = `${new Date(at).toISOString()} (pool ${seg.poolStart}s)`;
          expect(frame, where).to.not.equal(null);
          expect(frame!.at, where).to.equal(seg.start);
          expect([frame!.width, frame!.height], where).to.deep.equal([240, 135]);
          expect([frame!.image.width, frame!.image.height], where).to.deep.equal([240, 135]);
          expect(frameNumber(frame!), where).to.equal(Math.round(seg.poolStart * pool.fps));
        }
      }
    } finally {
      provider.dispose();
    }
  });

  it('resolves null in a gap', async () => {
    const { source } = poolSource();
    const provider = createThumbnailProvider(source, stream);
    const lastOfDay = segments.filter((s) => s.start < SPANS[2]!.start).at(-1)!;
    expect(await provider(T0 + 35 * MIN, live())).to.equal(null);
    expect(await provider(lastOfDay.start + lastOfDay.durationMs, live())).to.equal(null);
    expect(await provider(T0 - 1, live())).to.equal(null);
    provider.dispose();
  });

  it('serves a second request for the same segment from memory', async () => {
    const { source, calls } = poolSource();
    const counter = countingFetch();
    const provider = createThumbnailProvider(source, stream, { fetch: counter.fetch });
    const seg = segments[12]!;
    const first = await provider(seg.start + 100, live());
    expect(calls.getMedia).to.equal(1);
    expect(counter.urls.map((u) => u.split('/').pop())).to.have.members(['init.mp4', seg.uri.split('/').pop()]);

    const started = performance.now();
    const second = await provider(seg.start + seg.durationMs - 100, live());
    const elapsed = performance.now() - started;
    expect(second!.image).to.equal(first!.image);
    expect(second!.at).to.equal(seg.start);
    expect(calls.getMedia).to.equal(1);
    expect(counter.urls).to.have.length(2);
    expect(elapsed).to.be.below(50);

    // Another segment of the same playlist window: one media fetch, the init is cached.
    await provider(segments[13]!.start, live());
    expect(calls.getMedia).to.equal(1);
    expect(counter.urls.slice(2)).to.deep.equal([segments[13]!.uri]);
    provider.dispose();
  });

  it('shares one download between concurrent requests for a segment', async () => {
    const { source } = poolSource();
    const counter = countingFetch();
    const provider = createThumbnailProvider(source, stream, { fetch: counter.fetch });
    const seg = segments[20]!;
    const [a, b] = await Promise.all([provider(seg.start, live()), provider(seg.start + 1500, live())]);
    expect(a!.image).to.equal(b!.image);
    expect(counter.urls.filter((u) => u === seg.uri)).to.have.length(1);
    provider.dispose();
  });

  it('rejects with AbortError when aborted, without poisoning the cache', async () => {
    const { source, calls } = poolSource();
    const seg = segments[30]!;
    const controller = new AbortController();
    const counter = countingFetch((url) => {
      if (url === seg.uri) controller.abort(); // while the segment downloads
    });
    const provider = createThumbnailProvider(source, stream, { fetch: counter.fetch });

    const early = new AbortController();
    early.abort();
    expect(((await rejection(provider(seg.start, early.signal))) as Error).name).to.equal('AbortError');
    expect(calls.getMedia).to.equal(0);

    expect(((await rejection(provider(seg.start, controller.signal))) as Error).name).to.equal('AbortError');
    const frame = await provider(seg.start + 10, live());
    expect(frameNumber(frame!)).to.equal(Math.round(seg.poolStart * pool.fps));
    provider.dispose();
  });

  it('keeps a shared request going for the callers that still wait', async () => {
    const { source } = poolSource();
    const counter = countingFetch();
    const provider = createThumbnailProvider(source, stream, { fetch: counter.fetch });
    const seg = segments[40]!;
    const leaving = new AbortController();
    const gone = provider(seg.start, leaving.signal);
    const staying = provider(seg.start + 500, live());
    leaving.abort();
    expect(((await rejection(gone)) as Error).name).to.equal('AbortError');
    const frame = await staying;
    expect(frameNumber(frame!)).to.equal(Math.round(seg.poolStart * pool.fps));
    expect(counter.urls.filter((u) => u === seg.uri)).to.have.length(1);
    provider.dispose();
  });

  it('dispose() closes its pictures and cancels pending requests', async () => {
    const { source } = poolSource();
    const provider = createThumbnailProvider(source, stream);
    const frame = await provider(segments[3]!.start, live());
    const pending = provider(segments[50]!.start, live());
    provider.dispose();
    expect(((await rejection(pending)) as Error).name).to.equal('AbortError');
    expect(frame!.image.width).to.equal(0); // a closed ImageBitmap has no size
    expect(await provider(segments[3]!.start, live())).to.equal(null);
  });

  it('resolves null for a missing segment or one that is not video', async () => {
    const at = T0;
    const one = (uri: string) =>
      new MemoryDataSource([
        {
          info,
          initUri: new URL(`${POOL_URL}init.mp4`, location.href).href,
          segments: [{ start: at, durationMs: 5 * SEC, uri: new URL(uri, location.href).href }],
        },
      ]);
    for (const uri of [`${POOL_URL}missing.m4s`, `${POOL_URL}pool.json`]) {
      const provider = createThumbnailProvider(one(uri), stream);
      expect(await provider(at + SEC, live()), uri).to.equal(null);
      provider.dispose();
    }
  });
});

describe('createThumbnailProvider, with a thumbnail track', () => {
  const colours = ['#ff0000', '#00ff00', '#0000ff'];
  const urls: string[] = [];

  before(async () => {
    for (const colour of colours) {
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 270;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 480, 270);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      urls.push(URL.createObjectURL(blob));
    }
  });
  after(() => urls.forEach((u) => URL.revokeObjectURL(u)));

  function thumbnailSource() {
    // Ten-second thumbnails for T0..T0+20s, one at T0+1h, a broken one, and nothing else.
    const items: ThumbnailTrack['items'] = [
      { at: T0, durationMs: 10 * SEC, url: urls[0]! },
      { at: T0 + 10 * SEC, durationMs: 10 * SEC, url: urls[1]! },
      { at: T0 + 60 * MIN, durationMs: 10 * SEC, url: urls[2]! },
      { at: T0 + 30 * MIN, durationMs: 10 * SEC, url: `${POOL_URL}missing.png` },
    ];
    const counted = countingSource(new MemoryDataSource([poolStream(pool, POOL_URL, info, SPANS)]), {
      getThumbnails: async (_stream, range) => {
        counted.calls.getThumbnails++;
        return { items: items.filter((i) => i.at + i.durationMs > range.start && i.at < range.end) };
      },
    });
    return counted;
  }

  function colourOf(frame: ThumbnailFrame): number[] {
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(frame.image, 0, 0);
    return [...ctx.getImageData(frame.width / 2, frame.height / 2, 1, 1).data.slice(0, 3)];
  }

  it('uses the thumbnail covering the instant and never decodes the media', async () => {
    const { source, calls } = thumbnailSource();
    const counter = countingFetch();
    const provider = createThumbnailProvider(source, stream, { fetch: counter.fetch });

    const a = await provider(T0 + 15 * SEC, live());
    expect(a!.at).to.equal(T0 + 10 * SEC);
    expect([a!.width, a!.height]).to.deep.equal([240, 135]);
    expect(colourOf(a!)).to.deep.equal([0, 255, 0]);
    const b = await provider(T0 + 9_999, live());
    expect(b!.at).to.equal(T0);
    expect(colourOf(b!)).to.deep.equal([255, 0, 0]);
    const c = await provider(T0 + 60 * MIN + 5 * SEC, live());
    expect(colourOf(c!)).to.deep.equal([0, 0, 255]);

    expect(await provider(T0 + 20 * SEC, live())).to.equal(null); // after the last thumbnail
    expect(await provider(T0 + 30 * MIN + SEC, live())).to.equal(null); // its image is missing

    const fetched = counter.urls.length;
    const again = await provider(T0 + 11 * SEC, live());
    expect(again!.image).to.equal(a!.image);
    expect(counter.urls).to.have.length(fetched);
    expect(calls.getThumbnails).to.equal(2); // one per hour asked about
    expect(calls.getMedia).to.equal(0);
    provider.dispose();
  });

  it('rejects with AbortError when aborted', async () => {
    const { source } = thumbnailSource();
    const provider = createThumbnailProvider(source, stream);
    const controller = new AbortController();
    const pending = provider(T0 + SEC, controller.signal);
    controller.abort();
    expect(((await rejection(pending)) as Error).name).to.equal('AbortError');
    expect(colourOf((await provider(T0 + SEC, live()))!)).to.deep.equal([255, 0, 0]);
    provider.dispose();
  });
});
