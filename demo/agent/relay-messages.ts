import type { RelayToAgentMessage, ViewerMessage } from '../../packages/player/src/live/live-protocol.js';

/** Anything the agent can receive as a text frame. */
export type IncomingMessage = RelayToAgentMessage | ViewerMessage;

type Json = Record<string, unknown>;

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * Parses and checks a text frame from the relay. Returns null for anything
 * that is not a well-formed message of the protocol (they are ignored).
 */
export function parseIncoming(text: string): IncomingMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  return checkIncoming(m);
}

/** The same check for an already-parsed value. */
export function checkIncoming(m: unknown): IncomingMessage | null {
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Json;
  switch (o.t) {
    case 'settings':
      return isStr(o.controlMessage) && isNum(o.consentTimeoutMs)
        ? { t: 'settings', controlMessage: o.controlMessage, consentTimeoutMs: o.consentTimeoutMs }
        : null;
    case 'viewers':
      return isNum(o.count) && o.count >= 0 ? { t: 'viewers', count: o.count } : null;
    case 'keyframe':
      return { t: 'keyframe' };
    case 'control':
      return o.action === 'request' || o.action === 'release' ? { t: 'control', action: o.action } : null;
    case 'pointer':
      return (o.kind === 'move' || o.kind === 'down' || o.kind === 'up') && isNum(o.x) && isNum(o.y)
        ? { t: 'pointer', kind: o.kind, x: o.x, y: o.y, button: isNum(o.button) ? o.button : 0 }
        : null;
    case 'key':
      return (o.kind === 'down' || o.kind === 'up') && isStr(o.key)
        ? {
            t: 'key',
            kind: o.kind,
            key: o.key,
            code: isStr(o.code) ? o.code : '',
            ctrl: o.ctrl === true,
            alt: o.alt === true,
            shift: o.shift === true,
            meta: o.meta === true,
          }
        : null;
    case 'freeze':
      return isBool(o.on) ? { t: 'freeze', on: o.on } : null;
    case 'ctrl-alt-del':
      return { t: 'ctrl-alt-del' };
    default:
      return null;
  }
}
