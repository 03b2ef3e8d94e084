import type { GridRow } from './grid-row.js';

export type ColumnId =
  | 'record'
  | 'user'
  | 'login'
  | 'computer'
  | 'start'
  | 'duration'
  | 'protocol'
  | 'clientIp'
  | 'alerts';

export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  column: ColumnId;
  direction: SortDirection;
}

export interface Column {
  id: ColumnId;
  label: string;
  /** Numbers line up on the right. */
  numeric: boolean;
  /** Absent for columns that cannot be sorted. */
  sortKey?: (row: GridRow) => string | number;
}

/** The grid's columns, left to right. */
export const columns: readonly Column[] = [
  { id: 'record', label: 'Record', numeric: false },
  { id: 'user', label: 'User', numeric: false, sortKey: (r) => r.userName },
  { id: 'login', label: 'Login', numeric: false, sortKey: (r) => r.login },
  { id: 'computer', label: 'Computer', numeric: false, sortKey: (r) => r.computerName },
  { id: 'start', label: 'Session start', numeric: false, sortKey: (r) => r.start },
  { id: 'duration', label: 'Duration', numeric: true, sortKey: (r) => r.durationMs },
  { id: 'protocol', label: 'Protocol', numeric: false, sortKey: (r) => r.protocol },
  { id: 'clientIp', label: 'Client IP', numeric: false, sortKey: (r) => r.clientIp },
  { id: 'alerts', label: 'Alerts', numeric: true, sortKey: (r) => r.notifications },
];

// Numeric collation orders "10.0.0.9" before "10.0.0.12" and "PC-2" before "PC-10".
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Returns a sorted copy; ties keep the order the backend sent. */
export function sortRows(rows: readonly GridRow[], order: SortOrder | null): readonly GridRow[] {
  const key = order && columns.find((c) => c.id === order.column)?.sortKey;
  if (!order || !key) return rows;
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const diff = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * diff;
  });
}

/** Header click cycles: unsorted → ascending → descending → ascending … */
export function nextSortOrder(current: SortOrder | null, column: ColumnId): SortOrder {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  // Dates and counts are most useful newest/largest first.
  const numericFirst = column === 'start' || column === 'duration' || column === 'alerts';
  return { column, direction: numericFirst ? 'descending' : 'ascending' };
}
