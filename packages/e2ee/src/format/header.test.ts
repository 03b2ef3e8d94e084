import { expect } from 'chai';
import { rejection, testHostKey, thrown } from '../e2ee.test-support.js';
import { createRecording, headerToBase64, parseHeader, unlock, type RecordingHeader } from '../index.js';
import { fixedRandom } from '../../scripts/test-vectors.js';

/** A valid passphrase header built without PBKDF2 (layout only): patch fields, then parse. */
async function passphraseHeaderBytes(): Promise<Uint8Array> {
  // A raw-key header has the same layout; switch it to passphrase wrapping with a real salt and count.
  const { header } = await createRecording({ recordingId: 'carol', secret: { key: testHostKey(1) }, random: fixedRandom('01020304', '0a0b0c0d0e0f101112131415', 'ff'.repeat(32)) });
  const bytes = header.bytes.slice();
  bytes[5] = 1;
  new DataView(bytes.buffer).setUint32(8, 600_000);
  bytes.fill(0x5a, 12, 28);
  return bytes;
}

const patched = (bytes: Uint8Array, patch: (view: DataView, bytes: Uint8Array) => void) => {
  const copy = bytes.slice();
  patch(new DataView(copy.buffer), copy);
  return copy;
};

describe('parseHeader', () => {
  let good: Uint8Array;
  before(async () => {
    good = await passphraseHeaderBytes();
  });

  it('reads a valid header from bytes, ArrayBuffer and base64, copying the bytes', () => {
    const header = parseHeader(good);
    expect(header).to.deep.include({ version: 1, recordingId: 'carol', wrapping: 'passphrase', iterations: 600_000 });
    expect(Array.from(header.noncePrefix)).to.deep.equal([1, 2, 3, 4]);
    expect(header.bytes).not.to.equal(good);
    expect(parseHeader(good.slice().buffer).bytes).to.deep.equal(good);
    expect(parseHeader(headerToBase64(header)).bytes).to.deep.equal(good);
    expect(parseHeader(headerToBase64(header) + '\n').bytes).to.deep.equal(good);
    expect(Object.isFrozen(header)).to.equal(true);
  });

  it('refuses weak and absurd PBKDF2 iteration counts (downgrade protection)', () => {
    const weak = thrown(() => parseHeader(patched(good, (v) => v.setUint32(8, 1000))), 'header-invalid');
    expect(weak.message).to.contain('1,000 PBKDF2 iterations');
    thrown(() => parseHeader(patched(good, (v) => v.setUint32(8, 599_999))), 'header-invalid');
    thrown(() => parseHeader(patched(good, (v) => v.setUint32(8, 10_000_001))), 'header-invalid');
    expect(parseHeader(patched(good, (v) => v.setUint32(8, 10_000_000))).iterations).to.equal(10_000_000);
  });

  it('names each other defect', () => {
    const cases: [string, Uint8Array | string][] = [
      ['"SPEH"', patched(good, (_, b) => (b[0] = 0x58))],
      ['version 2', patched(good, (_, b) => (b[4] = 2))],
      ['unknown key wrapping (3)', patched(good, (_, b) => (b[5] = 3))],
      ['reserved', patched(good, (_, b) => (b[7] = 1))],
      ['too short', good.subarray(0, 60)],
      ['implies', good.subarray(0, good.length - 1)],
      ['implies', new Uint8Array([...good, 0])],
      ['outside 1..512', patched(good, (v) => v.setUint16(44, 0))],
      ['outside 1..512', patched(good, (v) => v.setUint16(44, 513))],
      ['UTF-8', patched(good, (_, b) => (b[46] = 0xff))],
      ['base64', 'U1BFSAEB!!!='],
      ['all-zero salt', patched(good, (v, b) => { b[5] = 2; v.setUint32(8, 0); })],
      ['0 PBKDF2 iterations', patched(good, (_, b) => { b[5] = 2; b.fill(0, 12, 28); })],
    ];
    for (const [text, input] of cases) {
      const error = thrown(() => parseHeader(input), 'header-invalid');
      expect(error.message, text).to.contain(text);
    }
  });

  it("unlock re-checks the header bytes, so a hand-made 1000-iteration header is 'header-invalid' before any derivation", async () => {
    const valid = parseHeader(good);
    const weak: RecordingHeader = { ...valid, bytes: patched(good, (v) => v.setUint32(8, 1000)) };
    const started = performance.now();
    await rejection(unlock(weak, { passphrase: 'whatever' }), 'header-invalid');
    expect(performance.now() - started).to.be.lessThan(200);
  });
});
