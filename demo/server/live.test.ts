import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { encodeVideoChunk } from '../../packages/player/src/live/live-protocol.js';
import { buildApp } from './app.js';
import { openPglite } from './db/db.js';
import type { LivePeer } from './live/live-peer.js';
import { CLOSE_REPLACED, LiveRelay } from './live/live-relay.js';
import { DEFAULT_LIVE_SETTINGS, LIVE_SETTING_KEYS, LiveSettingsStore, liveSettingsFrom } from './live/live-settings.js';
import { parseViewerMessage } from './live/viewer-messages.js';
import type { AuditRecord } from './store/audit-store.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

type Json = Record<string, unknown>;
type Received = { text: Json; binary?: undefined } | { binary: Buffer; text?: undefined };

/** A WebSocket client that queues what it receives, for step-by-step assertions. */
class Client {
  private readonly queue: Received[] = [];
  private wake: (() => void) | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    // `ws` 7 hands text frames over as strings; `ws` 8 as Buffers with isBinary = false.
    ws.on('message', ((data: WebSocket.Data, isBinary?: boolean) => {
      const binary = isBinary ?? typeof data !== 'string';
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as string);
      this.queue.push(binary ? { binary: buf } : { text: JSON.parse(buf.toString()) as Json });
      this.wake?.();
    }) as (data: WebSocket.Data) => void);
    this.closed = new Promise((resolve) => ws.on('close', (code: number, reason: Buffer | string) => resolve({ code, reason: String(reason) })));
  }

  static open(url: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new Client(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** The next message, in order. */
  async next(timeoutMs = 3000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no message arrived');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.queue.shift()!;
  }

  async nextText(): Promise<Json> {
    const m = await this.next();
    assert.ok(m.text, `expected a text message, got ${m.binary?.byteLength} binary bytes`);
    return m.text;
  }

  async nextBinary(): Promise<Buffer> {
    const m = await this.next();
    assert.ok(m.binary, `expected a binary message, got ${JSON.stringify(m.text)}`);
    return m.binary;
  }

  send(m: Json | string): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    await this.closed;
  }
}

/** Opens a socket the server should refuse; resolves with the HTTP answer. */
function refused(url: string): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => reject(new Error(`${url} was accepted`)));
    ws.once('error', () => {}); // the socket is destroyed after the answer
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as Json }));
    });
  });
}

const frame = (key: boolean, n: number, size = 1000) =>
  encodeVideoChunk({ key, timestamp: n * 200_000, capturedAt: 1_700_000_000_000 + n * 200, data: new Uint8Array(size).map((_, i) => (i * 7 + n) & 255) });

const SETTINGS = { t: 'settings', controlMessage: DEFAULT_LIVE_SETTINGS.controlMessage, consentTimeoutMs: 15_000 };

async function startApp(label: string): Promise<{ app: FastifyInstance; dataDir: string; cleanup: () => void; ws: string; http: string }> {
  const dir = await seededDataDir(label);
  const app = await buildApp({ dataDir: dir.dataDir, fixturesDir: testFixturesDir() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, ...dir, ws: `ws://127.0.0.1:${port}/api`, http: `http://127.0.0.1:${port}/api` };
}

describe('live relay over WebSockets', () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  const agentUrl = (userId: string, computerId: string) => `${server.ws}/live/agent?userId=${userId}&computerId=${computerId}`;
  const viewerUrl = (userId: string, computerId: string) => `${server.ws}/streams/${userId}/${computerId}/live`;
  const session = async (userId: string, computerId: string) =>
    (await (await fetch(`${server.http}/session?userId=${userId}&computerId=${computerId}`)).json()) as {
      live: { online: boolean };
      capabilities: string[];
    };

  /** An agent that has been greeted (settings, viewer count). */
  async function agent(userId: string, computerId: string, viewers = 0): Promise<Client> {
    const a = await Client.open(agentUrl(userId, computerId));
    assert.deepEqual(await a.nextText(), SETTINGS);
    assert.deepEqual(await a.nextText(), { t: 'viewers', count: viewers });
    return a;
  }

  before(async () => {
    server = await startApp('live');
  });
  after(async () => {
    await server?.app.close();
    server?.cleanup();
  });

  it('refuses unknown users, computers and streams before upgrading, with the usual 404', async () => {
    const cases: [string, number, string][] = [
      [viewerUrl('nobody', 'ber-ws-014'), 404, 'user-not-found'],
      [viewerUrl('ytanaka', 'nope'), 404, 'computer-not-found'],
      [viewerUrl('ytanaka', 'ber-ws-014'), 404, 'stream-not-found'],
      [agentUrl('nobody', 'tyo-mac-042'), 404, 'user-not-found'],
      [agentUrl('ytanaka', 'ber-lt-007'), 404, 'stream-not-found'],
      [`${server.ws}/live/agent?userId=ytanaka`, 400, 'invalid-request'],
    ];
    for (const [url, status, code] of cases) {
      const res = await refused(url);
      assert.equal(res.status, status, url);
      assert.equal(res.body.code, code, url);
      assert.equal(typeof res.body.message, 'string');
    }
  });

  it("greets the agent with the session's settings and relays its video to every viewer byte for byte", async () => {
    const a = await agent('aschneider', 'ber-ws-014');
    const v1 = await Client.open(viewerUrl('aschneider', 'ber-ws-014'));
    assert.deepEqual(await v1.nextText(), { t: 'agent', online: true });
    assert.deepEqual(await a.nextText(), { t: 'viewers', count: 1 });
    assert.deepEqual(await a.nextText(), { t: 'keyframe' });
    const v2 = await Client.open(viewerUrl('aschneider', 'ber-ws-014'));
    assert.deepEqual(await v2.nextText(), { t: 'agent', online: true });
    assert.deepEqual(await a.nextText(), { t: 'viewers', count: 2 });
    assert.deepEqual(await a.nextText(), { t: 'keyframe' });

    const frames = [frame(false, 0), frame(true, 1, 300_000), frame(false, 2), frame(false, 3, 20)];
    for (const f of frames) a.ws.send(f);
    for (const v of [v1, v2]) {
      // A viewer gets nothing before the first key frame: it could not decode it.
      for (const f of frames.slice(1)) assert.deepEqual(new Uint8Array(await v.nextBinary()), f);
    }
    await v2.close();
    assert.deepEqual(await a.nextText(), { t: 'viewers', count: 1 });
    await Promise.all([a.close(), v1.close()]);
  });

  it('gives a late viewer the agent state, the latest config and state, and asks the agent for a key frame', async () => {
    const a = await agent('aschneider', 'ber-ws-014');
    const config = { t: 'config', codec: 'avc1.42001f', codedWidth: 1280, codedHeight: 720, description: 'AAEC' };
    a.send({ t: 'config', codec: 'vp8', codedWidth: 640, codedHeight: 480 });
    a.send(config);
    a.send('{not json');
    a.send({ t: 'hello' });
    a.send({ t: 'state', control: 'superuser', frozen: false });
    a.send({ t: 'state', control: 'view-only', frozen: false, extra: 1 });
    // Sent after the config and state: once it arrives, they have been handled.
    a.ws.send(frame(true, 0));
    const v = await Client.open(viewerUrl('aschneider', 'ber-ws-014'));
    assert.deepEqual(await v.nextText(), { t: 'agent', online: true });
    assert.deepEqual(await v.nextText(), config);
    assert.deepEqual(await v.nextText(), { t: 'state', control: 'view-only', frozen: false });
    assert.deepEqual(await a.nextText(), { t: 'viewers', count: 1 });
    assert.deepEqual(await a.nextText(), { t: 'keyframe' });
    await Promise.all([a.close(), v.close()]);
  });

  it("passes a viewer's valid commands to the agent and drops invalid ones", async () => {
    const a = await agent('mreed', 'nyc-ws-221');
    const v = await Client.open(viewerUrl('mreed', 'nyc-ws-221'));
    assert.deepEqual(await v.nextText(), { t: 'agent', online: true });
    await a.nextText(); // viewers
    await a.nextText(); // keyframe

    const invalid: (Json | string)[] = [
      'not json',
      '[1,2]',
      { t: 'sudo' },
      { t: 'control', action: 'take' },
      { t: 'freeze', on: 'yes' },
      { t: 'pointer', kind: 'move', x: '10', y: 20, button: 0 },
      { t: 'pointer', kind: 'drag', x: 10, y: 20, button: 0 },
      { t: 'pointer', kind: 'move', x: 10, y: 20, button: 0.5 },
      // Valid, but input only goes through while the agent reports full control.
      { t: 'pointer', kind: 'move', x: 10, y: 20, button: 0 },
      { t: 'key', kind: 'down', key: 'a', code: 'KeyA', ctrl: false, alt: false, shift: false, meta: false },
    ];
    for (const m of invalid) v.send(m);
    v.ws.send(Buffer.from([1, 2, 3])); // viewers send no binary frames
    v.send({ t: 'control', action: 'request', please: true });
    assert.deepEqual(await a.nextText(), { t: 'control', action: 'request' }, 'the invalid ones never arrived');

    a.send({ t: 'state', control: 'full', frozen: false });
    assert.deepEqual(await v.nextText(), { t: 'state', control: 'full', frozen: false });
    const key = { t: 'key', kind: 'down', key: 'Enter', code: 'Enter', ctrl: false, alt: false, shift: true, meta: false };
    const valid: Json[] = [
      { t: 'pointer', kind: 'move', x: 640.5, y: -3, button: -1 },
      { t: 'pointer', kind: 'down', x: 641, y: 2, button: 0 },
      { ...key, key: 'x'.repeat(33) }, // too long: dropped
      { ...key, code: 'c'.repeat(33) }, // too long: dropped
      { ...key, ctrl: 1 }, // not a boolean: dropped
      key,
      { t: 'freeze', on: true },
      { t: 'ctrl-alt-del' },
      { t: 'keyframe' },
      { t: 'control', action: 'release' },
    ];
    for (const m of valid) v.send(m);
    for (const m of valid.filter((_, i) => i < 2 || i > 4)) assert.deepEqual(await a.nextText(), m);
    a.send({ t: 'state', control: 'none', frozen: true });
    assert.deepEqual(await v.nextText(), { t: 'state', control: 'none', frozen: true });
    await Promise.all([a.close(), v.close()]);
  });

  it('drops control, freeze and Ctrl+Alt+Del on a stream whose viewers lack those capabilities', async () => {
    const a = await agent('ytanaka', 'tyo-mac-042');
    a.send({ t: 'state', control: 'full', frozen: false });
    a.ws.send(frame(true, 0));
    const v = await Client.open(viewerUrl('ytanaka', 'tyo-mac-042'));
    assert.deepEqual(await v.nextText(), { t: 'agent', online: true });
    assert.deepEqual(await v.nextText(), { t: 'state', control: 'full', frozen: false });
    await a.nextText(); // viewers
    await a.nextText(); // keyframe
    v.send({ t: 'control', action: 'request' });
    v.send({ t: 'pointer', kind: 'down', x: 1, y: 1, button: 0 });
    v.send({ t: 'key', kind: 'down', key: 'a', code: 'KeyA', ctrl: false, alt: false, shift: false, meta: false });
    v.send({ t: 'freeze', on: true });
    v.send({ t: 'ctrl-alt-del' });
    v.send({ t: 'keyframe' }); // viewing is allowed
    assert.deepEqual(await a.nextText(), { t: 'keyframe' });
    await Promise.all([a.close(), v.close()]);
  });

  it('replaces an older agent of the same stream (close 4000) and keeps its viewers', async () => {
    const first = await agent('aschneider', 'ber-lt-007');
    const v = await Client.open(viewerUrl('aschneider', 'ber-lt-007'));
    assert.deepEqual(await v.nextText(), { t: 'agent', online: true });
    first.send({ t: 'config', codec: 'vp8', codedWidth: 640, codedHeight: 480 });
    assert.equal((await v.nextText()).t, 'config');

    const second = await agent('aschneider', 'ber-lt-007', 1);
    assert.deepEqual(await first.closed, { code: CLOSE_REPLACED, reason: 'replaced' });
    assert.deepEqual(await v.nextText(), { t: 'agent', online: true });
    v.send({ t: 'control', action: 'request' });
    assert.deepEqual(await second.nextText(), { t: 'control', action: 'request' });
    // The older agent's config went with it: a new viewer waits for the new agent's.
    const late = await Client.open(viewerUrl('aschneider', 'ber-lt-007'));
    assert.deepEqual(await late.nextText(), { t: 'agent', online: true });
    late.send({ t: 'keyframe' });
    assert.deepEqual(await second.nextText(), { t: 'viewers', count: 2 });
    assert.deepEqual(await second.nextText(), { t: 'keyframe' }); // asked for by the relay
    assert.deepEqual(await second.nextText(), { t: 'keyframe' }); // by the viewer: nothing came in between
    await Promise.all([second.close(), v.close(), late.close()]);
  });

  it("tells viewers when the agent goes, and /api/session reports the agent's presence", async () => {
    assert.deepEqual((await session('smarino', 'mil-lt-002')).live, { online: false });
    const v = await Client.open(viewerUrl('smarino', 'mil-lt-002'));
    assert.deepEqual(await v.nextText(), { t: 'agent', online: false });
    const a = await agent('smarino', 'mil-lt-002', 1);
    assert.deepEqual(await v.nextText(), { t: 'agent', online: true });
    assert.deepEqual((await session('smarino', 'mil-lt-002')).live, { online: true });
    assert.deepEqual((await session('smarino', 'mil-ws-009')).live, { online: false }, 'only that stream');
    await a.close();
    assert.deepEqual(await v.nextText(), { t: 'agent', online: false });
    assert.deepEqual((await session('smarino', 'mil-lt-002')).live, { online: false });
    await v.close();
  });

  it('gives every stream viewLive, and the controls to all but ytanaka on tyo-mac-042', async () => {
    const history = ['view', 'screenshot', 'export', 'tagCreate', 'tagDelete', 'download'];
    const control = ['remoteControl', 'freeze', 'ctrlAltDel'];
    const streams: [string, string, string[]][] = [
      ['aschneider', 'ber-ws-014', [...history, 'viewLive', ...control]],
      ['aschneider', 'ber-lt-007', [...history, 'viewLive', ...control]],
      ['mreed', 'nyc-ws-221', [...history, 'viewLive', ...control]],
      ['ytanaka', 'tyo-mac-042', [...history, 'viewLive']],
      ['smarino', 'mil-ws-009', [...history, 'viewLive', ...control, 'decrypt']],
      ['smarino', 'mil-lt-002', [...history, 'viewLive', ...control, 'decrypt']],
    ];
    for (const [userId, computerId, expected] of streams) {
      assert.deepEqual((await session(userId, computerId)).capabilities, expected, `${userId}/${computerId}`);
    }
  });
});

describe('live relay audit', () => {
  it('records control start/stop, freeze start/stop and Ctrl+Alt+Del in audit_events; settings rows override the defaults', async () => {
    const server = await startApp('live-audit');
    try {
      const a = await Client.open(`${server.ws}/live/agent?userId=mreed&computerId=nyc-ws-221`);
      await a.nextText(); // settings
      await a.nextText(); // viewers
      const v = await Client.open(`${server.ws}/streams/mreed/nyc-ws-221/live`);
      await v.nextText(); // agent online
      await a.nextText(); // viewers
      await a.nextText(); // keyframe
      const state = async (control: string, frozen: boolean) => {
        a.send({ t: 'state', control, frozen });
        assert.deepEqual(await v.nextText(), { t: 'state', control, frozen });
      };
      await state('pending', false);
      await state('full', false);
      await state('full', true);
      await state('full', false);
      await state('view-only', false);
      v.send({ t: 'ctrl-alt-del' });
      assert.deepEqual(await a.nextText(), { t: 'ctrl-alt-del' });
      await state('full', true);
      await a.close(); // ends control and freeze
      assert.deepEqual(await v.nextText(), { t: 'agent', online: false });
      await v.close();
    } finally {
      await server.app.close(); // flushes the relay's audit entries
    }
    const db = await openPglite(server.dataDir);
    try {
      const rows = await db.query<{ action: string; user_id: string; computer_id: string; details: Json }>(
        "SELECT action, user_id, computer_id, details FROM audit_events WHERE details->>'via' = 'live-relay' ORDER BY id",
      );
      assert.deepEqual(
        rows.map((r) => [r.action, r.details.control, r.details.reason ?? null]),
        [
          ['remote-control-start', 'full', null],
          ['freeze-start', 'full', null],
          ['freeze-stop', 'full', null],
          ['remote-control-stop', 'view-only', null],
          ['ctrl-alt-del', 'view-only', null],
          ['remote-control-start', 'full', null],
          ['freeze-start', 'full', null],
          ['remote-control-stop', 'none', 'agent-disconnected'],
          ['freeze-stop', 'none', 'agent-disconnected'],
        ],
      );
      for (const r of rows) assert.deepEqual([r.user_id, r.computer_id], ['mreed', 'nyc-ws-221']);

      // The settings an agent is greeted with come from the settings table when it has them.
      const store = new LiveSettingsStore(db);
      assert.deepEqual(await store.read(), DEFAULT_LIVE_SETTINGS);
      await db.query('INSERT INTO settings (key, value) VALUES ($1, $2), ($3, $4)', [
        LIVE_SETTING_KEYS.controlMessage, 'IT support is connected.', LIVE_SETTING_KEYS.consentTimeoutMs, '20000',
      ]);
      assert.deepEqual(await store.read(), { controlMessage: 'IT support is connected.', consentTimeoutMs: 20_000 });
    } finally {
      await db.close();
      server.cleanup();
    }
  });
});

/** A peer that records what the relay does with it. */
class FakePeer implements LivePeer {
  bufferedAmount = 0;
  readonly texts: Json[] = [];
  readonly binaries: Uint8Array[] = [];
  pings = 0;
  closedWith: [number, string] | null = null;
  terminated = false;
  sendText(text: string): void {
    this.texts.push(JSON.parse(text) as Json);
  }
  sendBinary(data: Uint8Array): void {
    this.binaries.push(data);
  }
  ping(): void {
    this.pings++;
  }
  close(code: number, reason: string): void {
    this.closedWith = [code, reason];
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('LiveRelay', () => {
  const stream = { userId: 'u', computerId: 'c' };
  const setup = () => {
    const audits: AuditRecord[] = [];
    const relay = new LiveRelay({
      audit: { append: async (e) => void audits.push(e) },
      now: () => 42,
      pingIntervalMs: 0,
      maxViewerBufferedBytes: 4 * 1024 * 1024,
    });
    const agentPeer = new FakePeer();
    const agent = relay.connectAgent(stream, agentPeer, DEFAULT_LIVE_SETTINGS);
    const viewerPeer = new FakePeer();
    const viewer = relay.connectViewer(stream, viewerPeer);
    agentPeer.texts.length = 0;
    viewerPeer.texts.length = 0;
    return { relay, audits, agentPeer, agent, viewerPeer, viewer };
  };

  it('drops video for a backed-up viewer until its queue drains and a key frame comes, asking for one once', () => {
    const { relay, agent, agentPeer, viewerPeer } = setup();
    const send = (f: Uint8Array) => agent.message(f, true);
    const k1 = frame(true, 1);
    const d2 = frame(false, 2);
    send(k1);
    send(d2);
    assert.deepEqual(viewerPeer.binaries, [k1, d2]);
    viewerPeer.bufferedAmount = 5 * 1024 * 1024;
    send(frame(false, 3));
    send(frame(true, 4)); // still backed up: even a key frame waits
    viewerPeer.bufferedAmount = 1000;
    send(frame(false, 5));
    assert.deepEqual(agentPeer.texts, [{ t: 'keyframe' }], 'asks for a key frame once drained');
    send(frame(false, 6));
    assert.equal(agentPeer.texts.length, 1, 'only once');
    const k7 = frame(true, 7);
    const d8 = frame(false, 8);
    send(k7);
    send(d8);
    assert.deepEqual(viewerPeer.binaries, [k1, d2, k7, d8]);
    assert.equal(relay.counters.videoFramesDropped, 4);
  });

  it('terminates a peer that misses two pongs', () => {
    const { relay, agentPeer, viewerPeer, viewer } = setup();
    relay.keepaliveTick();
    assert.equal(viewerPeer.pings, 1);
    viewer.pong();
    relay.keepaliveTick();
    assert.deepEqual([agentPeer.pings, viewerPeer.pings], [2, 2]);
    assert.equal(agentPeer.terminated, false, 'one missed pong is tolerated');
    relay.keepaliveTick(); // the agent missed two pongs: gone
    assert.equal(agentPeer.terminated, true);
    assert.equal(agentPeer.pings, 2);
    assert.equal(relay.isOnline('u', 'c'), false);
    assert.deepEqual(viewerPeer.texts, [{ t: 'agent', online: false }]);
    assert.equal(viewerPeer.terminated, false);
    relay.keepaliveTick(); // and now the viewer
    assert.equal(viewerPeer.terminated, true);
    assert.equal(relay.viewerCount('u', 'c'), 0);
  });

  it('counts and drops what the agent sends that is not a config or a state, and never throws', () => {
    const { relay, agent, viewerPeer } = setup();
    const text = (s: string) => agent.message(new TextEncoder().encode(s), false);
    for (const s of ['{', 'null', '"config"', '{"t":"viewers","count":3}', '{"t":"config","codec":"vp8","codedWidth":-1,"codedHeight":4}']) text(s);
    text('{"t":"state","control":"full","frozen":"yes"}');
    assert.equal(relay.counters.agentMessagesDropped, 6);
    assert.deepEqual(viewerPeer.texts, []);
  });

  it('closes every connection on close and records the end of control and freeze', async () => {
    const { relay, audits, agent, agentPeer, viewerPeer } = setup();
    agent.message(new TextEncoder().encode('{"t":"state","control":"full","frozen":true}'), false);
    await relay.close();
    assert.deepEqual(agentPeer.closedWith, [1001, 'server shutting down']);
    assert.deepEqual(viewerPeer.closedWith, [1001, 'server shutting down']);
    assert.deepEqual(
      audits.map((a) => [a.action, a.at, a.details?.reason ?? null]),
      [
        ['remote-control-start', 42, null],
        ['freeze-start', 42, null],
        ['remote-control-stop', 42, 'server-shutdown'],
        ['freeze-stop', 42, 'server-shutdown'],
      ],
    );
    const late = new FakePeer();
    relay.connectViewer(stream, late);
    assert.deepEqual(late.closedWith, [1001, 'server shutting down']);
  });

  it('validates viewer messages field by field', () => {
    assert.deepEqual(parseViewerMessage('{"t":"pointer","kind":"up","x":1e3,"y":0,"button":2,"extra":"x"}'), {
      t: 'pointer', kind: 'up', x: 1000, y: 0, button: 2,
    });
    assert.equal(parseViewerMessage('{"t":"pointer","kind":"up","x":1e400,"y":0,"button":2}'), null, 'Infinity is not finite');
    assert.equal(parseViewerMessage('{"t":"key","kind":"down","key":"","code":"","ctrl":false,"alt":false,"shift":false,"meta":false}'), null);
    assert.deepEqual(parseViewerMessage('{"t":"key","kind":"up","key":"Dead","code":"","ctrl":false,"alt":true,"shift":false,"meta":false}'), {
      t: 'key', kind: 'up', key: 'Dead', code: '', ctrl: false, alt: true, shift: false, meta: false,
    });
    assert.equal(parseViewerMessage(JSON.stringify({ t: 'control', action: 'request', pad: 'x'.repeat(2000) })), null, 'too long');
  });

  it('reads the control message and consent timeout from settings rows, falling back to the defaults', () => {
    assert.deepEqual(liveSettingsFrom(new Map()), DEFAULT_LIVE_SETTINGS);
    assert.deepEqual(
      liveSettingsFrom(new Map([[LIVE_SETTING_KEYS.controlMessage, ' IT is helping you. '], [LIVE_SETTING_KEYS.consentTimeoutMs, '30000']])),
      { controlMessage: 'IT is helping you.', consentTimeoutMs: 30_000 },
    );
    assert.deepEqual(
      liveSettingsFrom(new Map([[LIVE_SETTING_KEYS.controlMessage, '  '], [LIVE_SETTING_KEYS.consentTimeoutMs, 'soon']])),
      DEFAULT_LIVE_SETTINGS,
    );
  });
});
