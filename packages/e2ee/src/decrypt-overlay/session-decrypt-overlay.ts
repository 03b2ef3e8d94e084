import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { decryptTranslator, type DecryptTranslator } from './messages.js';
import { decryptOverlayStyles } from './session-decrypt-overlay.styles.js';

/** What the host's {@link UnlockHandler} answers. `retryAt` is epoch ms; 0 means no wait. */
export type UnlockOutcome = { ok: true } | { ok: false; message: string; retryAt: number };

/**
 * Derives the key from the passphrase and opens the recording. The element
 * hands the passphrase only to this callback, never to an event.
 */
export type UnlockHandler = (passphrase: string) => Promise<UnlockOutcome>;

export type DecryptFormCloseReason = 'cancel' | 'escape' | 'unlocked';

/** Detail of `decrypt-form-close`. */
export interface DecryptFormCloseDetail {
  reason: DecryptFormCloseReason;
}

/** Detail of `decrypt-failed`: the handler's message, as shown. */
export interface DecryptFailedDetail {
  message: string;
}

/** The countdown shows whole seconds; a quarter-second tick keeps it from lagging visibly. */
const WAIT_TICK_MS = 250;
/** The elapsed time while deriving shows tenths. */
const DERIVE_TICK_MS = 100;

type FormError = { kind: 'empty' } | { kind: 'failed'; message: string };
type FocusTarget = 'field' | 'field-select' | 'decrypt-button' | 'progress';

const padlock = (part = 'icon') =>
  html`<svg part=${part} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      fill-rule="evenodd"
      d="M12 1a5 5 0 0 0-5 5v4H6a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-9a2 2 0 0 0-2-2h-1V6a5 5 0 0 0-5-5zM9 10V6a3 3 0 0 1 6 0v4H9zm3 4a2 2 0 0 1 1 3.73V20h-2v-2.27A2 2 0 0 1 12 14z"
    />
  </svg>`;

const EYE = 'M12 5C6.5 5 2.7 9.1 1.5 12c1.2 2.9 5 7 10.5 7s9.3-4.1 10.5-7C21.3 9.1 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z';

/** An open eye ("show") or a struck-through one ("hide"). */
const eye = (struck: boolean) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" fill-rule="evenodd" d=${EYE} />
    ${struck ? svg`<path class="strike" d="M3.5 3.5l17 17" />` : nothing}
  </svg>`;

/**
 * What both views of the player show for an end-to-end encrypted recording:
 * an opaque "Encrypted" screen over the video area with a Decrypt button, and
 * in its place the passphrase form. The passphrase goes only to the host's
 * `unlock` callback; no event, property or log ever carries it, and the field
 * is emptied when the form closes, on success and on disconnect.
 *
 * The host places the element over the video (`position: absolute; inset: 0`);
 * it fills its box and no pixel behind it shows through.
 *
 * @fires decrypt-form-open - `{}` when the passphrase form opens (Decrypt or `openForm()`)
 * @fires decrypt-form-close - `{ reason }` ({@link DecryptFormCloseDetail}): `cancel` (Cancel or `closeForm()`), `escape`, or `unlocked`
 * @fires decrypt-unlocked - `{}` when the handler accepted the passphrase; the host then removes or hides the element
 * @fires decrypt-failed - `{ message }` ({@link DecryptFailedDetail}) when the handler refused it or failed
 * @csspart screen - the opaque surface filling the element (holds the locked content or the form)
 * @csspart icon - the padlock
 * @csspart heading - "Encrypted"
 * @csspart label - the host's `label` (whose recording this is)
 * @csspart explanation - the line saying only the passphrase opens it
 * @csspart decrypt-button - Decrypt
 * @csspart button-icon - the small padlock on Decrypt
 * @csspart not-allowed - the line shown instead of Decrypt when `disabled`
 * @csspart form - the passphrase dialog (`role="dialog"`)
 * @csspart form-heading - "Enter passphrase"
 * @csspart form-icon - the small padlock in the form's heading
 * @csspart input - the passphrase field
 * @csspart toggle - show / hide the passphrase
 * @csspart submit - Unlock
 * @csspart cancel - Cancel
 * @csspart error - the inline error or the handler's message (`role="alert"`)
 * @csspart wait - "Try again in 4 s"
 * @csspart progress - the key-derivation indicator (`role="progressbar"`) with the elapsed time
 * @cssproperty --sp-decrypt-bg - the opaque screen (must stay opaque: it hides the video)
 * @cssproperty --sp-decrypt-fg - text
 * @cssproperty --sp-decrypt-muted - secondary text (label, explanation, countdown)
 * @cssproperty --sp-decrypt-card-bg - the passphrase form's card
 * @cssproperty --sp-decrypt-border - field and button borders
 * @cssproperty --sp-decrypt-field-bg - the passphrase field
 * @cssproperty --sp-decrypt-accent - Decrypt, Unlock, the padlock and the progress bar (text on it: --sp-decrypt-accent-fg)
 * @cssproperty --sp-decrypt-danger - error message and invalid field
 * @cssproperty --sp-decrypt-focus - focus ring
 * @attr theme - `dark` (default), `light`, or `auto` (follows prefers-color-scheme)
 * @attr data-form-open - set on the host while the form is open (also `data-deriving`, `data-error`, `data-waiting`)
 */
export class SessionDecryptOverlay extends LitElement {
  static override properties = {
    unlock: { attribute: false },
    label: { type: String },
    locale: { type: String },
    theme: { type: String, reflect: true },
    retryAt: { type: Number, attribute: 'retry-at' },
    disabled: { type: Boolean, reflect: true },
    _open: { state: true },
    _deriving: { state: true },
    _error: { state: true },
    _revealed: { state: true },
  };

  static override styles = decryptOverlayStyles;

  /** Derives the key and opens the recording; without it Unlock only says decryption is unavailable. */
  declare unlock: UnlockHandler | null;
  /** Whose recording this is, e.g. "Anna Schneider · BER-WS-014"; shown under the heading. */
  declare label: string;
  declare locale: 'en' | 'de' | (string & {});
  declare theme: 'light' | 'dark' | 'auto';
  /**
   * Epoch ms before which Unlock stays disabled (0: no wait). Set from each
   * failed outcome; the host may set it too, so a wait outlives closing the form.
   */
  declare retryAt: number;
  /** The viewer may not decrypt (no `decrypt` capability): no Decrypt button, a line saying so. */
  declare disabled: boolean;
  declare _open: boolean;
  declare _deriving: boolean;
  declare _error: FormError | null;
  declare _revealed: boolean;

  #t: DecryptTranslator = decryptTranslator('en');
  /** Read once per update, so one render shows one instant. */
  #now = 0;
  #derivingSince = 0;
  /** Bumped when the form closes: an answer to an older attempt no longer touches the form. */
  #attempt = 0;
  #focusNext: FocusTarget | null = null;
  /** The `retryAt` the wait timers run for; 0 when none run. */
  #waitingFor = 0;
  #waitTicker: ReturnType<typeof setInterval> | undefined;
  #waitEnd: ReturnType<typeof setTimeout> | undefined;
  #deriveTicker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.unlock = null;
    this.label = '';
    this.locale = 'en';
    this.theme = 'dark';
    this.retryAt = 0;
    this.disabled = false;
    this._open = false;
    this._deriving = false;
    this._error = null;
    this._revealed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Time went on while away: the countdown and its timers start from now.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWait();
    this.#stopDeriveTicker();
    // A detached form must not keep a typed passphrase; it comes back closed.
    this.#clearField();
    this.#attempt++;
    this._open = false;
    this._deriving = false;
    this._error = null;
    this._revealed = false;
  }

  /** Opens the passphrase form and focuses its field (nothing when `disabled`). */
  openForm(): void {
    if (this.disabled) return;
    this.#focusNext = 'field';
    if (this._open) {
      this.requestUpdate();
      return;
    }
    this._open = true;
    this._error = null;
    this._revealed = false;
    this.#emit('decrypt-form-open', {});
  }

  /**
   * Closes the form (reason `cancel`) and empties its field; focus goes back
   * to Decrypt if it was inside the element. An unlock still being derived
   * is no longer shown, but its outcome is still reported by event.
   */
  closeForm(): void {
    if (this._open) this.#close('cancel', this.matches(':focus-within'));
  }

  // ---- derived state ------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.#t = decryptTranslator(this.locale);
    this.#now = Date.now();
    if (changed.has('disabled') && this.disabled && this._open) this.#close('cancel', this.matches(':focus-within'));
  }

  /** Milliseconds until Unlock is allowed again (0 when it is). */
  get #waitLeft(): number {
    return Math.max(0, this.retryAt - this.#now);
  }

  protected override updated(): void {
    this.#syncTimers();
    this.toggleAttribute('data-form-open', this._open);
    this.toggleAttribute('data-deriving', this._deriving);
    this.toggleAttribute('data-error', this._open && this._error !== null);
    this.toggleAttribute('data-waiting', this.#waitLeft > 0);
    const focus = this.#focusNext;
    this.#focusNext = null;
    if (focus === 'field' || focus === 'field-select') {
      const input = this.#field();
      input?.focus();
      // Retyping replaces a refused passphrase instead of appending to it.
      if (focus === 'field-select') input?.select();
    } else if (focus) {
      this.renderRoot.querySelector<HTMLElement>(`[part~="${focus}"]`)?.focus();
    }
  }

  // ---- rendering ----------------------------------------------------------

  override render() {
    return html`<div part="screen">${this._open ? this.#renderForm() : this.#renderLocked()}</div>`;
  }

  #renderLocked() {
    const { t } = this.#t;
    return html`<div class="locked" role="group" aria-labelledby="heading">
      ${padlock()}
      <h2 part="heading" id="heading">${t('encrypted')}</h2>
      ${this.label ? html`<p part="label"><bdi>${this.label}</bdi></p>` : nothing}
      <p part="explanation">${t('explanation')}</p>
      ${this.disabled
        ? html`<p part="not-allowed">${t('notAllowed')}</p>`
        : html`<button part="decrypt-button" type="button" @click=${this.openForm}>${padlock('button-icon')}${t('decrypt')}</button>`}
    </div>`;
  }

  #renderForm() {
    const { t, seconds } = this.#t;
    const deriving = this._deriving;
    const waitLeft = this.#waitLeft;
    const error = this.#errorText();
    const describedBy = [error ? 'passphrase-error' : '', waitLeft ? 'passphrase-wait' : ''].filter(Boolean).join(' ');
    const derivingText = t('derivingElapsed', { seconds: seconds(this.#now - this.#derivingSince) });
    const reveal = this._revealed;
    return html`<div part="form" role="dialog" aria-modal="true" aria-labelledby="form-heading" @keydown=${this.#onKeyDown}>
      <form novalidate aria-busy=${deriving ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="form-heading" id="form-heading">${padlock('form-icon')}${t('formTitle')}</h2>
        <label for="passphrase">${t('passphrase')}</label>
        <div class="field">
          <input
            part="input"
            id="passphrase"
            type=${reveal ? 'text' : 'password'}
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            autocorrect="off"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            ?disabled=${deriving}
            @input=${this.#onInput}
          />
          <button
            part="toggle"
            type="button"
            aria-pressed=${reveal ? 'true' : 'false'}
            aria-label=${t('showPassphrase')}
            title=${t('showPassphrase')}
            ?disabled=${deriving}
            @click=${this.#toggleReveal}
          >
            ${eye(reveal)}
          </button>
        </div>
        <div class="status">
          ${deriving
            ? html`<div part="progress" role="progressbar" tabindex="-1" aria-label=${t('deriving')} aria-valuetext=${derivingText}>
                <span class="track"><span class="bar"></span></span>
                <span class="elapsed">${derivingText}</span>
              </div>`
            : nothing}
          <p part="error" id="passphrase-error" role="alert">${error || nothing}</p>
          ${waitLeft > 0 ? html`<p part="wait" id="passphrase-wait">${t('retryIn', { seconds: Math.ceil(waitLeft / 1_000) })}</p>` : nothing}
        </div>
        <div class="actions">
          <button part="cancel" type="button" ?disabled=${deriving} @click=${this.#onCancel}>${t('cancel')}</button>
          <button part="submit" type="submit" ?disabled=${deriving || waitLeft > 0}>${t('unlock')}</button>
        </div>
      </form>
    </div>`;
  }

  #errorText(): string {
    const error = this._error;
    if (!error) return '';
    return error.kind === 'empty' ? this.#t.t('passphraseEmpty') : error.message;
  }

  // ---- actions --------------------------------------------------------------

  readonly #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    void this.#submit();
  };

  async #submit(): Promise<void> {
    const input = this.#field();
    // The disabled Unlock already stops a click and Enter; this stops everything else.
    if (!input || this._deriving || Date.now() < this.retryAt) return;
    if (!input.value) {
      this._error = { kind: 'empty' };
      this.#focusNext = 'field';
      return;
    }
    const handler = this.unlock;
    if (!handler) {
      this._error = { kind: 'failed', message: this.#t.t('unlockUnavailable') };
      this.#focusNext = 'field';
      return;
    }
    const attempt = this.#attempt;
    this._error = null;
    this._deriving = true;
    this.#derivingSince = Date.now();
    // The field is about to be disabled: keep focus inside the dialog, on what is happening.
    this.#focusNext = 'progress';
    let outcome: UnlockOutcome;
    try {
      // Read straight from the field and handed over: the element keeps no copy.
      outcome = await handler(input.value);
    } catch {
      // What the handler threw may describe key material: it is neither shown nor logged.
      outcome = { ok: false, message: '', retryAt: 0 };
    }
    const current = attempt === this.#attempt && this._open;
    if (current) this._deriving = false;
    if (outcome?.ok === true) {
      this.retryAt = 0;
      this.#clearField();
      this.#emit('decrypt-unlocked', {});
      if (current) this.#close('unlocked', false);
      return;
    }
    const failed = outcome as Partial<Extract<UnlockOutcome, { ok: false }>> | null;
    const message = typeof failed?.message === 'string' && failed.message ? failed.message : this.#t.t('unlockFailed');
    this.retryAt = typeof failed?.retryAt === 'number' && Number.isFinite(failed.retryAt) ? failed.retryAt : 0;
    if (current) {
      this._error = { kind: 'failed', message };
      this.#focusNext = 'field-select';
    }
    this.#emit<DecryptFailedDetail>('decrypt-failed', { message });
  }

  readonly #onInput = () => {
    // "Enter the passphrase." is answered by typing; a refused passphrase's message stays until the next try.
    if (this._error?.kind === 'empty') this._error = null;
  };

  readonly #toggleReveal = () => {
    this._revealed = !this._revealed;
  };

  readonly #onCancel = () => this.#close('cancel', true);

  readonly #onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Ours: a surrounding dialog (the player's) must not close with the form.
      e.preventDefault();
      e.stopPropagation();
      if (!this._deriving) this.#close('escape', true);
      return;
    }
    if (e.key === 'Tab') this.#keepTabInside(e);
  };

  /** Tab and Shift+Tab cycle through the form's enabled controls while it is open. */
  #keepTabInside(e: KeyboardEvent): void {
    const dialog = e.currentTarget as HTMLElement;
    const controls = [...dialog.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')].filter((c) => !c.disabled);
    const active = this.shadowRoot?.activeElement ?? null;
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) {
      // Deriving: nothing to move to; focus stays on the progress indicator.
      e.preventDefault();
      return;
    }
    const inside = controls.includes(active as HTMLInputElement);
    if (e.shiftKey && (active === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  }

  #close(reason: DecryptFormCloseReason, returnFocus: boolean): void {
    this.#clearField();
    this.#attempt++;
    this._open = false;
    this._deriving = false;
    this._error = null;
    this._revealed = false;
    if (returnFocus && !this.disabled) this.#focusNext = 'decrypt-button';
    this.#emit<DecryptFormCloseDetail>('decrypt-form-close', { reason });
  }

  #clearField(): void {
    const input = this.#field();
    if (input) input.value = '';
  }

  #field(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#passphrase') ?? null;
  }

  // ---- timers ---------------------------------------------------------------

  /**
   * Runs exactly the timers the current state needs: one at the end of a wait
   * (for `data-waiting` and Unlock), the countdown tick while the form shows
   * it, the clock while deriving.
   */
  #syncTimers(): void {
    const now = Date.now();
    const waitFor = this.isConnected && this.retryAt > now ? this.retryAt : 0;
    if (waitFor !== this.#waitingFor) {
      this.#stopWait();
      if (waitFor) {
        this.#waitingFor = waitFor;
        this.#waitEnd = setTimeout(this.#onWaitEnd, waitFor - now);
      }
    }
    const counting = this.#waitingFor !== 0 && this._open;
    if (counting && this.#waitTicker === undefined) this.#waitTicker = setInterval(() => this.requestUpdate(), WAIT_TICK_MS);
    else if (!counting) this.#stopWaitTicker();
    const deriving = this.isConnected && this._deriving;
    if (deriving && this.#deriveTicker === undefined) this.#deriveTicker = setInterval(() => this.requestUpdate(), DERIVE_TICK_MS);
    else if (!deriving) this.#stopDeriveTicker();
  }

  /** Unlock comes back at `retryAt` itself, not at the next quarter-second tick. */
  readonly #onWaitEnd = () => {
    const left = this.#waitingFor - Date.now();
    if (left > 0) {
      // Timer and wall clock may disagree by a millisecond: wait out the rest.
      this.#waitEnd = setTimeout(this.#onWaitEnd, left);
      return;
    }
    this.#stopWait();
    this.requestUpdate();
  };

  #stopWait(): void {
    this.#stopWaitTicker();
    clearTimeout(this.#waitEnd);
    this.#waitEnd = undefined;
    this.#waitingFor = 0;
  }

  #stopWaitTicker(): void {
    clearInterval(this.#waitTicker);
    this.#waitTicker = undefined;
  }

  #stopDeriveTicker(): void {
    clearInterval(this.#deriveTicker);
    this.#deriveTicker = undefined;
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}
