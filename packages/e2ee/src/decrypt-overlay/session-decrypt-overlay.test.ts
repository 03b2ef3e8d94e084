import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import { axeViolations } from '../../../../test/support/axe.js';
import type { SessionDecryptOverlay, UnlockHandler, UnlockOutcome } from './session-decrypt-overlay.js';
import './session-decrypt-overlay.define.js';

const PASSPHRASE = 'correct horse battery staple';
const WRONG = 'Tr0ub4dor&3 wrong';
const EVENT_NAMES = ['decrypt-form-open', 'decrypt-form-close', 'decrypt-unlocked', 'decrypt-failed'] as const;

const mounted: HTMLElement[] = [];

/** The element in a 640 × 360 box, as the player puts it over the video. */
async function mount(props: Partial<SessionDecryptOverlay> = {}): Promise<SessionDecryptOverlay> {
  const box = document.createElement('div');
  box.style.cssText = 'position: relative; width: 640px; height: 360px;';
  const el = document.createElement('session-decrypt-overlay');
  Object.assign(el, props);
  box.append(el);
  document.body.append(box);
  mounted.push(box);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
});

const part = <T extends HTMLElement = HTMLElement>(el: SessionDecryptOverlay, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const input = (el: SessionDecryptOverlay) => part<HTMLInputElement>(el, 'input')!;
const button = (el: SessionDecryptOverlay, name: string) => part<HTMLButtonElement>(el, name)!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The deepest focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * A node as a short string. Assertions compare these, never elements: a
 * failing comparison of elements makes the runner serialise a DOM tree, and
 * the whole file then times out instead of reporting the failure.
 */
function nameOf(node: Element | null): string {
  if (!node) return 'nothing';
  const part = node.getAttribute('part');
  return part ? `[part=${part}]` : `<${node.localName}>${text(node)}`;
}

/** Where focus is, as {@link nameOf}. */
const focusName = () => nameOf(focused());

function events<T>(target: EventTarget, type: string): T[] {
  const out: T[] = [];
  target.addEventListener(type, (e) => out.push((e as CustomEvent<T>).detail));
  return out;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(check: () => boolean, what: string, ms = 4_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the wall-clock time at which `button` loses `disabled` (to the microtask, unlike polling). */
function enabledAt(button: HTMLButtonElement): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (button.disabled) return;
      observer.disconnect();
      resolve(Date.now());
    });
    observer.observe(button, { attributes: true, attributeFilter: ['disabled'] });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records every passphrase handed over; answers with `answer` (or a pending promise). */
function recordingHandler(answer: (passphrase: string, call: number) => Promise<UnlockOutcome>) {
  const calls: string[] = [];
  const handler: UnlockHandler = (passphrase) => {
    calls.push(passphrase);
    return answer(passphrase, calls.length);
  };
  return { calls, handler };
}

async function openByClick(el: SessionDecryptOverlay): Promise<void> {
  button(el, 'decrypt-button').click();
  await el.updateComplete;
}

/** Types as a user does: focus the field, real key presses. */
async function typePassphrase(el: SessionDecryptOverlay, value: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function settle(el: SessionDecryptOverlay): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

describe('<session-decrypt-overlay>', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible: masked screen, form, empty error, deriving, refused with a wait (${theme})`, async () => {
      const pending = deferred<UnlockOutcome>();
      const el = await mount({ theme, label: 'Anna Schneider · BER-WS-014', unlock: () => pending.promise });
      expect(await axeViolations(el), 'masked screen').to.deep.equal([]);

      await openByClick(el);
      expect(await axeViolations(el), 'form').to.deep.equal([]);

      button(el, 'submit').click();
      await el.updateComplete;
      expect(text(part(el, 'error'))).to.equal('Enter the passphrase.');
      expect(await axeViolations(el), 'empty error').to.deep.equal([]);

      await typePassphrase(el, WRONG);
      button(el, 'submit').click();
      await el.updateComplete;
      expect(part(el, 'progress')).to.exist;
      expect(await axeViolations(el), 'deriving').to.deep.equal([]);

      pending.resolve({ ok: false, message: 'Wrong passphrase.', retryAt: Date.now() + 5_000 });
      await settle(el);
      expect(part(el, 'wait')).to.exist;
      expect(await axeViolations(el), 'refused, waiting').to.deep.equal([]);

      // Shown passphrase too: the toggle's pressed state.
      button(el, 'toggle').click();
      await el.updateComplete;
      expect(await axeViolations(el), 'passphrase shown').to.deep.equal([]);
    });
  }

  it('is accessible when not allowed to decrypt', async () => {
    const el = await mount({ disabled: true, theme: 'light' });
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('fills its box with an opaque screen, even under a translucent --sp-decrypt-bg', async () => {
    for (const theme of ['dark', 'light'] as const) {
      const el = await mount({ theme });
      el.style.setProperty('--sp-decrypt-bg', 'rgba(255, 0, 0, 0.2)');
      const screen = part(el, 'screen')!;
      const host = el.getBoundingClientRect();
      const rect = screen.getBoundingClientRect();
      expect([host.width, host.height]).to.deep.equal([640, 360]);
      expect([rect.width, rect.height]).to.deep.equal([640, 360]);
      // Whatever the screen's colour, it lies on the host's solid one.
      expect(getComputedStyle(el).backgroundColor).to.match(/^rgb\(/);
      expect(getComputedStyle(el).display).to.equal('block');
    }
  });

  it('shows the padlock, "Encrypted", the label as text and Decrypt; theme defaults to dark', async () => {
    const el = await mount({ label: '<img src=x onerror="window.__xss=1"> Anna Schneider · BER-WS-014' });
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(part(el, 'icon')!.tagName.toLowerCase()).to.equal('svg');
    expect(text(part(el, 'heading'))).to.equal('Encrypted');
    expect(text(part(el, 'label'))).to.equal('<img src=x onerror="window.__xss=1"> Anna Schneider · BER-WS-014');
    expect(nameOf(el.shadowRoot!.querySelector('img'))).to.equal('nothing');
    expect(text(part(el, 'explanation'))).to.equal(
      'This recording is end-to-end encrypted. Only your passphrase can open it, in this browser.',
    );
    expect(text(button(el, 'decrypt-button'))).to.equal('Decrypt');
    expect(nameOf(part(el, 'form'))).to.equal('nothing');
  });

  it('Decrypt opens the form as a dialog and focuses the passphrase field', async () => {
    const el = await mount();
    const opened = events(el, 'decrypt-form-open');
    await openByClick(el);
    const dialog = part(el, 'form')!;
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(text(title)).to.equal('Enter passphrase');
    const field = input(el);
    expect(focusName()).to.equal(nameOf(field));
    expect(field.type).to.equal('password');
    expect(field.getAttribute('autocomplete')).to.equal('off');
    expect(field.spellcheck).to.equal(false);
    expect(field.getAttribute('autocapitalize')).to.equal('off');
    expect(text(field.labels![0]!)).to.equal('Passphrase');
    expect(nameOf(button(el, 'decrypt-button'))).to.equal('nothing');
    expect(opened).to.deep.equal([{}]);
    expect(el.hasAttribute('data-form-open')).to.equal(true);
  });

  it('typing and Enter hands the typed passphrase to the handler exactly once', async () => {
    const pending = deferred<UnlockOutcome>();
    const { calls, handler } = recordingHandler(() => pending.promise);
    const el = await mount({ unlock: handler });
    await openByClick(el);
    await typePassphrase(el, PASSPHRASE);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Pressed again while the key is derived: no second attempt.
    await sendKeys({ press: 'Enter' });
    part<HTMLFormElement>(el, 'form')!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(calls).to.deep.equal([PASSPHRASE]);
    pending.resolve({ ok: true });
    await settle(el);
    expect(calls).to.deep.equal([PASSPHRASE]);
  });

  it('the eye button shows and hides the passphrase (input type and aria-pressed; one label, as a toggle should have)', async () => {
    const el = await mount();
    await openByClick(el);
    const toggle = button(el, 'toggle');
    expect([input(el).type, toggle.getAttribute('aria-pressed'), toggle.getAttribute('aria-label')]).to.deep.equal([
      'password',
      'false',
      'Show passphrase',
    ]);
    toggle.click();
    await el.updateComplete;
    expect([input(el).type, toggle.getAttribute('aria-pressed'), toggle.getAttribute('aria-label')]).to.deep.equal([
      'text',
      'true',
      'Show passphrase',
    ]);
    toggle.click();
    await el.updateComplete;
    expect([input(el).type, toggle.getAttribute('aria-pressed')]).to.deep.equal(['password', 'false']);
  });

  it('an empty passphrase gives "Enter the passphrase." and does not call the handler', async () => {
    const { calls, handler } = recordingHandler(async () => ({ ok: true }));
    const el = await mount({ unlock: handler });
    await openByClick(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    button(el, 'submit').click();
    await el.updateComplete;
    const error = part(el, 'error')!;
    expect(text(error)).to.equal('Enter the passphrase.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
    expect(focusName()).to.equal(nameOf(input(el)));
    expect(calls).to.deep.equal([]);
    // Typing answers it.
    await typePassphrase(el, 'x');
    expect(text(part(el, 'error'))).to.equal('');
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('a refused passphrase shows the message, selects the field and blocks Unlock until retryAt', async () => {
    let retryAt = 0;
    const { calls, handler } = recordingHandler(async (_, call) => {
      if (call > 1) return { ok: true };
      retryAt = Date.now() + 1_500;
      return { ok: false, message: 'Wrong passphrase.', retryAt };
    });
    const el = await mount({ unlock: handler });
    const failed = events(el, 'decrypt-failed');
    await openByClick(el);
    await typePassphrase(el, WRONG);
    await sendKeys({ press: 'Enter' });
    await settle(el);

    const error = part(el, 'error')!;
    expect(text(error)).to.equal('Wrong passphrase.');
    expect(error.getAttribute('role')).to.equal('alert');
    const field = input(el);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')!.split(' ')).to.include.members([error.id, part(el, 'wait')!.id]);
    expect(focusName()).to.equal(nameOf(field));
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, WRONG.length]);
    expect(failed).to.deep.equal([{ message: 'Wrong passphrase.' }]);
    expect(el.retryAt).to.equal(retryAt);
    const submit = button(el, 'submit');
    expect(submit.disabled).to.equal(true);
    expect(text(part(el, 'wait'))).to.equal('Try again in 2 s');
    expect(el.hasAttribute('data-waiting')).to.equal(true);

    // Before retryAt nothing gets through: click, Enter, nor a scripted submit.
    submit.click();
    await sendKeys({ press: 'Enter' });
    part(el, 'form')!.querySelector('form')!.requestSubmit();
    await settle(el);
    expect(calls).to.have.length(1);

    // The countdown runs by itself.
    await until(() => text(part(el, 'wait')) === 'Try again in 1 s', 'the countdown to reach 1 s');
    expect(Date.now()).to.be.below(retryAt);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls).to.have.length(1);

    // Unlock comes back at retryAt itself, without any interaction.
    const late = (await enabledAt(button(el, 'submit'))) - retryAt;
    expect(late, 'ms after retryAt').to.be.at.least(0).and.below(60);
    expect(nameOf(part(el, 'wait'))).to.equal('nothing');
    expect(el.hasAttribute('data-waiting')).to.equal(false);

    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls).to.deep.equal([WRONG, WRONG]);
  });

  it('keeps a wait the host set (e.g. after reopening the form) and ends it at retryAt, not at the next tick', async () => {
    const { calls, handler } = recordingHandler(async () => ({ ok: true }));
    // Not a multiple of the 250 ms tick: a tick alone would re-enable Unlock 130 ms late.
    const retryAt = Date.now() + 1_120;
    const el = await mount({ unlock: handler, retryAt });
    await openByClick(el);
    expect(button(el, 'submit').disabled).to.equal(true);
    expect(text(part(el, 'wait'))).to.equal('Try again in 2 s');
    await typePassphrase(el, PASSPHRASE);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls).to.deep.equal([]);
    const late = (await enabledAt(button(el, 'submit'))) - retryAt;
    expect(late, 'ms after retryAt').to.be.at.least(0).and.below(60);
  });

  it('while the key is derived: progressbar with elapsed time, everything disabled, focus kept inside', async () => {
    const pending = deferred<UnlockOutcome>();
    const el = await mount({ unlock: () => pending.promise });
    await openByClick(el);
    await typePassphrase(el, WRONG);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    const progress = part(el, 'progress')!;
    expect(progress.getAttribute('role')).to.equal('progressbar');
    expect(progress.hasAttribute('aria-valuenow'), 'indeterminate').to.equal(false);
    expect(progress.getAttribute('aria-label')).to.equal('Deriving key…');
    expect(progress.getAttribute('aria-valuetext')).to.match(/^Deriving key… 0\.\d s$/);
    expect(text(progress)).to.equal(progress.getAttribute('aria-valuetext'));
    for (const name of ['input', 'toggle', 'submit', 'cancel']) expect(part<HTMLButtonElement>(el, name)!.disabled, name).to.equal(true);
    expect(el.hasAttribute('data-deriving')).to.equal(true);
    expect(focusName()).to.equal(nameOf(progress));

    await until(() => /^Deriving key… 0\.[3-9] s$/.test(progress.getAttribute('aria-valuetext')!), 'the elapsed time to grow');
    await sendKeys({ press: 'Tab' });
    expect(focusName(), 'Tab stays on the progress').to.equal(nameOf(progress));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'form'), 'Escape waits for the derivation').to.exist;

    pending.resolve({ ok: false, message: 'Wrong passphrase.', retryAt: 0 });
    await settle(el);
    expect(nameOf(part(el, 'progress'))).to.equal('nothing');
    for (const name of ['input', 'toggle', 'submit', 'cancel']) expect(part<HTMLButtonElement>(el, name)!.disabled, name).to.equal(false);
    expect(el.hasAttribute('data-deriving')).to.equal(false);
  });

  it('the progress bar moves only when motion is welcome', async () => {
    const el = await mount({ unlock: () => new Promise(() => {}) });
    await openByClick(el);
    await typePassphrase(el, WRONG);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const bar = part(el, 'progress')!.querySelector('.bar')!;
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(bar).animationName).to.equal('sweep');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(bar).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('Escape closes the form, empties it and puts focus back on Decrypt; Cancel too', async () => {
    const el = await mount();
    const closed = events(el, 'decrypt-form-close');
    let escapeOutside = 0;
    const onWindowKey = (e: KeyboardEvent) => (escapeOutside += e.key === 'Escape' ? 1 : 0);
    window.addEventListener('keydown', onWindowKey);
    try {
      await openByClick(el);
      await typePassphrase(el, WRONG);
      const field = input(el);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(nameOf(part(el, 'form'))).to.equal('nothing');
      expect(field.value, 'the detached field').to.equal('');
      expect(focusName()).to.equal(nameOf(button(el, 'decrypt-button')));
      expect(escapeOutside, 'Escape reached a surrounding dialog').to.equal(0);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focusName()).to.equal(nameOf(input(el)));
      expect(input(el).value, 'reopened empty').to.equal('');
      button(el, 'cancel').click();
      await el.updateComplete;
      expect(nameOf(part(el, 'form'))).to.equal('nothing');
      expect(focusName()).to.equal(nameOf(button(el, 'decrypt-button')));
      expect(closed).to.deep.equal([{ reason: 'escape' }, { reason: 'cancel' }]);
    } finally {
      window.removeEventListener('keydown', onWindowKey);
    }
  });

  it('Tab and Shift+Tab stay within the open form', async () => {
    const el = await mount();
    // Something to Tab to on either side, so an escaping focus lands somewhere the test can see.
    const before = document.createElement('button');
    const after = document.createElement('button');
    before.textContent = 'before';
    after.textContent = 'after';
    el.before(before);
    el.after(after);
    await openByClick(el);
    const order = ['input', 'toggle', 'cancel', 'submit', 'input'];
    for (const name of order.slice(1)) {
      await sendKeys({ press: 'Tab' });
      expect(focusName(), `Tab to ${name}`).to.equal(nameOf(part(el, name)));
    }
    await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: 'Tab' });
      expect(focusName(), 'Shift+Tab from the field').to.equal(nameOf(part(el, 'submit')));
      await sendKeys({ press: 'Tab' });
      expect(focusName(), 'Shift+Tab from Unlock').to.equal(nameOf(part(el, 'cancel')));
    } finally {
      await sendKeys({ up: 'Shift' });
    }
  });

  it('success fires decrypt-unlocked, clears the field and closes the form', async () => {
    const el = await mount({ unlock: async () => ({ ok: true }), retryAt: 0 });
    const order: string[] = [];
    for (const name of EVENT_NAMES) el.addEventListener(name, () => order.push(name));
    await openByClick(el);
    await typePassphrase(el, PASSPHRASE);
    const field = input(el);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(field.value).to.equal('');
    expect(nameOf(part(el, 'form'))).to.equal('nothing');
    expect(order).to.deep.equal(['decrypt-form-open', 'decrypt-unlocked', 'decrypt-form-close']);
    expect(el.hasAttribute('data-form-open')).to.equal(false);
  });

  it('no event, property or console line carries the passphrase through a full flow', async () => {
    const { calls, handler } = recordingHandler(async (passphrase) =>
      passphrase === PASSPHRASE ? { ok: true } : { ok: false, message: 'Wrong passphrase.', retryAt: 0 },
    );
    const el = await mount({ unlock: handler, label: 'Anna Schneider · BER-WS-014' });

    const dispatched: string[] = [];
    const dispatch = el.dispatchEvent.bind(el);
    el.dispatchEvent = (event: Event) => {
      dispatched.push(event.type);
      return dispatch(event);
    };
    const seen: { type: string; detail: string; path: EventTarget[]; target: EventTarget | null }[] = [];
    const onEvent = (e: Event) => {
      seen.push({ type: e.type, detail: JSON.stringify((e as CustomEvent).detail), path: e.composedPath(), target: e.target });
    };
    for (const name of EVENT_NAMES) window.addEventListener(name, onEvent, { capture: true });
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    for (const m of methods) console[m] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));

    try {
      await openByClick(el);
      button(el, 'submit').click(); // empty
      await el.updateComplete;
      await typePassphrase(el, WRONG);
      button(el, 'toggle').click();
      await el.updateComplete;
      await sendKeys({ press: 'Enter' });
      await settle(el);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      el.openForm();
      await el.updateComplete;
      await typePassphrase(el, PASSPHRASE);
      el.closeForm();
      await el.updateComplete;
      el.openForm();
      await el.updateComplete;
      await typePassphrase(el, PASSPHRASE);
      await sendKeys({ press: 'Enter' });
      await settle(el);
    } finally {
      for (const name of EVENT_NAMES) window.removeEventListener(name, onEvent, { capture: true });
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }

    expect(calls).to.deep.equal([WRONG, PASSPHRASE]);
    expect(dispatched.every((type) => (EVENT_NAMES as readonly string[]).includes(type)), dispatched.join()).to.equal(true);
    expect(seen.map((e) => e.type)).to.deep.equal(dispatched);
    expect(seen.map((e) => e.type)).to.include.members([...EVENT_NAMES]);
    const secrets = [PASSPHRASE, WRONG];
    for (const event of seen) {
      for (const secret of secrets) expect(event.detail, event.type).not.to.contain(secret);
      // Dispatched on the host: nothing from inside (the field) is in the path.
      expect(event.target === el, `${event.type} target is the element`).to.equal(true);
      expect(event.path[0] === el, `${event.type} path starts at the element`).to.equal(true);
      for (const node of event.path) {
        const value = (node as { value?: unknown }).value;
        if (typeof value === 'string') for (const secret of secrets) expect(value).not.to.contain(secret);
      }
    }
    for (const line of logged) for (const secret of secrets) expect(line).not.to.contain(secret);
    // Nothing on the element holds it either (reactive properties live under symbol keys).
    const own = Reflect.ownKeys(el).map((key) => {
      const value = (el as unknown as Record<PropertyKey, unknown>)[key];
      try {
        return JSON.stringify(value) ?? String(value);
      } catch {
        return String(value);
      }
    });
    for (const value of own) for (const secret of secrets) expect(value).not.to.contain(secret);
    expect(nameOf(el.shadowRoot!.querySelector('input'))).to.equal('nothing');
  });

  it('a handler that throws gives a generic message, never the error text; no handler says so', async () => {
    const el = await mount({
      unlock: async () => {
        throw new Error(`key material ${PASSPHRASE}`);
      },
    });
    const failed = events<{ message: string }>(el, 'decrypt-failed');
    await openByClick(el);
    await typePassphrase(el, PASSPHRASE);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(part(el, 'error'))).to.equal('The recording could not be unlocked.');
    expect(failed).to.deep.equal([{ message: 'The recording could not be unlocked.' }]);

    el.unlock = null;
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(part(el, 'error'))).to.equal('Decryption is not available here.');
  });

  it('renders German strings with locale="de" (and de-AT), English otherwise', async () => {
    const pending = deferred<UnlockOutcome>();
    const el = await mount({ locale: 'de', unlock: () => pending.promise });
    expect(text(part(el, 'heading'))).to.equal('Verschlüsselt');
    expect(text(part(el, 'explanation'))).to.equal(
      'Diese Aufzeichnung ist Ende-zu-Ende-verschlüsselt. Nur Ihre Passphrase kann sie öffnen, in diesem Browser.',
    );
    expect(text(button(el, 'decrypt-button'))).to.equal('Entschlüsseln');
    await openByClick(el);
    expect(text(part(el, 'form-heading'))).to.equal('Passphrase eingeben');
    expect(text(button(el, 'submit'))).to.equal('Entsperren');
    expect(text(button(el, 'cancel'))).to.equal('Abbrechen');
    expect(button(el, 'toggle').getAttribute('aria-label')).to.equal('Passphrase anzeigen');
    button(el, 'submit').click();
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('Geben Sie die Passphrase ein.');
    await typePassphrase(el, WRONG);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'progress')!.getAttribute('aria-valuetext')).to.match(/^Schlüssel wird abgeleitet… 0,\d s$/);
    pending.resolve({ ok: false, message: 'Falsche Passphrase.', retryAt: Date.now() + 2_500 });
    await settle(el);
    expect(text(part(el, 'wait'))).to.equal('Neuer Versuch in 3 s');

    el.locale = 'de-AT';
    await el.updateComplete;
    expect(text(button(el, 'submit'))).to.equal('Entsperren');
    el.locale = 'fr';
    await el.updateComplete;
    expect(text(button(el, 'submit'))).to.equal('Unlock');
  });

  it('disabled: no Decrypt button, a line saying why, and the form cannot open', async () => {
    const el = await mount({ disabled: true });
    const opened = events(el, 'decrypt-form-open');
    expect(nameOf(button(el, 'decrypt-button'))).to.equal('nothing');
    expect(text(part(el, 'not-allowed'))).to.equal('You are not allowed to decrypt this recording.');
    el.openForm();
    await el.updateComplete;
    expect(nameOf(part(el, 'form'))).to.equal('nothing');
    expect(opened).to.deep.equal([]);

    // Losing the capability while the form is open closes it.
    el.disabled = false;
    await el.updateComplete;
    el.openForm();
    await el.updateComplete;
    await typePassphrase(el, WRONG);
    const field = input(el);
    el.disabled = true;
    await el.updateComplete;
    expect(nameOf(part(el, 'form'))).to.equal('nothing');
    expect(field.value).to.equal('');
    expect(nameOf(button(el, 'decrypt-button'))).to.equal('nothing');
  });

  it('stops its timers on disconnect and when the wait ends, and empties the field', async () => {
    const el = await mount({ retryAt: Date.now() + 400 });
    await openByClick(el);
    await typePassphrase(el, WRONG);
    // Timer ticks are the argument-less requests (property changes name themselves).
    let updates = 0;
    const request = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
      if (args.length === 0) updates++;
      request(...args);
    };
    await sleep(300);
    expect(updates, 'countdown ticks while waiting').to.be.greaterThan(0);
    await until(() => !button(el, 'submit').disabled, 'the wait to end');
    await sleep(50);
    updates = 0;
    await sleep(600);
    expect(updates, 'ticks after the wait ended').to.equal(0);

    el.retryAt = Date.now() + 5_000;
    await el.updateComplete;
    const field = input(el);
    updates = 0;
    el.parentElement!.remove();
    expect(field.value).to.equal('');
    await sleep(600);
    expect(updates, 'ticks after disconnect').to.equal(0);

    // Closed: no countdown tick, only the end of the wait, which a disconnect cancels too.
    const closed = await mount({ retryAt: Date.now() + 300 });
    let closedUpdates = 0;
    const requestClosed = closed.requestUpdate.bind(closed);
    closed.requestUpdate = (...args: Parameters<typeof closed.requestUpdate>) => {
      if (args.length === 0) closedUpdates++;
      requestClosed(...args);
    };
    await sleep(200);
    expect(closedUpdates, 'ticks while the form is closed').to.equal(0);
    expect(closed.hasAttribute('data-waiting')).to.equal(true);
    closed.parentElement!.remove();
    await sleep(400);
    expect(closedUpdates, 'wait end after disconnect').to.equal(0);
  });
});
