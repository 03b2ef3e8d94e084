import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { buildApp } from './app.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

/** Every route of the API; the OpenAPI document must describe each one. */
const ROUTES: [HTTPMethods, string][] = [
  ['GET', '/api/health'],
  ['GET', '/api/rows'],
  ['GET', '/api/session'],
  ['POST', '/api/audit'],
  ['GET', '/api/streams/{userId}/{computerId}/coverage'],
  ['GET', '/api/streams/{userId}/{computerId}/playlist.m3u8'],
  ['GET', '/api/streams/{userId}/{computerId}/segments'],
  ['GET', '/api/streams/{userId}/{computerId}/events'],
  ['GET', '/api/streams/{userId}/{computerId}/live.m3u8'],
  ['GET', '/api/streams/{userId}/{computerId}/activity-density'],
  ['GET', '/api/streams/{userId}/{computerId}/tags'],
  ['POST', '/api/streams/{userId}/{computerId}/tags'],
  ['PATCH', '/api/streams/{userId}/{computerId}/tags/{id}'],
  ['DELETE', '/api/streams/{userId}/{computerId}/tags/{id}'],
];

describe('API contract', () => {
  let app: FastifyInstance;
  let cleanup: () => void;
  let recorded: { start: number; end: number };

  before(async () => {
    const dir = await seededDataDir('contract');
    cleanup = dir.cleanup;
    app = await buildApp({ dataDir: dir.dataDir, fixturesDir: testFixturesDir() });
    recorded = (await app.inject('/api/session?userId=ytanaka')).json().recorded;
  });
  after(async () => {
    await app?.close();
    cleanup?.();
  });

  it('documents every route in /api/openapi.json, with request and response schemas', async () => {
    const res = await app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; parameters?: unknown[]; requestBody?: unknown }>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    assert.deepEqual(documented, ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    for (const [method, path] of ROUTES) {
      const op = doc.paths[path][method.toLowerCase()];
      const ok = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      assert.equal(ok.length, 1, `${method} ${path} documents its success response`);
      if (path !== '/api/health') assert.ok(op.responses['400'], `${method} ${path} documents 400`);
      if (method === 'POST' || method === 'PATCH') assert.ok(op.requestBody, `${method} ${path} has a body schema`);
      if (path.includes('{')) assert.ok(op.parameters?.length, `${method} ${path} documents its parameters`);
      // And the route really exists.
      assert.ok(app.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') }), `${method} ${path} is routed`);
    }
    assert.ok(doc.paths['/api/streams/{userId}/{computerId}/playlist.m3u8'].get.responses['200'].content['application/vnd.apple.mpegurl']);
  });

  it('answers bad input with 400 and a message that names the problem', async () => {
    const s = '/api/streams/ytanaka/tyo-mac-042';
    const day = 86_400_000;
    const cases: [string, string, RegExp][] = [
      [`${s}/coverage?from=10&to=5`, 'invalid-range', /"from" \(10\) must be earlier than "to" \(5\)/],
      [`${s}/coverage?from=10&to=10`, 'invalid-range', /earlier/],
      [`${s}/coverage?from=0&to=${8 * day + 1}`, 'range-too-long', /8\.00 days; at most 8 days/],
      [`${s}/coverage?from=abc&to=5`, 'invalid-request', /from must be integer/],
      [`${s}/coverage?to=5`, 'invalid-request', /required property 'from'/],
      [`${s}/playlist.m3u8?from=1&to=${9 * day}`, 'range-too-long', /at most 8 days/],
      [`${s}/events?from=0&to=1&kinds=activity,alerts`, 'invalid-kind', /unknown kind "alerts"/],
      [`${s}/events?from=0&to=1&severities=urgent`, 'invalid-severity', /unknown severity "urgent"/],
      [`${s}/events?from=0&to=1&limit=1001`, 'invalid-request', /limit must be <= 1000/],
      [`${s}/events?from=0&to=1&limit=0`, 'invalid-request', /limit must be >= 1/],
      [`${s}/activity-density?from=0&to=1`, 'invalid-request', /required property 'buckets'/],
      [`${s}/activity-density?from=0&to=1&buckets=0`, 'invalid-request', /buckets must be >= 1/],
      [`${s}/activity-density?from=0&to=${62 * day + 1}&buckets=10`, 'range-too-long', /62\.00 days; at most 62 days/],
      ['/api/rows?from=0&to=1&limit=5000', 'invalid-request', /limit must be <= 1000/],
      ['/api/session', 'invalid-request', /required property 'userId'/],
      ['/api/session?userId=ytanaka&at=yesterday', 'invalid-request', /at must be integer/],
    ];
    for (const [url, code, message] of cases) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['code', 'message'], url);
      assert.equal(body.code, code, url);
      assert.match(body.message, message, url);
    }
  });

  it('lets the heat map span the widest timeline view (62 days)', async () => {
    const to = Date.now();
    const res = await app.inject(`/api/streams/ytanaka/tyo-mac-042/activity-density?from=${to - 62 * 86_400_000}&to=${to}&buckets=400`);
    assert.equal(res.statusCode, 200);
    const density = res.json() as number[];
    assert.equal(density.length, 400);
    assert.equal(Math.max(...density), 1);
  });

  it('rejects malformed bodies with 400', async () => {
    const base = '/api/streams/ytanaka/tyo-mac-042/tags';
    const bad: [unknown, RegExp][] = [
      [{ name: 'x' }, /required property 'at'/],
      [{ at: 1, name: '' }, /name must NOT have fewer than 1 characters/],
      [{ at: 1, name: 'x'.repeat(121) }, /name must NOT have more than 120 characters/],
      [{ at: 1, name: 'x', notes: 'n'.repeat(2001) }, /notes must NOT have more than 2000 characters/],
      [{ at: 'noon', name: 'x' }, /at must be number/],
      [{ at: 1, name: '   ' }, /blank/],
    ];
    for (const [payload, message] of bad) {
      const res = await app.inject({ method: 'POST', url: base, payload: payload as object });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.match(res.json().message, message);
    }
    const broken = await app.inject({ method: 'POST', url: base, headers: { 'content-type': 'application/json' }, payload: '{"at":' });
    assert.equal(broken.statusCode, 400);
    assert.equal(typeof broken.json().code, 'string');
    const audit = await app.inject({ method: 'POST', url: '/api/audit', payload: { action: 'hack', stream: { userId: 'ytanaka', computerId: 'tyo-mac-042' }, at: 1 } });
    assert.equal(audit.statusCode, 400);
    assert.match(audit.json().message, /action/);
  });

  it('answers unknown users, computers and streams with 404 and a code', async () => {
    const cases: [string, string][] = [
      ['/api/session?userId=nobody', 'user-not-found'],
      ['/api/session?userId=ytanaka&computerId=nope', 'computer-not-found'],
      ['/api/session?userId=ytanaka&computerId=ber-ws-014', 'stream-not-found'],
      ['/api/session?userId=ytanaka&sessionId=nope', 'session-not-found'],
      ['/api/streams/nobody/tyo-mac-042/coverage?from=0&to=1', 'user-not-found'],
      ['/api/streams/ytanaka/nope/events?from=0&to=1', 'computer-not-found'],
      ['/api/streams/ytanaka/ber-lt-007/tags?from=0&to=1', 'stream-not-found'],
      ['/api/nothing-here', 'not-found'],
    ];
    for (const [url, code] of cases) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().code, code, url);
    }
  });

  it('describes a session: by instant, by id, else the latest', async () => {
    const latest = (await app.inject('/api/session?userId=ytanaka')).json();
    assert.deepEqual(latest.stream, { userId: 'ytanaka', computerId: 'tyo-mac-042' });
    assert.equal(latest.timezone, 'Asia/Tokyo');
    assert.deepEqual(latest.capabilities, ['view', 'screenshot', 'export', 'tagCreate', 'tagDelete', 'download', 'viewLive']);
    assert.equal(latest.encryption, null);
    assert.deepEqual(latest.live, { online: false });
    assert.deepEqual(latest.audioTracks.map((t: { id: string; channel: number }) => [t.id, t.channel]), [['speakers', 0], ['microphone', 1]]);
    assert.equal(latest.session.end, recorded.end);
    assert.equal(latest.session.durationMs, latest.session.end - latest.session.start);

    const at = recorded.start + 60_000;
    const first = (await app.inject(`/api/session?userId=ytanaka&at=${at}`)).json().session;
    assert.ok(first.start <= at && at < first.end);
    assert.equal(first.start, recorded.start);
    const byId = (await app.inject(`/api/session?userId=ytanaka&sessionId=${first.id}`)).json().session;
    assert.deepEqual(byId, first);
    for (const key of ['protocol', 'clientIp', 'credential', 'sizeBytes']) assert.ok(first[key], key);
  });

  it('lists grid rows newest first, paged by cursor', async () => {
    const from = recorded.end - 7 * 86_400_000;
    const rows: { sessionId: string; start: number; end: number; notifications: number; timezone: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/rows?from=${from}&to=${recorded.end + 86_400_000}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await app.inject(url)).json();
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(rows.length >= 25);
    assert.equal(new Set(rows.map((r) => r.sessionId)).size, rows.length);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.start >= rows[i]!.start);
    assert.ok(rows.some((r) => r.notifications > 0));
    assert.equal(new Set(rows.map((r) => r.timezone)).size, 4);
  });

  it('stores audit events', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/audit',
      payload: { action: 'export', stream: { userId: 'ytanaka', computerId: 'tyo-mac-042' }, at: Date.now(), mediaAt: recorded.start, details: { justification: 'HR case 12', fps: 5, sound: true } },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.body, '');
  });
});
