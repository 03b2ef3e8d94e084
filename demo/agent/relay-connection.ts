export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface RelayHandlers {
  open(): void;
  close(): void;
  text(data: string): void;
  status(status: ConnectionStatus): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;
/** A connection that stayed up this long resets the backoff. */
const STABLE_MS = 5000;

/**
 * The agent's WebSocket to the relay, reconnected with exponential backoff
 * (0.5 s doubling up to 8 s) for as long as the page is open.
 */
export class RelayConnection {
  status: ConnectionStatus = 'connecting';
  private ws: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;
  private openedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly handlers: RelayHandlers,
  ) {}

  /** Open from the `open` event on (not from readyState, which turns OPEN before the handler runs). */
  get open(): boolean {
    return this.status === 'open' && this.ws?.readyState === WebSocket.OPEN;
  }

  /** Bytes queued in the socket and not yet sent. */
  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  start(): void {
    this.connect();
  }

  /** Sends a text or binary frame; false (and nothing sent) when not connected. */
  send(data: string | Uint8Array<ArrayBuffer>): boolean {
    if (!this.open) return false;
    this.ws!.send(data);
    return true;
  }

  private connect(): void {
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      console.error('[agent] cannot open the relay socket', e);
      this.scheduleReconnect();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.openedAt = performance.now();
      this.setStatus('open');
      this.handlers.open();
    };
    ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
      if (typeof e.data === 'string') this.handlers.text(e.data);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      const wasOpen = this.openedAt > 0;
      if (wasOpen && performance.now() - this.openedAt >= STABLE_MS) this.retryMs = FIRST_RETRY_MS;
      this.openedAt = 0;
      if (wasOpen) this.handlers.close();
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const delay = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.handlers.status(status);
  }
}
