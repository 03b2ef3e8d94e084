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

  it('creates idempotently with a client-chosen id: a repeat returns the stored tag, other content is a 409', async () => {
    const id = crypto.randomUUID();
    const payload = { id, at: 4_000.4, name: '  Retried  ', notes: 'sent twice' };
    const first = await app.inject({ method: 'POST', url: base, payload });
    assert.equal(first.statusCode, 201);
    const tag = first.json();
    assert.deepEqual(tag, { id, at: 4_000, name: 'Retried', notes: 'sent twice', createdAt: clock, updatedAt: clock });

    // The answer was lost; the client sends the very same request again, later.
    clock += 5_000;
    const again = await app.inject({ method: 'POST', url: base, payload });
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), tag, 'the stored tag, unchanged (not re-created)');
    const both = await Promise.all([1, 2].map(() => app.inject({ method: 'POST', url: base, payload: { ...payload, id: `${id}-x` } })));
    assert.deepEqual(both.map((r) => r.statusCode), [201, 201], 'concurrent repeats both succeed');
    assert.equal(both[0]!.json().id, `${id}-x`);
    const listed = (await app.inject(`${base}?from=0&to=86400000`)).json() as { id: string }[];
    assert.equal(listed.filter((t) => t.id === id).length, 1, 'exactly once');
    assert.equal(listed.filter((t) => t.id === `${id}-x`).length, 1, 'exactly once');

    for (const other of [
      { method: 'POST' as const, url: base, payload: { ...payload, notes: 'something else' } },
      { method: 'POST' as const, url: '/api/streams/aschneider/ber-ws-014/tags', payload },
    ]) {
      const res = await app.inject(other);
      assert.equal(res.statusCode, 409, other.url);
      assert.equal(res.json().code, 'tag-id-conflict');
      assert.match(res.json().message, new RegExp(`tag id "${id}" is already used by a different tag`));
    }

    // Once deleted, the id is free again (a create replayed after a delete elsewhere re-creates it).
    await app.inject({ method: 'DELETE', url: `${base}/${id}` });
    assert.equal((await app.inject({ method: 'POST', url: base, payload })).statusCode, 201);
    for (const t of [id, `${id}-x`]) assert.equal((await app.inject({ method: 'DELETE', url: `${base}/${t}` })).statusCode, 204);
  });

  it('accepts ids of 1 to 64 URL-safe characters only', async () => {
    for (const id of ['', 'a'.repeat(65), 'has space', 'ä', 'a/b', '../x']) {
      const res = await app.inject({ method: 'POST', url: base, payload: { id, at: 1, name: 'x' } });
      assert.equal(res.statusCode, 400, JSON.stringify(id));
      assert.equal(res.json().code, 'invalid-request');
      assert.match(res.json().message, /id must/);
    }
    for (const id of ['A', 'a'.repeat(64), 'tag_1-B']) {
      const res = await app.inject({ method: 'POST', url: base, payload: { id, at: 1, name: 'ok' } });
      assert.equal(res.statusCode, 201, id);
      assert.equal(res.json().id, id);
      await app.inject({ method: 'DELETE', url: `${base}/${id}` });
    }
    const post = (await app.inject('/api/openapi.json')).json().paths['/api/streams/{userId}/{computerId}/tags'].post;
    assert.ok(post.responses['409'], 'the OpenAPI document names the 409');
    const id = post.requestBody.content['application/json'].schema.properties.id;
    assert.deepEqual([id.minLength, id.maxLength, id.pattern], [1, 64, '^[A-Za-z0-9_-]+$']);
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
