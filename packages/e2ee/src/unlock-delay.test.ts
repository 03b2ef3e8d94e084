import { expect } from 'chai';
import { minimumDelayAfterFailures } from './index.js';

describe('minimumDelayAfterFailures', () => {
  it('is 0, then 1 s doubling per failure, capped at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100, 1e9].map(minimumDelayAfterFailures)).to.deep.equal([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    expect(minimumDelayAfterFailures(-1)).to.equal(0);
    expect(minimumDelayAfterFailures(Number.NaN)).to.equal(0);
  });
});
