import { LitElement, css, html } from 'lit';
import type { SessionDataSource, SessionRef } from '../data-source/types.js';
import { translator } from '../i18n/messages.js';
import { controlStyles } from '../player/control.styles.js';
import { icons } from '../player/icons.js';
import type { SessionPlayer } from '../player/session-player.js';

/**
 * A modal dialog around `<session-player>`: focus stays inside, Escape or the
 * close button closes it, and focus returns to where it was.
 *
 * @fires close - after the dialog closed
 * @csspart dialog - the native dialog
 */
export class SessionPlayerDialog extends LitElement {
  static override properties = {
    dataSource: { attribute: false },
    ref: { attribute: false },
    label: { type: String },
    locale: { type: String },
  };

  static override styles = [
    controlStyles,
    css`
      dialog {
        width: min(1200px, 96vw);
        max-height: 96vh;
        padding: 0;
        border: 1px solid #333942;
        border-radius: 10px;
        background: #15181d;
        color: #e8eaed;
        box-shadow: 0 20px 60px rgba(0, 0, 0, 0.5);
        overflow: auto;
      }
      dialog::backdrop {
        background: rgba(8, 10, 14, 0.65);
      }
      .close {
        position: absolute;
        top: 6px;
        right: 6px;
        z-index: 2;
      }
      session-player {
        border-radius: 0;
        --sp-video-max-height: 68vh;
      }
      .frame {
        position: relative;
        padding-top: 40px;
        background: #1d2127;
      }
      .title {
        position: absolute;
        top: 10px;
        left: 14px;
        margin: 0;
        font: 600 15px system-ui, sans-serif;
      }
    `,
  ];

  declare dataSource: SessionDataSource | null;
  declare ref: SessionRef | null;
  declare label: string;
  declare locale: string;
  #returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    this.dataSource = null;
    this.ref = null;
    this.label = '';
    this.locale = 'en';
  }

  get player(): SessionPlayer | null {
    return this.renderRoot.querySelector('session-player');
  }

  override render() {
    const { t } = translator(this.locale);
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onClose} @cancel=${this.#onCancel}>
      <div class="frame">
        <h1 class="title" id="title">${this.label}</h1>
        <button class="close" aria-label=${t('close')} title=${t('close')} @click=${() => this.close()}>${icons.close}</button>
        <session-player .dataSource=${this.dataSource} .ref=${this.ref} .locale=${this.locale}></session-player>
      </div>
    </dialog>`;
  }

  /** Opens as a modal dialog, remembering what had focus. */
  async show(): Promise<void> {
    this.#returnFocus = deepActiveElement();
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')!.showModal();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #onCancel(e: Event): void {
    // Escape closes the dialog even when a control inside handled nothing.
    e.preventDefault();
    this.close();
  }

  #onClose(): void {
    this.#returnFocus?.focus();
    this.dispatchEvent(new Event('close'));
  }
}

function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
