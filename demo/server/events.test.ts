import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

interface Event {
  id: string;
  at: number;
  kind: 'notification' | 'activity' | 'keystroke';
  app: string;
  window: string;
  title?: string;
  url?: string | null;
  text?: string;
  rule?: string;
  severity?: string;
  durationMs?: number;
}

/** What the contract says search looks at, matched the obvious way. */
function matches(e: Event, text: string): boolean {
  const fields = [e.app, e.window, e.title, e.url, e.text, e.rule].filter((f): f is string => typeof f === 'string');
  return fields.some((f) => f.toLowerCase().includes(text.toLowerCase()));
}

describe('events', () => {
  let app: FastifyInstance;
  let cleanup: () => void;
  let from: number;
  let to: number;
  let all: Event[];
  const stream = '/api/streams/aschneider/ber-ws-014';

  async function pageAll(query: string, limit: number): Promise<{ items: Event[]; pages: number }> {
    const items: Event[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${stream}/events?from=${from}&to=${to}&limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json() as { items: Event[]; nextCursor: string | null };
      assert.ok(page.items.length <= limit);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      assert.ok(pages < 1000, 'paging does not end');
    } while (cursor);
    return { items, pages };
  }

  before(async () => {
    const dir = await seededDataDir('events');
    cleanup = dir.cleanup;
    app = await buildApp({ dataDir: dir.dataDir, fixturesDir: testFixturesDir() });
    const recorded = (await app.inject('/api/session?userId=aschneider&computerId=ber-ws-014')).json().recorded;
    from = recorded.start;
    to = recorded.end;
    all = (await pageAll('', 1000)).items;
  });
  after(async () => {
    await app?.close();
    cleanup?.();
  });

  it('pages through every event once, ordered by (at, id)', async () => {
    assert.ok(all.length > 2500);
    const { items, pages } = await pageAll('', 333);
    assert.equal(pages, Math.ceil(all.length / 333));
    assert.deepEqual(items.map((e) => e.id), all.map((e) => e.id));
    assert.equal(new Set(items.map((e) => e.id)).size, items.length, 'duplicates');
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      assert.ok(a.at < b.at || (a.at === b.at && Number(a.id) < Number(b.id)), `order at ${i}`);
    }
  });

  it('returns each kind with its own fields', () => {
    const kinds = new Set(all.map((e) => e.kind));
    assert.deepEqual([...kinds].sort(), ['activity', 'keystroke', 'notification']);
    for (const e of all) {
      if (e.kind === 'notification') assert.ok(e.title && e.rule && ['low', 'medium', 'high', 'critical'].includes(e.severity!));
      if (e.kind === 'activity') assert.ok(typeof e.title === 'string' && e.durationMs! > 0 && 'url' in e);
      if (e.kind === 'keystroke') assert.ok(typeof e.text === 'string' && e.text.length > 0);
    }
    assert.ok(all.some((e) => e.kind === 'activity' && e.url?.startsWith('https://')), 'browser activities carry URLs');
  });

  for (const text of ['invoice', 'CONFIDENTIAL', 'Rhein Pharma', 'force.com/LIGHTNING/r/Account', 'grüße', '=SUMIFS(D:D', 'nwl-']) {
    it(`finds every match of "${text}" exactly once, across pages`, async () => {
      const expected = all.filter((e) => matches(e, text)).map((e) => e.id);
      assert.ok(expected.length > 0, `the seed has no "${text}"`);
      const { items } = await pageAll(`&text=${encodeURIComponent(text)}`, 7);
      assert.deepEqual(items.map((e) => e.id), expected);
    });
  }

  it('treats LIKE wildcards in the search text literally', async () => {
    for (const text of ['%', '_', 'in_oice', '100%', '\\']) {
      const expected = all.filter((e) => matches(e, text)).map((e) => e.id);
      const { items } = await pageAll(`&text=${encodeURIComponent(text)}`, 1000);
      assert.deepEqual(items.map((e) => e.id), expected, text);
    }
  });

  it('filters by kind and severity, combined with text', async () => {
    const { items } = await pageAll('&kinds=keystroke,notification&text=confidential', 50);
    assert.deepEqual(
      items.map((e) => e.id),
      all.filter((e) => e.kind !== 'activity' && matches(e, 'confidential')).map((e) => e.id),
    );
    const serious = await pageAll('&severities=high,critical', 1000);
    assert.deepEqual(
      serious.items.map((e) => e.id),
      all.filter((e) => e.kind === 'notification' && ['high', 'critical'].includes(e.severity!)).map((e) => e.id),
    );
  });

  it('clips to the half-open range [from, to)', async () => {
    const pivot = all[100]!.at;
    const res = (await app.inject(`${stream}/events?from=${pivot}&to=${all[200]!.at}&limit=1000`)).json();
    assert.equal(res.items[0].at, pivot);
    assert.ok(res.items.every((e: Event) => e.at >= pivot && e.at < all[200]!.at));
  });

  it('gives an activity density between 0 and 1 with the peak at 1', async () => {
    const res = await app.inject(`${stream}/activity-density?from=${from}&to=${to}&buckets=168`);
    assert.equal(res.statusCode, 200);
    const density = res.json() as number[];
    assert.equal(density.length, 168);
    assert.ok(density.every((d) => d >= 0 && d <= 1));
    assert.equal(Math.max(...density), 1);
    // Nights are idle.
    assert.ok(density.filter((d) => d === 0).length > 168 / 3);
  });

  it('rejects cursors it did not hand out', async () => {
    for (const cursor of ['garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('[1,"x"]').toString('base64url')]) {
      const res = await app.inject(`${stream}/events?from=${from}&to=${to}&cursor=${cursor}`);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'invalid-cursor');
    }
  });
});
