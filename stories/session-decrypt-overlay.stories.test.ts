import { expect } from 'chai';
import { render, type TemplateResult } from 'lit';
import type { SessionDecryptOverlay } from '@session-player/e2ee';
import { axeViolations } from '../test/support/axe.js';
import meta, * as stories from './session-decrypt-overlay.stories.js';

type StoryArgs = NonNullable<typeof meta.args>;
type StoryExport = {
  args?: Partial<StoryArgs>;
  render: (args: StoryArgs) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

const named = Object.entries(stories).filter(([name]) => name !== 'default') as unknown as [string, StoryExport][];
const story = (s: unknown) => s as StoryExport;

/** What the "Unlock succeeds" story documents as its passphrase. */
const DEMO_PASSPHRASE = 'correct horse battery staple';

async function until(check: () => boolean, what: string, ms = 6_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const part = <T extends HTMLElement = HTMLElement>(el: SessionDecryptOverlay, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Renders a story as Storybook does (render, then play). */
async function mount(s: StoryExport): Promise<SessionDecryptOverlay> {
  const host = document.createElement('div');
  document.body.append(host);
  render(s.render({ ...meta.args, ...s.args } as StoryArgs), host);
  const el = host.querySelector('session-decrypt-overlay')!;
  await el.updateComplete;
  await s.play?.({ canvasElement: host });
  await el.updateComplete;
  return el;
}

/** Types and submits as a user would. */
async function submit(el: SessionDecryptOverlay, passphrase: string): Promise<void> {
  const input = part<HTMLInputElement>(el, 'input')!;
  input.value = passphrase;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  part(el, 'submit')!.click();
  await el.updateComplete;
}

/** The element's box lies inside its stage, and `name` lies inside the element (no scrolling needed). */
function expectInView(el: SessionDecryptOverlay, name: string): void {
  const box = el.getBoundingClientRect();
  const rect = part(el, name)!.getBoundingClientRect();
  expect(rect.top, `${name} top`).to.be.at.least(box.top);
  expect(rect.bottom, `${name} bottom`).to.be.at.most(box.bottom);
  expect(rect.left, `${name} left`).to.be.at.least(box.left);
  expect(rect.right, `${name} right`).to.be.at.most(box.right);
}

describe('session-decrypt-overlay stories', () => {
  afterEach(() => document.body.replaceChildren());

  it('has every story the catalogue promises', () => {
    expect(named.map(([name]) => name)).to.have.members([
      'Locked',
      'FormOpen',
      'Deriving',
      'WrongPassphrase',
      'UnlockSucceeds',
      'NotAllowed',
      'German',
      'LightTheme',
      'Narrow',
    ]);
  });

  for (const [name, s] of named) {
    it(`${name}: fills its stage, covers it, and passes axe`, async () => {
      const el = await mount(s);
      const stage = el.closest<HTMLElement>('.stage')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([stage.width, stage.height]);
      // Opaque: the host's own background has no alpha.
      expect(getComputedStyle(el).backgroundColor).to.match(/^rgb\(/);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('each story shows the state it is named for', async () => {
    let el = await mount(story(stories.Locked));
    expect(part(el, 'decrypt-button')).to.exist;
    expect(text(part(el, 'label'))).to.equal('Anna Schneider · BER-WS-014');
    document.body.replaceChildren();

    el = await mount(story(stories.FormOpen));
    expect(part(el, 'form')).to.exist;
    document.body.replaceChildren();

    el = await mount(story(stories.Deriving));
    expect(part(el, 'progress')).to.exist;
    expect(part<HTMLInputElement>(el, 'input')!.disabled).to.equal(true);
    document.body.replaceChildren();

    el = await mount(story(stories.WrongPassphrase));
    expect(text(part(el, 'error'))).to.equal('Wrong passphrase. Check it and try again.');
    expect(part<HTMLButtonElement>(el, 'submit')!.disabled).to.equal(true);
    expect(text(part(el, 'wait'))).to.match(/^Try again in [45] s$/);
    document.body.replaceChildren();

    el = await mount(story(stories.NotAllowed));
    expect(part(el, 'decrypt-button') === null, 'no Decrypt button').to.equal(true);
    expect(text(part(el, 'not-allowed'))).to.equal('You are not allowed to decrypt this recording.');
    document.body.replaceChildren();

    el = await mount(story(stories.German));
    expect(text(part(el, 'heading'))).to.equal('Verschlüsselt');
    document.body.replaceChildren();

    el = await mount(story(stories.LightTheme));
    expect(el.getAttribute('theme')).to.equal('light');
  });

  it('Unlock succeeds: wrong passphrases wait 1 s, then 2 s; the documented one unlocks', async () => {
    const el = await mount(story(stories.UnlockSucceeds));
    const unlocked: unknown[] = [];
    el.addEventListener('decrypt-unlocked', (e) => unlocked.push((e as CustomEvent).detail));
    el.openForm();
    await el.updateComplete;

    let before = Date.now();
    await submit(el, 'Tr0ub4dor&3');
    await until(() => el.hasAttribute('data-error'), 'the first refusal');
    expect(el.retryAt - before).to.be.within(1_000, 1_000 + 1_500);
    await until(() => !part<HTMLButtonElement>(el, 'submit')!.disabled, 'the 1 s wait to end');

    before = Date.now();
    await submit(el, 'Tr0ub4dor&3');
    await until(() => part(el, 'progress') === null && el.retryAt > before, 'the second refusal');
    expect(el.retryAt - before).to.be.within(2_000, 2_000 + 1_500);
    await until(() => !part<HTMLButtonElement>(el, 'submit')!.disabled, 'the 2 s wait to end');

    await submit(el, DEMO_PASSPHRASE);
    await until(() => el.hidden, 'the overlay to go');
    expect(unlocked).to.deep.equal([{}]);
    const unlockedLine = el.closest('.stage')!.querySelector<HTMLElement>('.unlocked')!;
    expect(unlockedLine.hidden).to.equal(false);
    unlockedLine.querySelector('button')!.click();
    expect(el.hidden).to.equal(false);
    await el.updateComplete;
    expect(part(el, 'decrypt-button')).to.exist;
  });

  it('Narrow: Decrypt, and then Unlock and Cancel, fit in 320 × 240 without scrolling', async () => {
    const el = await mount(story(stories.Narrow));
    expect([el.offsetWidth, el.offsetHeight]).to.deep.equal([320, 240]);
    expectInView(el, 'decrypt-button');
    expect(el.scrollHeight, 'masked screen scroll height').to.be.at.most(el.clientHeight);
    el.openForm();
    await el.updateComplete;
    part(el, 'submit')!.click(); // empty: the error line appears
    await el.updateComplete;
    expectInView(el, 'submit');
    expectInView(el, 'cancel');
    expect(el.scrollHeight, 'form scroll height').to.be.at.most(el.clientHeight);
  });
});
