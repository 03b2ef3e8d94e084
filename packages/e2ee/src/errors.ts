import type { SegmentRef } from './format/segment-ref.js';

/** Codes a host can switch on; the message is for people. */
export type E2eeErrorCode = 'header-invalid' | 'wrong-secret' | 'segment-altered' | 'segment-missing';

/** Why a sealed segment was refused (only with code `segment-altered`). */
export type SegmentFault =
  | 'not-sealed'
  | 'truncated'
  | 'wrong-kind'
  | 'other-recording'
  | 'wrong-index'
  | 'wrong-start'
  | 'authentication';

export interface E2eeErrorOptions {
  reason?: SegmentFault;
  /** The segment the reader asked for, so a player can name the instant. */
  expected?: SegmentRef;
  cause?: unknown;
}

/**
 * An error as a value: a code, a specific message for people and (for segments) the fault
 * and the segment that was expected. Messages never contain key material or plaintext.
 */
export class E2eeError extends Error {
  readonly code: E2eeErrorCode;
  readonly reason?: SegmentFault;
  readonly expected?: SegmentRef;

  constructor(code: E2eeErrorCode, message: string, options: E2eeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'E2eeError';
    this.code = code;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.expected !== undefined) {
      const { kind, index, start } = options.expected;
      this.expected = Object.freeze({ kind, index, start });
    }
  }
}
