import { expect } from 'chai';
import { deleteDB } from 'idb';
import { PlayerError } from '../data-source/errors.js';
import { MemoryDataSource } from '../data-source/memory-data-source.js';
import type { CallOptions, NewTag, SessionInfo, StreamRef, Tag, TagDraft, TimeRange } from '../data-source/types.js';
import type { TagConflictCode } from './tag-ops.js';
import { TagOutbox } from './tag-outbox.js';
import { TagStore, type TagStoreOptions } from './tag-store.js';
import type { ViewTag } from './view-tags.js';

const STREAM: StreamRef = { userId: 'u1', computerId: 'c1' };
const DAY: TimeRange = { start: Date.UTC(2026, 2, 17), end: Date.UTC(2026, 2, 18) };
const at = (minutes: number) => DAY.start + minutes * 60_000;

const info: SessionInfo = {
  stream: STREAM,
  user: { id: 'u1', name: 'Ada Test', login: 'ada', ip: '10.0.0.7' },
  computer: { id: 'c1', name: 'WS-01', os: 'Windows 11' },
  timezone: 'Europe/Berlin',
  session: null,
  capabilities: ['view', 'tagCreate', 'tagDelete'],
  encryption: null,
  live: { online: false },
  audioTracks: [],
  recorded: null,
};

/**
 * A `MemoryDataSource` whose tag calls fail like an unreachable backend while
 * `offline` is set, can lose the answer of a create that did reach it, can
 * answer slowly, and logs every tag call it gets.
 */
class FlakySource extends MemoryDataSource {
  offline = false;
  /** Creates to apply but answer with a network error, as if the answer was lost. */
  loseCreateAnswers = 0;
  delayMs = 0;
  readonly calls: { call: string; at: number }[] = [];

  constructor(tags: Tag[] = []) {
    super([{ info, segments: [], tags }]);
  }

  /** The backend's tags, bypassing `offline`. */
  stored(): Promise<Tag[]> {
    return super.listTags(STREAM, { start: 0, end: Number.MAX_SAFE_INTEGER });
  }

  async removeElsewhere(id: string): Promise<void> {
    await super.deleteTag(STREAM, id);
  }

  count(prefix: string): number {
    return this.calls.filter((c) => c.call.startsWith(prefix)).length;
  }

  override async listTags(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<Tag[]> {
    await this.#gate('list');
    return super.listTags(stream, range, o);
  }

  override async createTag(stream: StreamRef, draft: NewTag, o?: CallOptions): Promise<Tag> {
    await this.#gate(`create ${draft.name}`);
    const tag = await super.createTag(stream, draft, o);
    if (this.loseCreateAnswers > 0) {
      this.loseCreateAnswers--;
      throw new PlayerError('network', 'The connection dropped before the answer arrived.');
    }
    return tag;
  }

  override async updateTag(stream: StreamRef, patch: Pick<Tag, 'id'> & Partial<TagDraft>, o?: CallOptions): Promise<Tag> {
    await this.#gate(`update ${patch.id} ${JSON.stringify({ ...patch, id: undefined })}`);
    return super.updateTag(stream, patch, o);
  }

  override async deleteTag(stream: StreamRef, id: string, o?: CallOptions): Promise<void> {
    await this.#gate(`delete ${id}`);
    return super.deleteTag(stream, id, o);
  }

  async #gate(call: string): Promise<void> {
    this.calls.push({ call, at: performance.now() });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.offline) throw new PlayerError('network', 'Failed to fetch');
  }
}

const tag = (id: string, name: string, minutes: number): Tag => ({ id, at: at(minutes), name, notes: '', createdAt: 1, updatedAt: 1 });
const shown = (store: TagStore) => store.tags.map((t) => [t.name, t.pending, t.conflict]);
const names = (tags: readonly Tag[]) => tags.map((t) => t.name).sort();

async function until(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Until the store has nothing waiting and shows nothing pending, and is idle. */
async function synced(store: TagStore): Promise<void> {
  await until('synced', () => store.state.pending === 0 && store.tags.every((t) => !t.pending));
  await store.settled();
}

let dbCount = 0;

describe('TagStore', () => {
  let database: string;
  const outboxes: TagOutbox[] = [];
  const stores: TagStore[] = [];

  function outbox(): TagOutbox {
    const o = new TagOutbox(database);
    outboxes.push(o);
    return o;
  }

  /** A store as one player would have it: its own outbox over the test database unless given one. */
  function store(options: TagStoreOptions = {}): TagStore {
    const s = new TagStore(null, { outbox: outbox(), retry: { firstDelayMs: 60_000, maxDelayMs: 60_000 }, ...options });
    stores.push(s);
    return s;
  }

  beforeEach(() => {
    database = `tag-store-test-${Date.now()}-${dbCount++}`;
  });

  afterEach(async () => {
    for (const s of stores.splice(0)) {
      await s.settled();
      s.dispose();
    }
    for (const o of outboxes.splice(0)) o.close();
    await deleteDB(database);
  });

  it('adds, edits and deletes tags online: shown at once as pending, then as the backend has them', async () => {
    const source = new FlakySource([tag('t1', 'Existing', 60)]);
    const tags = store();
    const changes: number[] = [];
    const observed = store({ onChange: () => changes.push(tags.tags.length) });
    await observed.load(source, STREAM, DAY);
    await tags.load(source, STREAM, DAY);
    expect(shown(tags)).to.deep.equal([['Existing', null, null]]);
    expect(tags.state).to.deep.include({ loaded: true, pending: 0, offline: false, error: null });

    const creating = tags.create({ at: at(30), name: '  USB stick  ', notes: 'Ask IT' });
    expect(shown(tags), 'shown at once').to.deep.equal([['USB stick', 'create', null], ['Existing', null, null]]);
    const created = await creating;
    await synced(tags);
    expect(shown(tags)).to.deep.equal([['USB stick', null, null], ['Existing', null, null]]);
    const stored = (await source.stored()).find((t) => t.name === 'USB stick')!;
    expect(stored.id, 'the id the client chose').to.equal(created.id);
    expect(stored.notes).to.equal('Ask IT');

    const editing = tags.update(created.id, { name: 'USB stick (personal)' });
    expect(tags.tags[0]).to.deep.include({ name: 'USB stick (personal)', pending: 'update' });
    await editing;
    await synced(tags);
    expect(tags.tags[0]).to.deep.include({ name: 'USB stick (personal)', pending: null, notes: 'Ask IT' });
    expect((await source.stored()).find((t) => t.id === created.id)!.name).to.equal('USB stick (personal)');

    const removing = tags.remove('t1');
    expect(shown(tags), 'a deletion shows until the backend confirms it').to.deep.equal([
      ['USB stick (personal)', null, null],
      ['Existing', 'delete', null],
    ]);
    await removing;
    await synced(tags);
    expect(shown(tags)).to.deep.equal([['USB stick (personal)', null, null]]);
    expect(names(await source.stored())).to.deep.equal(['USB stick (personal)']);

    // Another player on the same stream follows.
    await synced(observed);
    expect(shown(observed)).to.deep.equal(shown(tags));
    expect(changes.length).to.be.greaterThan(0);
    expect(source.audits.map((a) => [a.action, a.details?.tagId])).to.deep.equal([
      ['tag-create', created.id],
      ['tag-update', created.id],
      ['tag-delete', 't1'],
    ]);
  });

  it('keeps offline changes across a reload and applies exactly them, once each, when the backend answers', async () => {
    const source = new FlakySource([tag('keep', 'Keep', 10), tag('drop', 'Drop', 20)]);
    const first = store();
    await first.load(source, STREAM, DAY);
    expect(names(first.tags)).to.deep.equal(['Drop', 'Keep']);

    source.offline = true;
    await first.create({ at: at(30), name: 'New', notes: '' });
    await until('the store knows the backend is away', () => first.state.offline);
    expect(first.state.error?.code).to.equal('network');
    await first.remove('drop');
    const temp = await first.create({ at: at(40), name: 'Temp', notes: '' });
    await first.remove(temp.id);
    await first.settled();
    expect(shown(first)).to.deep.equal([
      ['Keep', null, null],
      ['Drop', 'delete', null],
      ['New', 'create', null],
    ]);
    expect(first.state.pending).to.equal(2, 'create New, delete Drop; Temp came and went without a trace');

    // Reload: the page (store, outbox connection) goes away; a new one opens over the same database.
    first.dispose();
    outboxes[0]!.close();
    const second = store();
    await second.load(source, STREAM, DAY);
    expect(shown(second), 'the waiting changes show before the backend answers').to.deep.equal([
      ['Drop', 'delete', null],
      ['New', 'create', null],
    ]);
    expect(second.state).to.deep.include({ loaded: false, offline: true, pending: 2 });

    source.offline = false;
    second.retryNow();
    await until('everything is synced', () => second.state.pending === 0 && second.state.loaded);
    await second.settled();
    expect(names(await source.stored())).to.deep.equal(['Keep', 'New']);
    expect(shown(second)).to.deep.equal([
      ['Keep', null, null],
      ['New', null, null],
    ]);
    expect(source.count('create Temp'), 'a create dropped with its delete is never sent').to.equal(0);
    expect(await outbox().list('u1/c1')).to.deep.equal([]);
    expect(second.state).to.deep.include({ offline: false, error: null });
  });

  it('retries a create whose answer was lost without duplicating the tag', async () => {
    const source = new FlakySource();
    const tags = store();
    await tags.load(source, STREAM, DAY);
    source.loseCreateAnswers = 1;
    await tags.create({ at: at(5), name: 'Once', notes: '' });
    await until('the lost answer counts as unreachable', () => tags.state.offline);
    expect(names(await source.stored()), 'the first attempt did reach the backend').to.deep.equal(['Once']);
    expect(shown(tags)).to.deep.equal([['Once', 'create', null]]);

    tags.retryNow();
    await until('synced', () => tags.state.pending === 0);
    await tags.settled();
    expect(source.count('create Once')).to.equal(2);
    expect(names(await source.stored())).to.deep.equal(['Once']);
    expect(shown(tags)).to.deep.equal([['Once', null, null]]);
  });

  it('reports an edit of a tag deleted elsewhere as a conflict, visible (also after a reload) until dismissed', async () => {
    const source = new FlakySource([tag('t1', 'Shared', 60)]);
    const conflicts: [ViewTag, TagConflictCode, PlayerError][] = [];
    const tags = store({ onConflict: (t, code, error) => conflicts.push([t, code, error]) });
    await tags.load(source, STREAM, DAY);

    source.offline = true;
    await tags.update('t1', { name: 'My edit' });
    await until('offline', () => tags.state.offline);
    await source.removeElsewhere('t1');
    source.offline = false;
    tags.retryNow();
    await until('the conflict is reported', () => conflicts.length === 1);
    await tags.settled();

    const [reported, code, error] = conflicts[0]!;
    expect([reported.id, reported.name, code, error.code]).to.deep.equal(['t1', 'My edit', 'deleted', 'not-found']);
    expect(shown(tags), 'kept, with what the user wanted, marked').to.deep.equal([['My edit', null, 'deleted']]);
    expect(tags.state.pending).to.equal(0);

    tags.dispose();
    const reloaded = store();
    await reloaded.load(source, STREAM, DAY);
    expect(shown(reloaded)).to.deep.equal([['My edit', null, 'deleted']]);

    await reloaded.remove('t1'); // the X on a conflicted tag dismisses it
    expect(reloaded.tags).to.deep.equal([]);
    await reloaded.settled();
    expect(await outbox().list('u1/c1')).to.deep.equal([]);
    expect(await source.stored()).to.deep.equal([]);
    expect(source.count('delete'), 'nothing to delete on the backend').to.equal(0);
  });

  it('re-adds a tag deleted elsewhere when the user edits it again, and reports a create whose id was taken meanwhile', async () => {
    const source = new FlakySource([tag('t1', 'Shared', 60)]);
    const conflicts: TagConflictCode[] = [];
    const tags = store({ onConflict: (_t, code) => conflicts.push(code) });
    await tags.load(source, STREAM, DAY);
    await source.removeElsewhere('t1');
    await tags.update('t1', { name: 'Mine' });
    await until('conflict', () => conflicts.length === 1);
    await tags.update('t1', { notes: 'keep it' });
    await synced(tags);
    expect(tags.tags.map((t) => [t.name, t.notes, t.pending, t.conflict, t.id === 't1'])).to.deep.equal([['Mine', 'keep it', null, null, false]]);
    expect((await source.stored()).map((t) => [t.name, t.notes])).to.deep.equal([['Mine', 'keep it']]);

    // A create reached the backend, its answer was lost, and someone changed the tag before the retry.
    source.loseCreateAnswers = 1;
    const created = await tags.create({ at: at(90), name: 'Original', notes: '' });
    await until('offline', () => tags.state.offline);
    await source.updateTag(STREAM, { id: created.id, name: 'Changed elsewhere' });
    tags.retryNow();
    await until('conflict', () => conflicts.length === 2);
    await tags.settled();
    expect(conflicts).to.deep.equal(['deleted', 'changed']);
    expect(tags.tags.find((t) => t.id === created.id)).to.deep.include({ name: 'Original', conflict: 'changed', pending: null });
    await tags.dismiss(created.id);
    expect(tags.tags.find((t) => t.id === created.id)).to.deep.include({ name: 'Changed elsewhere', conflict: null, pending: null });
  });

  it('sends each tag’s changes in order, even when they could not be merged', async () => {
    const source = new FlakySource([tag('t1', 'One', 10)]);
    const tags = store();
    await tags.load(source, STREAM, DAY);
    source.offline = true;
    const created = await tags.create({ at: at(20), name: 'Two', notes: '' }); // tried at once, fails
    await tags.update('t1', { notes: 'first' }); // queued behind nothing, tried on the next retry only
    await until('offline', () => tags.state.offline);
    await tags.update(created.id, { notes: 'after create' }); // cannot merge into a create that was sent
    await tags.update('t1', { notes: 'second' }); // merged into the unsent update
    await tags.update(created.id, { name: 'Two (final)' });
    expect(shown(tags)).to.deep.equal([
      ['One', 'update', null],
      ['Two (final)', 'create', null],
    ]);

    source.offline = false;
    source.calls.length = 0;
    tags.retryNow();
    await until('synced', () => tags.state.pending === 0);
    await tags.settled();
    expect(source.calls.map((c) => c.call)).to.deep.equal([
      'list',
      'create Two',
      'update t1 {"notes":"second"}',
      `update ${created.id} {"notes":"after create","name":"Two (final)"}`,
    ]);
    const stored = await source.stored();
    expect(stored.map((t) => [t.name, t.notes])).to.deep.equal([
      ['One', 'second'],
      ['Two (final)', 'after create'],
    ]);
  });

  it('backs off while the backend is away instead of spinning, and tries at once when the browser is back online', async () => {
    const source = new FlakySource();
    source.offline = true;
    const tags = store({ retry: { firstDelayMs: 20, maxDelayMs: 80 } });
    await tags.load(source, STREAM, DAY);
    await tags.create({ at: at(1), name: 'Waiting', notes: '' });
    const start = performance.now();
    await new Promise((r) => setTimeout(r, 700));
    const attempts = source.calls.filter((c) => c.at >= start);
    // 20, 40, 80, 80, … ms (each 50–100 % of it): about 10 in 700 ms; spinning would be thousands.
    expect(attempts.length).to.be.within(5, 25);
    // Each retry lists first and stops there while that fails: one call per retry, at least half the first delay apart.
    expect(attempts.every((c) => c.call === 'list')).to.equal(true);
    const gaps = attempts.slice(1).map((c, i) => c.at - attempts[i]!.at);
    expect(Math.min(...gaps)).to.be.at.least(9);
    await until('a retry is due', () => tags.state.retryAt !== null);
    expect(tags.state.offline).to.equal(true);
    expect(tags.state.retryAt).to.be.within(Date.now(), Date.now() + 80);

    const before = source.calls.length;
    source.offline = false;
    window.dispatchEvent(new Event('online'));
    await until('synced', () => tags.state.pending === 0);
    expect(source.calls.length - before).to.be.at.most(3, 'list, create: no storm');
    expect(names(await source.stored())).to.deep.equal(['Waiting']);
    expect(tags.state).to.deep.include({ offline: false, error: null, loaded: true });
  });

  it('two players on one stream never send a change twice', async () => {
    const source = new FlakySource();
    source.delayMs = 20;
    const shared = outbox();
    const a = store({ outbox: shared });
    const b = store({ outbox: shared });
    const c = store(); // its own outbox over the same database (another player's)
    await Promise.all([a.load(source, STREAM, DAY), b.load(source, STREAM, DAY), c.load(source, STREAM, DAY)]);
    await Promise.all([
      a.create({ at: at(1), name: 'A1', notes: '' }),
      b.create({ at: at(2), name: 'B1', notes: '' }),
      c.create({ at: at(3), name: 'C1', notes: '' }),
      a.create({ at: at(4), name: 'A2', notes: '' }),
    ]);
    await until('all synced', () => [a, b, c].every((s) => s.state.pending === 0 && s.tags.length === 4 && s.tags.every((t) => !t.pending)));
    await Promise.all([a.settled(), b.settled(), c.settled()]);
    expect(['A1', 'B1', 'C1', 'A2'].map((n) => source.count(`create ${n}`))).to.deep.equal([1, 1, 1, 1]);
    expect(names(await source.stored())).to.deep.equal(['A1', 'A2', 'B1', 'C1']);
    for (const s of [a, b, c]) expect(shown(s)).to.deep.equal([['A1', null, null], ['B1', null, null], ['C1', null, null], ['A2', null, null]]);
  });

  it('still sends a change made just before the player closes', async () => {
    const source = new FlakySource();
    const tags = store();
    await tags.load(source, STREAM, DAY);
    source.delayMs = 30;
    const creating = tags.create({ at: at(1), name: 'Last second', notes: '' });
    tags.dispose(); // e.g. the dialog closes while the change is being stored
    await creating;
    await until('sent', () => source.count('create Last second') === 1);
    const reopened = store();
    await reopened.load(source, STREAM, DAY);
    await synced(reopened);
    expect(shown(reopened)).to.deep.equal([['Last second', null, null]]);
    expect(source.count('create Last second')).to.equal(1);
  });

  it('follows the day: tags outside the range are not shown, and a new range lists again', async () => {
    const source = new FlakySource([tag('t1', 'Today', 60), tag('t2', 'Tomorrow', 24 * 60 + 5)]);
    const tags = store();
    await tags.load(source, STREAM, DAY);
    expect(names(tags.tags)).to.deep.equal(['Today']);
    await tags.load(source, STREAM, DAY); // same: nothing happens
    expect(source.count('list')).to.equal(1);
    await tags.load(source, STREAM, { start: DAY.end, end: DAY.end + 86_400_000 });
    expect(names(tags.tags)).to.deep.equal(['Tomorrow']);
    expect(source.count('list')).to.equal(2);
  });
});
