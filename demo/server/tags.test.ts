import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { DataDirError } from './db/data-dir.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

describe('tags', () => {
  let app: FastifyInstance;
  let dataDir: string;
  let cleanup: () => void;
  let clock = Date.UTC(2030, 0, 1, 12);
  const now = () => clock;
  const base = '/api/streams/aschneider/ber-lt-007/tags';
  let range: string;

  const open = () => buildApp({ dataDir, fixturesDir: testFixturesDir(), now });

  before(async () => {
    ({ dataDir, cleanup } = await seededDataDir('tags'));
    app = await open();
    const recorded = (await app.inject('/api/session?userId=aschneider&computerId=ber-lt-007')).json().recorded;
    range = `from=${recorded.start - 86_400_000}&to=${recorded.end + 86_400_000}`;
  });
  after(async () => {
    await app?.close();
    cleanup?.();
  });

  it('creates, lists, edits and deletes a tag', async () => {
    const before = (await app.inject(`${base}?${range}`)).json();
    const at = before[0]?.at ?? Date.now();
    const created = await app.inject({ method: 'POST', url: base, payload: { at: at + 1000.4, name: '  USB stick <b>again</b>  ', notes: 'Ask IT' } });
    assert.equal(created.statusCode, 201);
    const tag = created.json();
    assert.match(tag.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      { ...tag, id: 'x' },
      { id: 'x', at: at + 1000, name: 'USB stick <b>again</b>', notes: 'Ask IT', createdAt: clock, updatedAt: clock },
    );

    const listed = (await app.inject(`${base}?${range}`)).json();
    assert.equal(listed.length, before.length + 1);
    assert.deepEqual(listed.find((t: { id: string }) => t.id === tag.id), tag);
    for (let i = 1; i < listed.length; i++) assert.ok(listed[i - 1].at <= listed[i].at, 'sorted by time');

    clock += 60_000;
    const patched = await app.inject({ method: 'PATCH', url: `${base}/${tag.id}`, payload: { notes: 'IT confirmed: personal device' } });
    assert.equal(patched.statusCode, 200);
    assert.deepEqual(patched.json(), { ...tag, notes: 'IT confirmed: personal device', updatedAt: clock });

    const moved = (await app.inject({ method: 'PATCH', url: `${base}/${tag.id}`, payload: { at: at + 5000, name: 'Moved' } })).json();
    assert.equal(moved.at, at + 5000);
    assert.equal(moved.name, 'Moved');
    assert.equal(moved.notes, 'IT confirmed: personal device');

    // Another stream does not see or touch it.
    const other = await app.inject({ method: 'DELETE', url: `/api/streams/aschneider/ber-ws-014/tags/${tag.id}` });
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().code, 'tag-not-found');

    const deleted = await app.inject({ method: 'DELETE', url: `${base}/${tag.id}` });
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assert.equal((await app.inject(`${base}?${range}`)).json().length, before.length);
  });

  it('answers 404 tag-not-found for unknown tags, 400 for empty edits', async () => {
    for (const res of [
      await app.inject({ method: 'PATCH', url: `${base}/00000000-0000-4000-8000-000000000000`, payload: { name: 'x' } }),
      await app.inject({ method: 'DELETE', url: `${base}/not-a-uuid` }),
    ]) {
      assert.equal(res.statusCode, 404);
      assert.deepEqual(Object.keys(res.json()).sort(), ['code', 'message']);
      assert.equal(res.json().code, 'tag-not-found');
    }
    const empty = await app.inject({ method: 'PATCH', url: `${base}/whatever`, payload: {} });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().message, /fewer than 1 (items|properties)/);
  });

  it('keeps created, edited and deleted tags across a restart on the same data folder', async () => {
    const a = (await app.inject({ method: 'POST', url: base, payload: { at: 1_000, name: 'kept' } })).json();
    const b = (await app.inject({ method: 'POST', url: base, payload: { at: 2_000, name: 'to edit' } })).json();
    const c = (await app.inject({ method: 'POST', url: base, payload: { at: 3_000, name: 'to delete' } })).json();
    await app.inject({ method: 'PATCH', url: `${base}/${b.id}`, payload: { name: 'edited', notes: 'after restart too' } });
    await app.inject({ method: 'DELETE', url: `${base}/${c.id}` });
    await app.close();

    app = await open();
    assert.equal(app.seedReport.seeded, false, 'restart does not seed again');
    const tags = (await app.inject(`${base}?from=0&to=86400000`)).json();
    assert.deepEqual(
      tags.map((t: { id: string; name: string; notes: string }) => [t.id, t.name, t.notes]),
      [
        [a.id, 'kept', ''],
        [b.id, 'edited', 'after restart too'],
      ],
    );
  });

  it('refuses to open a data folder that is already open', async () => {
    await assert.rejects(open(), (e: unknown) => e instanceof DataDirError && /already open/.test(e.message));
    // The running app is unaffected.
    assert.equal((await app.inject('/api/health')).statusCode, 200);
  });
});
