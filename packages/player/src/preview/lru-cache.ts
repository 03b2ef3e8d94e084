/**
 * A bounded map that forgets the least recently used entry first. `onEvict`
 * runs for every value that leaves (evicted, replaced or cleared), so the
 * cache can own resources such as `ImageBitmap`s and close them.
 */
export class LruCache<K, V> {
  readonly capacity: number;
  readonly #onEvict: ((value: V, key: K) => void) | undefined;
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  readonly #entries = new Map<K, V>();

  constructor(capacity: number, onEvict?: (value: V, key: K) => void) {
    if (!(capacity >= 1)) throw new RangeError(`LruCache capacity must be at least 1, got ${capacity}.`);
    this.capacity = capacity;
    this.#onEvict = onEvict;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value for `key`, marking it as the most recently used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.#entries.has(key)) {
      const old = this.#entries.get(key) as V;
      this.#entries.delete(key);
      if (old !== value) this.#onEvict?.(old, key);
    }
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [K, V];
      this.#entries.delete(oldestKey);
      this.#onEvict?.(oldest, oldestKey);
    }
  }

  clear(): void {
    const entries = [...this.#entries];
    this.#entries.clear();
    for (const [key, value] of entries) this.#onEvict?.(value, key);
  }
}
