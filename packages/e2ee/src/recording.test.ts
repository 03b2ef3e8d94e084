import { expect } from 'chai';
import { rejection, testBytes, testHostKey } from './e2ee.test-support.js';
import {
  createRecording,
  decryptSegment,
  encryptRecording,
  headerToBase64,
  lock,
  parseHeader,
  readSegmentHeader,
  resumeRecording,
  sealSegment,
  unlock,
  type PlainSegment,
  type RecordingHeader,
  type SealedSegment,
  type SealingKey,
} from './index.js';

const T0 = Date.UTC(2024, 4, 1, 9, 30);
const media = (index: number, length = 4000): PlainSegment => ({ kind: 'media', index, start: T0 + index * 6000, data: testBytes(length, index + 1) });
const init: PlainSegment = { kind: 'init', index: 0, start: 0, data: testBytes(700, 99) };

describe('a passphrase recording', () => {
  // One PBKDF2 derivation per step (create, unlock, wrong try): about a second each.
  let header: RecordingHeader;
  let sealingKey: SealingKey;
  before(async () => {
    ({ header, key: sealingKey } = await createRecording({ recordingId: 'alice@ACME/PC-7', secret: { passphrase: 'correct horse battery staple' } }));
  });

  it('writes a header with the default 600,000 iterations, a random salt and nonce prefix', () => {
    expect(header.version).to.equal(1);
    expect(header.wrapping).to.equal('passphrase');
    expect(header.iterations).to.equal(600_000);
    expect(header.recordingId).to.equal('alice@ACME/PC-7');
    expect(header.salt).to.have.length(16);
    expect(header.salt.some((b) => b !== 0)).to.equal(true);
    expect(header.noncePrefix).to.have.length(4);
    expect(header.bytes).to.have.length(94 + 'alice@ACME/PC-7'.length);
  });

  it('round-trips init and media segments through base64 header, unlock and decrypt', async () => {
    const segments = [init, media(0), media(1, 1), media(2, 0)];
    const sealed = await Promise.all(segments.map((s) => sealSegment(sealingKey, s)));
    const key = await unlock(parseHeader(headerToBase64(header)), { passphrase: 'correct horse battery staple' });
    for (const [i, s] of segments.entries()) {
      expect(sealed[i]).to.have.length(32 + s.data.length + 16);
      expect(readSegmentHeader(sealed[i]!)).to.deep.include({ kind: s.kind, index: s.index, start: s.start, length: s.data.length });
      expect(await decryptSegment(key, sealed[i]!, s)).to.deep.equal(s.data);
    }
    // An ArrayBuffer and a view into a larger buffer work too.
    const padded = new Uint8Array(sealed[1]!.length + 10);
    padded.set(sealed[1]!, 5);
    expect(await decryptSegment(key, padded.subarray(5, 5 + sealed[1]!.length), segments[1]!)).to.deep.equal(segments[1]!.data);
    expect(await decryptSegment(key, sealed[1]!.slice().buffer, segments[1]!)).to.deep.equal(segments[1]!.data);
  });

  it("refuses a wrong passphrase with 'wrong-secret' and a message without the passphrase", async () => {
    const error = await rejection(unlock(header, { passphrase: 'correct horse battery stapler' }), 'wrong-secret');
    expect(error.message).to.contain('alice@ACME/PC-7');
    expect(error.message).not.to.contain('stapler');
  });

  it("refuses an empty passphrase without deriving, and a host key with 'header-invalid'", async () => {
    await rejection(unlock(header, { passphrase: '' }), 'wrong-secret');
    await rejection(unlock(header, { key: testHostKey(1) }), 'header-invalid');
  });
});

describe('a host-key (raw) recording', () => {
  const hostKey = testHostKey(7);

  it('round-trips with the key as bytes and as a CryptoKey', async () => {
    const { header, key } = await createRecording({ recordingId: 'stream-1', secret: { key: hostKey } });
    expect(header.wrapping).to.equal('raw-key');
    expect(header.iterations).to.equal(0);
    expect(header.salt.every((b) => b === 0)).to.equal(true);
    const sealed = await sealSegment(key, media(3));
    const fromBytes = await unlock(header, { key: hostKey });
    expect(await decryptSegment(fromBytes, sealed, media(3))).to.deep.equal(media(3).data);
    const kek = await crypto.subtle.importKey('raw', new Uint8Array(hostKey), 'AES-GCM', false, ['unwrapKey']);
    const fromCryptoKey = await unlock(header, { key: kek });
    expect(await decryptSegment(fromCryptoKey, sealed, media(3))).to.deep.equal(media(3).data);
  });

  it("refuses another host key with 'wrong-secret', a passphrase with 'header-invalid', a short key with 'wrong-secret'", async () => {
    const { header } = await createRecording({ recordingId: 'stream-1', secret: { key: hostKey } });
    await rejection(unlock(header, { key: testHostKey(8) }), 'wrong-secret');
    await rejection(unlock(header, { passphrase: 'anything' }), 'header-invalid');
    await rejection(unlock(header, { key: hostKey.subarray(0, 16) }), 'wrong-secret');
  });

  it('encryptRecording seals lazily, in order, and a writer can resume after a restart', async () => {
    const { header, sealed } = await encryptRecording({ recordingId: 'stream-2', secret: { key: hostKey }, segments: [init, media(0), media(1)] });
    const out: SealedSegment[] = [];
    for await (const s of sealed) out.push(s);
    expect(out.map((s) => `${s.kind}${s.index}`)).to.deep.equal(['init0', 'media0', 'media1']);
    const resumed = await resumeRecording(parseHeader(headerToBase64(header)), { key: hostKey });
    const next = await sealSegment(resumed, media(2));
    const key = await unlock(header, { key: hostKey });
    for (const s of out) expect(await decryptSegment(key, s.bytes, s)).to.deep.equal([init, media(0), media(1)].find((p) => p.kind === s.kind && p.index === s.index)!.data);
    expect(await decryptSegment(key, next, media(2))).to.deep.equal(media(2).data);
  });

  it('lock() makes the key unusable', async () => {
    const { header, key: sealing } = await createRecording({ recordingId: 'stream-3', secret: { key: hostKey } });
    const sealed = await sealSegment(sealing, media(0));
    const key = await unlock(header, { key: hostKey });
    expect(lock(key)).to.equal(true);
    expect(lock(key)).to.equal(false);
    let error: unknown;
    await decryptSegment(key, sealed, media(0)).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('InvalidStateError');
  });

  it('refuses arguments the format cannot carry', async () => {
    const fails = async (p: Promise<unknown>, text: string) => {
      let error: unknown;
      await p.catch((e: unknown) => (error = e));
      expect(error, text).to.be.instanceOf(RangeError);
      expect((error as Error).message).to.contain(text);
    };
    await fails(createRecording({ recordingId: '', secret: { key: hostKey } }), 'recording id');
    await fails(createRecording({ recordingId: 'x'.repeat(513), secret: { key: hostKey } }), 'recording id');
    await fails(createRecording({ recordingId: 'a', secret: { passphrase: '' } }), 'empty');
    await fails(createRecording({ recordingId: 'a', secret: { passphrase: 'p' }, iterations: 1000 }), 'iterations');
    await fails(createRecording({ recordingId: 'a', secret: { key: hostKey }, iterations: 600_000 }), 'iterations');
    await fails(createRecording({ recordingId: 'a', secret: { key: hostKey.subarray(1) } }), '32 bytes');
    const { key } = await createRecording({ recordingId: 'a', secret: { key: hostKey } });
    await fails(sealSegment(key, { kind: 'init', index: 0, start: 5, data: new Uint8Array(1) }), 'start 0');
    await fails(sealSegment(key, { kind: 'media', index: -1, start: 0, data: new Uint8Array(1) }), 'index');
    await fails(sealSegment(key, { kind: 'media', index: 2 ** 53, start: 0, data: new Uint8Array(1) }), 'index');
  });
});

describe('live chunks (kind 2)', () => {
  it('seal and open like segments, under a nonce no media or init segment of the recording uses', async () => {
    const hostKey = testHostKey(7);
    const { header, key: sealing } = await createRecording({ recordingId: 'live@ACME/PC-9', secret: { key: hostKey } });
    const key = await unlock(header, { key: hostKey });
    const data = testBytes(3000, 5);
    const chunk = await sealSegment(sealing, { kind: 'live', index: 3, start: T0, data });
    expect(readSegmentHeader(chunk)).to.include({ kind: 'live', index: 3, start: T0 });
    expect(await decryptSegment(key, chunk, { kind: 'live', index: 3, start: T0 })).to.deep.equal(data);
    // The same index and plaintext as a media segment: a different nonce, so different bytes.
    const asMedia = await sealSegment(sealing, { kind: 'media', index: 3, start: T0, data });
    expect(Array.from(asMedia.subarray(32))).to.not.deep.equal(Array.from(chunk.subarray(32)));
    await rejection(decryptSegment(key, chunk, { kind: 'media', index: 3, start: T0 }), 'segment-altered', 'wrong-kind');
  });
});
