import { expect } from 'chai';
import type { PanelEvent, PanelPage, PanelQuery } from '../types.js';
import { EventPages, PAGE_SIZE } from './event-pages.js';
import { PanelData, SEARCH_DEBOUNCE_MS } from './panel-data.js';

const RANGE = { start: 0, end: 1_000 };
const note = (id: string, at: number): PanelEvent => ({ id, kind: 'notification', at, app: 'A', window: 'W', title: id, rule: 'r', severity: 'low' });

interface Call {
  q: PanelQuery;
  signal: AbortSignal;
  resolve: (p: PanelPage) => void;
  reject: (e: unknown) => void;
}
function held() {
  const calls: Call[] = [];
  const query = (q: PanelQuery, signal: AbortSignal) => new Promise<PanelPage>((resolve, reject) => calls.push({ q, signal, resolve, reject }));
  return { calls, query };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('EventPages', () => {
  it('pages with the cursor until there is none', async () => {
    const { calls, query } = held();
    const seen: number[] = [];
    const pages = new EventPages({ range: RANGE, kinds: ['notification'] }, query, (items) => seen.push(items.length));
    pages.loadMore();
    pages.loadMore(); // one request at a time
    await tick();
    expect(calls).to.have.length(1);
    expect(calls[0]!.q).to.deep.equal({ range: RANGE, kinds: ['notification'], limit: PAGE_SIZE });
    calls[0]!.resolve({ items: [note('a', 1), note('b', 2)], nextCursor: 'c2' });
    await tick();
    expect(pages.status).to.equal('idle');
    pages.loadMore();
    await tick();
    expect(calls[1]!.q.cursor).to.equal('c2');
    calls[1]!.resolve({ items: [note('c', 3)], nextCursor: null });
    await tick();
    expect(pages.complete).to.equal(true);
    expect(pages.items.map((e) => e.id)).to.deep.equal(['a', 'b', 'c']);
    pages.loadMore();
    await tick();
    expect(calls).to.have.length(2);
    expect(seen).to.deep.equal([0, 2, 0, 1]);
  });

  it('abort cancels the request, ignores its late answer and can continue', async () => {
    const { calls, query } = held();
    const pages = new EventPages({ range: RANGE, kinds: ['activity'] }, query, () => {});
    pages.loadMore();
    await tick();
    pages.abort();
    expect(calls[0]!.signal.aborted).to.equal(true);
    expect(pages.status).to.equal('idle');
    calls[0]!.resolve({ items: [note('late', 1)], nextCursor: null });
    await tick();
    expect(pages.items).to.deep.equal([]);
    pages.loadMore();
    await tick();
    expect(calls).to.have.length(2);
  });

  it('turns failures (also synchronous throws) into an error value, and retries', async () => {
    let fail = true;
    const pages = new EventPages({ range: RANGE, kinds: ['notification'], text: 'x' }, () => {
      if (fail) throw new Error('boom');
      return Promise.resolve({ items: [], nextCursor: null });
    }, () => {});
    pages.loadMore();
    await tick();
    expect(pages.status).to.equal('error');
    expect(pages.error).to.deep.include({ code: 'search-failed', message: 'boom' });
    expect(pages.error!.cause).to.be.instanceOf(Error);
    fail = false;
    pages.retry();
    await tick();
    expect(pages.status).to.equal('done');
    expect(pages.error).to.equal(null);
  });
});

describe('PanelData', () => {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };

  it('is complete at once with plain events, and per kind with a query', async () => {
    const data = new PanelData(host);
    data.reset([note('a', 1)], null, null);
    expect(data.complete(['notification', 'keystroke'])).to.equal(true);
    const { calls, query } = held();
    data.reset(null, query, RANGE);
    expect(data.complete(['notification'])).to.equal(false);
    data.open('notification');
    await tick();
    calls[0]!.resolve({ items: [note('a', 1)], nextCursor: null });
    await tick();
    expect(data.complete(['notification'])).to.equal(true);
    expect(data.complete(['notification', 'activity'])).to.equal(false);
    expect(data.index.count('notification')).to.equal(1);
  });

  it('debounces server searches and aborts the stale one at once', async () => {
    const { calls, query } = held();
    const data = new PanelData(host);
    data.reset(null, query, RANGE);
    data.requestSearch({ text: 'a', kinds: ['notification'], severities: null });
    expect(data.searching).to.equal(true);
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 30));
    expect(calls.map((c) => c.q.text)).to.deep.equal(['a']);
    data.requestSearch({ text: 'ab', kinds: ['notification'], severities: null });
    expect(calls[0]!.signal.aborted).to.equal(true);
    data.requestSearch({ text: 'abc', kinds: ['notification'], severities: null });
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 30));
    expect(calls.map((c) => c.q.text)).to.deep.equal(['a', 'abc']);
    calls[1]!.resolve({ items: [note('x', 5)], nextCursor: null });
    await tick();
    expect(data.searching).to.equal(false);
    expect(data.searchIndex!.rows().map((e) => e.id)).to.deep.equal(['x']);
    data.endSearch();
    expect(data.searchIndex).to.equal(null);
  });

  it('aborts everything on reset and when the host disconnects', async () => {
    const { calls, query } = held();
    const data = new PanelData(host);
    data.reset(null, query, RANGE);
    data.open('notification');
    await tick();
    data.hostDisconnected();
    expect(calls[0]!.signal.aborted).to.equal(true);
    data.open('notification'); // back: the first page is asked for again
    await tick();
    expect(calls).to.have.length(2);
    data.reset(null, query, { start: 5, end: 6 });
    expect(calls[1]!.signal.aborted).to.equal(true);
  });
});
