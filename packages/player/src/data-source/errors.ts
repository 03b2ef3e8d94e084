/** Codes a host can switch on; the message is for people. */
export type PlayerErrorCode =
  | 'network'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'aborted'
  | 'playlist-invalid'
  | 'media'
  | 'no-recording'
  | 'unsupported'
  /** End-to-end encryption: the passphrase or key does not open the recording. */
  | 'wrong-secret'
  /** Too many wrong passphrases: wait before the next try. */
  | 'retry-later'
  /** The encryption header is damaged or of an unknown version. */
  | 'header-invalid'
  /** A sealed segment failed its checks (altered, reordered, truncated, re-timed, foreign). */
  | 'recording-altered'
  /** A sealed recording's playlist leaves out a segment. */
  | 'segment-missing';

/** An error as a value: a code, a message for people and the cause. */
export class PlayerError extends Error {
  readonly code: PlayerErrorCode;
  /** Whether trying the same thing again may help (offer Retry). */
  readonly retryable: boolean;

  constructor(code: PlayerErrorCode, message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'PlayerError';
    this.code = code;
    this.retryable = options.retryable ?? (code === 'network' || code === 'server' || code === 'media');
  }

  /** Wraps anything thrown into a PlayerError, keeping PlayerErrors as they are. */
  static from(e: unknown, fallback: PlayerErrorCode = 'network'): PlayerError {
    if (e instanceof PlayerError) return e;
    if (isAbort(e)) return new PlayerError('aborted', 'The request was cancelled.', { cause: e, retryable: false });
    const message = e instanceof Error ? e.message : String(e);
    return new PlayerError(fallback, message, { cause: e });
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
