import type {
  RelayToAgentMessage,
  RelayToViewerMessage,
  ViewerMessage,
} from '../../../packages/player/src/live/live-protocol.js';
import type { AuditRecord } from '../store/audit-store.js';
import { MAX_AGENT_MESSAGE_BYTES, parseAgentMessage } from './agent-messages.js';
import { Keepalive } from './keepalive.js';
import { auditStateChange, IDLE_STATE, type LiveAuditEntry, type LiveState } from './live-audit.js';
import { liveCapabilities, type LiveCapability } from './live-capabilities.js';
import type { LivePeer, PeerHandle } from './live-peer.js';
import type { LiveSettings } from './live-settings.js';
import { streamKey, type LiveStreamRef } from './stream-key.js';
import { VideoGate } from './video-gate.js';
import { capabilityFor, isInput, MAX_VIEWER_MESSAGE_BYTES, parseViewerMessage } from './viewer-messages.js';

/** Whether a stream's agent is connected: what `GET /api/session` reports as `live.online`. */
export interface LivePresence {
  isOnline(userId: string, computerId: string): boolean;
}

export interface LiveRelayOptions {
  /** Where control, freeze and Ctrl+Alt+Del are recorded (the `audit_events` table). */
  audit: { append(e: AuditRecord): Promise<void> };
  now?: () => number;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; debug(obj: object, msg?: string): void };
  /** What viewers of a stream may do (default: `liveCapabilities`). */
  capabilitiesOf?: (stream: LiveStreamRef) => readonly LiveCapability[];
  /** Keepalive ping period; a peer missing two pongs in a row is terminated. 0 disables the timer. */
  pingIntervalMs?: number;
  /** A viewer with more than this queued gets no video until its queue drains and a key frame comes. */
  maxViewerBufferedBytes?: number;
}

/** Close code sent to an agent that a newer connection for the same stream replaced. */
export const CLOSE_REPLACED = 4000;
const CLOSE_GOING_AWAY = 1001;

export const DEFAULT_PING_INTERVAL_MS = 15_000;
export const DEFAULT_MAX_VIEWER_BUFFERED_BYTES = 4 * 1024 * 1024;

interface Stream {
  ref: LiveStreamRef;
  key: string;
  agent: AgentConn | null;
  viewers: Set<ViewerConn>;
  /** The current agent's latest `config` (or `hls`) and `state`, serialised, for viewers who join later. */
  config: string | null;
  state: string | null;
}

interface AgentConn {
  role: 'agent';
  peer: LivePeer;
  stream: Stream;
  open: boolean;
  /** Control and freeze as this agent last reported them (the audit compares against it). */
  reported: LiveState;
}

interface ViewerConn {
  role: 'viewer';
  peer: LivePeer;
  stream: Stream;
  open: boolean;
  gate: VideoGate;
  capabilities: ReadonlySet<LiveCapability>;
}

type Conn = AgentConn | ViewerConn;

/** Messages and frames the relay did not pass on, for logs and tests. */
export interface LiveRelayCounters {
  /** Agent text frames that were not a valid `config` or `state`. */
  agentMessagesDropped: number;
  /** Viewer frames that were invalid, not allowed, binary, or had no agent to go to. */
  viewerMessagesDropped: number;
  /** Video frames a viewer did not get (waiting for a key frame, or its socket backed up). */
  videoFramesDropped: number;
}

/**
 * The live-view relay (protocol: packages/player/src/live/live-protocol.ts),
 * in memory, per stream `userId/computerId`: at most one agent, any number of
 * viewers. It passes video and state from the agent to the viewers and the
 * viewers' commands to the agent, and records control changes in the audit log.
 * One process holds a stream's agent and its viewers; several API nodes would
 * need sticky routing by stream or a pub/sub hop between them.
 */
export class LiveRelay implements LivePresence {
  readonly counters: LiveRelayCounters = { agentMessagesDropped: 0, viewerMessagesDropped: 0, videoFramesDropped: 0 };
  private readonly streams = new Map<string, Stream>();
  private readonly keepalive: Keepalive<Conn>;
  private readonly pending = new Set<Promise<void>>();
  private readonly now: () => number;
  private readonly capabilitiesOf: (stream: LiveStreamRef) => readonly LiveCapability[];
  private readonly maxBuffered: number;
  private closed = false;

  constructor(private readonly opts: LiveRelayOptions) {
    this.now = opts.now ?? Date.now;
    this.capabilitiesOf = opts.capabilitiesOf ?? liveCapabilities;
    this.maxBuffered = opts.maxViewerBufferedBytes ?? DEFAULT_MAX_VIEWER_BUFFERED_BYTES;
    this.keepalive = new Keepalive<Conn>(
      opts.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
      (c) => c.peer.ping(),
      (c) => {
        this.opts.log?.info({ stream: c.stream.key, role: c.role }, 'live: no pong, terminating');
        c.peer.terminate();
        this.disconnected(c, 'keepalive-timeout');
      },
    );
  }

  isOnline(userId: string, computerId: string): boolean {
    return this.streams.get(streamKey({ userId, computerId }))?.agent != null;
  }

  viewerCount(userId: string, computerId: string): number {
    return this.streams.get(streamKey({ userId, computerId }))?.viewers.size ?? 0;
  }

  /**
   * An agent connected for `ref`. An older agent of the stream is closed with
   * 4000 'replaced'. The agent gets its settings and the viewer count; viewers
   * learn it is online.
   */
  connectAgent(ref: LiveStreamRef, peer: LivePeer, settings: LiveSettings): PeerHandle {
    if (this.closed) return this.refuse(peer);
    const stream = this.stream(ref);
    const conn: AgentConn = { role: 'agent', peer, stream, open: true, reported: { ...IDLE_STATE } };
    const old = stream.agent;
    if (old) {
      this.opts.log?.info({ stream: stream.key }, 'live: agent replaced by a newer connection');
      this.detachAgent(old, 'agent-replaced');
      old.peer.close(CLOSE_REPLACED, 'replaced');
    }
    stream.agent = conn;
    this.keepalive.add(conn);
    this.opts.log?.info({ stream: stream.key, viewers: stream.viewers.size }, 'live: agent connected');
    this.toAgent(conn, { t: 'settings', controlMessage: settings.controlMessage, consentTimeoutMs: settings.consentTimeoutMs });
    this.toAgent(conn, { t: 'viewers', count: stream.viewers.size });
    for (const v of stream.viewers) {
      v.gate.restart();
      this.toViewer(v, { t: 'agent', online: true });
    }
    return this.handle(conn, (data, isBinary) => this.fromAgent(conn, data, isBinary));
  }

  /**
   * A viewer connected to `ref`: it gets `{ t: 'agent', online }` and the
   * agent's latest config and state; the agent gets the new viewer count and
   * a key-frame request so the viewer can start decoding.
   */
  connectViewer(ref: LiveStreamRef, peer: LivePeer): PeerHandle {
    if (this.closed) return this.refuse(peer);
    const stream = this.stream(ref);
    const conn: ViewerConn = {
      role: 'viewer',
      peer,
      stream,
      open: true,
      gate: new VideoGate(this.maxBuffered),
      capabilities: new Set(this.capabilitiesOf(stream.ref)),
    };
    stream.viewers.add(conn);
    this.keepalive.add(conn);
    this.toViewer(conn, { t: 'agent', online: stream.agent !== null });
    if (stream.config) conn.peer.sendText(stream.config);
    if (stream.state) conn.peer.sendText(stream.state);
    if (stream.agent) {
      this.toAgent(stream.agent, { t: 'viewers', count: stream.viewers.size });
      this.toAgent(stream.agent, { t: 'keyframe' });
    }
    return this.handle(conn, (data, isBinary) => this.fromViewer(conn, data, isBinary));
  }

  /** Runs one keepalive round now (the timer does every `pingIntervalMs`). */
  keepaliveTick(): void {
    this.keepalive.tick();
  }

  /** Resolves when every audit entry written so far is stored. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Closes every connection (1001) and waits for the audit entries this causes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const stream of [...this.streams.values()]) {
      for (const c of [stream.agent, ...stream.viewers]) {
        if (!c) continue;
        c.peer.close(CLOSE_GOING_AWAY, 'server shutting down');
        this.disconnected(c, 'server-shutdown');
      }
    }
    this.keepalive.stop();
    await this.flush();
  }

  // --- agent ---------------------------------------------------------------

  private fromAgent(conn: AgentConn, data: Uint8Array, isBinary: boolean): void {
    if (!conn.open) return;
    const stream = conn.stream;
    if (isBinary) {
      let askKey = false;
      for (const v of stream.viewers) {
        const d = v.gate.admit(data, v.peer.bufferedAmount);
        if (d.send) v.peer.sendBinary(data);
        else this.counters.videoFramesDropped++;
        askKey ||= d.requestKey;
      }
      if (askKey) this.toAgent(conn, { t: 'keyframe' });
      return;
    }
    const message = data.byteLength <= MAX_AGENT_MESSAGE_BYTES ? parseAgentMessage(text(data)) : null;
    if (!message) {
      this.counters.agentMessagesDropped++;
      this.opts.log?.debug({ stream: stream.key, bytes: data.byteLength }, 'live: dropped an invalid agent message');
      return;
    }
    const json = JSON.stringify(message);
    if (message.t === 'config' || message.t === 'hls') {
      // How video reaches viewers (chunks or an HLS playlist): the latest one counts.
      stream.config = json;
    } else {
      const next: LiveState = { control: message.control, frozen: message.frozen };
      this.audit(stream, auditStateChange(conn.reported, next));
      conn.reported = next;
      stream.state = json;
    }
    for (const v of stream.viewers) v.peer.sendText(json);
  }

  /** The agent is no longer the stream's: audit what its going ends, forget its config and state. */
  private detachAgent(conn: AgentConn, reason: string): void {
    if (!conn.open) return;
    conn.open = false;
    this.keepalive.remove(conn);
    this.audit(conn.stream, auditStateChange(conn.reported, IDLE_STATE, reason));
    const stream = conn.stream;
    if (stream.agent === conn) {
      stream.agent = null;
      stream.config = null;
      stream.state = null;
    }
  }

  // --- viewers -------------------------------------------------------------

  private fromViewer(conn: ViewerConn, data: Uint8Array, isBinary: boolean): void {
    if (!conn.open) return;
    const stream = conn.stream;
    const message = !isBinary && data.byteLength <= MAX_VIEWER_MESSAGE_BYTES ? parseViewerMessage(text(data)) : null;
    const agent = stream.agent;
    if (!message || !agent || !this.allowed(conn, message, agent)) {
      this.counters.viewerMessagesDropped++;
      return;
    }
    agent.peer.sendText(JSON.stringify(message));
    if (message.t === 'ctrl-alt-del') {
      this.audit(stream, [{ action: 'ctrl-alt-del', details: { control: agent.reported.control, frozen: agent.reported.frozen } }]);
    }
  }

  /** The viewer holds the capability, and input only goes to an agent under full control. */
  private allowed(conn: ViewerConn, m: ViewerMessage, agent: AgentConn): boolean {
    if (!conn.capabilities.has(capabilityFor(m))) return false;
    return !isInput(m) || agent.reported.control === 'full';
  }

  // --- shared --------------------------------------------------------------

  private handle(conn: Conn, message: (data: Uint8Array, isBinary: boolean) => void): PeerHandle {
    return {
      message: (data, isBinary) => {
        try {
          message(data, isBinary);
        } catch (error) {
          // Never let one odd frame take the process down.
          this.opts.log?.warn({ err: error, stream: conn.stream.key, role: conn.role }, 'live: message handling failed');
        }
      },
      pong: () => this.keepalive.pong(conn),
      closed: () => this.disconnected(conn),
    };
  }

  private disconnected(conn: Conn, reason = 'agent-disconnected'): void {
    if (!conn.open) return;
    const stream = conn.stream;
    if (conn.role === 'agent') {
      const current = stream.agent === conn;
      this.detachAgent(conn, reason);
      this.opts.log?.info({ stream: stream.key }, 'live: agent disconnected');
      if (current) for (const v of stream.viewers) this.toViewer(v, { t: 'agent', online: false });
    } else {
      conn.open = false;
      this.keepalive.remove(conn);
      stream.viewers.delete(conn);
      if (stream.agent) this.toAgent(stream.agent, { t: 'viewers', count: stream.viewers.size });
    }
    if (!stream.agent && stream.viewers.size === 0) this.streams.delete(stream.key);
  }

  private stream(ref: LiveStreamRef): Stream {
    const key = streamKey(ref);
    let stream = this.streams.get(key);
    if (!stream) {
      stream = { ref: { userId: ref.userId, computerId: ref.computerId }, key, agent: null, viewers: new Set(), config: null, state: null };
      this.streams.set(key, stream);
    }
    return stream;
  }

  private refuse(peer: LivePeer): PeerHandle {
    peer.close(CLOSE_GOING_AWAY, 'server shutting down');
    return { message: () => {}, pong: () => {}, closed: () => {} };
  }

  private toAgent(conn: AgentConn, m: RelayToAgentMessage | { t: 'keyframe' }): void {
    conn.peer.sendText(JSON.stringify(m));
  }

  private toViewer(conn: ViewerConn, m: RelayToViewerMessage): void {
    conn.peer.sendText(JSON.stringify(m));
  }

  private audit(stream: Stream, entries: readonly LiveAuditEntry[]): void {
    for (const e of entries) {
      const done = this.opts.audit
        .append({ action: e.action, stream: { ...stream.ref }, at: this.now(), details: { ...e.details, via: 'live-relay' } })
        .catch((error: unknown) => this.opts.log?.warn({ err: error, stream: stream.key, action: e.action }, 'live: audit failed'));
      this.pending.add(done);
      void done.finally(() => this.pending.delete(done));
    }
  }
}

const decoder = new TextDecoder();
const text = (data: Uint8Array): string => decoder.decode(data);
