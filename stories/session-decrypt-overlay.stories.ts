import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@session-player/e2ee';
import type {
  DecryptFailedDetail,
  DecryptFormCloseDetail,
  SessionDecryptOverlay,
  UnlockHandler,
  UnlockOutcome,
} from '@session-player/e2ee';

/*
 * <session-decrypt-overlay> on its own: what both views of the player show
 * over the video area of an end-to-end encrypted recording. The handlers
 * below stand in for the player's key derivation (PBKDF2, about a second);
 * no story decrypts anything.
 */

/** The one passphrase the "Unlock succeeds" story accepts. */
const DEMO_PASSPHRASE = 'correct horse battery staple';
/** How long the stand-in key derivation takes, ms. */
const DERIVE_MS = 700;
const LABEL = 'Anna Schneider · BER-WS-014';

const wrongMessage = (locale: string) =>
  locale.startsWith('de') ? 'Falsche Passphrase. Prüfen Sie sie und versuchen Sie es erneut.' : 'Wrong passphrase. Check it and try again.';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Never answers: the key is derived forever. */
const neverAnswers: UnlockHandler = () => new Promise<UnlockOutcome>(() => undefined);

/** Refuses every passphrase with a 5 s wait. */
const alwaysWrong =
  (locale: string): UnlockHandler =>
  async () => {
    await delay(DERIVE_MS);
    return { ok: false, message: wrongMessage(locale), retryAt: Date.now() + 5_000 };
  };

/**
 * Accepts {@link DEMO_PASSPHRASE}; refuses anything else with a wait that
 * doubles with each failure (1 s, 2 s, 4 s…), as the player does.
 */
function demoUnlock(locale: string): UnlockHandler {
  let failures = 0;
  return async (passphrase) => {
    await delay(DERIVE_MS);
    if (passphrase === DEMO_PASSPHRASE) {
      failures = 0;
      return { ok: true };
    }
    failures++;
    return { ok: false, message: wrongMessage(locale), retryAt: Date.now() + 1_000 * 2 ** (failures - 1) };
  };
}

interface OverlayArgs {
  locale: string;
  theme: 'light' | 'dark' | 'auto';
  label: string;
  disabled: boolean;
  /** Filled in by Storybook's actions panel (see `argTypes`); absent elsewhere. */
  onFormOpen?: () => void;
  onFormClose?: (detail: DecryptFormCloseDetail) => void;
  onUnlocked?: () => void;
  onFailed?: (detail: DecryptFailedDetail) => void;
}

interface StageOptions {
  unlock?: UnlockHandler | null;
  width?: number;
  height?: number;
}

/**
 * The overlay as the player places it: over the video area, `position:
 * absolute; inset: 0`. Behind it a stand-in for the decrypted desktop, which
 * must not show through while locked; after a successful unlock the story
 * hides the overlay (as the player does) and offers to lock again.
 */
function stage(args: OverlayArgs, { unlock = null, width = 640, height = 360 }: StageOptions = {}): TemplateResult {
  const lockAgain = (e: Event) => {
    const frame = (e.currentTarget as HTMLElement).closest('.stage')!;
    frame.querySelector<HTMLElement>('.unlocked')!.hidden = true;
    frame.querySelector<SessionDecryptOverlay>('session-decrypt-overlay')!.hidden = false;
  };
  const onUnlocked = (e: Event) => {
    args.onUnlocked?.();
    const overlay = e.currentTarget as SessionDecryptOverlay;
    overlay.hidden = true;
    overlay.closest('.stage')!.querySelector<HTMLElement>('.unlocked')!.hidden = false;
  };
  return html`<div
    class="stage"
    style=${`position: relative; width: ${width}px; height: ${height}px; overflow: hidden; border-radius: 6px; background: #2d5a88; color: #fff; font: 14px system-ui, sans-serif;`}
  >
    <div style="padding: 16px;">
      <p style="margin: 0 0 8px;">Quarterly report.xlsx — Excel</p>
      <p style="margin: 0;">Customer list: Müller GmbH, 4 711 €…</p>
      <p class="unlocked" hidden style="margin: 16px 0 0;">
        Decrypted in this browser.
        <button type="button" @click=${lockAgain}>Lock again</button>
      </p>
    </div>
    <session-decrypt-overlay
      style="position: absolute; inset: 0;"
      .unlock=${unlock}
      .label=${args.label}
      .locale=${args.locale}
      .disabled=${args.disabled}
      theme=${args.theme}
      @decrypt-form-open=${() => args.onFormOpen?.()}
      @decrypt-form-close=${(e: CustomEvent<DecryptFormCloseDetail>) => args.onFormClose?.(e.detail)}
      @decrypt-unlocked=${onUnlocked}
      @decrypt-failed=${(e: CustomEvent<DecryptFailedDetail>) => args.onFailed?.(e.detail)}
    ></session-decrypt-overlay>
  </div>`;
}

const overlayIn = (canvasElement: HTMLElement) => canvasElement.querySelector('session-decrypt-overlay')!;

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check() && performance.now() < end) await delay(20);
}

/** Opens the form and submits `passphrase` as a user would (the element has no property for it). */
async function submitPassphrase(overlay: SessionDecryptOverlay, passphrase: string): Promise<void> {
  overlay.openForm();
  await overlay.updateComplete;
  const input = overlay.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
  input.value = passphrase;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  overlay.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  await overlay.updateComplete;
}

const meta: Meta<OverlayArgs> = {
  title: 'E2EE/Decrypt overlay',
  component: 'session-decrypt-overlay',
  parameters: { layout: 'padded' },
  args: { locale: 'en', theme: 'dark', label: LABEL, disabled: false },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['dark', 'light', 'auto'] },
    label: { control: 'text' },
    disabled: { control: 'boolean' },
    onFormOpen: { action: 'decrypt-form-open', table: { disable: true } },
    onFormClose: { action: 'decrypt-form-close', table: { disable: true } },
    onUnlocked: { action: 'decrypt-unlocked', table: { disable: true } },
    onFailed: { action: 'decrypt-failed', table: { disable: true } },
  },
};
export default meta;

type Story = StoryObj<OverlayArgs>;

/** The masked screen: nothing of the recording shows through. Decrypt opens the passphrase form. */
export const Locked: Story = {
  render: (args) => stage(args, { unlock: demoUnlock(args.locale) }),
};

/** The passphrase form, focus in its field. Escape or Cancel go back to the masked screen. */
export const FormOpen: Story = {
  name: 'Form open',
  render: (args) => stage(args, { unlock: demoUnlock(args.locale) }),
  play: async ({ canvasElement }) => {
    const overlay = overlayIn(canvasElement);
    await overlay.updateComplete;
    overlay.openForm();
    await overlay.updateComplete;
  },
};

/** The key is being derived (a handler that never answers): everything disabled, the elapsed time counts. */
export const Deriving: Story = {
  render: (args) => stage(args, { unlock: neverAnswers }),
  play: async ({ canvasElement }) => {
    const overlay = overlayIn(canvasElement);
    await overlay.updateComplete;
    await submitPassphrase(overlay, 'a passphrase');
  },
};

/** Refused: the handler's message, the field selected for retyping, Unlock disabled for 5 s with a countdown. */
export const WrongPassphrase: Story = {
  name: 'Wrong passphrase',
  render: (args) => stage(args, { unlock: alwaysWrong(args.locale) }),
  play: async ({ canvasElement }) => {
    const overlay = overlayIn(canvasElement);
    await overlay.updateComplete;
    await submitPassphrase(overlay, 'not the passphrase');
    await until(() => overlay.hasAttribute('data-error'));
  },
};

/**
 * Type **correct horse battery staple** and press Enter: after a moment of
 * key derivation the overlay goes and the recording shows ("Lock again"
 * brings it back). Any other passphrase is refused, with a wait that doubles
 * each time: 1 s, 2 s, 4 s…
 */
export const UnlockSucceeds: Story = {
  name: 'Unlock succeeds',
  render: (args) => stage(args, { unlock: demoUnlock(args.locale) }),
};

/** The viewer lacks the `decrypt` capability: no Decrypt button, a line saying so. */
export const NotAllowed: Story = {
  name: 'Not allowed',
  args: { disabled: true },
  render: (args) => stage(args, { unlock: null }),
};

export const German: Story = {
  args: { locale: 'de' },
  render: (args) => stage(args, { unlock: demoUnlock(args.locale) }),
};

export const LightTheme: Story = {
  name: 'Light theme',
  args: { theme: 'light' },
  render: (args) => stage(args, { unlock: demoUnlock(args.locale) }),
};

/** A 320 × 240 box (a phone, a live tile): smaller padlock and spacing; Decrypt and Unlock stay in view. */
export const Narrow: Story = {
  render: (args) => stage(args, { unlock: demoUnlock(args.locale), width: 320, height: 240 }),
};
