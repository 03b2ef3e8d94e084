import { expect } from 'chai';
import type { PanelActivity, PanelEvent, PanelKeystroke, PanelNotification, PanelSeverity } from '../types.js';
import { EventIndex, indexAt } from './event-index.js';

const T = Date.parse('2026-03-17T08:00:00Z');

function note(id: string, at: number, title: string, severity: PanelSeverity = 'low', app = 'Chrome'): PanelNotification {
  return { id, kind: 'notification', at: T + at, app, window: 'Inbox', title, rule: 'Rule 7', severity };
}
function act(id: string, at: number, url: string | null, app = 'Chrome'): PanelActivity {
  return { id, kind: 'activity', at: T + at, app, window: 'Browser', title: 'Visited', url, durationMs: 1000 };
}
function keys(id: string, at: number, text: string, app = 'Word'): PanelKeystroke {
  return { id, kind: 'keystroke', at: T + at, app, window: 'Doc', text };
}

describe('EventIndex', () => {
  const events: PanelEvent[] = [
    keys('k1', 30, 'typed ZANZIBAR here'),
    note('n2', 20, 'Printer jam', 'high'),
    act('a1', 10, 'https://zanzibar.example/'),
    note('n1', 0, 'USB storage connected', 'critical', 'Explorer'),
  ];

  it('sorts rows by time, overall and per kind, and counts them', () => {
    const index = new EventIndex(events);
    expect(index.rows().map((e) => e.id)).to.deep.equal(['n1', 'a1', 'n2', 'k1']);
    expect(index.rows('notification').map((e) => e.id)).to.deep.equal(['n1', 'n2']);
    expect(index.count('keystroke')).to.equal(1);
    expect(index.size).to.equal(4);
  });

  it('searches every text field case-insensitively, across kinds or within one', () => {
    const index = new EventIndex(events);
    expect(index.search('Zanzibar').map((e) => e.id)).to.deep.equal(['a1', 'k1']);
    expect(index.search('zanzibar', { kinds: ['keystroke'] }).map((e) => e.id)).to.deep.equal(['k1']);
    expect(index.search('rule 7').map((e) => e.id)).to.deep.equal(['n1', 'n2']);
    expect(index.search('explorer').map((e) => e.id)).to.deep.equal(['n1']);
    expect(index.search('  ')).to.have.length(4);
  });

  it('does not match across two fields', () => {
    const index = new EventIndex([note('x', 0, 'ends with jam')]);
    expect(index.search('jam rule')).to.have.length(0);
  });

  it('filters by severity (notifications only) and application', () => {
    const index = new EventIndex(events);
    const severities = new Set<PanelSeverity>(['critical']);
    expect(index.search('', { severities }).map((e) => e.id)).to.deep.equal(['n1', 'a1', 'k1']);
    expect(index.search('', { kinds: ['notification'], severities }).map((e) => e.id)).to.deep.equal(['n1']);
    expect(index.search('', { app: 'Chrome' }).map((e) => e.id)).to.deep.equal(['a1', 'n2']);
  });

  it('returns the same list for a kind until events are added', () => {
    const index = new EventIndex(events);
    const before = index.search('', { kinds: ['notification'] });
    expect(index.search('', { kinds: ['notification'] })).to.equal(before);
    index.append([note('n3', 5, 'Later')]);
    const after = index.search('', { kinds: ['notification'] });
    expect(after).to.not.equal(before);
    expect(before.map((e) => e.id)).to.deep.equal(['n1', 'n2']);
    expect(after.map((e) => e.id)).to.deep.equal(['n1', 'n3', 'n2']);
  });

  it('narrows the previous result when the term grows, and widens again', () => {
    const index = new EventIndex(events);
    expect(index.search('z')).to.have.length(2);
    expect(index.search('zanz').map((e) => e.id)).to.deep.equal(['a1', 'k1']);
    expect(index.search('zanzibar.ex').map((e) => e.id)).to.deep.equal(['a1']);
    expect(index.search('r')).to.have.length(4);
  });

  it('ignores duplicate ids and unknown kinds, and lists apps', () => {
    const index = new EventIndex(events);
    index.append([note('n1', 99, 'again'), { ...note('odd', 1, 'x'), kind: 'other' } as unknown as PanelEvent]);
    expect(index.size).to.equal(4);
    expect(index.apps()).to.deep.equal(['Chrome', 'Explorer', 'Word']);
    expect(index.apps(['keystroke'])).to.deep.equal(['Word']);
  });

  it('finds the row at the playhead by binary search', () => {
    const rows = [{ at: 10 }, { at: 20 }, { at: 20 }, { at: 30 }];
    expect(indexAt(rows, 5)).to.equal(-1);
    expect(indexAt(rows, 10)).to.equal(0);
    expect(indexAt(rows, 25)).to.equal(2);
    expect(indexAt(rows, 99)).to.equal(3);
    expect(indexAt([], 5)).to.equal(-1);
    expect(new EventIndex(events).indexAt(T + 15)).to.equal(1);
  });
});
