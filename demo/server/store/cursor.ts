import { badRequest } from '../api/api-error.js';

/**
 * Opaque page cursors: the sort key of the last item returned, so the next
 * page continues strictly after it (keyset paging — stable under inserts).
 */
export interface KeysetPosition {
  at: number;
  id: string;
}

export function encodeCursor(p: KeysetPosition): string {
  return Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && typeof value[1] === 'string') {
      return { at: value[0] as number, id: value[1] };
    }
  } catch {
    // Fall through to the error below.
  }
  throw badRequest('invalid-cursor', 'the cursor is not one this API handed out; start again without a cursor');
}
