/**
 * What `<session-side-panel>` and `<session-tags-view>` take and give. The
 * shapes mirror the player's `SessionDataSource` types structurally, so the
 * player passes its data as is, but this package does not depend on it.
 */

/** Epoch milliseconds, UTC. */
export type Instant = number;

export interface PanelRange {
  start: Instant;
  end: Instant;
}

export type PanelSeverity = 'low' | 'medium' | 'high' | 'critical';
export type PanelEventKind = 'notification' | 'activity' | 'keystroke';

interface PanelEventBase {
  id: string;
  at: Instant;
  app: string;
  window: string;
}

export interface PanelNotification extends PanelEventBase {
  kind: 'notification';
  title: string;
  rule: string;
  severity: PanelSeverity;
}

export interface PanelActivity extends PanelEventBase {
  kind: 'activity';
  title: string;
  url: string | null;
  durationMs: number;
}

export interface PanelKeystroke extends PanelEventBase {
  kind: 'keystroke';
  text: string;
}

export type PanelEvent = PanelNotification | PanelActivity | PanelKeystroke;

/** One page request. `text` is a case-insensitive search over title, app, window, URL, rule and typed text. */
export interface PanelQuery {
  range: PanelRange;
  kinds: PanelEventKind[];
  text?: string;
  severities?: PanelSeverity[];
  cursor?: string;
  limit?: number;
}

export interface PanelPage {
  items: PanelEvent[];
  nextCursor: string | null;
}

/** Loads one page of events; the panel aborts `signal` when the request is stale. */
export type PanelQueryFn = (q: PanelQuery, signal: AbortSignal) => Promise<PanelPage>;

/** A tag as the panel shows it, with its sync state. */
export interface PanelTag {
  id: string;
  at: Instant;
  name: string;
  notes: string;
  /** Set while a change waits to reach the backend ("not yet saved"). */
  pending?: 'create' | 'update' | 'delete' | null;
  /** Why the last change could not be applied (e.g. the tag was deleted elsewhere). */
  conflict?: string | null;
}

export interface TagDraftDetail {
  at: Instant;
  name: string;
  notes: string;
}

/** `tag-create`: a new tag from the form (or Undo of a delete). */
export interface TagCreateDetail {
  draft: TagDraftDetail;
}

/** `tag-update`: changed fields of an existing tag. */
export interface TagUpdateDetail {
  id: string;
  patch: Partial<TagDraftDetail>;
}

/** `tag-delete`: the X on a tag. */
export interface TagDeleteDetail {
  tag: PanelTag;
}

/** `seek-request`, as the timeline fires it. */
export interface PanelSeekDetail {
  at: Instant;
  final: boolean;
}
