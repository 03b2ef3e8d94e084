import { expect } from 'chai';
import { AsyncCache } from './async-cache.js';
import { LruCache } from './lru-cache.js';
import { SharedTasks } from './shared-tasks.js';

const live = (): AbortSignal => new AbortController().signal;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('LruCache', () => {
  it('evicts the least recently used entry and tells onEvict', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (_v, k) => evicted.push(k));
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).to.equal(1); // a is now the most recent
    cache.set('c', 3);
    expect(evicted).to.deep.equal(['b']);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).to.deep.equal([true, false, true]);
  });

  it('releases a replaced value and everything on clear()', () => {
    const evicted: number[] = [];
    const cache = new LruCache<string, number>(3, (v) => evicted.push(v));
    cache.set('a', 1);
    cache.set('a', 2);
    cache.set('b', 3);
    cache.clear();
    expect(evicted).to.deep.equal([1, 2, 3]);
    expect(cache.size).to.equal(0);
  });
});

describe('SharedTasks', () => {
  it('runs the work once for concurrent callers', async () => {
    const tasks = new SharedTasks<string, number>();
    let runs = 0;
    const work = async () => ++runs;
    expect(await Promise.all([tasks.run('k', live(), work), tasks.run('k', live(), work)])).to.deep.equal([1, 1]);
    expect(await tasks.run('k', live(), work)).to.equal(2); // a finished task is forgotten
  });

  it('aborts the work only when every caller has gone, and forgets it', async () => {
    const tasks = new SharedTasks<string, string>();
    const gate = deferred<string>();
    let workSignal: AbortSignal | null = null;
    const work = (signal: AbortSignal) => {
      workSignal = signal;
      return gate.promise;
    };
    const a = new AbortController();
    const b = new AbortController();
    const pa = tasks.run('k', a.signal, work);
    const pb = tasks.run('k', b.signal, work);
    await Promise.resolve();
    a.abort();
    expect((await rejection(pa)).name).to.equal('AbortError');
    expect(workSignal!.aborted).to.equal(false);
    b.abort();
    expect((await rejection(pb)).name).to.equal('AbortError');
    expect(workSignal!.aborted).to.equal(true);
    expect(tasks.pending).to.equal(0);
    expect(await tasks.run('k', live(), async () => 'again')).to.equal('again');
    gate.resolve('late');
  });

  it('passes the work’s failure to every caller', async () => {
    const tasks = new SharedTasks<string, number>();
    const failing = async () => {
      throw new Error('boom');
    };
    const errors = await Promise.all([rejection(tasks.run('k', live(), failing)), rejection(tasks.run('k', live(), failing))]);
    expect(errors.map((e) => e.message)).to.deep.equal(['boom', 'boom']);
  });
});

describe('AsyncCache', () => {
  it('keeps successful loads, retries failed and cancelled ones', async () => {
    const cache = new AsyncCache<string, number>(4);
    let loads = 0;
    expect((await rejection(cache.get('k', live(), async () => {
      loads++;
      throw new Error('404');
    }))).message).to.equal('404');
    const controller = new AbortController();
    const pending = cache.get('k', controller.signal, async () => {
      loads++;
      return 1;
    });
    controller.abort();
    expect((await rejection(pending)).name).to.equal('AbortError');
    expect(await cache.get('k', live(), async () => ++loads)).to.equal(2);
    expect(await cache.get('k', live(), async () => ++loads)).to.equal(2);
    expect(loads).to.equal(2);
  });

  it('releases a value that arrives after clear()', async () => {
    const released: number[] = [];
    const cache = new AsyncCache<string, number>(4, (v) => released.push(v));
    const gate = deferred<number>();
    const pending = cache.get('k', live(), () => gate.promise);
    await Promise.resolve();
    cache.clear();
    expect((await rejection(pending)).name).to.equal('AbortError');
    gate.resolve(7);
    await new Promise((r) => setTimeout(r, 0));
    expect(released).to.deep.equal([7]);
    expect(cache.size).to.equal(0);
  });
});
