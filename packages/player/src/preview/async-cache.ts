import { LruCache } from './lru-cache.js';
import { SharedTasks, abortError } from './shared-tasks.js';

/**
 * Values loaded on demand and kept in an LRU. Callers asking for a key that
 * is still loading share the one load (see `SharedTasks`). Only successful
 * loads are kept: a failure or a cancellation is forgotten, so the next
 * request tries again.
 */
export class AsyncCache<K, V> {
  readonly #values: LruCache<K, V>;
  readonly #loads = new SharedTasks<K, V>();
  readonly #onEvict: ((value: V) => void) | undefined;

  /** `onEvict` releases a value the cache lets go of (closes an ImageBitmap, say). */
  constructor(capacity: number, onEvict?: (value: V) => void) {
    this.#values = new LruCache(capacity, onEvict);
    this.#onEvict = onEvict;
  }

  get size(): number {
    return this.#values.size;
  }

  get(key: K, signal: AbortSignal, load: (signal: AbortSignal) => Promise<V>): Promise<V> {
    if (signal.aborted) return Promise.reject(abortError());
    if (this.#values.has(key)) return Promise.resolve(this.#values.get(key) as V);
    return this.#loads.run(key, signal, async (loadSignal) => {
      const value = await load(loadSignal);
      // Nobody waits any more, or the cache was cleared meanwhile: keeping the
      // value could outlive a clear(), so release it instead.
      if (loadSignal.aborted) {
        this.#onEvict?.(value);
        throw abortError();
      }
      this.#values.set(key, value);
      return value;
    });
  }

  /** Cancels pending loads (their callers reject with AbortError) and releases every value. */
  clear(): void {
    this.#loads.abortAll();
    this.#values.clear();
  }
}
