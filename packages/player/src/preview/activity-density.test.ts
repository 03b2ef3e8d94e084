import { expect } from 'chai';
import { densityFromEvents, scaleToPeak } from './activity-density.js';

const range = { start: 1000, end: 2000 }; // ten buckets of 100 ms

const close = (actual: number[], expected: number[]): void => {
  expect(actual).to.have.length(expected.length);
  actual.forEach((v, i) => expect(v, `bucket ${i}`).to.be.closeTo(expected[i]!, 1e-9));
};

describe('densityFromEvents', () => {
  it('counts an event without duration once, in the bucket holding it', () => {
    const events = [{ at: 1000 }, { at: 1099 }, { at: 1100 }, { at: 1999 }, { at: 1500, durationMs: 0 }];
    expect(densityFromEvents(events, range, 10)).to.deep.equal([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('ignores events outside the range, its end excluded', () => {
    expect(densityFromEvents([{ at: 999 }, { at: 2000 }, { at: 5000 }], range, 10)).to.deep.equal(new Array(10).fill(0));
  });

  it('spreads an activity over the buckets it overlaps, in proportion to the time in each', () => {
    // 1150..1400: 50 ms in bucket 1, 100 in 2, 100 in 3, of 250.
    close(densityFromEvents([{ at: 1150, durationMs: 250 }], range, 10), [0, 0.2, 0.4, 0.4, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps a short activity inside one bucket at 1', () => {
    close(densityFromEvents([{ at: 1210, durationMs: 30 }], range, 10), [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('drops the part of an activity outside the range', () => {
    // 800..1200: half before the range, then 100 ms in each of buckets 0 and 1.
    close(densityFromEvents([{ at: 800, durationMs: 400 }], range, 10), [0.25, 0.25, 0, 0, 0, 0, 0, 0, 0, 0]);
    // 1950..2150: 50 ms in the last bucket.
    close(densityFromEvents([{ at: 1950, durationMs: 200 }], range, 10), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.25]);
  });

  it('adds up activities and events', () => {
    const events = [{ at: 1000, durationMs: 200 }, { at: 1050 }, { at: 1100, durationMs: 100 }];
    close(densityFromEvents(events, range, 10), [1.5, 1.5, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('works with buckets that do not divide the range evenly', () => {
    const values = densityFromEvents([{ at: 1000, durationMs: 1000 }, { at: 1999 }], range, 3);
    close(values, [1 / 3, 1 / 3, 1 / 3 + 1]);
  });

  it('gives no buckets for a non-positive count and zeros for an empty range', () => {
    expect(densityFromEvents([{ at: 1500 }], range, 0)).to.deep.equal([]);
    expect(densityFromEvents([{ at: 1500 }], { start: 1000, end: 1000 }, 2)).to.deep.equal([0, 0]);
  });

  it('does not change its input', () => {
    const events = Object.freeze([Object.freeze({ at: 1500, durationMs: 100 })]);
    expect(() => densityFromEvents(events, range, 10)).to.not.throw();
  });
});

describe('scaleToPeak', () => {
  it('scales so the busiest bucket is 1', () => {
    expect(scaleToPeak([0, 2, 4, 1])).to.deep.equal([0, 0.5, 1, 0.25]);
  });

  it('leaves all zeros alone', () => {
    expect(scaleToPeak([0, 0])).to.deep.equal([0, 0]);
    expect(scaleToPeak([])).to.deep.equal([]);
  });
});
