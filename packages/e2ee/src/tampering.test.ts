import { expect } from 'chai';
import { rejection, testBytes, testHostKey } from './e2ee.test-support.js';
import { createRecording, decryptSegment, readSegmentHeader, sealSegment, unlock, type RecordingKey, type SegmentRef } from './index.js';

const T0 = Date.UTC(2024, 4, 1, 9, 30);
const ref = (index: number): SegmentRef => ({ kind: 'media', index, start: T0 + index * 6000 });
const INIT: SegmentRef = { kind: 'init', index: 0, start: 0 };
const LENGTH = 4068; // sealed: 32 + 4068 + 16 = 4116 bytes

/** Each way a backend could tamper with what it serves, and the reason the reader must report. */
describe('a tampered segment is refused with its reason', () => {
  const hostKey = testHostKey(3);
  let key: RecordingKey;
  let seg: Uint8Array[];
  let initSealed: Uint8Array;
  let otherRecording: Uint8Array;
  let samePrefixOtherRecording: Uint8Array;

  before(async () => {
    const { header, key: sealing } = await createRecording({ recordingId: 'bob@ACME/PC-1', secret: { key: hostKey } });
    seg = await Promise.all([0, 1, 2].map((i) => sealSegment(sealing, { ...ref(i), data: testBytes(LENGTH, i + 1) })));
    initSealed = await sealSegment(sealing, { ...INIT, data: testBytes(500, 9) });
    key = await unlock(header, { key: hostKey });
    const other = await createRecording({ recordingId: 'eve@ACME/PC-2', secret: { key: hostKey } });
    otherRecording = await sealSegment(other.key, { ...ref(1), data: testBytes(LENGTH, 2) });
    // Same key, same nonce prefix, different recording id: only the AAD tells them apart.
    const prefix = header.noncePrefix;
    const twin = await createRecording({
      recordingId: 'bob@ACME/PC-1b',
      secret: { key: hostKey },
      random: (n) => (n === 4 ? prefix.slice() : crypto.getRandomValues(new Uint8Array(n))),
    });
    samePrefixOtherRecording = await sealSegment(twin.key, { ...ref(1), data: testBytes(LENGTH, 2) });
  });

  const flipped = (bytes: Uint8Array, offset: number, mask = 1) => {
    const copy = bytes.slice();
    copy[offset]! ^= mask;
    return copy;
  };

  it('the untouched segment decrypts (control)', async () => {
    expect(await decryptSegment(key, seg[1]!, ref(1))).to.deep.equal(testBytes(LENGTH, 2));
  });

  it('a flipped byte in the ciphertext → authentication', async () => {
    const error = await rejection(decryptSegment(key, flipped(seg[1]!, 32 + 1000), ref(1)), 'segment-altered', 'authentication');
    expect(error.expected).to.deep.equal(ref(1));
    expect(error.message).to.contain('Media segment 1 (2024-05-01T09:30:06.000Z)');
  });

  it('a flipped byte in the tag → authentication', async () => {
    await rejection(decryptSegment(key, flipped(seg[1]!, seg[1]!.length - 1), ref(1)), 'segment-altered', 'authentication');
  });

  it('flipped bytes in each segment header field → their reasons', async () => {
    await rejection(decryptSegment(key, flipped(seg[1]!, 0), ref(1)), 'segment-altered', 'not-sealed'); // magic
    await rejection(decryptSegment(key, flipped(seg[1]!, 4), ref(1)), 'segment-altered', 'not-sealed'); // version
    await rejection(decryptSegment(key, flipped(seg[1]!, 5, 3), ref(1)), 'segment-altered', 'not-sealed'); // kind 3
    await rejection(decryptSegment(key, flipped(seg[1]!, 5, 2), ref(1)), 'segment-altered', 'wrong-kind'); // a live chunk
    await rejection(decryptSegment(key, flipped(seg[1]!, 7), ref(1)), 'segment-altered', 'not-sealed'); // reserved
    await rejection(decryptSegment(key, flipped(seg[1]!, 5), ref(1)), 'segment-altered', 'wrong-kind');
    await rejection(decryptSegment(key, flipped(seg[1]!, 9), ref(1)), 'segment-altered', 'other-recording');
    await rejection(decryptSegment(key, flipped(seg[1]!, 19), ref(1)), 'segment-altered', 'wrong-index');
    await rejection(decryptSegment(key, flipped(seg[1]!, 12, 0x80), ref(1)), 'segment-altered', 'wrong-index'); // bit 63 set
    await rejection(decryptSegment(key, flipped(seg[1]!, 25), ref(1)), 'segment-altered', 'wrong-start');
    await rejection(decryptSegment(key, flipped(seg[1]!, 20, 0x80), ref(1)), 'segment-altered', 'wrong-start'); // sign bit
    await rejection(decryptSegment(key, flipped(seg[1]!, 31), ref(1)), 'segment-altered', 'truncated'); // length N
  });

  it('a start moved by 1 ms passes the playlist tolerance but not the AAD → authentication', async () => {
    const shifted = flipped(seg[1]!, 27, 1); // T0 + 6000 is even: +1 ms
    expect(readSegmentHeader(shifted).start).to.equal(ref(1).start + 1);
    await rejection(decryptSegment(key, shifted, ref(1)), 'segment-altered', 'authentication');
  });

  it('a reader expecting a start 1 ms off (playlist rounding) still decrypts', async () => {
    expect(await decryptSegment(key, seg[1]!, { ...ref(1), start: ref(1).start + 1 })).to.have.length(LENGTH);
    expect(await decryptSegment(key, seg[1]!, { ...ref(1), start: ref(1).start - 1 })).to.have.length(LENGTH);
  });

  it('truncated → truncated, with the byte counts in the message', async () => {
    const error = await rejection(decryptSegment(key, seg[1]!.subarray(0, 3000), ref(1)), 'segment-altered', 'truncated');
    expect(error.message).to.contain('is truncated: 3000 of 4116 bytes');
    await rejection(decryptSegment(key, seg[1]!.subarray(0, 20), ref(1)), 'segment-altered', 'truncated');
    await rejection(decryptSegment(key, new Uint8Array(0), ref(1)), 'segment-altered', 'truncated');
    const longer = new Uint8Array(seg[1]!.length + 1);
    longer.set(seg[1]!);
    await rejection(decryptSegment(key, longer, ref(1)), 'segment-altered', 'truncated');
  });

  it('plain media bytes → not-sealed', async () => {
    await rejection(decryptSegment(key, testBytes(5000, 4), ref(1)), 'segment-altered', 'not-sealed');
  });

  it('swapped segments → wrong-index; a segment served at another instant → wrong-start', async () => {
    await rejection(decryptSegment(key, seg[2]!, ref(1)), 'segment-altered', 'wrong-index');
    await rejection(decryptSegment(key, seg[1]!, ref(2)), 'segment-altered', 'wrong-index');
    const error = await rejection(decryptSegment(key, seg[1]!, { ...ref(1), start: ref(1).start + 60_000 }), 'segment-altered', 'wrong-start');
    expect(error.expected?.start).to.equal(ref(1).start + 60_000);
  });

  it('init served as media and media as init → wrong-kind', async () => {
    await rejection(decryptSegment(key, initSealed, ref(0)), 'segment-altered', 'wrong-kind');
    await rejection(decryptSegment(key, seg[0]!, INIT), 'segment-altered', 'wrong-kind');
    expect(await decryptSegment(key, initSealed, INIT)).to.deep.equal(testBytes(500, 9));
  });

  it('a segment of another recording → other-recording, or authentication when the prefixes collide', async () => {
    await rejection(decryptSegment(key, otherRecording, ref(1)), 'segment-altered', 'other-recording');
    await rejection(decryptSegment(key, samePrefixOtherRecording, ref(1)), 'segment-altered', 'authentication');
  });

  it('readSegmentHeader reports framing faults without a key', () => {
    expect(() => readSegmentHeader(testBytes(100, 5))).to.throw('not a sealed segment');
    expect(() => readSegmentHeader(seg[0]!.subarray(0, 100))).to.throw('truncated: 100 of 4116 bytes');
  });
});
