import { PlayerError } from '../data-source/errors.js';
import type { SessionDataSource, StreamRef, Tag } from '../data-source/types.js';
import type { TagOutbox } from './tag-outbox.js';
import { streamKey, type Refusal, type TagConflictCode, type TagOp } from './tag-ops.js';

/** How long to wait before trying again while the backend is unreachable. */
export interface RetryPolicy {
  /** Wait after the first failure; doubles with each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000 };

/** A request that has not answered after this long counts as a network failure (and is retried). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface TagSyncOptions {
  outbox: TagOutbox;
  source: SessionDataSource;
  stream: StreamRef;
  /**
   * Runs before sending on the first pass after `refresh()`: the store
   * lists the day's tags. Throw only errors worth retrying.
   */
  refresh: (signal: AbortSignal) => Promise<void>;
  /** The backend applied `op` (here, not in another player). */
  onApplied: (op: TagOp, tag: Tag | null) => void;
  /** The backend refused `op` for good; `conflict` is null when the user's later delete made it moot. */
  onRefused: (op: TagOp, conflict: TagConflictCode | null, error: PlayerError) => void;
  /** `waiting`, `retryAt` or `lastError` changed. */
  onStatus: () => void;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
}

type Outcome = 'sent' | 'idle' | 'unreachable';

/**
 * Sends one stream's waiting tag changes, each tag's in order, one at a time.
 * When the backend cannot be reached (network, 5xx, timeout) it waits and
 * tries again with exponential backoff, and at once when the browser comes
 * back `online`. Refusals (4xx) settle the change in the outbox and are
 * reported; they are never retried.
 */
export class TagSync {
  /** The backend could not be reached at the last attempt (true until one succeeds). */
  waiting = false;
  /** When the next attempt is due (epoch ms) while waiting; null while it is under way. */
  retryAt: number | null = null;
  /** Why the last attempt failed while waiting. */
  lastError: PlayerError | null = null;

  readonly #o: TagSyncOptions;
  readonly #retry: RetryPolicy;
  readonly #stream: string;
  readonly #abort = new AbortController();
  #running: Promise<void> | null = null;
  #again = false;
  #refreshNeeded = false;
  #refreshWaiters: (() => void)[] = [];
  /** Waiters whose refresh was attempted in this pass: told once the pass's outcome is known. */
  #refreshed: (() => void)[] = [];
  #failures = 0;
  #closing = false;
  /** The retry waiting to fire; while it waits, new changes wait for it too. */
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onOnline = () => this.retryNow();

  constructor(options: TagSyncOptions) {
    this.#o = options;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#stream = streamKey(options.stream);
    globalThis.addEventListener?.('online', this.#onOnline);
  }

  /** Sends what waits, now, unless the backend is known to be away (then the next retry takes it). */
  kick(): void {
    if (this.#abort.signal.aborted || this.#timer !== undefined) return;
    void this.#run();
  }

  /** Tries now even while waiting (the browser is back online, or the user asked). */
  retryNow(): void {
    if (this.#abort.signal.aborted) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#failures = 0;
    if (this.waiting) this.#setWaiting(true, null);
    void this.#run();
  }

  /**
   * Lists again (`options.refresh`) before sending more: now, or with the
   * next retry while waiting. Settles once that attempt is over, whatever
   * its outcome.
   */
  refresh(): Promise<void> {
    this.#refreshNeeded = true;
    const attempt = new Promise<void>((resolve) => this.#refreshWaiters.push(resolve));
    if (this.#timer === undefined) void this.#run();
    return attempt;
  }

  /** Settles when no pass is running (for tests and orderly shutdown). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /**
   * Stops once what can be sent now has been sent: a change made just before
   * the player closes still reaches a reachable backend. While the backend is
   * away it stops at once; the outbox keeps the rest for the next `load`.
   */
  close(): void {
    if (this.#abort.signal.aborted) return;
    if (this.#timer !== undefined) return this.dispose();
    this.#closing = true;
    void this.#run();
  }

  dispose(): void {
    for (const resolve of [...this.#refreshed.splice(0), ...this.#refreshWaiters.splice(0)]) resolve();
    this.#abort.abort();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    globalThis.removeEventListener?.('online', this.#onOnline);
  }

  #run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = (async () => {
      try {
        do {
          this.#again = false;
          const outcome = await this.#pass();
          if (this.#abort.signal.aborted) return;
          if (outcome === 'unreachable') return this.#scheduleRetry();
          const recovered = this.lastError !== null;
          this.#failures = 0;
          this.lastError = null;
          this.#setWaiting(false);
          if (recovered) this.#o.onStatus();
          if (outcome === 'sent') this.#again = true;
          this.#answerRefreshes();
        } while (this.#again);
      } catch (e) {
        // IndexedDB itself failed: nothing to send with; try again later.
        if (!this.#abort.signal.aborted) {
          console.error('session-player: tag outbox failed', e);
          this.lastError = PlayerError.from(e, 'server');
          this.#scheduleRetry();
        }
      } finally {
        this.#running = null;
        this.#answerRefreshes();
        if (this.#closing) this.dispose();
      }
    })();
    this.#running = run;
    return run;
  }

  async #pass(): Promise<Outcome> {
    const signal = this.#abort.signal;
    if (this.#refreshNeeded) {
      this.#refreshNeeded = false;
      this.#refreshed.push(...this.#refreshWaiters.splice(0));
      try {
        await this.#o.refresh(signal);
      } catch (e) {
        if (signal.aborted) return 'idle';
        this.#refreshNeeded = true;
        this.lastError = PlayerError.from(e);
        return 'unreachable';
      }
    }
    const ops = await this.#o.outbox.list(this.#stream);
    const seen = new Set<string>();
    let sent = false;
    for (const op of ops) {
      if (op.conflict || seen.has(op.tagId)) continue;
      // Only the first waiting change of each tag: the next goes once this one is answered.
      seen.add(op.tagId);
      if (!this.#o.outbox.claim(op.id)) continue;
      let outcome: Outcome;
      try {
        outcome = await this.#send(op.id, signal);
      } finally {
        this.#o.outbox.release(op.id);
      }
      if (signal.aborted) return 'idle';
      if (outcome === 'unreachable') return 'unreachable';
      sent ||= outcome === 'sent';
    }
    return sent ? 'sent' : 'idle';
  }

  async #send(opId: string, signal: AbortSignal): Promise<Outcome> {
    const op = await this.#o.outbox.beginSend(opId);
    if (!op || signal.aborted) return 'idle';
    const { source, stream, outbox } = this.#o;
    const o = { signal: AbortSignal.any([signal, AbortSignal.timeout(this.#o.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)]) };
    let tag: Tag | null = null;
    try {
      const f = op.fields;
      if (op.kind === 'create') tag = await source.createTag(stream, { id: op.tagId, at: f.at!, name: f.name!, notes: f.notes ?? '' }, o);
      else if (op.kind === 'update') tag = await source.updateTag(stream, { id: op.tagId, ...f }, o);
      else await source.deleteTag(stream, op.tagId, o);
    } catch (e) {
      if (signal.aborted) return 'idle';
      const error = PlayerError.from(e);
      // Deleting what is already gone is what was asked for.
      if (!(op.kind === 'delete' && error.code === 'not-found')) {
        // An abort we did not ask for is the request timing out.
        if (error.retryable || error.code === 'aborted') {
          this.lastError = error;
          return 'unreachable';
        }
        const conflict = await outbox.refuse(op, refusalOf(error));
        this.#o.onRefused(op, conflict, error);
        return 'sent';
      }
    }
    const copy = tag && { id: tag.id, at: tag.at, name: tag.name, notes: tag.notes, createdAt: tag.createdAt, updatedAt: tag.updatedAt };
    await outbox.acknowledge(op, copy);
    this.#o.onApplied(op, copy);
    return 'sent';
  }

  #answerRefreshes(): void {
    for (const resolve of this.#refreshed.splice(0)) resolve();
  }

  #scheduleRetry(): void {
    if (this.#closing) return this.dispose();
    // Whatever changed on the backend while it was away shows once it answers: list before sending again.
    this.#refreshNeeded = true;
    this.#failures++;
    const { firstDelayMs, maxDelayMs } = this.#retry;
    const full = Math.min(maxDelayMs, firstDelayMs * 2 ** (this.#failures - 1));
    // Between half and all of it, so that many players do not come back at the same instant.
    const delay = full / 2 + (Math.random() * full) / 2;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#setWaiting(true, null);
      void this.#run();
    }, delay);
    this.#setWaiting(true, Date.now() + delay);
  }

  #setWaiting(waiting: boolean, retryAt: number | null = null): void {
    if (this.waiting === waiting && this.retryAt === retryAt) return;
    this.waiting = waiting;
    this.retryAt = retryAt;
    this.#o.onStatus();
  }
}

function refusalOf(error: PlayerError): Refusal {
  if (error.code === 'not-found') return 'not-found';
  const status = (error.cause as { status?: unknown } | undefined)?.status;
  return status === 409 ? 'conflict' : 'rejected';
}
