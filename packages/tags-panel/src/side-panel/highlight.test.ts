import { expect } from 'chai';
import { highlight } from './highlight.js';

describe('highlight', () => {
  it('returns the text as one part without a term', () => {
    expect(highlight('Hello', '')).to.deep.equal([{ text: 'Hello', match: false }]);
    expect(highlight('', 'x')).to.deep.equal([]);
  });

  it('marks every match, case-insensitively, keeping the original case', () => {
    expect(highlight('Zanzibar and ZANZIBAR', 'zanzibar')).to.deep.equal([
      { text: 'Zanzibar', match: true },
      { text: ' and ', match: false },
      { text: 'ZANZIBAR', match: true },
    ]);
  });

  it('does not overlap matches', () => {
    expect(highlight('aaaa', 'aa').map((p) => p.text)).to.deep.equal(['aa', 'aa']);
    expect(highlight('aaa', 'aa')).to.deep.equal([
      { text: 'aa', match: true },
      { text: 'a', match: false },
    ]);
  });

  it('joins back to the original text', () => {
    const text = 'x<script>alert(1)</script>y SCRIPT';
    const parts = highlight(text, 'script');
    expect(parts.map((p) => p.text).join('')).to.equal(text);
    expect(parts.filter((p) => p.match)).to.have.length(3);
  });

  it('maps matches back when lower-casing changes the length', () => {
    // 'İ' lower-cases to two code units.
    const parts = highlight('İstanbul Bar', 'bar');
    expect(parts).to.deep.equal([
      { text: 'İstanbul ', match: false },
      { text: 'Bar', match: true },
    ]);
  });
});
