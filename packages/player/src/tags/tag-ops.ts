import type { StreamRef, Tag, TagDraft } from '../data-source/types.js';

/**
 * Why a change to a tag could not be applied, as `<session-tags-view>` words it
 * (`PanelTag.conflict`): deleted elsewhere, changed elsewhere (its id carries
 * other content), or refused by the backend for another reason.
 */
export type TagConflictCode = 'deleted' | 'changed' | 'rejected';

export type TagOpKind = 'create' | 'update' | 'delete';

/** One change to one tag, waiting in the outbox until the backend acknowledges it. */
export interface TagOp {
  /** Key in the outbox. */
  id: string;
  /** {@link streamKey} of `ref`: the outbox is indexed by it. */
  stream: string;
  ref: StreamRef;
  /** Order of the stream's changes; a tag's changes are sent in this order. */
  seq: number;
  tagId: string;
  kind: TagOpKind;
  /** create: the whole draft; update: only the changed fields; delete: nothing. */
  fields: Partial<TagDraft>;
  /** The tag as it looks once this change is applied: shown while the backend is away. */
  tag: Tag;
  /**
   * Sent at least once, so the backend may already have applied it. From then
   * on later changes never merge into it or drop it: they queue behind it.
   */
  attempted: boolean;
  /** Set when the backend refused it: kept only to show the conflict until dismissed, never sent. */
  conflict: TagConflictCode | null;
  /** When the user made the change (epoch ms); audited as the time of the change. */
  queuedAt: number;
}

/** A change the user asks for. `tag` is the tag as it looks afterwards. */
export type TagIntent =
  | { kind: 'create'; tag: Tag }
  | { kind: 'update'; tag: Tag; fields: Partial<TagDraft> }
  | { kind: 'delete'; tag: Tag };

/** What to write to the outbox for one intent. */
export interface OutboxPlan {
  put: TagOp[];
  remove: string[];
}

/** `userId/computerId`, each part escaped so that no two streams share a key. */
export function streamKey(ref: StreamRef): string {
  return `${encodeURIComponent(ref.userId)}/${encodeURIComponent(ref.computerId)}`;
}

/**
 * Folds a new change into the changes already waiting for the same tag
 * (`waiting`, in order, conflicts left out). Only changes never sent are
 * merged or dropped, so nothing the backend may already have seen is
 * rewritten:
 * - update after an unsent create or update → merged into it;
 * - delete of a tag whose create was never sent → everything dropped;
 * - delete otherwise → unsent updates dropped, the delete queued;
 * - anything after a delete → ignored (the tag is going away).
 */
export function planIntent(waiting: readonly TagOp[], intent: TagIntent, next: (kind: TagOpKind) => TagOp): OutboxPlan {
  const last = waiting[waiting.length - 1];
  if (last?.kind === 'delete') return { put: [], remove: [] };
  if (intent.kind === 'create') return { put: [next('create')], remove: [] };
  if (intent.kind === 'update') {
    if (last && !last.attempted) {
      return { put: [{ ...last, fields: { ...last.fields, ...intent.fields }, tag: intent.tag }], remove: [] };
    }
    return { put: [next('update')], remove: [] };
  }
  const first = waiting[0];
  const unsent = waiting.filter((op) => !op.attempted).map((op) => op.id);
  if (first?.kind === 'create' && !first.attempted) return { put: [], remove: unsent };
  return { put: [next('delete')], remove: unsent };
}

/** How the backend refused a change. */
export type Refusal = 'not-found' | 'conflict' | 'rejected';

/**
 * What becomes of a tag's changes when the backend refuses `refused` for
 * good: the changes that can no longer apply are dropped, and the refused one
 * is kept as a conflict record (showing the user's latest content) — unless
 * the user has since deleted the tag, in which case the outcome is what they
 * wanted and nothing is reported.
 *
 * A delete refused as not found is not a refusal (the tag is gone, as asked);
 * callers acknowledge it instead.
 */
export function planRefusal(
  waiting: readonly TagOp[],
  refused: TagOp,
  refusal: Refusal,
): { put: TagOp[]; remove: string[]; conflict: TagConflictCode | null } {
  const later = waiting.filter((op) => op.seq > refused.seq);
  const laterDelete = later.find((op) => op.kind === 'delete');
  const latest = later[later.length - 1]?.tag ?? refused.tag;
  const code: TagConflictCode = refusal === 'not-found' ? 'deleted' : refusal === 'conflict' ? 'changed' : 'rejected';

  let remove: TagOp[];
  if (refused.kind === 'delete') remove = [];
  // The tag never came to be (create) or is gone (update not found): nothing after can apply.
  else if (refused.kind === 'create' || refusal === 'not-found') remove = later;
  // The tag exists; the user's later delete still has to reach it.
  else remove = later.filter((op) => op.kind === 'update');
  const removeIds = remove.map((op) => op.id);

  // Deleted since: either it never came to be or is gone, or the delete (kept) still reaches it.
  if (laterDelete) return { put: [], remove: [refused.id, ...removeIds], conflict: null };
  const conflict = refused.kind === 'create' && refusal === 'not-found' ? 'rejected' : code;
  return { put: [{ ...refused, tag: latest, conflict }], remove: removeIds, conflict };
}

/** A new tag id: a UUID, also where `crypto.randomUUID` is missing (pages not served over HTTPS). */
export function newTagId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `ops` with a plan applied, in order. */
export function applyPlan(ops: readonly TagOp[], plan: { put: readonly TagOp[]; remove: readonly string[] }): TagOp[] {
  const byId = new Map(ops.map((op) => [op.id, op]));
  for (const id of plan.remove) byId.delete(id);
  for (const op of plan.put) byId.set(op.id, op);
  return [...byId.values()].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
