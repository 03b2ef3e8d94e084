/**
 * The live-view wire protocol between a monitored computer's agent, the
 * backend relay and viewers (`<session-player>` in Live view), version 1.
 *
 * One WebSocket per party; the backend relays. Binary frames carry encoded
 * video from the agent to viewers; text frames carry JSON messages.
 *
 * Reference backend endpoints:
 * - agent:  `GET /api/live/agent?userId=…&computerId=…` (WebSocket). A newer agent for the
 *   same stream replaces the older one.
 * - viewer: `GET /api/streams/{userId}/{computerId}/live` (WebSocket).
 */

import type { LiveCommand, LiveControlState, LiveVideoConfig } from '../data-source/types.js';

export const LIVE_PROTOCOL_VERSION = 1;

/** First byte of every binary frame. */
export const VIDEO_CHUNK_FRAME = 1;
/** Bytes before the chunk's payload in a video frame. */
export const VIDEO_CHUNK_HEADER_BYTES = 18;

/**
 * A binary video frame, agent → viewers:
 * `[0] = 1`, `[1]` flags (bit 0: key frame), `[2..10)` chunk timestamp in µs
 * (float64, big-endian), `[10..18)` the agent's wall clock (epoch ms, float64,
 * big-endian) when the frame was drawn, then the `EncodedVideoChunk` bytes.
 */
export interface VideoChunkFrame {
  key: boolean;
  timestamp: number;
  capturedAt: number;
  data: Uint8Array;
}

export function encodeVideoChunk(frame: VideoChunkFrame): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(VIDEO_CHUNK_HEADER_BYTES + frame.data.byteLength);
  const view = new DataView(out.buffer);
  out[0] = VIDEO_CHUNK_FRAME;
  out[1] = frame.key ? 1 : 0;
  view.setFloat64(2, frame.timestamp);
  view.setFloat64(10, frame.capturedAt);
  out.set(frame.data, VIDEO_CHUNK_HEADER_BYTES);
  return out;
}

/** Reads a binary video frame; null when the bytes are not one. */
export function decodeVideoChunk(bytes: ArrayBuffer | Uint8Array): VideoChunkFrame | null {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength <= VIDEO_CHUNK_HEADER_BYTES || u8[0] !== VIDEO_CHUNK_FRAME) return null;
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  return {
    key: (u8[1]! & 1) === 1,
    timestamp: view.getFloat64(2),
    capturedAt: view.getFloat64(10),
    data: u8.subarray(VIDEO_CHUNK_HEADER_BYTES),
  };
}

/** Who is in control of the remote desktop, as the agent reports it. */
export type ControlState = LiveControlState;

/** Agent → viewers (relayed). */
export type AgentMessage =
  /** The decoder configuration; sent on connect and whenever it changes. */
  | ({ t: 'config' } & LiveVideoConfig)
  /** Video comes as a live HLS playlist instead of chunks (a path on the backend). */
  | { t: 'hls'; url: string }
  /** Control and freeze state, after every change. */
  | { t: 'state'; control: ControlState; frozen: boolean };

/** Viewer → agent (relayed). Pointer coordinates are desktop pixels. */
export type ViewerMessage = LiveCommand;

/** Backend → agent: settings of the session. */
export type RelayToAgentMessage = { t: 'settings'; controlMessage: string; consentTimeoutMs: number } | { t: 'viewers'; count: number };

/** Backend → viewer. */
export type RelayToViewerMessage = { t: 'agent'; online: boolean };
