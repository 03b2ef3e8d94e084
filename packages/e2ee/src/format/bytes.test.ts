import { expect } from 'chai';
import { fromBase64, fromHex, readI64, readU64, toBase64, toHex, writeI64, writeU64 } from './bytes.js';

describe('format bytes', () => {
  it('base64 matches the platform (btoa) for every length mod 3, and round-trips', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) & 255);
      const expected = btoa(String.fromCharCode(...bytes));
      expect(toBase64(bytes), `length ${length}`).to.equal(expected);
      expect(fromBase64(expected)).to.deep.equal(bytes);
    }
  });

  it('refuses malformed base64 and hex', () => {
    for (const bad of ['abc', 'ab=c', '====', 'ab-_', 'ab\u00e9c']) expect(() => fromBase64(bad), bad).to.throw(SyntaxError);
    for (const bad of ['abc', 'zz', '0x00']) expect(() => fromHex(bad), bad).to.throw(SyntaxError);
    expect(toHex(fromHex('00ff10AB'))).to.equal('00ff10ab');
  });

  it('writes and reads 64-bit integers exactly across the 32-bit boundary and for negative instants', () => {
    const view = new DataView(new ArrayBuffer(8));
    for (const value of [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 2, Number.MAX_SAFE_INTEGER]) {
      writeU64(view, 0, value);
      expect(readU64(view, 0)).to.equal(value);
      expect(view.getBigUint64(0)).to.equal(BigInt(value));
    }
    writeU64(view, 0, 5, 0x8000_0000);
    expect(view.getBigUint64(0)).to.equal((1n << 63n) | 5n);
    writeU64(view, 0, 2 ** 40 + 5, 0x4000_0000);
    expect(view.getBigUint64(0)).to.equal((1n << 62n) | (2n ** 40n + 5n));
    for (const value of [0, -1, -1500, -(2 ** 32), -(2 ** 32) - 1, Number.MIN_SAFE_INTEGER, 1714555800250, Number.MAX_SAFE_INTEGER]) {
      writeI64(view, 0, value);
      expect(readI64(view, 0)).to.equal(value);
      expect(view.getBigInt64(0)).to.equal(BigInt(value));
    }
  });
});
