import { expect } from 'chai';
import { extractTestVectors, type TestVectors } from '../scripts/test-vectors.js';
import { testHostKey } from './e2ee.test-support.js';
import { fromHex, toBase64 } from './format/bytes.js';
import { cryptoKeyOf } from './key-vault.js';
import { createRecording, parseHeader, unlock, type RecordingKey } from './index.js';

/** Every value reachable from `root` through own properties (enumerable or not, symbols too) and prototypes. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue = [root];
  while (queue.length) {
    const value = queue.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) continue; // typed arrays: checked by content below
    for (const name of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, name)!;
      if ('value' in descriptor) queue.push(descriptor.value);
    }
    const proto = Object.getPrototypeOf(value);
    if (proto && proto !== Object.prototype && proto !== Function.prototype) queue.push(proto);
  }
  return [...seen];
}

describe('a RecordingKey exposes no key material', () => {
  // The vectors' data key is known, so we can search for it.
  let vectors: TestVectors['rawKeyVector'];
  let key: RecordingKey;
  before(async () => {
    vectors = extractTestVectors(await (await fetch('/packages/e2ee/FORMAT.md')).text()).rawKeyVector;
    key = await unlock(parseHeader(fromHex(vectors.header)), { key: fromHex(vectors.key) });
  });

  it('JSON.stringify and Object.keys show only the public header', () => {
    expect(Object.keys(key)).to.deep.equal(['header']);
    const json = JSON.stringify(key);
    const dataKey = fromHex(vectors.dataKey);
    for (const form of [vectors.dataKey, toBase64(dataKey), Array.from(dataKey).join(','), vectors.key]) expect(json).not.to.contain(form);
    expect(Object.isFrozen(key)).to.equal(true);
  });

  it('no CryptoKey and no data-key bytes are reachable from the key object', () => {
    const values = reachable(key);
    expect(values.some((v) => v instanceof CryptoKey)).to.equal(false);
    const dataKey = vectors.dataKey;
    for (const v of values) {
      if (v instanceof Uint8Array) expect(Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')).not.to.contain(dataKey);
    }
  });

  it('the data key held for it is non-extractable, decrypt-only, and exportKey rejects', async () => {
    const held = cryptoKeyOf(key)!;
    expect(held).to.be.instanceOf(CryptoKey);
    expect(held.extractable).to.equal(false);
    expect(held.usages).to.deep.equal(['decrypt']);
    for (const format of ['raw', 'jwk'] as const) {
      let error: unknown;
      await crypto.subtle.exportKey(format, held).catch((e: unknown) => (error = e));
      expect(error, format).to.be.instanceOf(DOMException);
    }
  });

  it("a SealingKey's key is non-extractable and encrypt-only", async () => {
    const { key: sealing } = await createRecording({ recordingId: 'x', secret: { key: testHostKey(2) } });
    const held = cryptoKeyOf(sealing)!;
    expect(held.extractable).to.equal(false);
    expect(held.usages).to.deep.equal(['encrypt']);
    expect(reachable(sealing).some((v) => v instanceof CryptoKey)).to.equal(false);
  });
});
