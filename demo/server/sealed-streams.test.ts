import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { decryptSegment, parseHeader, parseSealedPlaylist, unlock } from '../../packages/e2ee/src/index.js';
import { buildApp } from './app.js';
import { DEMO_PASSPHRASE } from './media/sealed-streams.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

const STREAM = '/api/streams/smarino/mil-ws-009';

describe('end-to-end encrypted demo streams', () => {
  let app: FastifyInstance;
  let dataDir: string;
  let cleanup: () => void;
  let recorded: { start: number; end: number };

  before(async () => {
    ({ dataDir, cleanup } = await seededDataDir('sealed'));
    app = await buildApp({ dataDir, fixturesDir: testFixturesDir() });
    recorded = (await app.inject('/api/session?userId=smarino&computerId=mil-ws-009')).json().recorded;
  });

  after(async () => {
    await app?.close();
    cleanup?.();
  });

  it('describes the stream as encrypted, with a header the demo passphrase opens', async () => {
    const info = (await app.inject('/api/session?userId=smarino&computerId=mil-ws-009')).json();
    assert.ok(info.capabilities.includes('decrypt'));
    const header = parseHeader(info.encryption);
    assert.equal(header.recordingId, 'smarino/mil-ws-009');
    assert.equal(header.wrapping, 'passphrase');
    assert.ok(header.iterations >= 600_000);
    await assert.rejects(unlock(header, { passphrase: 'wrong' }), { code: 'wrong-secret' });
    const plain = (await app.inject('/api/session?userId=ytanaka')).json();
    assert.equal(plain.encryption, null, 'other streams stay plain');
    assert.ok(!plain.capabilities.includes('decrypt'));
  });

  it('serves sealed segments that decrypt, in order, to the pool media they were made from', async () => {
    const info = (await app.inject('/api/session?userId=smarino&computerId=mil-ws-009')).json();
    const key = await unlock(parseHeader(info.encryption), { passphrase: DEMO_PASSPHRASE });
    const text = (await app.inject(`${STREAM}/playlist.m3u8?from=${recorded.start}&to=${recorded.end}`)).body;
    const playlist = parseSealedPlaylist(text);
    assert.ok(playlist.segments.length > 20);
    // One index space over the stream's whole history: consecutive, without holes.
    playlist.segments.forEach((s, i) => i > 0 && assert.equal(s.index, playlist.segments[i - 1]!.index + 1));
    const wall = (await app.inject(`${STREAM}/segments?from=${recorded.start}&to=${recorded.end}`)).json() as { start: number; file: string }[];
    const pool = join(testFixturesDir(), 'pool');
    for (const seg of [playlist.segments[0]!, playlist.segments[7]!, playlist.segments.at(-1)!]) {
      const res = await app.inject(seg.uri);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/octet-stream');
      const sealed = new Uint8Array(res.rawPayload);
      const plain = await decryptSegment(key, sealed, { kind: 'media', index: seg.index, start: seg.start });
      const source = wall.find((w) => w.start === seg.start)!;
      assert.ok(source, 'the segment sits where the pool segment plays');
      const original = readFileSync(join(pool, source.file));
      assert.deepEqual(Buffer.from(plain), original);
      assert.equal(Buffer.from(sealed).indexOf(original.subarray(100, 164)), -1, 'no plaintext in the sealed file');
    }
    const init = await app.inject(playlist.initUri);
    const initPlain = await decryptSegment(key, new Uint8Array(init.rawPayload), { kind: 'init', index: 0, start: 0 });
    assert.deepEqual(Buffer.from(initPlain), readFileSync(join(pool, 'init.mp4')));
  });

  it('keeps only ciphertext and headers on disk, and reuses them on the next start', async () => {
    const folder = join(dataDir, 'sealed', 'smarino', 'mil-ws-009');
    const [seal] = readdirSync(folder);
    const files = readdirSync(join(folder, seal!));
    assert.ok(files.includes('header.b64') && files.includes('init-0.sps'));
    assert.ok(files.every((f) => f === 'header.b64' || f.endsWith('.sps')), `only sealed files: ${files.join(', ')}`);
    const before = readFileSync(join(folder, seal!, 'header.b64'), 'utf8');
    await app.close();
    app = await buildApp({ dataDir, fixturesDir: testFixturesDir() });
    assert.deepEqual(readdirSync(folder), [seal], 'the same seal is served again');
    assert.equal(readFileSync(join(folder, seal!, 'header.b64'), 'utf8'), before);
  });
});
