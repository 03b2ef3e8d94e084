import type { AgentMessage, ControlState } from '../../../packages/player/src/live/live-protocol.js';

/** Longest agent text frame read: a decoder description (avcC/hvcC, base64) is well under this. */
export const MAX_AGENT_MESSAGE_BYTES = 64 * 1024;

const CONTROL_STATES: readonly ControlState[] = ['none', 'pending', 'full', 'view-only', 'declined', 'timed-out'];
const MAX_CODEC_CHARS = 100;
const MAX_DIMENSION = 16_384;

const dimension = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= MAX_DIMENSION;

/**
 * An agent's text frame as an `AgentMessage` (`config` or `state`), rebuilt
 * from the known fields, or null for anything else: bad JSON, another `t`,
 * wrong field types.
 */
export function parseAgentMessage(text: string): AgentMessage | null {
  if (text.length > MAX_AGENT_MESSAGE_BYTES) return null;
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return null;
  const o = m as Record<string, unknown>;
  if (o.t === 'config') {
    if (typeof o.codec !== 'string' || o.codec.length === 0 || o.codec.length > MAX_CODEC_CHARS) return null;
    if (!dimension(o.codedWidth) || !dimension(o.codedHeight)) return null;
    if (o.description !== undefined && typeof o.description !== 'string') return null;
    return {
      t: 'config',
      codec: o.codec,
      codedWidth: o.codedWidth,
      codedHeight: o.codedHeight,
      ...(o.description !== undefined ? { description: o.description } : {}),
    };
  }
  if (o.t === 'hls') {
    // Only a playlist this backend serves: an agent cannot send viewers elsewhere.
    if (typeof o.url !== 'string' || !/^\/api\/streams\/[\w.-]+\/[\w.-]+\/live\.m3u8$/.test(o.url)) return null;
    return { t: 'hls', url: o.url };
  }
  if (o.t === 'state') {
    if (!CONTROL_STATES.includes(o.control as ControlState) || typeof o.frozen !== 'boolean') return null;
    return { t: 'state', control: o.control as ControlState, frozen: o.frozen };
  }
  return null;
}
