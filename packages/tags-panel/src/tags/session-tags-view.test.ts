import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import { axeViolations } from '../../../../test/support/axe.js';
import type { PanelSeekDetail, PanelTag, TagCreateDetail, TagDeleteDetail, TagUpdateDetail } from '../types.js';
import type { SessionTagsView } from './session-tags-view.js';
import './session-tags-view.define.js';

const BERLIN = 'Europe/Berlin';
const TAGS: PanelTag[] = [
  { id: 't2', at: Date.parse('2026-03-17T13:05:09Z'), name: 'USB stick plugged in', notes: 'Check with IT.\nTicket 4711' },
  { id: 't1', at: Date.parse('2026-03-17T08:00:00Z'), name: 'Start of shift', notes: '' },
  { id: 't3', at: Date.parse('2026-03-17T16:45:00Z'), name: 'Offline note', notes: '', pending: 'create' },
  { id: 't4', at: Date.parse('2026-03-17T17:00:00Z'), name: 'Renamed twice', notes: '', pending: 'update', conflict: 'deleted' },
];

const mounted: HTMLElement[] = [];

async function mount(props: Partial<SessionTagsView> = {}): Promise<SessionTagsView> {
  const el = document.createElement('session-tags-view');
  el.zone = BERLIN;
  el.tags = TAGS;
  el.value = Date.parse('2026-03-17T13:05:09.640Z');
  el.canCreate = true;
  el.canDelete = true;
  Object.assign(el, props);
  el.style.width = '360px';
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function events<T>(el: EventTarget, type: string): T[] {
  const out: T[] = [];
  el.addEventListener(type, (e) => out.push((e as CustomEvent<T>).detail));
  return out;
}

const $ = <T extends Element = HTMLElement>(el: SessionTagsView, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector);
const $$ = <T extends Element = HTMLElement>(el: SessionTagsView, selector: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(selector)];
const field = (el: SessionTagsView, name: string) => $<HTMLInputElement>(el, `#tag-${name}`)!;
const row = (el: SessionTagsView, id: string) => $$(el, 'li[data-tag-id]').find((li) => li.dataset.tagId === id)!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Types into a field as the browser reports it (value + input event). */
async function fill(el: SessionTagsView, name: string, value: string): Promise<void> {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function openAdd(el: SessionTagsView): Promise<void> {
  $(el, '[part~="add-button"]')!.click();
  await el.updateComplete;
}

async function submit(el: SessionTagsView): Promise<void> {
  $(el, '[part~="submit-button"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

/** The validation message a field points at through aria-describedby. */
function errorFor(el: SessionTagsView, name: string): string {
  const input = field(el, name);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => text(el.shadowRoot!.getElementById(id))).join(' ');
}

/** The deepest focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<session-tags-view>', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible: list, toast and the form with errors (${theme})`, async () => {
      const el = await mount({ theme });
      expect(await axeViolations(el)).to.deep.equal([]);
      await openAdd(el);
      await fill(el, 'date', '2026-3-1');
      await fill(el, 'time', 'noon');
      await submit(el);
      expect(errorFor(el, 'name')).to.equal('Enter a name.');
      expect(await axeViolations(el)).to.deep.equal([]);
      $(el, '[part~="cancel-button"]')!.click();
      await el.updateComplete;
      row(el, 't1').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      expect($(el, '[part~="toast"]')).to.exist;
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('is accessible when empty, and read-only', async () => {
    const el = await mount({ tags: [], canCreate: false, canDelete: false });
    expect(text($(el, '[part~="empty"]'))).to.equal('No tags this day.');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('lists tags by time with time and date in the zone, names and multi-line notes', async () => {
    const el = await mount();
    expect($$(el, 'li[data-tag-id]').map((li) => li.dataset.tagId)).to.deep.equal(['t1', 't2', 't3', 't4']);
    const usb = row(el, 't2');
    expect(text(usb.querySelector('[part~="time"]'))).to.equal('14:05:09');
    expect(text(usb.querySelector('[part~="date"]'))).to.equal('Tue 17 Mar 2026');
    expect(text(usb.querySelector('[part~="name"]'))).to.equal('USB stick plugged in');
    expect(usb.querySelector('[part~="name"] bdi')).to.exist;
    const notes = usb.querySelector('[part~="notes"]')!;
    expect(notes.textContent).to.equal('Check with IT.\nTicket 4711');
    expect(getComputedStyle(notes).whiteSpace).to.equal('pre-wrap');

    el.zone = 'America/New_York';
    await el.updateComplete;
    expect(text(row(el, 't2').querySelector('[part~="time"]'))).to.equal('09:05:09');

    // A zone the browser does not know: UTC, and the form says so.
    el.zone = 'Mars/Olympus';
    await el.updateComplete;
    expect(text(row(el, 't2').querySelector('[part~="time"]'))).to.equal('13:05:09');
    await openAdd(el);
    expect(text($(el, '[part~="zone-hint"]'))).to.equal('Date and time in UTC.');
  });

  it('shows times with the German date-fns locale and strings from the German catalog', async () => {
    const el = await mount({ locale: 'de' });
    expect(text(row(el, 't2').querySelector('[part~="date"]'))).to.equal('Di. 17 März 2026');
    expect(text($(el, '[part~="add-button"]'))).to.equal('Neue Markierung hinzufügen');
    expect(text(row(el, 't2').querySelector('[part~="delete-button"] .visually-hidden'))).to.equal('Markierung USB stick plugged in löschen');
  });

  it('shows the empty state', async () => {
    const el = await mount({ tags: [] });
    expect(text($(el, '[part~="empty"]'))).to.equal('No tags this day. Add one to mark a moment.');
    expect($(el, '[part~="list"]')).to.equal(null);
  });

  it('fires seek-request when a tag is clicked or activated with Enter', async () => {
    const el = await mount();
    const seeks = events<PanelSeekDetail>(el, 'seek-request');
    row(el, 't2').querySelector<HTMLElement>('[part~="notes"]')!.click();
    row(el, 't3').querySelector<HTMLElement>('[part~="tag-seek"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(seeks).to.deep.equal([
      { at: TAGS[0]!.at, final: true },
      { at: TAGS[2]!.at, final: true },
    ]);
    // Edit and delete are not seeks.
    row(el, 't1').querySelector<HTMLElement>('[part~="edit-button"]')!.click();
    expect(seeks).to.have.length(2);
  });

  it('shows "Not yet saved" with an accessible explanation, and conflicts as alerts', async () => {
    const el = await mount({
      tags: [...TAGS, { id: 't5', at: TAGS[0]!.at + 1, name: 'x', notes: '', conflict: 'Server said: <b>no</b>' }],
    });
    const badge = row(el, 't3').querySelector('[part~="pending-badge"]')!;
    expect(text(badge)).to.equal('Not yet saved: it is sent when the server answers again.');
    expect(row(el, 't3').hasAttribute('data-pending')).to.equal(true);
    expect(text(row(el, 't4').querySelector('[part~="pending-badge"]'))).to.contain('Changes not yet saved');
    expect(row(el, 't2').querySelector('[part~="pending-badge"]')).to.equal(null);

    const conflict = row(el, 't4').querySelector('[part~="conflict"]')!;
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(text(conflict)).to.equal('This tag was deleted elsewhere; your change was not saved.');
    expect(row(el, 't4').hasAttribute('data-conflict')).to.equal(true);
    // A message from the host is shown as text.
    expect(text(row(el, 't5').querySelector('[part~="conflict"]'))).to.equal('Server said: <b>no</b>');
    expect(row(el, 't5').querySelector('b')).to.equal(null);
  });

  describe('add form', () => {
    it('prefills date and time from the playhead in Europe/Berlin and keeps the exact instant', async () => {
      const el = await mount();
      const creates = events<TagCreateDetail>(el, 'tag-create');
      await openAdd(el);
      expect(field(el, 'date').value).to.equal('2026-03-17');
      expect(field(el, 'time').value).to.equal('14:05:09');
      expect(text($(el, '[part~="zone-hint"]'))).to.equal('Date and time in Europe/Berlin.');
      expect(focused()).to.equal(field(el, 'name'));
      await fill(el, 'name', '  Suspicious upload ');
      await fill(el, 'notes', 'line 1\nline 2');
      await submit(el);
      expect(creates).to.deep.equal([{ draft: { at: Date.parse('2026-03-17T13:05:09.640Z'), name: 'Suspicious upload', notes: 'line 1\nline 2' } }]);
      expect($(el, '[part~="form"]')).to.equal(null);
      expect(focused()).to.equal($(el, '[part~="add-button"]'));
    });

    it('prefills in America/New_York and submits the instant typed on that wall clock', async () => {
      const el = await mount({ zone: 'America/New_York', value: Date.parse('2026-03-18T02:30:00Z') });
      const creates = events<TagCreateDetail>(el, 'tag-create');
      await openAdd(el);
      expect(field(el, 'date').value).to.equal('2026-03-17');
      expect(field(el, 'time').value).to.equal('22:30:00');
      await fill(el, 'name', 'After DST started');
      await fill(el, 'date', '2026-03-08');
      await fill(el, 'time', '12:00:00');
      await submit(el);
      expect(creates).to.deep.equal([{ draft: { at: Date.parse('2026-03-08T16:00:00Z'), name: 'After DST started', notes: '' } }]);
    });

    it('prefills with now when there is no playhead', async () => {
      const el = await mount({ value: null, zone: 'UTC' });
      await openAdd(el);
      const now = new Date().toISOString();
      expect(field(el, 'date').value).to.equal(now.slice(0, 10));
      expect(Math.abs(Date.parse(`${now.slice(0, 10)}T${field(el, 'time').value}Z`) - Date.now())).to.be.below(5_000);
    });

    it('explains each invalid field next to it, focuses the first and fires nothing', async () => {
      const el = await mount();
      const creates = events<TagCreateDetail>(el, 'tag-create');
      await openAdd(el);
      await fill(el, 'date', '17.03.2026');
      await fill(el, 'time', '14:5');
      await submit(el);
      expect(creates).to.deep.equal([]);
      expect(errorFor(el, 'name')).to.equal('Enter a name.');
      expect(errorFor(el, 'date')).to.equal('Enter a date as yyyy-mm-dd.');
      expect(errorFor(el, 'time')).to.equal('');
      expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
      expect(field(el, 'date').getAttribute('aria-invalid')).to.equal('true');
      expect(field(el, 'notes').getAttribute('aria-invalid')).to.equal('false');
      expect(field(el, 'date').getAttribute('aria-describedby')).to.equal('date-hint zone-hint date-error');
      expect(focused()).to.equal(field(el, 'name'));

      // From now on the messages follow typing.
      await fill(el, 'name', 'x');
      expect(errorFor(el, 'name')).to.equal('');
      expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('false');
      await fill(el, 'date', '2026-03-17');
      expect(errorFor(el, 'time')).to.equal('Enter a time as HH:mm:ss.');
      await fill(el, 'date', '2026-03-29');
      await fill(el, 'time', '02:30:00');
      expect(errorFor(el, 'time')).to.equal('That time does not exist in Europe/Berlin (clocks changed).');
      await fill(el, 'name', 'n'.repeat(121));
      expect(errorFor(el, 'name')).to.equal('Shorten the name to 120 characters (now 121).');
      await fill(el, 'notes', 'n'.repeat(2001));
      expect(errorFor(el, 'notes')).to.equal('Shorten the notes to 2000 characters (now 2001).');
      await submit(el);
      expect(creates).to.deep.equal([]);
      expect(focused()).to.equal(field(el, 'name'));

      await fill(el, 'name', 'n'.repeat(120));
      await fill(el, 'notes', '');
      await fill(el, 'time', '03:30:00');
      await submit(el);
      expect(creates).to.deep.equal([{ draft: { at: Date.parse('2026-03-29T01:30:00Z'), name: 'n'.repeat(120), notes: '' } }]);
    });

    it('shows validation in German', async () => {
      const el = await mount({ locale: 'de' });
      await openAdd(el);
      await fill(el, 'date', '2026-03-29');
      await fill(el, 'time', '02:30:00');
      await submit(el);
      expect(errorFor(el, 'name')).to.equal('Geben Sie einen Namen ein.');
      expect(errorFor(el, 'time')).to.equal('Diese Uhrzeit gibt es in Europe/Berlin nicht (Zeitumstellung).');
    });

    it('is offered only with canCreate', async () => {
      const el = await mount({ canCreate: false });
      expect($(el, '[part~="add-button"]')).to.equal(null);
      expect($(el, '[part~="edit-button"]')).to.equal(null);
      await el.openCreateForm();
      expect($(el, '[part~="form"]')).to.equal(null);
    });
  });

  describe('edit in place', () => {
    it('turns the row into the form and fires tag-update with only the changed fields', async () => {
      const el = await mount();
      const updates = events<TagUpdateDetail>(el, 'tag-update');
      const edit = async (id: string) => {
        row(el, id).querySelector<HTMLElement>('[part~="edit-button"]')!.click();
        await el.updateComplete;
      };

      await edit('t2');
      const editing = $(el, 'li[data-editing]')!;
      expect(editing.querySelector('[part~="edit-form"]')).to.exist;
      expect(text(editing.querySelector('[part~="form-title"]'))).to.equal('Edit tag');
      expect(field(el, 'name').value).to.equal('USB stick plugged in');
      expect(field(el, 'date').value).to.equal('2026-03-17');
      expect(field(el, 'time').value).to.equal('14:05:09');
      expect(field(el, 'notes').value).to.equal('Check with IT.\nTicket 4711');
      expect(text($(el, '[part~="submit-button"]'))).to.equal('Save');
      // The list keeps its order: the form sits where the tag was.
      expect($$(el, '[part~="list"] > li').indexOf(editing)).to.equal(1);
      await fill(el, 'name', 'USB stick (approved)');
      await submit(el);
      expect(updates).to.deep.equal([{ id: 't2', patch: { name: 'USB stick (approved)' } }]);
      expect($(el, '[part~="form"]')).to.equal(null);

      await edit('t2');
      await fill(el, 'time', '14:10:00');
      await fill(el, 'notes', '');
      await submit(el);
      expect(updates[1]).to.deep.equal({ id: 't2', patch: { at: Date.parse('2026-03-17T13:10:00Z'), notes: '' } });

      await edit('t1');
      await submit(el);
      expect(updates).to.have.length(2); // nothing changed, nothing sent
    });

    it('Cancel and Escape restore the row and return focus to its Edit button', async () => {
      const el = await mount();
      const updates = events<TagUpdateDetail>(el, 'tag-update');
      row(el, 't2').querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      await fill(el, 'name', 'changed');
      $(el, '[part~="cancel-button"]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(text(row(el, 't2').querySelector('[part~="name"]'))).to.equal('USB stick plugged in');
      expect(focused()).to.equal(row(el, 't2').querySelector('[part~="edit-button"]'));

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused()).to.equal(field(el, 'name'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '[part~="form"]')).to.equal(null);
      expect(focused()).to.equal(row(el, 't2').querySelector('[part~="edit-button"]'));
      expect(updates).to.deep.equal([]);
    });

    it('keeps a millisecond instant when only the name changes', async () => {
      const at = Date.parse('2026-03-17T13:05:09.640Z');
      const el = await mount({ tags: [{ id: 'ms', at, name: 'a', notes: '' }] });
      const updates = events<TagUpdateDetail>(el, 'tag-update');
      row(el, 'ms').querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      await fill(el, 'name', 'b');
      await submit(el);
      expect(updates).to.deep.equal([{ id: 'ms', patch: { name: 'b' } }]);
    });
  });

  describe('delete and undo', () => {
    it('fires tag-delete at once, hides the tag, moves focus to the next one and offers Undo', async () => {
      const el = await mount();
      const deletes = events<TagDeleteDetail>(el, 'tag-delete');
      const creates = events<TagCreateDetail>(el, 'tag-create');
      const x = row(el, 't2').querySelector<HTMLElement>('[part~="delete-button"]')!;
      expect(text(x.querySelector('.visually-hidden'))).to.equal('Delete tag USB stick plugged in');
      expect(x.querySelector('[aria-hidden="true"]')).to.exist;
      x.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;

      expect(deletes).to.deep.equal([{ tag: TAGS[0] }]);
      expect(row(el, 't2')).to.equal(undefined);
      expect(focused()).to.equal(row(el, 't3').querySelector('[part~="tag-seek"]'));
      const status = $(el, '[role="status"]')!;
      expect(text(status.querySelector('[part~="toast"] .toast-text'))).to.equal('Deleted tag USB stick plugged in.');

      status.querySelector<HTMLElement>('[part~="undo-button"]')!.click();
      await el.updateComplete;
      expect(creates).to.deep.equal([{ draft: { at: TAGS[0]!.at, name: TAGS[0]!.name, notes: TAGS[0]!.notes } }]);
      expect($(el, '[part~="toast"]')).to.equal(null);
      expect(focused()).to.equal($(el, '[part~="add-button"]'));
    });

    it('moves focus to the previous tag, then to Add, as the list empties', async () => {
      const el = await mount({ tags: TAGS.slice(0, 2) });
      const deletes = events<TagDeleteDetail>(el, 'tag-delete');
      row(el, 't2').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused()).to.equal(row(el, 't1').querySelector('[part~="tag-seek"]'));
      row(el, 't1').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused()).to.equal($(el, '[part~="add-button"]'));
      expect(deletes.map((d) => d.tag.id)).to.deep.equal(['t2', 't1']);
      expect(text($(el, '[part~="empty"]'))).to.equal('No tags this day. Add one to mark a moment.');
    });

    it("takes the host's next tags list as the truth", async () => {
      const el = await mount();
      row(el, 't2').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      expect(row(el, 't2')).to.equal(undefined);
      // The host keeps it while the deletion waits in the outbox.
      el.tags = TAGS.map((t) => (t.id === 't2' ? { ...t, pending: 'delete' as const } : t));
      await el.updateComplete;
      expect(text(row(el, 't2').querySelector('[part~="pending-badge"]'))).to.contain('Deletion not yet saved');
    });

    it('hides the toast after undoTimeout, but not while it has focus', async () => {
      const el = await mount({ undoTimeout: 60 });
      row(el, 't1').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      $(el, '[part~="undo-button"]')!.focus();
      await new Promise((r) => setTimeout(r, 150));
      expect($(el, '[part~="toast"]')).to.exist;
      row(el, 't2').querySelector<HTMLElement>('[part~="tag-seek"]')!.focus();
      await new Promise((r) => setTimeout(r, 150));
      await el.updateComplete;
      expect($(el, '[part~="toast"]')).to.equal(null);
    });

    it('is offered only with canDelete; Undo only with canCreate', async () => {
      const el = await mount({ canDelete: false });
      expect($(el, '[part~="delete-button"]')).to.equal(null);
      el.canDelete = true;
      el.canCreate = false;
      await el.updateComplete;
      row(el, 't1').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      expect($(el, '[part~="toast"]')).to.exist;
      expect($(el, '[part~="undo-button"]')).to.equal(null);
    });
  });

  describe('backend text', () => {
    const corpus = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=1</script>',
      '\u202Eevil',
      'x'.repeat(10_000),
    ];

    it('is shown literally, isolated in <bdi>, never as markup', async () => {
      const tags = corpus.map((s, i) => ({ id: `x${i}`, at: TAGS[0]!.at + i * 1000, name: s, notes: s, conflict: s }));
      const el = await mount({ tags });
      await new Promise((r) => setTimeout(r, 50));
      expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
      for (const [i, s] of corpus.entries()) {
        const li = row(el, `x${i}`);
        expect(li.querySelector('[part~="name"] bdi')!.textContent).to.equal(s);
        expect(li.querySelector('[part~="notes"] bdi')!.textContent).to.equal(s);
        expect(li.querySelector('[part~="conflict"] bdi')!.textContent).to.equal(s);
        expect(li.querySelector('[part~="delete-button"] bdi')!.textContent).to.equal(s);
      }
      // Also in the form and the toast.
      row(el, 'x0').querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      expect(field(el, 'name').value).to.equal(corpus[0]);
      $(el, '[part~="cancel-button"]')!.click();
      await el.updateComplete;
      row(el, 'x1').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      expect($(el, '[part~="toast"] bdi')!.textContent).to.equal(corpus[1]);
      await new Promise((r) => setTimeout(r, 50));
      expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
      // A 10 000-character name stays inside the panel.
      expect(row(el, 'x3').getBoundingClientRect().width).to.be.at.most(el.getBoundingClientRect().width);
    });
  });

  describe('keyboard only', () => {
    it('Tab to Add, Enter, type, Tab through the fields, Enter submits; Escape cancels back to Add', async () => {
      const before = document.createElement('button');
      before.textContent = 'before';
      document.body.append(before);
      mounted.push(before);
      const el = await mount();
      const creates = events<TagCreateDetail>(el, 'tag-create');
      before.focus();

      await sendKeys({ press: 'Tab' });
      const add = $(el, '[part~="add-button"]')!;
      expect(focused()).to.equal(add);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(add.getAttribute('aria-expanded')).to.equal('true');
      expect(focused()).to.equal(field(el, 'name'));
      await sendKeys({ type: 'Printer jam' });
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(field(el, 'date'));
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(field(el, 'time'));
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
      await sendKeys({ type: '15:00:00' });
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(field(el, 'notes'));
      await sendKeys({ type: 'first' });
      await sendKeys({ press: 'Enter' }); // a new line in the notes, not a submit
      await sendKeys({ type: 'second' });
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal($(el, '[part~="submit-button"]'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(creates).to.deep.equal([{ draft: { at: Date.parse('2026-03-17T14:00:00Z'), name: 'Printer jam', notes: 'first\nsecond' } }]);
      expect(focused()).to.equal(add);

      // Enter in a text field submits too.
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ type: 'Quick' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(creates[1]).to.deep.equal({ draft: { at: Date.parse('2026-03-17T13:05:09.640Z'), name: 'Quick', notes: '' } });

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ type: 'never mind' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '[part~="form"]')).to.equal(null);
      expect(add.getAttribute('aria-expanded')).to.equal('false');
      expect(focused()).to.equal(add);
      expect(creates).to.have.length(2);
    });

    it('shows a visible focus ring', async () => {
      const el = await mount();
      const before = document.createElement('button');
      document.body.prepend(before);
      mounted.push(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      const style = getComputedStyle($(el, '[part~="add-button"]')!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });
});
