import { expect } from 'chai';
import { extractTestVectors, fixedRandom, type TestVectors } from '../scripts/test-vectors.js';
import { fromHex, toHex } from './format/bytes.js';
import { createRecording, decryptSegment, parseHeader, sealSegment, unlock, type RecordingKey } from './index.js';

// The vectors are read from FORMAT.md itself, so the document cannot drift from the code.
describe('FORMAT.md test vectors (browser WebCrypto)', () => {
  let vectors: TestVectors;
  let passphraseKey: RecordingKey;

  before(async () => {
    const response = await fetch('/packages/e2ee/FORMAT.md');
    expect(response.ok, 'FORMAT.md is served').to.equal(true);
    vectors = extractTestVectors(await response.text());
    passphraseKey = await unlock(parseHeader(fromHex(vectors.header)), { passphrase: vectors.passphrase });
  });

  it('has the documented shape', () => {
    expect(vectors.formatVersion).to.equal(1);
    expect(vectors.iterations).to.equal(600_000);
    expect(vectors.segments.map((s) => s.kind)).to.include.members(['init', 'media']);
    expect(vectors.segments.some((s) => s.kind === 'media' && s.plaintext.length === 96)).to.equal(true);
    expect(vectors.rawKeyVector.segments).to.have.length.greaterThan(0);
  });

  it('parses the passphrase header into the documented fields', () => {
    const header = parseHeader(fromHex(vectors.header));
    expect(header.wrapping).to.equal('passphrase');
    expect(header.iterations).to.equal(vectors.iterations);
    expect(header.recordingId).to.equal(vectors.recordingId);
    expect(toHex(header.salt)).to.equal(vectors.salt);
    expect(toHex(header.noncePrefix)).to.equal(vectors.noncePrefix);
  });

  it('decrypts every passphrase segment to its plaintext', async () => {
    for (const s of vectors.segments) {
      const plain = await decryptSegment(passphraseKey, fromHex(s.sealed), { kind: s.kind, index: s.index, start: s.start });
      expect(toHex(plain), `${s.kind} ${s.index}`).to.equal(s.plaintext);
    }
  });

  it('decrypts the raw-key vector with the host key', async () => {
    const raw = vectors.rawKeyVector;
    const header = parseHeader(fromHex(raw.header));
    expect(header.wrapping).to.equal('raw-key');
    expect(header.iterations).to.equal(0);
    const key = await unlock(header, { key: fromHex(raw.key) });
    for (const s of raw.segments) {
      expect(toHex(await decryptSegment(key, fromHex(s.sealed), s))).to.equal(s.plaintext);
    }
  });

  it('writes the raw-key vector byte for byte from the same random bytes', async () => {
    const raw = vectors.rawKeyVector;
    const { header, key } = await createRecording({
      recordingId: raw.recordingId,
      secret: { key: fromHex(raw.key) },
      random: fixedRandom(raw.noncePrefix, raw.wrapNonce),
      dataKey: fromHex(raw.dataKey),
    });
    expect(toHex(header.bytes)).to.equal(raw.header);
    for (const s of raw.segments) {
      const sealed = await sealSegment(key, { kind: s.kind, index: s.index, start: s.start, data: fromHex(s.plaintext) });
      expect(toHex(sealed)).to.equal(s.sealed);
    }
  });

  it('derives the same key from the passphrase typed in decomposed form (NFD)', async () => {
    const nfd = vectors.passphrase.normalize('NFD');
    expect(nfd).not.to.equal(vectors.passphrase);
    const key = await unlock(parseHeader(fromHex(vectors.header)), { passphrase: nfd });
    const media = vectors.segments.find((s) => s.kind === 'media')!;
    expect(toHex(await decryptSegment(key, fromHex(media.sealed), media))).to.equal(media.plaintext);
  });
});
