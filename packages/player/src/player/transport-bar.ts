import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { translator } from '../i18n/messages.js';
import { PLAYBACK_RATES, playbackContext } from '../state/playback-state.js';
import { icons } from './icons.js';
import { request } from './request-events.js';
import { controlStyles } from './control.styles.js';

/**
 * Play/pause, skip, day and edge navigation, speed and sound. Renders the
 * playback state from context; every click becomes a request event.
 *
 * @csspart bar - the row of controls
 */
export class SessionTransportBar extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      [part='bar'] {
        display: flex;
        align-items: center;
        gap: 2px;
        flex-wrap: wrap;
      }
      .spacer {
        flex: 1;
      }
      select {
        font: inherit;
        color: inherit;
        background: var(--sp-control-bg, #2a2e35);
        border: 1px solid var(--sp-border, #3b4048);
        border-radius: 6px;
        padding: 4px 6px;
      }
      .source {
        font-size: 0.85em;
      }
      .source[aria-pressed='true'] {
        color: var(--sp-muted-fg, #a9afb8);
        text-decoration: line-through;
      }
      input[type='range'] {
        width: 90px;
        accent-color: var(--sp-accent, #4ea1ff);
      }
    `,
  ];

  readonly #playback = new ContextConsumer(this, { context: playbackContext, subscribe: true });

  override render() {
    const s = this.#playback.value;
    if (!s) return nothing;
    const { t } = translator(s.locale);
    const seconds = Math.round(s.skipStep / 1000);
    const disabled = s.at === null;
    return html`<div part="bar" role="toolbar" aria-label=${t('historyView')}>
      <button title=${t('previousDay')} aria-label=${t('previousDay')} ?disabled=${!s.day} @click=${() => request(this, 'day-request', { delta: -1 })}>
        ${icons.previousDay}
      </button>
      <button title=${t('toStart')} aria-label=${t('toStart')} ?disabled=${disabled} @click=${() => request(this, 'edge-request', { edge: 'start' })}>
        ${icons.toStart}
      </button>
      <button title=${t('rewind', { seconds })} aria-label=${t('rewind', { seconds })} ?disabled=${disabled} @click=${() => request(this, 'skip-request', { deltaMs: -s.skipStep })}>
        ${icons.rewind}
      </button>
      <button class="primary" data-action="play" aria-label=${s.paused ? t('play') : t('pause')} title=${s.paused ? t('play') : t('pause')} ?disabled=${disabled}
        @click=${() => request(this, s.paused ? 'play-request' : 'pause-request', undefined)}>
        ${s.paused ? icons.play : icons.pause}
      </button>
      <button title=${t('fastForward', { seconds })} aria-label=${t('fastForward', { seconds })} ?disabled=${disabled} @click=${() => request(this, 'skip-request', { deltaMs: s.skipStep })}>
        ${icons.forward}
      </button>
      <button title=${t('toEnd')} aria-label=${t('toEnd')} ?disabled=${disabled} @click=${() => request(this, 'edge-request', { edge: 'end' })}>
        ${icons.toEnd}
      </button>
      <button title=${t('nextDay')} aria-label=${t('nextDay')} ?disabled=${!s.day} @click=${() => request(this, 'day-request', { delta: 1 })}>
        ${icons.nextDay}
      </button>
      <span class="spacer"></span>
      <label class="visually-hidden" for="rate">${t('speed')}</label>
      <select id="rate" title=${t('speed')} .value=${String(s.rate)}
        @change=${(e: Event) => request(this, 'rate-request', { rate: Number((e.target as HTMLSelectElement).value) })}>
        ${PLAYBACK_RATES.map((r) => html`<option value=${String(r)} ?selected=${r === s.rate}>${r}×</option>`)}
      </select>
      <button aria-label=${s.muted ? t('unmute') : t('mute')} title=${s.muted ? t('unmute') : t('mute')} aria-pressed=${String(s.muted)}
        @click=${() => request(this, 'mute-request', { muted: !s.muted })}>
        ${s.muted ? icons.muted : icons.volume}
      </button>
      ${(s.session?.audioTracks ?? []).map((track) => {
        const muted = s.mutedSources.includes(track.id);
        const label = t(muted ? 'unmuteSource' : 'muteSource', { source: track.label });
        return html`<button class="source" data-source=${track.id} aria-label=${label} title=${label} aria-pressed=${String(muted)}
          @click=${() => request(this, 'source-mute-request', { source: track.id, muted: !muted })}>${muted ? icons.muted : icons.volume}<span class="source-label">${track.label}</span></button>`;
      })}
      <input type="range" min="0" max="1" step="0.05" aria-label=${t('volume')} .value=${String(s.muted ? 0 : s.volume)}
        @input=${(e: Event) => request(this, 'volume-request', { volume: Number((e.target as HTMLInputElement).value) })} />
      ${document.pictureInPictureEnabled
        ? html`<button aria-label=${t('pictureInPicture')} title=${t('pictureInPicture')} ?disabled=${disabled}
            @click=${() => request(this, 'pip-request', undefined)}>${icons.pip}</button>`
        : nothing}
      ${document.fullscreenEnabled
        ? html`<button aria-label=${this.#fullscreen() ? t('exitFullscreen') : t('fullscreen')} title=${this.#fullscreen() ? t('exitFullscreen') : t('fullscreen')}
            @click=${() => request(this, 'fullscreen-request', undefined)}>${this.#fullscreen() ? icons.exitFullscreen : icons.fullscreen}</button>`
        : nothing}
    </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
  }

  readonly #onFullscreenChange = () => this.requestUpdate();

  #fullscreen(): boolean {
    return document.fullscreenElement !== null;
  }
}
