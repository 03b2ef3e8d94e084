import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect } from 'chai';
import { render, type TemplateResult } from 'lit';
import type { SessionSidePanel } from '@session-player/tags-panel';
import { axeViolations } from '../test/support/axe.js';
import meta, * as stories from './session-side-panel.stories.js';

type StoryArgs = NonNullable<typeof meta.args>;
type StoryExport = {
  args?: Partial<StoryArgs>;
  render: (args: StoryArgs) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

const named = Object.entries(stories).filter(([name]) => name !== 'default') as unknown as [string, StoryExport][];
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// Rows of varying height make the virtualizer's ResizeObserver report a benign
// "loop completed" error, which mocha would count as a failure.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const part = (el: SessionSidePanel, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Renders a story as Storybook does (render, then play) and waits until its first page is in (or failed). */
async function mount(story: StoryExport): Promise<SessionSidePanel> {
  const host = document.createElement('div');
  document.body.append(host);
  render(story.render({ ...meta.args, ...story.args } as StoryArgs), host);
  const el = host.querySelector('session-side-panel')!;
  await el.updateComplete;
  await story.play?.({ canvasElement: host });
  // A slow backend answers after its delay: wait for rows, the empty text or the error.
  await until(() => !/Loading|Searching/.test(part(el, 'status')?.textContent ?? ''), 'the first page');
  for (let i = 0; i < 3; i++) {
    await nextFrame();
    await el.updateComplete;
  }
  return el;
}

describe('session-side-panel stories', () => {
  afterEach(() => document.body.replaceChildren());

  it('has every story the catalogue promises', () => {
    expect(named.map(([name]) => name)).to.have.members([
      'Notifications',
      'Activities',
      'Keystrokes',
      'Tags',
      'Search',
      'HundredThousandRows',
      'Paged',
      'Empty',
      'LoadError',
      'DarkTheme',
      'German',
      'XssCorpus',
    ]);
  });

  for (const [name, story] of named) {
    it(`${name}: renders without a backend and passes axe`, async () => {
      const el = await mount(story);
      const tab = story.args?.tab ?? meta.args!.tab!;
      if (name === 'LoadError') expect(part(el, 'retry-button'), 'Retry').to.exist;
      else if (name === 'Empty') expect(part(el, 'status')!.textContent).to.match(/No notifications/);
      else if (tab === 'tag') expect(el.shadowRoot!.querySelector('session-tags-view')!.shadowRoot!.querySelectorAll('[part~="tag"]').length).to.be.greaterThan(0);
      else expect(el.shadowRoot!.querySelectorAll('.row').length, 'rendered rows').to.be.greaterThan(0);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('Search: marks "budget" in rows from all tabs', async () => {
    const el = await mount(stories.Search as unknown as StoryExport);
    expect(part(el, 'status')!.textContent).to.match(/\d+ matches/);
    const kinds = new Set([...el.shadowRoot!.querySelectorAll('.row')].map((row) => (row as HTMLElement).dataset.kind));
    expect(kinds.size, 'kinds among the rows').to.be.greaterThan(1);
    expect(el.shadowRoot!.querySelector('mark')!.textContent!.toLowerCase()).to.equal('budget');
  });

  it('LoadError: Retry loads the rows', async () => {
    const el = await mount(stories.LoadError as unknown as StoryExport);
    part(el, 'retry-button')!.click();
    await until(() => el.shadowRoot!.querySelectorAll('.row').length > 0, 'rows after Retry');
  });

  it('moves the playhead where a seek-request asks', async () => {
    const el = await mount(stories.Notifications as unknown as StoryExport);
    const row = el.shadowRoot!.querySelector<HTMLElement>('.row:not([data-current])')!;
    const before = el.value;
    row.click();
    expect(el.value).to.be.a('number').and.not.equal(before);
    await el.updateComplete;
    expect(row.hasAttribute('data-current')).to.equal(true);
  });

  it('Tags: a new tag is added as not yet saved; a deleted one goes', async () => {
    const el = await mount(stories.Tags as unknown as StoryExport);
    const view = el.shadowRoot!.querySelector('session-tags-view')!;
    const count = el.tags.length;
    await view.openCreateForm();
    const name = view.shadowRoot!.querySelector<HTMLInputElement>('#tag-name')!;
    name.value = 'Checked by story test';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await view.updateComplete;
    view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    expect(el.tags.length).to.equal(count + 1);
    expect(el.tags.at(-1)).to.include({ name: 'Checked by story test', pending: 'create' });

    await view.updateComplete;
    view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    expect(el.tags.length).to.equal(count);
  });

  it('XssCorpus: hostile text is shown, never run', async () => {
    const el = await mount(stories.XssCorpus as unknown as StoryExport);
    const flag = () => (window as unknown as { __xss?: unknown }).__xss;
    for (const tab of ['notification', 'activity', 'keystroke', 'tag'] as const) {
      el.tab = tab;
      await el.updateComplete;
      await nextFrame();
      const roots = [el.shadowRoot!, el.shadowRoot!.querySelector('session-tags-view')?.shadowRoot].filter((r) => !!r);
      for (const root of roots) expect(root.querySelector('script, img, svg, a[href]'), `markup in the ${tab} tab`).to.equal(null);
    }
    el.tab = 'notification';
    await el.updateComplete;
    await nextFrame();
    expect(el.shadowRoot!.textContent).to.contain('<script>window.__xss');
    expect(flag()).to.equal(undefined);
  });
});
