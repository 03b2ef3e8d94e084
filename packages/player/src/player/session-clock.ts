import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { translator } from '../i18n/messages.js';
import { playbackContext } from '../state/playback-state.js';
import { formatDate, formatIsoDate, formatTime, parseTypedDate, parseTypedTime } from '../time/wall-clock.js';
import { controlStyles } from './control.styles.js';
import { request } from './request-events.js';

/**
 * The time and date of the frame shown. Clicking either opens an input to
 * type a new instant; invalid input gets a message, valid input a
 * `seek-request` (the player moves to the nearest recording if it falls in a gap).
 *
 * @csspart time - the time button
 * @csspart date - the date button
 */
export class SessionClock extends LitElement {
  static override properties = {
    editing: { state: true },
    draft: { state: true },
    problem: { state: true },
  };

  static override styles = [
    controlStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-variant-numeric: tabular-nums;
      }
      [part='time'] {
        font-size: 1.15em;
        font-weight: 600;
      }
      form {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        position: relative;
      }
      input {
        font: inherit;
        width: 9em;
        padding: 4px 6px;
        border-radius: 6px;
        border: 1px solid var(--sp-border, #3b4048);
        background: var(--sp-control-bg, #2a2e35);
        color: inherit;
      }
      input[aria-invalid='true'] {
        border-color: var(--sp-danger, #ff6b6b);
      }
      .problem {
        position: absolute;
        top: calc(100% + 4px);
        left: 0;
        z-index: 3;
        white-space: nowrap;
        background: var(--sp-danger-bg, #3a1518);
        color: var(--sp-danger-fg, #ffd7d7);
        border: 1px solid var(--sp-danger, #ff6b6b);
        border-radius: 6px;
        padding: 4px 8px;
        font-size: 0.9em;
      }
    `,
  ];

  declare editing: 'time' | 'date' | null;
  declare draft: string;
  declare problem: string;

  readonly #playback = new ContextConsumer(this, { context: playbackContext, subscribe: true });

  constructor() {
    super();
    this.editing = null;
    this.draft = '';
    this.problem = '';
  }

  override render() {
    const s = this.#playback.value;
    if (!s || s.at === null) return nothing;
    const { t, dateLocale } = translator(s.locale);
    const time = formatTime(s.at, s.zone);
    const date = formatDate(s.at, s.zone, dateLocale);
    if (this.editing) {
      const label = this.editing === 'time' ? t('enterTime') : t('enterDate');
      return html`<form @submit=${this.#submit} @keydown=${this.#onKey}>
        <input id="instant" aria-label=${label} placeholder=${label} .value=${this.draft} autocomplete="off"
          aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="problem"
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)} />
        <button type="submit">${t('go')}</button>
        <button type="button" @click=${this.#stopEditing}>${t('cancel')}</button>
        ${this.problem ? html`<div class="problem" id="problem" role="alert">${this.problem}</div>` : nothing}
      </form>`;
    }
    return html`<button part="time" aria-label=${t('time', { time })} @click=${() => this.#edit('time', time)}>${time}</button>
      <button part="date" aria-label=${t('date', { date })} @click=${() => this.#edit('date', formatIsoDate(s.at!, s.zone))}>${date}</button>`;
  }

  async #edit(which: 'time' | 'date', value: string): Promise<void> {
    this.editing = which;
    this.draft = value;
    this.problem = '';
    await this.updateComplete;
    const input = this.renderRoot.querySelector('input');
    input?.focus();
    input?.select();
  }

  #submit(e: Event): void {
    e.preventDefault();
    const s = this.#playback.value;
    if (!s || s.at === null) return;
    const { t, dateLocale } = translator(s.locale);
    const parsed =
      this.editing === 'time'
        ? parseTypedTime(this.draft, s.at, s.zone)
        : parseTypedDate(this.draft, s.at, s.zone, dateLocale);
    if (!parsed.ok) {
      this.problem = parsed.reason === 'time-format' ? t('invalidTime') : t('invalidDate');
      return;
    }
    this.#stopEditing();
    request(this, 'seek-request', { at: parsed.at });
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      this.#stopEditing();
    }
  }

  #stopEditing(): void {
    const which = this.editing;
    this.editing = null;
    this.problem = '';
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector(`[part='${which}']`) as HTMLElement | null)?.focus(),
    );
  }
}
