import { buildTestVectors, extractTestVectors, type TestVectors } from '../scripts/test-vectors.js';
import { fromHex, toHex } from './format/bytes.js';
import { decryptSegment, parseHeader, unlock } from './index.js';

// Runs under `node --test`. Node modules are imported dynamically because the browser test
// runner serves `node:` imports as empty modules: there this file loads and registers nothing.
const { describe, it, before } = await import('node:test');
const assert: typeof import('node:assert/strict') = (await import('node:assert/strict')).default;
const { readFileSync } = await import('node:fs');
const subtle = globalThis.crypto.subtle;

if (typeof describe === 'function') describe('FORMAT.md test vectors (Node WebCrypto)', () => {
  let vectors: TestVectors;
  before(() => {
    vectors = extractTestVectors(readFileSync(new URL('../FORMAT.md', import.meta.url), 'utf8'));
  });

  it('decrypt with the library: passphrase and raw-key recordings', async () => {
    const key = await unlock(parseHeader(fromHex(vectors.header)), { passphrase: vectors.passphrase });
    for (const s of vectors.segments) assert.equal(toHex(await decryptSegment(key, fromHex(s.sealed), s)), s.plaintext, `${s.kind} ${s.index}`);
    const raw = vectors.rawKeyVector;
    const rawKey = await unlock(parseHeader(fromHex(raw.header)), { key: fromHex(raw.key) });
    for (const s of raw.segments) assert.equal(toHex(await decryptSegment(rawKey, fromHex(s.sealed), s)), s.plaintext);
  });

  it('match the spec text when checked with bare WebCrypto (no library code on the crypto path)', async () => {
    const header = fromHex(vectors.header);
    assert.equal(new TextDecoder().decode(header.subarray(0, 4)), 'SPEH');
    const L = new DataView(header.buffer).getUint16(44);
    assert.equal(header.length, 94 + L);
    assert.equal(toHex(new TextEncoder().encode(vectors.passphrase.normalize('NFC'))), vectors.passphraseUtf8);
    const password = await subtle.importKey('raw', fromHex(vectors.passphraseUtf8), 'PBKDF2', false, ['deriveBits']);
    const kek = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(vectors.salt), iterations: vectors.iterations }, password, 256));
    assert.equal(toHex(kek), vectors.kek);

    for (const [v, kekBytes] of [[vectors, kek], [vectors.rawKeyVector, fromHex(vectors.rawKeyVector.key)]] as const) {
      const h = fromHex(v.header);
      const idEnd = h.length - 48;
      const kekKey = await subtle.importKey('raw', new Uint8Array(kekBytes), 'AES-GCM', false, ['decrypt']);
      const dataKey = new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: h.subarray(32, 44), additionalData: h.subarray(0, idEnd) }, kekKey, h.subarray(idEnd)));
      assert.equal(toHex(dataKey), v.dataKey);
      const aesKey = await subtle.importKey('raw', dataKey, 'AES-GCM', false, ['decrypt']);
      for (const s of v.segments) {
        const sealed = fromHex(s.sealed);
        const view = new DataView(sealed.buffer);
        assert.equal(view.getBigUint64(12), BigInt(s.index));
        assert.equal(view.getBigInt64(20), BigInt(s.start));
        const counter = BigInt(s.index) | (s.kind === 'init' ? 1n << 63n : 0n);
        assert.equal(s.nonce, toHex(h.subarray(28, 32)) + counter.toString(16).padStart(16, '0'));
        assert.equal(s.aad, toHex(sealed.subarray(0, 32)) + toHex(h.subarray(44, idEnd)));
        const plain = await subtle.decrypt({ name: 'AES-GCM', iv: fromHex(s.nonce), additionalData: fromHex(s.aad) }, aesKey, sealed.subarray(32));
        assert.equal(toHex(new Uint8Array(plain)), s.plaintext);
      }
    }
  });

  it('are exactly what the generator produces today (FORMAT.md is up to date)', async () => {
    assert.deepEqual(await buildTestVectors(), vectors);
  });
});
