import { PlayerError } from '../data-source/errors.js';
import type { LiveCommand, LiveConnection, LiveHandlers } from '../data-source/types.js';
import { decodeVideoChunk } from './live-protocol.js';

/**
 * Opens a live connection over one WebSocket speaking `live-protocol.ts`:
 * binary frames are video chunks, text frames JSON messages. Resolves once
 * the socket is open; rejects (`network`) when it cannot be.
 */
export function openWebSocketLive(url: string, signal?: AbortSignal): Promise<LiveConnection> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    const onAbort = () => {
      ws.close();
      reject(signal!.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    ws.addEventListener(
      'open',
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(new WebSocketLive(ws));
      },
      { once: true },
    );
    ws.addEventListener(
      'error',
      () => {
        signal?.removeEventListener('abort', onAbort);
        reject(new PlayerError('network', 'The live connection could not be opened.'));
      },
      { once: true },
    );
  });
}

class WebSocketLive implements LiveConnection {
  readonly #ws: WebSocket;
  /** Messages that came before anyone listened (the relay greets at once). */
  #early: MessageEvent[] = [];
  #closed: { code: number; message: string } | null = null;
  #handlers: LiveHandlers | null = null;

  constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.addEventListener('message', (e) => (this.#handlers ? this.#deliver(e) : this.#early.push(e)));
    ws.addEventListener('close', (e) => {
      this.#closed = { code: e.code, message: e.reason || 'The live connection closed.' };
      this.#handlers?.closed(this.#closed);
    });
  }

  listen(handlers: LiveHandlers): () => void {
    this.#handlers = handlers;
    for (const e of this.#early.splice(0)) this.#deliver(e);
    if (this.#closed) handlers.closed(this.#closed);
    return () => {
      this.#handlers = null;
    };
  }

  send(command: LiveCommand): void {
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(command));
  }

  close(): void {
    this.#handlers = null;
    this.#ws.close(1000, 'closed by the viewer');
  }

  #deliver(e: MessageEvent): void {
    const h = this.#handlers!;
    if (e.data instanceof ArrayBuffer) {
      const chunk = decodeVideoChunk(e.data);
      if (chunk) h.chunk(chunk);
      return;
    }
    let message: { t?: unknown; [k: string]: unknown };
    try {
      message = JSON.parse(String(e.data));
    } catch {
      return; // not ours: ignore rather than break the view
    }
    switch (message.t) {
      case 'config':
        if (typeof message.codec === 'string' && Number(message.codedWidth) > 0 && Number(message.codedHeight) > 0) {
          h.config({
            codec: message.codec,
            codedWidth: Number(message.codedWidth),
            codedHeight: Number(message.codedHeight),
            ...(typeof message.description === 'string' ? { description: message.description } : {}),
          });
        }
        break;
      case 'hls':
        if (typeof message.url === 'string') h.hls(new URL(message.url, this.#ws.url.replace(/^ws/, 'http')).href);
        break;
      case 'state':
        h.state({ control: message.control as never, frozen: message.frozen === true });
        break;
      case 'agent':
        h.agent(message.online === true);
        break;
    }
  }
}
