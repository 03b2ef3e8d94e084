/** The rejection every cancelled preview request gets, whatever cancelled it. */
export function abortError(): DOMException {
  return new DOMException('The preview request was cancelled.', 'AbortError');
}

interface Task<V> {
  readonly controller: AbortController;
  readonly result: Promise<V>;
  waiters: number;
}

/**
 * Runs the work for a key once, however many callers ask for it at the same
 * time. Each caller waits with its own signal: an aborted caller rejects with
 * `AbortError` at once, and the work itself is aborted only when every caller
 * waiting for it has gone. A finished or cancelled task is forgotten, so a
 * cancellation never sticks to the key.
 */
export class SharedTasks<K, V> {
  readonly #tasks = new Map<K, Task<V>>();

  get pending(): number {
    return this.#tasks.size;
  }

  run(key: K, signal: AbortSignal, work: (signal: AbortSignal) => Promise<V>): Promise<V> {
    if (signal.aborted) return Promise.reject(abortError());
    let task = this.#tasks.get(key);
    if (!task) {
      const controller = new AbortController();
      // Deferred so the work never runs synchronously inside `run`, and never
      // starts at all when its only caller gave up in the same tick.
      const result = Promise.resolve().then(() => {
        if (controller.signal.aborted) throw abortError();
        return work(controller.signal);
      });
      const created: Task<V> = { controller, result, waiters: 0 };
      const forget = (): void => {
        if (this.#tasks.get(key) === created) this.#tasks.delete(key);
      };
      result.then(forget, forget);
      this.#tasks.set(key, created);
      task = created;
    }
    return this.#wait(key, task, signal);
  }

  /** Cancels every pending task; everyone waiting rejects with `AbortError`. */
  abortAll(): void {
    for (const [key, task] of [...this.#tasks]) this.#cancel(key, task);
  }

  #wait(key: K, task: Task<V>, signal: AbortSignal): Promise<V> {
    task.waiters++;
    return new Promise<V>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        task.waiters--;
        signal.removeEventListener('abort', onAbort);
        task.controller.signal.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = (): void => {
        if (!settle()) return;
        if (task.waiters === 0) this.#cancel(key, task);
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort);
      task.controller.signal.addEventListener('abort', onAbort);
      task.result.then(
        (value) => settle() && resolve(value),
        (error: unknown) => settle() && reject(error),
      );
    });
  }

  #cancel(key: K, task: Task<V>): void {
    if (this.#tasks.get(key) === task) this.#tasks.delete(key);
    task.controller.abort();
  }
}
