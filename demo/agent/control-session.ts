import type { ControlState } from '../../packages/player/src/live/live-protocol.js';

export type ConsentChoice = 'full' | 'view-only' | 'decline';

export const DEFAULT_CONTROL_MESSAGE = 'IT security is viewing or controlling this computer.';
export const DEFAULT_CONSENT_TIMEOUT_MS = 30_000;

/**
 * Who controls the desktop and whether local input is frozen: the consent
 * flow's state machine. `onChange` runs after every change (the agent reports
 * `{t:'state'}` to the relay and redraws its page chrome from it).
 *
 * - request: without full control ('none', 'declined', 'timed-out', and
 *   'view-only', where the viewer asks again for full control) it asks the
 *   user ('pending' until answered or timed out); while a prompt is up or
 *   control is already 'full' it changes nothing and reports the state again.
 * - release: back to 'none' (a pending prompt is withdrawn).
 */
export class ControlSession {
  control: ControlState = 'none';
  frozen = false;
  controlMessage = DEFAULT_CONTROL_MESSAGE;
  consentTimeoutMs = DEFAULT_CONSENT_TIMEOUT_MS;
  /** Date.now() when a pending prompt times out; null when none is pending. */
  consentDeadline: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void) {}

  applySettings(controlMessage: string, consentTimeoutMs: number): void {
    if (controlMessage.trim()) this.controlMessage = controlMessage;
    if (Number.isFinite(consentTimeoutMs) && consentTimeoutMs > 0) this.consentTimeoutMs = consentTimeoutMs;
    this.onChange();
  }

  request(): void {
    if (this.control === 'pending' || this.control === 'full') {
      this.onChange();
      return;
    }
    this.consentDeadline = Date.now() + this.consentTimeoutMs;
    this.timer = setTimeout(() => this.settle('timed-out'), this.consentTimeoutMs);
    this.set('pending');
  }

  /** The user's answer to the prompt; false when no prompt is pending. */
  answer(choice: ConsentChoice): boolean {
    if (this.control !== 'pending') return false;
    this.settle(choice === 'full' ? 'full' : choice === 'view-only' ? 'view-only' : 'declined');
    return true;
  }

  release(): void {
    this.clearPrompt();
    this.set('none');
  }

  setFrozen(on: boolean): void {
    this.frozen = on;
    this.onChange();
  }

  /** Whether the user must be told (banner): someone controls the desktop or froze it. */
  get noticeShown(): boolean {
    return this.control === 'full' || this.frozen;
  }

  private settle(state: ControlState): void {
    this.clearPrompt();
    this.set(state);
  }

  private clearPrompt(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.consentDeadline = null;
  }

  private set(state: ControlState): void {
    this.control = state;
    this.onChange();
  }
}
