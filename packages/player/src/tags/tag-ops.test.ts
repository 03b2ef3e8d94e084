import { expect } from 'chai';
import type { Tag } from '../data-source/types.js';
import { applyPlan, newTagId, planIntent, planRefusal, streamKey, type TagIntent, type TagOp, type TagOpKind } from './tag-ops.js';
import { mergeTagMarkers, tagMarkers, viewTags } from './view-tags.js';

const REF = { userId: 'u/1', computerId: 'c1' };
const tag = (id: string, name: string, at = 1_000): Tag => ({ id, at, name, notes: '', createdAt: 1, updatedAt: 1 });

let seq = 0;
function op(kind: TagOpKind, t: Tag, extra: Partial<TagOp> = {}): TagOp {
  seq++;
  return {
    id: `op${seq}`,
    stream: streamKey(REF),
    ref: REF,
    seq,
    tagId: t.id,
    kind,
    fields: kind === 'delete' ? {} : { name: t.name },
    tag: t,
    attempted: false,
    conflict: null,
    queuedAt: seq,
    ...extra,
  };
}

/** Applies an intent the way the outbox does, answering the tag's ops afterwards. */
function fold(waiting: TagOp[], intent: TagIntent): TagOp[] {
  return applyPlan(waiting, planIntent(waiting, intent, (kind) => op(kind, intent.tag, kind === 'update' && intent.kind === 'update' ? { fields: intent.fields } : {})));
}

describe('planIntent (coalescing in the outbox)', () => {
  it('merges an update into an unsent create, and several updates into one', () => {
    const a = tag('a', 'A');
    let ops = fold([], { kind: 'create', tag: a });
    ops = fold(ops, { kind: 'update', tag: { ...a, name: 'A2' }, fields: { name: 'A2' } });
    ops = fold(ops, { kind: 'update', tag: { ...a, name: 'A2', notes: 'n' }, fields: { notes: 'n' } });
    expect(ops.map((o) => [o.kind, o.fields])).to.deep.equal([['create', { name: 'A2', notes: 'n' }]]);
    expect(ops[0]!.tag.notes).to.equal('n');

    const b = tag('b', 'B');
    let updates = fold([], { kind: 'update', tag: b, fields: { name: 'B1' } });
    updates = fold(updates, { kind: 'update', tag: b, fields: { notes: 'x' } });
    expect(updates.map((o) => [o.kind, o.fields])).to.deep.equal([['update', { name: 'B1', notes: 'x' }]]);
  });

  it('drops a never-sent create together with its delete', () => {
    const a = tag('a', 'A');
    let ops = fold([], { kind: 'create', tag: a });
    ops = fold(ops, { kind: 'update', tag: a, fields: { name: 'A2' } });
    ops = fold(ops, { kind: 'delete', tag: a });
    expect(ops).to.deep.equal([]);
  });

  it('never rewrites what may have reached the backend: queues behind a sent change instead', () => {
    const a = tag('a', 'A');
    const sentCreate = op('create', a, { attempted: true });
    const afterUpdate = fold([sentCreate], { kind: 'update', tag: a, fields: { name: 'A2' } });
    expect(afterUpdate.map((o) => o.kind)).to.deep.equal(['create', 'update']);
    expect(afterUpdate[0]).to.equal(sentCreate, 'the sent create is untouched');

    const afterDelete = fold(afterUpdate, { kind: 'delete', tag: a });
    expect(afterDelete.map((o) => o.kind)).to.deep.equal(['create', 'delete'], 'the unsent update is dropped, the create kept');
  });

  it('drops unsent updates before a delete and ignores anything after a delete', () => {
    const a = tag('a', 'A');
    const sent = op('update', a, { attempted: true });
    let ops = fold([sent, op('update', a)], { kind: 'delete', tag: a });
    expect(ops.map((o) => [o.kind, o.attempted])).to.deep.equal([['update', true], ['delete', false]]);
    ops = fold(ops, { kind: 'update', tag: a, fields: { name: 'late' } });
    ops = fold(ops, { kind: 'delete', tag: a });
    expect(ops.map((o) => o.kind)).to.deep.equal(['update', 'delete']);
  });
});

describe('planRefusal', () => {
  const a = tag('a', 'A');

  it('an update of a tag deleted elsewhere becomes a "deleted" conflict showing the latest content', () => {
    const refused = op('update', a, { attempted: true });
    const later = op('update', { ...a, name: 'latest' });
    const plan = planRefusal([refused, later], refused, 'not-found');
    expect(plan.conflict).to.equal('deleted');
    expect(plan.remove).to.deep.equal([later.id]);
    expect(plan.put.map((o) => [o.id, o.conflict, o.tag.name])).to.deep.equal([[refused.id, 'deleted', 'latest']]);
  });

  it('reports nothing when the user has deleted the tag since: the outcome is what they wanted', () => {
    const refused = op('update', a, { attempted: true });
    const del = op('delete', a);
    expect(planRefusal([refused, del], refused, 'not-found')).to.deep.equal({ put: [], remove: [refused.id, del.id], conflict: null });
    // Refused for another reason, the tag still exists: the delete must still go.
    expect(planRefusal([refused, del], refused, 'rejected')).to.deep.equal({ put: [], remove: [refused.id], conflict: null });
    const create = op('create', a, { attempted: true });
    const deleted = op('delete', a);
    expect(planRefusal([create, deleted], create, 'conflict')).to.deep.equal({ put: [], remove: [create.id, deleted.id], conflict: null });
  });

  it('a create whose id is taken is "changed"; other refusals are "rejected"', () => {
    const create = op('create', a, { attempted: true });
    const update = op('update', { ...a, name: 'x' });
    const plan = planRefusal([create, update], create, 'conflict');
    expect(plan.conflict).to.equal('changed');
    expect(plan.remove).to.deep.equal([update.id]);
    expect(planRefusal([create], create, 'rejected').conflict).to.equal('rejected');
    const del = op('delete', a, { attempted: true });
    expect(planRefusal([del], del, 'rejected')).to.deep.include({ conflict: 'rejected', remove: [] });
  });
});

describe('viewTags', () => {
  it('applies waiting changes over the backend tags, keeps pending deletes, filters by day and sorts by time', () => {
    const server = new Map([
      ['a', tag('a', 'A', 3_000)],
      ['b', tag('b', 'B', 1_000)],
      ['c', tag('c', 'C', 2_000)],
      ['far', tag('far', 'Far', 99_000)],
    ]);
    const ops = [
      op('update', tag('a', 'ignored', 3_000), { fields: { name: 'A2' } }),
      op('delete', tag('b', 'B', 1_000)),
      op('create', tag('n', 'New', 1_500)),
      op('update', tag('n', 'New', 1_500), { fields: { notes: 'note' } }),
      op('update', tag('gone', 'Gone', 2_500), { conflict: 'deleted' }),
    ];
    const view = viewTags(server, ops, { start: 0, end: 10_000 });
    expect(view.map((t) => [t.id, t.name, t.notes, t.pending, t.conflict])).to.deep.equal([
      ['b', 'B', '', 'delete', null],
      ['n', 'New', 'note', 'create', null],
      ['c', 'C', '', null, null],
      ['gone', 'Gone', '', null, 'deleted'],
      ['a', 'A2', '', 'update', null],
    ]);
    expect(tagMarkers(view).map((m) => m.id)).to.deep.equal(['tag:n', 'tag:c', 'tag:a']);
  });

  it('replaces the tag markers of the day by the view’s, keeping other days’ and other kinds', () => {
    const markers = [
      { id: 'tag:old', at: 1_500, kind: 'tag', title: 'stale' },
      { id: 'tag:other-day', at: 20_000, kind: 'tag', title: 'other day' },
      { id: 'n1', at: 1_600, kind: 'notification', title: 'USB' },
    ];
    const view = viewTags(new Map([['a', tag('a', 'A', 2_000)]]), [], null);
    expect(mergeTagMarkers(markers, view, { start: 0, end: 10_000 }).map((m) => m.id)).to.deep.equal(['tag:other-day', 'n1', 'tag:a']);
  });

  it('shows an update of a tag it does not know (not listed yet) from the change itself', () => {
    const view = viewTags(new Map(), [op('update', tag('x', 'Offline edit'), { fields: { name: 'Offline edit' } })], null);
    expect(view.map((t) => [t.id, t.name, t.pending])).to.deep.equal([['x', 'Offline edit', 'update']]);
  });
});

describe('tag ids and stream keys', () => {
  it('makes UUIDs the backend accepts, and keys no two streams share', () => {
    expect(newTagId()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(streamKey({ userId: 'a/b', computerId: 'c' })).not.to.equal(streamKey({ userId: 'a', computerId: 'b/c' }));
  });
});
