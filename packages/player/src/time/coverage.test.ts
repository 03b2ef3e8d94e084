import { expect } from 'chai';
import { clipSpans, nearestRecorded, normaliseSpans, spanAfter, spanAt, spanBefore } from './coverage.js';

const spans = normaliseSpans([
  { start: 300, end: 400 },
  { start: 100, end: 200 },
  { start: 200, end: 250 },
]);

describe('coverage', () => {
  it('normalises: sorted and merged where spans touch', () => {
    expect(spans).to.deep.equal([
      { start: 100, end: 250 },
      { start: 300, end: 400 },
    ]);
  });

  it('answers which span holds, precedes and follows an instant', () => {
    expect(spanAt(spans, 100)).to.deep.equal({ start: 100, end: 250 });
    expect(spanAt(spans, 250)).to.equal(undefined);
    expect(spanBefore(spans, 260)).to.deep.equal({ start: 100, end: 250 });
    expect(spanBefore(spans, 350)).to.deep.equal({ start: 100, end: 250 });
    expect(spanAfter(spans, 260)).to.deep.equal({ start: 300, end: 400 });
    expect(spanAfter(spans, 350)).to.equal(undefined);
  });

  it('moves an instant in a gap to the nearest recording, or in the preferred direction', () => {
    expect(nearestRecorded(spans, 150)).to.equal(150);
    expect(nearestRecorded(spans, 260)).to.equal(249);
    expect(nearestRecorded(spans, 290)).to.equal(300);
    expect(nearestRecorded(spans, 260, 'after')).to.equal(300);
    expect(nearestRecorded(spans, 290, 'before')).to.equal(249);
    expect(nearestRecorded(spans, 10)).to.equal(100);
    expect(nearestRecorded(spans, 1000)).to.equal(399);
    expect(nearestRecorded([], 5)).to.equal(null);
  });

  it('clips spans to a day', () => {
    expect(clipSpans(spans, 200, 350)).to.deep.equal([
      { start: 200, end: 250 },
      { start: 300, end: 350 },
    ]);
  });
});
