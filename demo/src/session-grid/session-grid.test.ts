import { expect } from 'chai';
import type { GridRow } from './grid-row.js';
import { RowsLoadError, type RowsSource } from './rows-source.js';
import type { DemoSessionGrid, ViewRecordDetail } from './session-grid.js';
import './session-grid.define.js';
import { axeViolations } from '../../../test/support/axe.js';

const rows: GridRow[] = ['Ada Lovelace', 'Alan Turing', '<img src=x onerror=alert(1)>'].map((userName, i) => ({
  userId: `u${i}`,
  userName,
  login: `corp\\u${i}`,
  computerId: `c${i}`,
  computerName: `WS-${i}`,
  sessionId: `s${i}`,
  start: Date.UTC(2025, 2, 10, 9 + i),
  end: Date.UTC(2025, 2, 10, 10 + i),
  durationMs: 3_600_000,
  protocol: 'RDP',
  clientIp: `10.0.0.${i}`,
  timezone: 'Europe/Berlin',
  notifications: i * 3,
}));

let grid: DemoSessionGrid;

async function mount(setup: (el: DemoSessionGrid) => void): Promise<DemoSessionGrid> {
  grid = document.createElement('demo-session-grid');
  setup(grid);
  document.body.append(grid);
  await grid.updateComplete;
  return grid;
}

const root = () => grid.shadowRoot!;
const cell = (r: number, c: number) => root().querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const menuItems = () => [
  ...root().querySelector('demo-context-menu')!.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]'),
];
const deepActive = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};
const key = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }));
const nextEvent = <T>(type: string) =>
  new Promise<CustomEvent<T>>((resolve) => document.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => grid?.remove());

describe('<demo-session-grid>', () => {
  it('is accessible, with rows given directly', async () => {
    await mount((el) => (el.rows = rows));
    expect(grid.dataset['status']).to.equal('ready');
    expect(root().querySelectorAll('tbody [role="row"]')).to.have.length(3);
    expect(await axeViolations(grid)).to.deep.equal([]);
  });

  it('renders backend text as text', async () => {
    await mount((el) => (el.rows = rows));
    expect(root().querySelector('img')).to.equal(null);
    expect(cell(2, 1).textContent?.trim()).to.equal('<img src=x onerror=alert(1)>');
  });

  it('fires view-record from the camera button', async () => {
    await mount((el) => (el.rows = rows));
    const camera = root().querySelector<HTMLButtonElement>('[aria-label="View record for Alan Turing"]')!;
    const event = nextEvent<ViewRecordDetail>('view-record');
    camera.click();
    expect((await event).detail).to.deep.equal({
      userId: 'u1',
      computerId: 'c1',
      sessionId: 's1',
      at: rows[1]!.start,
      userName: 'Alan Turing',
      computerName: 'WS-1',
    });
  });

  it('opens a context menu on right click whose "View record" fires view-record and restores focus', async () => {
    await mount((el) => (el.rows = rows));
    const target = cell(0, 2);
    const rect = target.getBoundingClientRect();
    target.dispatchEvent(
      new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: rect.x + 5, clientY: rect.y + 5 }),
    );
    await settle();
    expect(menuItems().map((i) => i.textContent?.trim())).to.deep.equal(['View record', 'Copy session id']);
    expect(deepActive()?.textContent?.trim()).to.equal('View record');
    const event = nextEvent<ViewRecordDetail>('view-record');
    menuItems()[0]!.click();
    expect((await event).detail.sessionId).to.equal('s0');
    expect(deepActive()).to.equal(target);
  });

  it('opens the menu with Shift+F10, moves with arrows and closes with Escape', async () => {
    await mount((el) => (el.rows = rows));
    cell(1, 3).focus();
    key(cell(1, 3), { key: 'F10', shiftKey: true });
    await settle();
    const menu = root().querySelector('demo-context-menu')!;
    expect(menu.open).to.equal(true);
    key(deepActive()!, { key: 'ArrowDown' });
    expect(deepActive()?.textContent?.trim()).to.equal('Copy session id');
    key(deepActive()!, { key: 'Escape' });
    await settle();
    expect(menu.open).to.equal(false);
    expect(deepActive()).to.equal(cell(1, 3));
  });

  it('moves focus between rows and cells with the arrow keys', async () => {
    await mount((el) => (el.rows = rows));
    cell(0, 1).focus();
    key(cell(0, 1), { key: 'ArrowDown' });
    await grid.updateComplete;
    expect(deepActive()).to.equal(cell(1, 1));
    expect(cell(1, 1).tabIndex).to.equal(0);
    expect(cell(0, 1).tabIndex).to.equal(-1);
    key(cell(1, 1), { key: 'End' });
    await grid.updateComplete;
    expect(deepActive()).to.equal(cell(1, 8));
    key(cell(1, 8), { key: 'ArrowUp' });
    await grid.updateComplete;
    key(deepActive()!, { key: 'ArrowUp' });
    await grid.updateComplete;
    expect(deepActive()?.closest('th')?.getAttribute('role')).to.equal('columnheader');
  });

  it('sorts from the column headers and says so with aria-sort', async () => {
    await mount((el) => (el.rows = rows));
    const header = [...root().querySelectorAll('th')].find((th) => th.textContent?.includes('Alerts'))!;
    header.querySelector('button')!.click();
    await grid.updateComplete;
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    expect(cell(0, 1).textContent?.trim()).to.equal('<img src=x onerror=alert(1)>');
  });

  it('shows an empty state', async () => {
    await mount((el) => (el.rows = []));
    expect(grid.dataset['status']).to.equal('empty');
    expect(root().querySelector('[data-kind="empty"]')?.textContent).to.contain('No recorded sessions');
  });

  it('shows an error with a Retry that loads again', async () => {
    let calls = 0;
    const source: RowsSource = async () => {
      calls += 1;
      if (calls === 1) throw new RowsLoadError('http', 'The server answered 503 Service Unavailable.');
      return { items: rows, nextCursor: null };
    };
    await mount((el) => (el.source = source));
    await settle();
    await grid.updateComplete;
    expect(grid.dataset['status']).to.equal('error');
    const alert = root().querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('503 Service Unavailable');
    alert.querySelector('button')!.click();
    await settle();
    await grid.updateComplete;
    expect(grid.dataset['status']).to.equal('ready');
    expect(root().querySelectorAll('tbody [role="row"]')).to.have.length(3);
  });

  it('pages with cursors over the last rangeDays days', async () => {
    const queries: { from: number; to: number; limit: number; cursor: string | null }[] = [];
    const source: RowsSource = async (query) => {
      queries.push(query);
      const offset = Number(query.cursor ?? 0);
      return { items: rows.slice(offset, offset + 2), nextCursor: offset + 2 < rows.length ? String(offset + 2) : null };
    };
    await mount((el) => {
      el.source = source;
      el.pageSize = 2;
      el.rangeDays = 7;
    });
    await settle();
    await grid.updateComplete;
    const loadMore = [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Load more');
    loadMore?.click();
    await settle();
    await grid.updateComplete;
    expect(root().querySelectorAll('tbody [role="row"]')).to.have.length(3);
    expect(queries[0]?.cursor).to.equal(null);
    expect(queries.at(-1)?.cursor).to.equal('2');
    expect(queries[0]!.to - queries[0]!.from).to.equal(7 * 24 * 3_600_000);
  });
});
