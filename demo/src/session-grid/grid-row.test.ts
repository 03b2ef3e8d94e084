import { expect } from 'chai';
import { parseRowsPage } from './grid-row.js';

const good = {
  userId: 'u1',
  userName: 'Ada',
  login: 'ada',
  computerId: 'c1',
  computerName: 'WS-1',
  sessionId: 's1',
  start: 1000,
  end: 2000,
  durationMs: 1000,
  protocol: 'RDP',
  clientIp: '10.0.0.1',
  timezone: 'Europe/Berlin',
  notifications: 2,
};

describe('parseRowsPage', () => {
  it('accepts a page and an open session', () => {
    const page = parseRowsPage({ items: [good, { ...good, sessionId: 's2', end: null }], nextCursor: 'abc' });
    expect(page?.items).to.have.length(2);
    expect(page?.items[1]?.end).to.equal(null);
    expect(page?.nextCursor).to.equal('abc');
  });

  it('reads bigint counts sent as numeric strings', () => {
    const page = parseRowsPage({ items: [{ ...good, notifications: '7' }], nextCursor: null });
    expect(page?.items[0]?.notifications).to.equal(7);
  });

  it('keeps only known fields', () => {
    const page = parseRowsPage({ items: [{ ...good, extra: '<script>' }], nextCursor: null });
    expect(page?.items[0]).to.not.have.property('extra');
  });

  it('rejects anything else', () => {
    expect(parseRowsPage(null)).to.equal(null);
    expect(parseRowsPage({ items: 'nope', nextCursor: null })).to.equal(null);
    expect(parseRowsPage({ items: [], nextCursor: 5 })).to.equal(null);
    expect(parseRowsPage({ items: [{ ...good, userName: 42 }], nextCursor: null })).to.equal(null);
    expect(parseRowsPage({ items: [{ ...good, start: 'soon' }], nextCursor: null })).to.equal(null);
  });
});
