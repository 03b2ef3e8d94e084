import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import { axeViolations } from '../../../../test/support/axe.js';
import type { PanelEvent, PanelKeystroke, PanelPage, PanelQuery, PanelSeekDetail } from '../types.js';
import { memoryQuery, sampleEvents } from './sample-events.js';
import type { SessionSidePanel } from './session-side-panel.js';
import { DAY, H, mount, mounted, RANGE, settle, until } from './panel-support.test.js';
import type { PanelTab } from './types.js';

const SAMPLE = sampleEvents({ count: 600, start: DAY + 8 * H, end: DAY + 18 * H, seed: 7 }).events;


const $ = <T extends Element = HTMLElement>(el: SessionSidePanel, selector: string) => el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const rows = (el: SessionSidePanel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const row = (el: SessionSidePanel, index: number) => $(el, `.row[data-index="${index}"]`);
const list = (el: SessionSidePanel) => $(el, 'lit-virtualizer') as unknown as HTMLElement & { items: PanelEvent[] };
const status = (el: SessionSidePanel) => $(el, '[part="status"]')!.textContent!.trim();
const tabCount = (el: SessionSidePanel, tab: PanelTab) => $(el, `#tab-${tab} [part="tab-count"]`)!.textContent!.trim();

function seeks(el: EventTarget): PanelSeekDetail[] {
  const out: PanelSeekDetail[] = [];
  el.addEventListener('seek-request', (e) => out.push((e as CustomEvent<PanelSeekDetail>).detail));
  return out;
}

/** Whether the element is inside the list's visible box. */
function inView(el: SessionSidePanel, r: HTMLElement): boolean {
  const a = r.getBoundingClientRect();
  const b = list(el).getBoundingClientRect();
  return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
}

interface Call {
  q: PanelQuery;
  signal: AbortSignal;
  resolve: (page: PanelPage) => void;
  reject: (e: unknown) => void;
}

/** A query function that answers only when the test says so. */
function heldQuery() {
  const calls: Call[] = [];
  const query = (q: PanelQuery, signal: AbortSignal) =>
    new Promise<PanelPage>((resolve, reject) => {
      calls.push({ q, signal, resolve, reject });
    });
  return { calls, query };
}

describe('<session-side-panel>', () => {
  describe('accessibility (axe)', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const tab of ['notification', 'activity', 'keystroke', 'tag'] as const) {
        it(`has no violations on the ${tab} tab, ${theme}`, async () => {
          const tags = [{ id: 't1', at: DAY + 9 * H, name: 'Check this', notes: 'USB stick' }];
          const el = await mount({ events: SAMPLE, value: DAY + 12 * H, theme, tab, tags, canCreateTags: true, canDeleteTags: true });
          expect(await axeViolations(el)).to.deep.equal([]);
        });
      }
      it(`has no violations with a search across all tabs, follow off and an error, ${theme}`, async () => {
        const el = await mount({ events: SAMPLE, value: DAY + 12 * H, theme });
        $<HTMLInputElement>(el, '[part="all-tabs"] input')!.click();
        const input = $<HTMLInputElement>(el, '[part="search"]')!;
        input.value = 'report';
        input.dispatchEvent(new Event('input'));
        await settle(el);
        list(el).dispatchEvent(new WheelEvent('wheel', { deltaY: 100 }));
        await settle(el);
        expect($(el, 'mark')).to.exist;
        expect($(el, '[part="follow-button"]')).to.exist;
        expect(await axeViolations(el)).to.deep.equal([]);

        const failing = await mount({ query: () => Promise.reject(new Error('503 Service Unavailable')), range: RANGE, theme });
        await until(() => !!$(failing, '[part="error"]'), 'the error');
        expect(await axeViolations(failing)).to.deep.equal([]);
      });
    }
  });

  describe('tabs', () => {
    it('shows counts on the tabs and switches with arrows, Home and End', async () => {
      const el = await mount({ events: SAMPLE });
      const kinds = (k: string) => String(SAMPLE.filter((e) => e.kind === k).length);
      expect(tabCount(el, 'notification')).to.equal(kinds('notification'));
      expect(tabCount(el, 'keystroke')).to.equal(kinds('keystroke'));
      const tablist = $(el, '[role="tablist"]')!;
      const key = async (k: string) => {
        el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
        await settle(el, 1);
      };
      $(el, '#tab-notification')!.focus();
      await key('ArrowRight');
      expect(el.tab).to.equal('activity');
      expect(el.getAttribute('tab')).to.equal('activity');
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-activity');
      await key('End');
      expect(el.tab).to.equal('tag');
      expect($(el, '#panel-tag session-tags-view')).to.exist;
      await key('ArrowRight');
      expect(el.tab).to.equal('notification');
      await key('ArrowLeft');
      await key('Home');
      expect(el.tab).to.equal('notification');
      expect(tablist.querySelectorAll('[aria-selected="true"]')).to.have.length(1);
      expect($(el, '#tab-notification')!.getAttribute('aria-controls')).to.equal('panel-notification');
    });

    it('passes tags and permissions to <session-tags-view>', async () => {
      const tags = [{ id: 't1', at: DAY + 9 * H, name: 'Check', notes: '' }];
      const el = await mount({ events: [], tags, value: DAY + 10 * H, tab: 'tag', canCreateTags: true, locale: 'de' });
      const view = $(el, 'session-tags-view') as unknown as Record<string, unknown>;
      expect(view.tags).to.equal(tags);
      expect(view.value).to.equal(DAY + 10 * H);
      expect(view.zone).to.equal('UTC');
      expect(view.locale).to.equal('de');
      expect(view.canCreate).to.equal(true);
      expect(view.canDelete).to.equal(false);
      expect(view.theme).to.equal('light');
      expect(tabCount(el, 'tag')).to.equal('1');
    });
  });

  describe('loading pages', () => {
    it('loads the first page of a tab when it is first shown, 500 at a time', async () => {
      const { calls, query } = heldQuery();
      const el = await mount({ query, range: RANGE });
      expect(calls).to.have.length(1);
      expect(calls[0]!.q).to.deep.include({ kinds: ['notification'], limit: 500, range: RANGE });
      expect(calls[0]!.q.cursor).to.equal(undefined);
      expect(status(el)).to.equal('Loading notifications…');

      el.tab = 'activity';
      await settle(el);
      expect(calls.map((c) => c.q.kinds[0])).to.deep.equal(['notification', 'activity']);
      el.tab = 'notification';
      await settle(el);
      expect(calls).to.have.length(2);
    });

    it('shows "500+" while more pages exist and asks for the next page near the end of the list', async () => {
      const notes = sampleEvents({ count: 4000, start: DAY + 8 * H, end: DAY + 18 * H, seed: 3 }).events.filter((e) => e.kind === 'notification');
      expect(notes.length).to.be.greaterThan(600);
      const inner = memoryQuery(notes);
      const asked: PanelQuery[] = [];
      const el = await mount({ range: RANGE, query: (q, s) => (asked.push(q), inner(q, s)) });
      await until(() => tabCount(el, 'notification') === '500+', 'the first page');
      expect(asked).to.have.length(1);
      // The set size is unknown while pages are missing.
      expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('-1');
      expect(await axeViolations(el)).to.deep.equal([]);
      list(el).scrollTop = list(el).scrollHeight;
      await until(() => asked.length === 2, 'the second page');
      expect(asked[1]!.cursor).to.equal('500');
      await until(() => tabCount(el, 'notification') === String(notes.length).replace(/\B(?=(\d{3})+$)/g, ','), 'all pages');
    });

    it('aborts requests when the range changes and starts over', async () => {
      const { calls, query } = heldQuery();
      const el = await mount({ query, range: RANGE });
      el.range = { start: RANGE.start + 24 * H, end: RANGE.end + 24 * H };
      await settle(el);
      expect(calls[0]!.signal.aborted).to.equal(true);
      expect(calls).to.have.length(2);
      expect(calls[1]!.q.range.start).to.equal(RANGE.start + 24 * H);
      // The same day again (a new object) is not a change.
      el.range = { ...el.range };
      await settle(el);
      expect(calls).to.have.length(2);
    });

    it('shows the empty state, and an error with Retry that loads again', async () => {
      const empty = await mount({ query: memoryQuery([]), range: RANGE });
      await until(() => status(empty) === 'No notifications this day', 'the empty state');
      expect(tabCount(empty, 'notification')).to.equal('0');
      empty.remove();

      const { calls, query } = heldQuery();
      const el = await mount({ query, range: RANGE });
      calls[0]!.reject(new Error('503 Service Unavailable'));
      await until(() => !!$(el, '[part="error"]'), 'the error');
      expect($(el, '[part="error"]')!.textContent).to.contain('The events could not be loaded.').and.contain('503 Service Unavailable');
      $(el, '[part="retry-button"]')!.click();
      await settle(el);
      expect(calls).to.have.length(2);
      expect(status(el)).to.equal('Loading notifications…');
      calls[1]!.resolve({ items: SAMPLE.filter((e) => e.kind === 'notification').slice(0, 5), nextCursor: null });
      await until(() => rows(el).length === 5, 'the rows');
      expect($(el, '[part="error"]')).to.equal(null);
    });
  });

  describe('jump', () => {
    it('a click or Enter on a row asks to seek to its instant', async () => {
      const el = await mount({ events: SAMPLE });
      const asked = seeks(el);
      const first = rows(el)[2]!;
      const at = list(el).items[2]!.at;
      first.click();
      expect(asked).to.deep.equal([{ at, final: true }]);
      await settle(el);
      row(el, 3)!.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      expect(asked.slice(1)).to.deep.equal([
        { at: list(el).items[3]!.at, final: true },
        { at: list(el).items[3]!.at, final: true },
      ]);
    });

    it('a typed key in a keystroke run seeks to when it was typed', async () => {
      const typed: PanelKeystroke[] = ['Dear ', 'Sir', ', thanks'].map((text, i) => ({
        id: `k${i}`,
        kind: 'keystroke',
        at: DAY + 9 * H + i * 2_000,
        app: 'Word',
        window: 'Letter.docx - Word',
        text,
      }));
      const el = await mount({ events: typed, tab: 'keystroke' });
      expect(rows(el)).to.have.length(1);
      const run = rows(el)[0]!;
      expect(run.querySelector('.typed')!.textContent).to.equal('Dear Sir, thanks');
      const asked = seeks(el);
      const keys = run.querySelectorAll<HTMLElement>('[part="keystroke"]');
      keys[1]!.click();
      expect(asked).to.deep.equal([{ at: typed[1]!.at, final: true }]);
      // Keyboard: Right from the row walks the keys, Enter seeks to the focused one.
      run.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      expect(asked[1]).to.deep.equal({ at: typed[2]!.at, final: true });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(el.shadowRoot!.activeElement).to.equal(run);
    });
  });

  describe('follow', () => {
    it('marks the row at the playhead and keeps it in view while playing', async () => {
      const el = await mount({ events: SAMPLE, value: DAY + 8 * H + 60_000, playing: true });
      const items = list(el).items;
      const target = items.length - 20;
      el.value = items[target]!.at + 1;
      await settle(el);
      const current = row(el, target)!;
      expect(current).to.exist;
      expect(current.getAttribute('aria-current')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('[aria-current]')).to.have.length(1);
      expect(inView(el, current)).to.equal(true);
      // Between two rows the earlier one is current.
      el.value = (items[10]!.at + items[11]!.at) / 2;
      await settle(el);
      expect(row(el, 10)!.getAttribute('aria-current')).to.equal('true');
      expect(inView(el, row(el, 10)!)).to.equal(true);
    });

    it('stops following when the user scrolls, and the button turns it back on', async () => {
      const el = await mount({ events: SAMPLE, value: DAY + 8 * H, playing: true });
      const items = list(el).items;
      const target = items.length - 10;
      expect($(el, '[part="follow-button"]')).to.equal(null);
      list(el).dispatchEvent(new WheelEvent('wheel', { deltaY: 400 }));
      list(el).scrollTop = 0;
      await settle(el);
      const button = $(el, '[part="follow-button"]')!;
      expect(button.textContent).to.equal('Follow playhead');
      el.value = items[target]!.at;
      await settle(el);
      expect(list(el).scrollTop).to.equal(0);
      expect(row(el, target)).to.equal(null);
      button.click();
      await settle(el);
      expect($(el, '[part="follow-button"]')).to.equal(null);
      expect(row(el, target)!.getAttribute('aria-current')).to.equal('true');
      expect(inView(el, row(el, target)!)).to.equal(true);
    });

    it('does not scroll while paused', async () => {
      const el = await mount({ events: SAMPLE, value: DAY + 8 * H, playing: false });
      const top = list(el).scrollTop;
      el.value = list(el).items.at(-5)!.at;
      await settle(el);
      expect(list(el).scrollTop).to.equal(top);
    });
  });

  describe('keyboard only', () => {
    it('Tab into the tabs, arrows switch, Tab to search and list, arrows move rows, Enter seeks', async () => {
      const before = document.createElement('button');
      before.textContent = 'before';
      document.body.append(before);
      mounted.push(before);
      const el = await mount({ events: SAMPLE });
      const asked = seeks(el);
      const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(active()?.id).to.equal('tab-notification');
      await sendKeys({ press: 'ArrowRight' });
      await settle(el, 1);
      expect(el.tab).to.equal('activity');
      expect(active()?.id).to.equal('tab-activity');
      await sendKeys({ press: 'Tab' });
      expect(active()?.getAttribute('part')).to.equal('search');
      for (let i = 0; i < 6 && !active()?.classList.contains('row'); i++) await sendKeys({ press: 'Tab' });
      expect(active()?.dataset.index).to.equal('0');
      await sendKeys({ press: 'ArrowDown' });
      await settle(el, 1);
      await sendKeys({ press: 'ArrowDown' });
      await settle(el, 1);
      expect(active()?.dataset.index).to.equal('2');
      await sendKeys({ press: 'End' });
      await settle(el);
      const last = list(el).items.length - 1;
      expect(active()?.dataset.index).to.equal(String(last));
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(active()?.dataset.index).to.equal('0');
      await sendKeys({ press: 'PageDown' });
      await settle(el);
      expect(Number(active()?.dataset.index)).to.be.greaterThan(3);
      await sendKeys({ press: 'Enter' });
      expect(asked).to.deep.equal([{ at: list(el).items[Number(active()!.dataset.index)]!.at, final: true }]);
      expect(getComputedStyle(active()!).outlineStyle).to.equal('solid');
    });
  });

  describe('locale and zone', () => {
    it('shows times in the zone and strings in German', async () => {
      const event: PanelEvent = { id: 'n', kind: 'notification', at: Date.parse('2026-03-17T09:05:03Z'), app: 'A', window: 'W', title: 'T', rule: 'R', severity: 'high' };
      const el = await mount({ events: [event], zone: 'Europe/Berlin', locale: 'de' });
      expect(rows(el)[0]!.querySelector('time')!.textContent).to.equal('10:05:03');
      expect(rows(el)[0]!.textContent).to.contain('Hoch').and.contain('Regel');
      expect($(el, '#tab-notification')!.textContent).to.contain('Benachrichtigungen');
      expect($<HTMLInputElement>(el, '[part="search"]')!.placeholder).to.equal('Benachrichtigungen durchsuchen…');
    });
  });

  describe('filters', () => {
    it('filters notifications by severity and any tab by application', async () => {
      const el = await mount({ events: SAMPLE });
      const notes = SAMPLE.filter((e): e is Extract<PanelEvent, { kind: 'notification' }> => e.kind === 'notification');
      const chips = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="severity-chip"] input');
      expect(chips).to.have.length(4);
      chips[0]!.click(); // low off
      chips[1]!.click(); // medium off
      await settle(el);
      expect(list(el).items.map((e) => e.id)).to.deep.equal(notes.filter((e) => e.severity === 'high' || e.severity === 'critical').map((e) => e.id));
      const select = $<HTMLSelectElement>(el, '[part="app-filter"]')!;
      expect([...select.options].map((o) => o.value)).to.include.members(['', 'Chrome', 'Word']);
      select.value = 'Chrome';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(list(el).items.map((e) => e.id)).to.deep.equal(
        notes.filter((e) => e.app === 'Chrome' && (e.severity === 'high' || e.severity === 'critical')).map((e) => e.id),
      );
    });
  });
});
