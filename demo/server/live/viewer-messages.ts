import type { ViewerMessage } from '../../../packages/player/src/live/live-protocol.js';
import type { LiveCapability } from './live-capabilities.js';

/** Longer viewer text frames are dropped unread: the longest valid one is about 150 bytes. */
export const MAX_VIEWER_MESSAGE_BYTES = 1024;
/** `KeyboardEvent.key` and `.code` are short names ("a", "Enter", "ArrowLeft", "Dead"). */
export const MAX_KEY_CHARS = 32;

const POINTER_KINDS = ['move', 'down', 'up'] as const;
const KEY_KINDS = ['down', 'up'] as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): v is T => allowed.includes(v as T);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const bool = (v: unknown): v is boolean => typeof v === 'boolean';
const shortString = (v: unknown, min: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= MAX_KEY_CHARS;
/** `PointerEvent.button`: -1 (no button changed, e.g. a move) to a handful of buttons. */
const button = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= -1 && (v as number) <= 31;

/**
 * A viewer's text frame as a `ViewerMessage`, rebuilt from the known fields
 * only (anything else the viewer sent is not passed on), or null when it is
 * not valid JSON, has an unknown `t`, or a field of the wrong type or size.
 */
export function parseViewerMessage(text: string): ViewerMessage | null {
  if (text.length > MAX_VIEWER_MESSAGE_BYTES) return null;
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(m)) return null;
  switch (m.t) {
    case 'keyframe':
      return { t: 'keyframe' };
    case 'control':
      return m.action === 'request' || m.action === 'release' ? { t: 'control', action: m.action } : null;
    case 'pointer':
      if (!oneOf(m.kind, POINTER_KINDS) || !finite(m.x) || !finite(m.y) || !button(m.button)) return null;
      return { t: 'pointer', kind: m.kind, x: m.x, y: m.y, button: m.button };
    case 'key':
      if (!oneOf(m.kind, KEY_KINDS) || !shortString(m.key, 1) || !shortString(m.code, 0)) return null;
      if (!bool(m.ctrl) || !bool(m.alt) || !bool(m.shift) || !bool(m.meta)) return null;
      return { t: 'key', kind: m.kind, key: m.key, code: m.code, ctrl: m.ctrl, alt: m.alt, shift: m.shift, meta: m.meta };
    case 'freeze':
      return bool(m.on) ? { t: 'freeze', on: m.on } : null;
    case 'ctrl-alt-del':
      return { t: 'ctrl-alt-del' };
    default:
      return null;
  }
}

/** The capability a viewer needs for the relay to pass `m` on to the agent. */
export function capabilityFor(m: ViewerMessage): LiveCapability {
  switch (m.t) {
    case 'keyframe':
      return 'viewLive';
    case 'control':
    case 'pointer':
    case 'key':
      return 'remoteControl';
    case 'freeze':
      return 'freeze';
    case 'ctrl-alt-del':
      return 'ctrlAltDel';
  }
}

/** Input events, which only make sense while the agent reports control as 'full'. */
export const isInput = (m: ViewerMessage): boolean => m.t === 'pointer' || m.t === 'key';
