/**
 * One party's connection as the relay sees it; `ws-peer.ts` adapts a
 * WebSocket to it, tests use fakes. Sending on a closed peer does nothing.
 */
export interface LivePeer {
  /** Bytes queued for sending and not yet handed to the OS. */
  readonly bufferedAmount: number;
  sendText(text: string): void;
  sendBinary(data: Uint8Array): void;
  ping(): void;
  close(code: number, reason: string): void;
  /** Drops the connection at once, without a closing handshake. */
  terminate(): void;
}

/** What the owner of a peer reports back to the relay. */
export interface PeerHandle {
  message(data: Uint8Array, isBinary: boolean): void;
  pong(): void;
  /** The connection is gone (closed or failed); called at least once, extra calls are ignored. */
  closed(): void;
}
