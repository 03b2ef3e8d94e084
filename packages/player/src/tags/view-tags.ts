import type { TimelineMarker } from '@session-player/timeline';
import type { Tag, TimeRange } from '../data-source/types.js';
import type { TagConflictCode, TagOp, TagOpKind } from './tag-ops.js';

/**
 * A tag as the player shows it: the backend's tag with the user's changes
 * that have not reached it yet. Structurally a `PanelTag` of
 * `@session-player/tags-panel`, so it goes to `<session-side-panel>` as is.
 */
export interface ViewTag extends Tag {
  /** The change that waits for the backend ("not yet saved"), or null. */
  pending: TagOpKind | null;
  /** Why the user's last change was not applied (until dismissed), or null. */
  conflict: TagConflictCode | null;
}

/**
 * The backend's tags (`server`) with the outbox's changes (`ops`, in order)
 * applied on top, those at instants inside `range`, by time. A deleted tag
 * stays, marked `pending: 'delete'`, until the backend confirms: the view
 * must never claim a deletion that has not happened yet.
 */
export function viewTags(server: ReadonlyMap<string, Tag>, ops: readonly TagOp[], range: TimeRange | null): ViewTag[] {
  const tags = new Map<string, ViewTag>();
  for (const tag of server.values()) tags.set(tag.id, { ...tag, pending: null, conflict: null });
  for (const op of ops) {
    const known = tags.get(op.tagId);
    if (op.conflict) {
      // A refused delete leaves the backend's tag as it is; other refusals show what the user wanted.
      const shown = op.kind === 'delete' ? (server.get(op.tagId) ?? op.tag) : op.tag;
      tags.set(op.tagId, { ...shown, pending: null, conflict: op.conflict });
    } else if (op.kind === 'create') {
      tags.set(op.tagId, { ...op.tag, pending: 'create', conflict: null });
    } else if (op.kind === 'update') {
      // The backend's tag with the changed fields, as the PATCH will leave it; the op's own copy while it is unknown.
      const base = known ?? { ...op.tag, pending: null, conflict: null };
      const pending = base.pending === 'create' ? 'create' : 'update';
      tags.set(op.tagId, { ...base, ...definedFields(op.fields), pending, conflict: null });
    } else {
      tags.set(op.tagId, { ...(known ?? op.tag), pending: 'delete', conflict: null });
    }
  }
  return [...tags.values()]
    .filter((t) => !range || (t.at >= range.start && t.at < range.end))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Timeline markers for the tags, leaving out those being deleted and those whose change was refused. */
export function tagMarkers(tags: readonly ViewTag[]): TimelineMarker[] {
  return tags
    .filter((t) => t.pending !== 'delete' && !t.conflict)
    .map((t) => ({ id: `tag:${t.id}`, at: t.at, kind: 'tag', title: t.name }));
}

/**
 * `markers` (e.g. notifications and tags loaded for the whole timeline view)
 * with the tag markers inside `range` replaced by `tags`' — the store's view
 * of that day, pending changes included.
 */
export function mergeTagMarkers(markers: readonly TimelineMarker[], tags: readonly ViewTag[], range: TimeRange | null): TimelineMarker[] {
  const others = range ? markers.filter((m) => m.kind !== 'tag' || m.at < range.start || m.at >= range.end) : [...markers];
  return [...others, ...tagMarkers(tags)];
}

/** Whether two views show the same (so a host need not re-render). */
export function sameViewTags(a: readonly ViewTag[], b: readonly ViewTag[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return (
      x.id === y.id && x.at === y.at && x.name === y.name && x.notes === y.notes && x.pending === y.pending && x.conflict === y.conflict &&
      x.createdAt === y.createdAt && x.updatedAt === y.updatedAt
    );
  });
}

function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
