import type WebSocket from 'ws';
import type { LivePeer, PeerHandle } from './live-peer.js';

const OPEN = 1;
const CLOSED = 3;

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data; // Buffer, the default binaryType
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  return Buffer.from(String(data));
}

/**
 * Connects an accepted WebSocket to the relay: `connect` gets the socket as a
 * `LivePeer` and returns the handle its events go to.
 *
 * The server's sockets are `ws` 8 (what @fastify/websocket depends on), whose
 * 'message' listener gets `(data, isBinary)`; the installed type definitions
 * describe `ws` 7, which passed text frames as strings. Both are handled.
 */
export function attachSocket(socket: WebSocket, connect: (peer: LivePeer) => PeerHandle): void {
  const peer: LivePeer = {
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    sendText: (text) => {
      if (socket.readyState === OPEN) socket.send(text);
    },
    sendBinary: (data) => {
      if (socket.readyState === OPEN) socket.send(data, { binary: true });
    },
    ping: () => {
      if (socket.readyState === OPEN) socket.ping();
    },
    close: (code, reason) => {
      if (socket.readyState === OPEN) socket.close(code, reason);
    },
    terminate: () => socket.terminate(),
  };
  const handle = connect(peer);
  const onMessage = (data: unknown, isBinary?: boolean) => {
    handle.message(bytesOf(data), isBinary ?? typeof data !== 'string');
  };
  socket.on('message', onMessage as (data: WebSocket.Data) => void);
  socket.on('pong', () => handle.pong());
  socket.on('close', () => handle.closed());
  if (socket.readyState === CLOSED) handle.closed();
}
