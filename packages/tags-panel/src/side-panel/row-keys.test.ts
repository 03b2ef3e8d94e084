import { expect } from 'chai';
import { rowForKey } from './row-keys.js';

describe('rowForKey', () => {
  it('moves by one, by a page and to the ends, staying inside the list', () => {
    expect(rowForKey('ArrowDown', 3, 10, 5)).to.equal(4);
    expect(rowForKey('ArrowUp', 0, 10, 5)).to.equal(0);
    expect(rowForKey('PageDown', 3, 10, 5)).to.equal(7);
    expect(rowForKey('PageDown', 8, 10, 5)).to.equal(9);
    expect(rowForKey('PageUp', 3, 10, 5)).to.equal(0);
    expect(rowForKey('Home', 6, 10, 5)).to.equal(0);
    expect(rowForKey('End', 2, 10, 5)).to.equal(9);
  });

  it('ignores other keys and empty lists', () => {
    expect(rowForKey('a', 3, 10, 5)).to.equal(null);
    expect(rowForKey('ArrowDown', 0, 0, 5)).to.equal(null);
  });
});
