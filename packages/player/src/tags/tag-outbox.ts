import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StreamRef, Tag } from '../data-source/types.js';
import { applyPlan, newTagId, planIntent, planRefusal, streamKey, type Refusal, type TagConflictCode, type TagIntent, type TagOp, type TagOpKind } from './tag-ops.js';

/** The database the player's outbox lives in unless told otherwise. */
export const DEFAULT_OUTBOX_DATABASE = 'session-player-outbox';

const STORE = 'tag-ops';
const BY_STREAM = 'by-stream';

interface OutboxSchema extends DBSchema {
  [STORE]: { key: string; value: TagOp; indexes: { [BY_STREAM]: [string, number] } };
}

/** Something changed in the outbox for `stream` (here or in another tab). */
export interface OutboxChange {
  stream: string;
  /** The backend confirmed op `opId`: the tag as it now is there, null once deleted. */
  acked?: { opId: string; tagId: string; tag: Tag | null };
  /** The backend answered that it has no tag with this id. */
  gone?: string;
}

type Listener = (change: OutboxChange) => void;

/** Ops being sent right now, per database: shared by every outbox on the page, so no op goes out twice at once. */
const sending = new Map<string, Set<string>>();

let shared: TagOutbox | null = null;

/**
 * Tag changes waiting for the backend, kept in IndexedDB (`idb`) so they
 * survive a reload: one record per change, keyed by op id, indexed by stream
 * and order. A change is written here before it is sent and removed only when
 * the backend has acknowledged it. Only tag data is stored.
 *
 * Every method is one IndexedDB transaction, so outboxes in several players
 * or tabs over the same database never see half a change. Changes are
 * announced to `subscribe`rs on this page and, through a BroadcastChannel, in
 * other tabs.
 */
export class TagOutbox {
  readonly database: string;
  #db: Promise<IDBPDatabase<OutboxSchema>> | null = null;
  #channel: BroadcastChannel | null = null;
  readonly #listeners = new Map<string, Set<Listener>>();

  constructor(database = DEFAULT_OUTBOX_DATABASE) {
    this.database = database;
  }

  /** The page's outbox over the default database. */
  static shared(): TagOutbox {
    return (shared ??= new TagOutbox());
  }

  /** The stream's changes in the order they were made, conflict records included. */
  async list(stream: string): Promise<TagOp[]> {
    const db = await this.#open();
    return db.getAllFromIndex(STORE, BY_STREAM, ofStream(stream));
  }

  /**
   * Records a change (folded into the tag's waiting changes where that is
   * safe, see `planIntent`) and answers the stream's changes afterwards.
   */
  async enqueue(ref: StreamRef, intent: TagIntent, now = Date.now()): Promise<TagOp[]> {
    const stream = streamKey(ref);
    const db = await this.#open();
    const tx = db.transaction(STORE, 'readwrite');
    const all = await tx.store.index(BY_STREAM).getAll(ofStream(stream));
    const tagId = intent.tag.id;
    const waiting = all.filter((op) => op.tagId === tagId && !op.conflict);
    const seq = Math.max(now, (all[all.length - 1]?.seq ?? 0) + 1);
    const next = (kind: TagOpKind): TagOp => ({
      id: newTagId(),
      stream,
      ref: { userId: ref.userId, computerId: ref.computerId },
      seq,
      tagId,
      kind,
      fields: intent.kind === 'create' ? { at: intent.tag.at, name: intent.tag.name, notes: intent.tag.notes } : intent.kind === 'update' ? intent.fields : {},
      tag: intent.tag,
      attempted: false,
      conflict: null,
      queuedAt: now,
    });
    const plan = planIntent(waiting, intent, next);
    await Promise.all([...plan.remove.map((id) => tx.store.delete(id)), ...plan.put.map((op) => tx.store.put(op)), tx.done]);
    this.#emit({ stream });
    return applyPlan(all, plan);
  }

  /**
   * Marks an op as sent (for good: from now on nothing merges into it) and
   * answers it as stored, or null when it is gone or is a conflict record.
   */
  async beginSend(opId: string): Promise<TagOp | null> {
    const db = await this.#open();
    const tx = db.transaction(STORE, 'readwrite');
    const op = await tx.store.get(opId);
    if (op && !op.conflict && !op.attempted) {
      op.attempted = true;
      await tx.store.put(op);
    }
    await tx.done;
    return op && !op.conflict ? op : null;
  }

  /** The backend applied `op`; `tag` is the tag as it now is there (null once deleted). */
  async acknowledge(op: TagOp, tag: Tag | null): Promise<void> {
    const db = await this.#open();
    await db.delete(STORE, op.id);
    this.#emit({ stream: op.stream, acked: { opId: op.id, tagId: op.tagId, tag } });
  }

  /**
   * The backend refused `op` for good: drops what can no longer apply and
   * keeps a conflict record (see `planRefusal`). Answers the conflict to
   * report, or null when there is none (or the op was already settled).
   */
  async refuse(op: TagOp, refusal: Refusal): Promise<TagConflictCode | null> {
    const db = await this.#open();
    const tx = db.transaction(STORE, 'readwrite');
    const all = await tx.store.index(BY_STREAM).getAll(ofStream(op.stream));
    const waiting = all.filter((o) => o.tagId === op.tagId && !o.conflict);
    if (!waiting.some((o) => o.id === op.id)) {
      await tx.done;
      return null;
    }
    const plan = planRefusal(waiting, op, refusal);
    await Promise.all([...plan.remove.map((id) => tx.store.delete(id)), ...plan.put.map((o) => tx.store.put(o)), tx.done]);
    this.#emit({ stream: op.stream, ...(refusal === 'not-found' ? { gone: op.tagId } : {}) });
    return plan.conflict;
  }

  /** Forgets the conflict records of a tag (the user has seen them). */
  async dismiss(stream: string, tagId: string): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(STORE, 'readwrite');
    const all = await tx.store.index(BY_STREAM).getAll(ofStream(stream));
    const records = all.filter((op) => op.tagId === tagId && op.conflict);
    await Promise.all([...records.map((op) => tx.store.delete(op.id)), tx.done]);
    if (records.length) this.#emit({ stream });
  }

  /** Takes the in-flight lock of an op; false when someone on this page is sending it. */
  claim(opId: string): boolean {
    let ops = sending.get(this.database);
    if (!ops) sending.set(this.database, (ops = new Set()));
    if (ops.has(opId)) return false;
    ops.add(opId);
    return true;
  }

  release(opId: string): void {
    sending.get(this.database)?.delete(opId);
  }

  /** Calls `listener` on every change to the stream's outbox, here or in another tab; returns the unsubscribe. */
  subscribe(stream: string, listener: Listener): () => void {
    let set = this.#listeners.get(stream);
    if (!set) this.#listeners.set(stream, (set = new Set()));
    set.add(listener);
    this.#listen();
    return () => {
      set.delete(listener);
      if (!set.size) this.#listeners.delete(stream);
    };
  }

  /** Closes the database and the channel; the outbox opens them again when used. */
  close(): void {
    const db = this.#db;
    this.#db = null;
    void db?.then((d) => d.close()).catch(() => undefined);
    this.#channel?.close();
    this.#channel = null;
    if (this === shared) shared = null;
  }

  #open(): Promise<IDBPDatabase<OutboxSchema>> {
    if (this.#db) return this.#db;
    const opening = openDB<OutboxSchema>(this.database, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'id' }).createIndex(BY_STREAM, ['stream', 'seq']);
      },
      // Let a newer version (or a deletion) proceed: close now, reopen on next use.
      blocking: () => {
        if (this.#db === opening) this.#db = null;
        void opening.then((d) => d.close());
      },
      terminated: () => {
        if (this.#db === opening) this.#db = null;
      },
    });
    this.#db = opening;
    opening.catch(() => {
      if (this.#db === opening) this.#db = null;
    });
    return opening;
  }

  #listen(): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`${this.database}:changes`);
    this.#channel.onmessage = (e: MessageEvent<OutboxChange>) => this.#notify(e.data);
  }

  #emit(change: OutboxChange): void {
    this.#notify(change);
    this.#listen();
    this.#channel?.postMessage(change);
  }

  #notify(change: OutboxChange): void {
    for (const listener of [...(this.#listeners.get(change.stream) ?? [])]) {
      try {
        listener(change);
      } catch (e) {
        console.error('session-player: tag outbox listener failed', e);
      }
    }
  }
}

function ofStream(stream: string): IDBKeyRange {
  return IDBKeyRange.bound([stream, -Infinity], [stream, Infinity]);
}
