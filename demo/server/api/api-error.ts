/**
 * An error the API answers with: an HTTP status, a stable machine-readable
 * `code` and a message for people. Serialised as `{ code, message }`.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);

/** Longest range any query may span. */
export const MAX_RANGE_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * Longest range of an activity-density query: an aggregate the database computes
 * cheaply, and the timeline zoomed out to its widest (8 weeks) plus a margin.
 */
export const MAX_DENSITY_RANGE_MS = 62 * 24 * 60 * 60 * 1000;

/** Checks a `[from, to)` query range. */
export function requireRange(from: number, to: number, maxMs = MAX_RANGE_MS): { from: number; to: number } {
  if (!(from < to)) throw badRequest('invalid-range', `"from" (${from}) must be earlier than "to" (${to})`);
  if (to - from > maxMs) {
    const days = ((to - from) / 86_400_000).toFixed(2);
    throw badRequest('range-too-long', `the range spans ${days} days; at most ${Math.round(maxMs / 86_400_000)} days can be queried at once`);
  }
  return { from, to };
}
