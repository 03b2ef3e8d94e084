import type { ControlState } from '../../../packages/player/src/live/live-protocol.js';

/** Control and freeze, as the agent's `state` messages report them. */
export interface LiveState {
  control: ControlState;
  frozen: boolean;
}

/** What a freshly connected agent is assumed to be in until it says otherwise. */
export const IDLE_STATE: Readonly<LiveState> = { control: 'none', frozen: false };

export type LiveAuditAction = 'remote-control-start' | 'remote-control-stop' | 'freeze-start' | 'freeze-stop' | 'ctrl-alt-del';

export interface LiveAuditEntry {
  action: LiveAuditAction;
  details: Record<string, string | number | boolean>;
}

/**
 * The audit entries a change of state calls for: control becoming 'full'
 * (start) or leaving it (stop, with the state it went to), and the input
 * freeze switching on or off. `reason` is set when the relay itself ends the
 * state (the agent went away).
 */
export function auditStateChange(prev: LiveState, next: LiveState, reason?: string): LiveAuditEntry[] {
  const out: LiveAuditEntry[] = [];
  const why: Record<string, string> = reason ? { reason } : {};
  if (prev.control !== 'full' && next.control === 'full') {
    out.push({ action: 'remote-control-start', details: { control: next.control, previous: prev.control, frozen: next.frozen } });
  } else if (prev.control === 'full' && next.control !== 'full') {
    out.push({ action: 'remote-control-stop', details: { control: next.control, previous: prev.control, frozen: next.frozen, ...why } });
  }
  if (!prev.frozen && next.frozen) {
    out.push({ action: 'freeze-start', details: { frozen: true, control: next.control } });
  } else if (prev.frozen && !next.frozen) {
    out.push({ action: 'freeze-stop', details: { frozen: false, control: next.control, ...why } });
  }
  return out;
}
