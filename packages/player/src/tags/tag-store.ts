import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PlayerError } from '../data-source/errors.js';
import type { AuditAction, SessionDataSource, StreamRef, Tag, TagDraft, TimeRange } from '../data-source/types.js';
import { TagOutbox, type OutboxChange } from './tag-outbox.js';
import { applyPlan, newTagId, planIntent, streamKey, type TagConflictCode, type TagIntent, type TagOp, type TagOpKind } from './tag-ops.js';
import { TagSync, type RetryPolicy } from './tag-sync.js';
import { sameViewTags, viewTags, type ViewTag } from './view-tags.js';

export interface TagStoreOptions {
  /** Called after every change of `tags` or `state` (besides the host's `requestUpdate`). */
  onChange?: () => void;
  /**
   * The backend refused a change for good (e.g. the tag was deleted
   * elsewhere). The tag stays in `tags` with `conflict` set until the user
   * dismisses it (`remove`, or `dismiss`).
   */
  onConflict?: (tag: ViewTag, conflict: TagConflictCode, error: PlayerError) => void;
  /** Where changes wait; defaults to the page's outbox over IndexedDB `session-player-outbox`. */
  outbox?: TagOutbox;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
}

/** How the day's tags and their changes stand with the backend. */
export interface TagSyncState {
  /** The day's tags have been listed from the backend. */
  loaded: boolean;
  /** Changes (of any day of this stream) the backend has not acknowledged yet. */
  pending: number;
  /** The backend cannot be reached; changes wait and are retried (at `retryAt`, or when the browser is back online). */
  offline: boolean;
  /** When the next attempt is due (epoch ms) while offline; null while one is under way. */
  retryAt: number | null;
  /** Why listing or sending failed last; null once it works. */
  error: PlayerError | null;
}

const IDLE: TagSyncState = { loaded: false, pending: 0, offline: false, retryAt: null, error: null };

/**
 * The tags of one stream's day, as the player shows them: the backend's tags
 * with the user's changes applied at once (optimistically, marked `pending`)
 * while those changes wait in an IndexedDB outbox for the backend to
 * acknowledge them. Changes made while the backend is unreachable survive a
 * reload: `load()` finds them, shows them and sends them.
 *
 * A Lit reactive controller: it asks its host to update on every change and
 * stops (`dispose`) when the host disconnects. Without a host, `onChange`
 * tells. Call `load()` whenever the source, stream or day may have changed;
 * it does nothing when none did.
 */
export class TagStore implements ReactiveController {
  /** The day's tags, by time: a new array on every change. */
  tags: readonly ViewTag[] = [];
  state: TagSyncState = IDLE;

  readonly #host: ReactiveControllerHost | null;
  readonly #o: TagStoreOptions;
  readonly #outbox: TagOutbox;
  #source: SessionDataSource | null = null;
  #stream: StreamRef | null = null;
  #key = '';
  #range: TimeRange | null = null;
  #server = new Map<string, Tag>();
  #ops: TagOp[] = [];
  #sync: TagSync | null = null;
  #unsubscribe: (() => void) | null = null;
  #loaded = false;
  #listError: PlayerError | null = null;
  /** Foreign acknowledgements that arrived while a listing was under way, applied over its answer. */
  #ackLog: NonNullable<OutboxChange['acked']>[] | null = null;
  /** Bumped by `dispose`: work begun for an earlier stream drops its result. */
  #generation = 0;
  #writes = 0;
  readonly #writing = new Set<Promise<unknown>>();
  #rereadAfterWrites = false;
  #reads = 0;
  #reading: Promise<void> | null = null;

  constructor(host: ReactiveControllerHost | null, options: TagStoreOptions = {}) {
    this.#host = host;
    this.#o = options;
    this.#outbox = options.outbox ?? TagOutbox.shared();
    host?.addController(this);
  }

  /** The day shown (`load`'s range), or null before loading. */
  get range(): TimeRange | null {
    return this.#range;
  }

  hostDisconnected(): void {
    this.dispose();
  }

  /**
   * Shows the tags of `stream` in `range` (the day): the changes waiting in
   * the outbox at once, the backend's tags when listed, and sends what waits.
   * Resolves once the first listing attempt is over (it never rejects: see
   * `state.error`). Same source, stream and range: does nothing.
   */
  async load(source: SessionDataSource, stream: StreamRef, range: TimeRange): Promise<void> {
    const key = streamKey(stream);
    if (this.#sync && source === this.#source && key === this.#key) {
      if (this.#range && this.#range.start === range.start && this.#range.end === range.end) return;
      this.#range = { start: range.start, end: range.end };
      this.#publish();
      return this.#sync.refresh();
    }
    this.dispose();
    const generation = this.#generation;
    this.#source = source;
    this.#stream = { userId: stream.userId, computerId: stream.computerId };
    this.#key = key;
    this.#range = { start: range.start, end: range.end };
    this.#unsubscribe = this.#outbox.subscribe(key, (change) => this.#onOutboxChange(change));
    const current = () => generation === this.#generation;
    // After `dispose` the sync may still finish sending (see `TagSync.close`): it then touches nothing here.
    this.#sync = new TagSync({
      outbox: this.#outbox,
      source,
      stream: this.#stream,
      refresh: (signal) => (current() ? this.#list(signal) : Promise.resolve()),
      onApplied: (op, tag) => audit(source, op, tag),
      onRefused: (op, conflict, error) => current() && this.#refused(op, conflict, error, generation),
      onStatus: () => current() && this.#publish(),
      retry: this.#o.retry,
      requestTimeoutMs: this.#o.requestTimeoutMs,
    });
    const listed = this.#sync.refresh();
    await this.#readOps();
    if (generation === this.#generation) await listed;
  }

  /** Adds a tag (shown at once, pending until the backend has it); resolves once the change is safe in the outbox. */
  async create(draft: TagDraft): Promise<ViewTag> {
    this.#requireStream();
    requireName(draft.name);
    const now = Date.now();
    const tag: Tag = { id: newTagId(), at: Math.round(draft.at), name: draft.name.trim(), notes: draft.notes ?? '', createdAt: now, updatedAt: now };
    await this.#change({ kind: 'create', tag });
    return this.#find(tag.id) ?? { ...tag, pending: 'create', conflict: null };
  }

  /**
   * Changes a tag's fields. On a tag whose last change was refused (see
   * `conflict`), the conflict is dismissed and the edit applies to what the
   * backend has — or, when the backend no longer has the tag, re-adds it as a
   * new tag.
   */
  async update(id: string, patch: Partial<TagDraft>): Promise<void> {
    const current = this.#requireTag(id);
    if (current.pending === 'delete') throw new PlayerError('bad-request', 'This tag is being deleted.', { retryable: false });
    if (patch.name !== undefined) requireName(patch.name);
    const fields = normalise(patch);
    if (current.conflict) {
      await this.dismiss(id);
      const server = this.#server.get(id);
      if (!server) {
        await this.create({ at: current.at, name: current.name, notes: current.notes, ...fields });
        return;
      }
      return this.#update(server, fields);
    }
    return this.#update(current, fields);
  }

  /** Deletes a tag (kept, pending, until the backend confirms). On a tag with a conflict, dismisses it first. */
  async remove(id: string): Promise<void> {
    const current = this.#find(id);
    if (!current || current.pending === 'delete') return;
    if (current.conflict) {
      await this.dismiss(id);
      const server = this.#server.get(id);
      if (server) await this.#change({ kind: 'delete', tag: plainTag(server) });
      return;
    }
    await this.#change({ kind: 'delete', tag: plainTag(current) });
  }

  /** Forgets a tag's conflict: the tag shows as the backend has it (or not at all). */
  async dismiss(id: string): Promise<void> {
    this.#requireStream();
    this.#ops = this.#ops.filter((op) => !(op.tagId === id && op.conflict));
    this.#publish();
    const key = this.#key;
    await this.#write(async () => {
      await this.#outbox.dismiss(key, id);
      return null;
    });
  }

  /** Tries to reach the backend now (a "Retry" action), instead of at `state.retryAt`. */
  retryNow(): void {
    this.#sync?.retryNow();
  }

  /** Settles once nothing is being sent or read (tests; an orderly close). */
  async settled(): Promise<void> {
    for (;;) {
      const sync = this.#sync;
      const reading = this.#reading;
      if (sync) await sync.settled();
      if (reading) await reading;
      if (sync === this.#sync && reading === this.#reading) return;
    }
  }

  /**
   * Forgets the stream. Changes already on their way to a reachable backend
   * still go; the rest stay in the outbox for the next `load` of the stream.
   */
  dispose(): void {
    this.#generation++;
    // Let changes still being stored reach the outbox, then send what waits and stop.
    const sync = this.#sync;
    if (sync) void Promise.allSettled([...this.#writing]).then(() => sync.close());
    this.#sync = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#source = null;
    this.#stream = null;
    this.#key = '';
    this.#range = null;
    this.#server = new Map();
    this.#ops = [];
    this.#loaded = false;
    this.#listError = null;
    this.#ackLog = null;
    this.tags = [];
    this.state = IDLE;
  }

  async #update(current: Tag, fields: Partial<TagDraft>): Promise<void> {
    const changed = Object.fromEntries(
      (Object.keys(fields) as (keyof TagDraft)[]).filter((k) => fields[k] !== current[k]).map((k) => [k, fields[k]]),
    ) as Partial<TagDraft>;
    if (Object.keys(changed).length === 0) return;
    await this.#change({ kind: 'update', tag: { ...plainTag(current), ...changed, updatedAt: Date.now() }, fields: changed });
  }

  /** Shows a change at once, then stores it in the outbox (which folds it in for good) and sends. */
  async #change(intent: TagIntent): Promise<void> {
    const ref = this.#requireStream();
    // What shows now: folded as the outbox may fold it, assuming every waiting change may have been sent
    // (the outbox knows; it can only fold more, never less, so nothing shown now reappears later).
    const waiting = this.#ops.filter((op) => op.tagId === intent.tag.id && !op.conflict).map((op) => ({ ...op, attempted: true }));
    const seq = (this.#ops[this.#ops.length - 1]?.seq ?? 0) + 1;
    this.#ops = applyPlan(this.#ops, planIntent(waiting, intent, (kind) => provisionalOp(ref, this.#key, seq, kind, intent)));
    this.#publish();
    await this.#write(() => this.#outbox.enqueue(ref, intent));
    this.#sync?.kick();
  }

  /**
   * Runs an outbox write; while any runs, reads of the outbox are not shown
   * (they may predate the write) and one follows the last write. `write`
   * may answer the stream's changes as they are afterwards.
   */
  async #write(write: () => Promise<TagOp[] | null>): Promise<void> {
    const generation = this.#generation;
    this.#writes++;
    const writing = write();
    this.#writing.add(writing);
    try {
      const ops = await writing;
      if (generation !== this.#generation) return;
      if (ops) this.#ops = ops;
      else this.#rereadAfterWrites = true;
    } catch (e) {
      // Not stored, so never sent: show what the outbox has and tell the caller.
      if (generation === this.#generation) this.#rereadAfterWrites = true;
      throw new PlayerError('server', 'The change could not be stored in this browser, so it was not saved.', { cause: e, retryable: false });
    } finally {
      this.#writing.delete(writing);
      this.#writes--;
      if (generation === this.#generation) {
        this.#publish();
        if (this.#writes === 0 && this.#rereadAfterWrites) void this.#readOps();
      }
    }
  }

  async #readOps(): Promise<void> {
    const generation = this.#generation;
    const read = ++this.#reads;
    const reading = (async () => {
      try {
        const ops = await this.#outbox.list(this.#key);
        if (generation !== this.#generation || read !== this.#reads) return;
        // A change of ours is being stored: its answer is newer than this read.
        if (this.#writes > 0) {
          this.#rereadAfterWrites = true;
          return;
        }
        this.#rereadAfterWrites = false;
        this.#ops = ops;
        this.#publish();
      } catch (e) {
        console.error('session-player: the tag outbox could not be read', e);
      }
    })();
    this.#reading = reading;
    await reading;
    if (this.#reading === reading) this.#reading = null;
  }

  /** Lists the day's tags. Throws only what is worth retrying (the sync then waits and tries again). */
  async #list(signal: AbortSignal): Promise<void> {
    const source = this.#source;
    const stream = this.#stream;
    const range = this.#range;
    if (!source || !stream || !range) return;
    const log: NonNullable<OutboxChange['acked']>[] = [];
    this.#ackLog = log;
    try {
      const tags = await source.listTags(stream, range, { signal });
      // The day changed meanwhile: the next pass lists it.
      if (signal.aborted || range !== this.#range) return;
      this.#server = new Map(tags.map((t) => [t.id, plainTag(t)]));
      for (const acked of log) this.#applyAck(acked);
      this.#loaded = true;
      this.#listError = null;
      this.#publish();
    } catch (e) {
      if (signal.aborted) return;
      const error = PlayerError.from(e);
      this.#listError = error;
      this.#publish();
      if (error.retryable || error.code === 'aborted') throw error;
    } finally {
      if (this.#ackLog === log) this.#ackLog = null;
    }
  }

  #onOutboxChange(change: OutboxChange): void {
    if (change.acked) {
      this.#applyAck(change.acked);
      this.#ackLog?.push(change.acked);
      this.#publish();
    }
    // The backend no longer has it, whatever the last listing said.
    if (change.gone) this.#server.delete(change.gone);
    void this.#readOps();
    // Another player may have stored a change, or made way for our next one.
    this.#sync?.kick();
  }

  #applyAck({ opId, tagId, tag }: NonNullable<OutboxChange['acked']>): void {
    if (tag) this.#server.set(tagId, tag);
    else this.#server.delete(tagId);
    this.#ops = this.#ops.filter((op) => op.id !== opId);
  }

  #refused(op: TagOp, conflict: TagConflictCode | null, error: PlayerError, generation: number): void {
    void this.#readOps().then(() => {
      if (!conflict || generation !== this.#generation) return;
      const tag = this.#find(op.tagId) ?? { ...op.tag, pending: null, conflict };
      try {
        this.#o.onConflict?.(tag, conflict, error);
      } catch (e) {
        console.error('session-player: onConflict failed', e);
      }
    });
  }

  #publish(): void {
    const sync = this.#sync;
    const tags = viewTags(this.#server, this.#ops, this.#range);
    // The same array while nothing shown changed, so hosts can compare by identity.
    if (!sameViewTags(tags, this.tags)) this.tags = tags;
    this.state = {
      loaded: this.#loaded,
      pending: this.#ops.filter((op) => !op.conflict).length,
      offline: sync?.waiting ?? false,
      retryAt: sync?.retryAt ?? null,
      error: sync?.lastError ?? this.#listError,
    };
    this.#host?.requestUpdate();
    try {
      this.#o.onChange?.();
    } catch (e) {
      console.error('session-player: onChange failed', e);
    }
  }

  /** Any tag of the stream, whatever the day. */
  #find(id: string): ViewTag | undefined {
    return viewTags(this.#server, this.#ops, null).find((t) => t.id === id);
  }

  #requireTag(id: string): ViewTag {
    this.#requireStream();
    const tag = this.#find(id);
    if (!tag) throw new PlayerError('not-found', 'This tag no longer exists.', { retryable: false });
    return tag;
  }

  #requireStream(): StreamRef {
    if (!this.#stream) throw new PlayerError('bad-request', 'No stream is loaded: call load() first.', { retryable: false });
    return this.#stream;
  }
}

/** Tag changes are audited once the backend has applied them, dated when the user made them. */
function audit(source: SessionDataSource, op: TagOp, tag: Tag | null): void {
  if (!source.audit) return;
  const action: AuditAction = `tag-${op.kind}`;
  try {
    void Promise.resolve(source.audit({ action, stream: op.ref, at: op.queuedAt, mediaAt: (tag ?? op.tag).at, details: { tagId: op.tagId } })).catch(
      () => undefined,
    );
  } catch {
    // Auditing never breaks tagging.
  }
}

function requireName(name: string): void {
  if (!name?.trim()) throw new PlayerError('bad-request', 'A tag needs a name.', { retryable: false });
}

/** A draft as the backend stores it: whole milliseconds, a trimmed name. */
function normalise(draft: Partial<TagDraft>): Partial<TagDraft> {
  const out: Partial<TagDraft> = {};
  if (draft.at !== undefined) out.at = Math.round(draft.at);
  if (draft.name !== undefined) out.name = draft.name.trim();
  if (draft.notes !== undefined) out.notes = draft.notes;
  return out;
}

/** Only the tag's own fields (never `pending`, `conflict` or anything else a caller's object carries). */
function plainTag(t: Tag): Tag {
  return { id: t.id, at: t.at, name: t.name, notes: t.notes, createdAt: t.createdAt, updatedAt: t.updatedAt };
}

/** An op shown until the outbox answers with the stored one. */
function provisionalOp(ref: StreamRef, stream: string, seq: number, kind: TagOpKind, intent: TagIntent): TagOp {
  const fields = intent.kind === 'update' ? intent.fields : intent.kind === 'create' ? { at: intent.tag.at, name: intent.tag.name, notes: intent.tag.notes } : {};
  return { id: `provisional-${seq}`, stream, ref, seq, tagId: intent.tag.id, kind, fields, tag: intent.tag, attempted: false, conflict: null, queuedAt: Date.now() };
}
