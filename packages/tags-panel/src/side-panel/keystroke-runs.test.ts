import { expect } from 'chai';
import type { PanelEvent, PanelKeystroke } from '../types.js';
import { keystrokeRuns, searchRuns } from './keystroke-runs.js';

const T = Date.parse('2026-03-17T09:00:00Z');
let n = 0;
function key(at: number, text: string, window = 'Report.docx - Word', app = 'Word'): PanelKeystroke {
  return { id: `k${n++}`, kind: 'keystroke', at: T + at, app, window, text };
}

describe('keystrokeRuns', () => {
  it('groups consecutive keys of one window with gaps under a minute', () => {
    const runs = keystrokeRuns([key(0, 'Dear '), key(5_000, 'Sir'), key(65_000, ', thanks')]);
    expect(runs.map((r) => r.events.map((e) => e.text).join(''))).to.deep.equal(['Dear Sir', ', thanks']);
    expect(runs[0]).to.include({ at: T, end: T + 5_000, app: 'Word', window: 'Report.docx - Word' });
    expect(runs[0]!.id).to.equal(runs[0]!.events[0]!.id);
  });

  it('a gap of exactly 60 s starts a new run; 59.999 s does not', () => {
    expect(keystrokeRuns([key(0, 'a'), key(59_999, 'b')])).to.have.length(1);
    expect(keystrokeRuns([key(0, 'a'), key(60_000, 'b')])).to.have.length(2);
  });

  it('starts a new run when the window or the app changes, and again on return', () => {
    const runs = keystrokeRuns([
      key(0, 'a'),
      key(1_000, 'b', 'Inbox - Outlook', 'Outlook'),
      key(2_000, 'c'),
      key(3_000, 'd', 'Report.docx - Word', 'Word Viewer'),
    ]);
    expect(runs.map((r) => r.events.length)).to.deep.equal([1, 1, 1, 1]);
  });

  it('skips other kinds, sorts unsorted input and caps run length', () => {
    const other: PanelEvent = { id: 'n', kind: 'notification', at: T + 500, app: 'Word', window: 'x', title: 't', rule: 'r', severity: 'low' };
    const runs = keystrokeRuns([key(2_000, 'c'), other, key(0, 'a'), key(1_000, 'b')]);
    expect(runs).to.have.length(1);
    expect(runs[0]!.events.map((e) => e.text).join('')).to.equal('abc');
    const many = Array.from({ length: 250 }, (_, i) => key(i * 100, 'x'));
    expect(keystrokeRuns(many).map((r) => r.events.length)).to.deep.equal([100, 100, 50]);
  });

  it('is empty for no keystrokes', () => {
    expect(keystrokeRuns([])).to.deep.equal([]);
  });
});

describe('searchRuns', () => {
  it('finds a word typed over several events, and window or app names', () => {
    const runs = keystrokeRuns([key(0, 'zan'), key(1_000, 'ZIBAR'), key(100_000, 'other'), key(200_000, 'x', 'Zanzibar notes', 'Notepad')]);
    expect(searchRuns(runs, 'Zanzibar').map((r) => r.events[0]!.text)).to.deep.equal(['zan', 'x']);
    expect(searchRuns(runs, '')).to.equal(runs);
    expect(searchRuns(runs, 'notepad')).to.have.length(1);
  });
});
