import { expect } from 'chai';
import { nextSortOrder, sortRows } from './columns.js';
import type { GridRow } from './grid-row.js';

const row = (sessionId: string, patch: Partial<GridRow>): GridRow => ({
  userId: 'u',
  userName: 'User',
  login: 'login',
  computerId: 'c',
  computerName: 'PC',
  sessionId,
  start: 0,
  end: null,
  durationMs: 0,
  protocol: 'RDP',
  clientIp: '10.0.0.1',
  timezone: 'UTC',
  notifications: 0,
  ...patch,
});

describe('sortRows', () => {
  const rows = [
    row('a', { clientIp: '10.0.0.12', computerName: 'PC-10', durationMs: 30 }),
    row('b', { clientIp: '10.0.0.9', computerName: 'pc-2', durationMs: 10 }),
    row('c', { clientIp: '10.0.0.100', computerName: 'PC-1', durationMs: 20 }),
  ];
  const ids = (sorted: readonly GridRow[]) => sorted.map((r) => r.sessionId);

  it('keeps the backend order when unsorted', () => {
    expect(sortRows(rows, null)).to.equal(rows);
  });

  it('orders numbers inside text numerically, ignoring case', () => {
    expect(ids(sortRows(rows, { column: 'clientIp', direction: 'ascending' }))).to.deep.equal(['b', 'a', 'c']);
    expect(ids(sortRows(rows, { column: 'computer', direction: 'ascending' }))).to.deep.equal(['c', 'b', 'a']);
  });

  it('sorts numbers and reverses for descending, without touching the input', () => {
    expect(ids(sortRows(rows, { column: 'duration', direction: 'descending' }))).to.deep.equal(['a', 'c', 'b']);
    expect(ids(rows)).to.deep.equal(['a', 'b', 'c']);
  });
});

describe('nextSortOrder', () => {
  it('starts text ascending, times and counts descending, then toggles', () => {
    expect(nextSortOrder(null, 'user')).to.deep.equal({ column: 'user', direction: 'ascending' });
    expect(nextSortOrder(null, 'start')).to.deep.equal({ column: 'start', direction: 'descending' });
    expect(nextSortOrder({ column: 'start', direction: 'descending' }, 'start').direction).to.equal('ascending');
  });
});
