/**
 * One row of the "Recorded sessions" grid, as the reference backend's
 * `GET /api/rows` returns it (one type for both sides; instants are epoch ms).
 */
import type { GridRow } from '../../server/store/recording-store.js';

export type { GridRow };

/** One page of rows; `nextCursor` is `null` on the last page. */
export interface RowsPage {
  items: GridRow[];
  nextCursor: string | null;
}

const textFields = [
  'userId',
  'userName',
  'login',
  'computerId',
  'computerName',
  'sessionId',
  'protocol',
  'clientIp',
  'timezone',
] as const;
const numberFields = ['start', 'durationMs', 'notifications'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A number, or a numeric string (what `pg` makes of a bigint such as `count(*)`). */
function toNumber(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function parseGridRow(value: unknown): GridRow | null {
  if (!isRecord(value)) return null;
  if (!textFields.every((f) => typeof value[f] === 'string')) return null;
  const [start, durationMs, notifications] = numberFields.map((f) => toNumber(value[f]));
  const end = value['end'] == null ? null : toNumber(value['end']);
  if (start == null || durationMs == null || notifications == null) return null;
  if (value['end'] != null && end === null) return null;
  const text = Object.fromEntries(textFields.map((f) => [f, value[f]])) as Pick<GridRow, (typeof textFields)[number]>;
  return { ...text, start, end, durationMs, notifications };
}

/**
 * Checks that an untrusted JSON body is a {@link RowsPage}. Returns `null`
 * when it is not, so the caller can turn that into an error value.
 */
export function parseRowsPage(body: unknown): RowsPage | null {
  if (!isRecord(body) || !Array.isArray(body['items'])) return null;
  const cursor = body['nextCursor'] ?? null;
  if (cursor !== null && typeof cursor !== 'string') return null;
  const items: GridRow[] = [];
  for (const item of body['items'] as unknown[]) {
    const row = parseGridRow(item);
    if (!row) return null;
    items.push(row);
  }
  return { items, nextCursor: cursor };
}
