/**
 * Ping/pong keepalive over a set of connections: every round pings each one;
 * a connection that has not answered the last `maxMissed` pings is declared
 * dead instead (a half-open TCP connection otherwise lingers for minutes).
 */
export class Keepalive<C> {
  private readonly missed = new Map<C, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly ping: (c: C) => void,
    private readonly dead: (c: C) => void,
    private readonly maxMissed = 2,
  ) {}

  add(c: C): void {
    this.missed.set(c, 0);
    if (!this.timer && this.intervalMs > 0) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref();
    }
  }

  remove(c: C): void {
    this.missed.delete(c);
    if (this.missed.size === 0) this.stop();
  }

  /** A pong (or anything else proving the peer alive) arrived. */
  pong(c: C): void {
    if (this.missed.has(c)) this.missed.set(c, 0);
  }

  /** One round; the timer calls it every `intervalMs`. */
  tick(): void {
    for (const [c, n] of [...this.missed]) {
      if (n >= this.maxMissed) {
        this.missed.delete(c);
        this.dead(c);
      } else {
        this.missed.set(c, n + 1);
        this.ping(c);
      }
    }
    if (this.missed.size === 0) this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
