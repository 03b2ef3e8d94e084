import { ContextProvider } from '@lit/context';
import type { TimelineMarker, ViewChangeDetail } from '@session-player/timeline';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { PlaybackController } from '../controllers/playback-controller.js';
import { TimelineData } from '../controllers/timeline-data.js';
import type { PanelQueryFn, TagCreateDetail, TagDeleteDetail, TagUpdateDetail } from '@session-player/tags-panel';
import type { Capability, Instant, SessionDataSource, SessionRef, StreamRef, TimeRange } from '../data-source/types.js';
import { translator } from '../i18n/messages.js';
import { loadHls } from '../media/hls-engine.js';
import { loadE2ee, type UnlockSecret } from '../sealing/recording-lock.js';
import { clientToDesktop } from '../live/desktop-mapping.js';
import { LiveView } from '../live/live-view.js';
import type { UnlockOutcome } from '@session-player/e2ee';
import { playbackContext, type PlaybackState } from '../state/playback-state.js';
import { dayRange, formatZoneName, viewerTimeZone } from '../time/wall-clock.js';
import { controlStyles } from './control.styles.js';
import { mergeTagMarkers, TagStore } from '../tags/index.js';
import { icons } from './icons.js';
import { request, type PlayerRequests } from './request-events.js';
import { playerStyles } from './session-player.styles.js';

type RequestHandler<K extends keyof PlayerRequests> = (c: PlaybackController, detail: PlayerRequests[K]) => void;

/** Request event → the one controller method that carries it out. */
const requestMap: { [K in keyof PlayerRequests]: RequestHandler<K> } = {
  'play-request': (c) => c.play(),
  'pause-request': (c) => c.pause(),
  'seek-request': (c, d) => void c.seekToInstant(d.at),
  'skip-request': (c, d) => c.skip(d.deltaMs),
  'edge-request': (c, d) => c.goToEdge(d.edge),
  'day-request': (c, d) => void c.shiftDay(d.delta),
  'rate-request': (c, d) => c.setRate(d.rate),
  'mute-request': (c, d) => c.setMuted(d.muted),
  'volume-request': (c, d) => c.setVolume(d.volume),
  'source-mute-request': (c, d) => c.setSourceMuted(d.source, d.muted),
  'zone-request': (c, d) => c.setZoneMode(d.mode),
  'retry-request': (c) => c.retry(),
  'fullscreen-request': (c) => c.toggleFullscreen(),
  'pip-request': (c) => c.togglePictureInPicture(),
};

/**
 * Plays back a monitored user's recorded desktop on wall-clock time.
 *
 * Connect it with `dataSource` and `ref` (or the `user-id`, `computer-id`,
 * `session-id` and `at` attributes for deep links).
 *
 * @fires session-loaded - `SessionInfo` once the session is known
 * @fires player-error - `{ code, message }` when playback stops on an error
 * @fires gap-skipped - `{ from, to }` when playback jumped over missing recording
 * @fires notice - a short message the player showed
 * @fires marker-select - `{ marker }` when a timeline marker is clicked (from `<session-timeline>`)
 * @fires view-change - `{ start, end, reason }` when the timeline's visible window changes
 * @fires tag-conflict - `{ tag, conflict, message }` when a tag change could not be applied (e.g. deleted elsewhere)
 * @fires tag-error - `{ message }` when a tag change could not even be queued
 * @csspart video - the media element
 * @csspart header - title, live indicator, user and clock
 * @csspart controls - timeline and transport
 * @cssproperty --sp-bg - player background
 * @cssproperty --sp-accent - accent colour
 */
export class SessionPlayer extends LitElement {
  static override properties = {
    dataSource: { attribute: false },
    ref: { attribute: false },
    userId: { type: String, attribute: 'user-id' },
    computerId: { type: String, attribute: 'computer-id' },
    sessionId: { type: String, attribute: 'session-id' },
    at: { attribute: 'at', converter: { fromAttribute: (v: string | null) => (v ? parseInstant(v) : undefined) } },
    locale: { type: String },
    skipSeconds: { type: Number, attribute: 'skip-seconds' },
    markers: { attribute: false },
    _panelOpen: { state: true },
    _mode: { state: true },
  };

  static override styles = [controlStyles, playerStyles];

  declare dataSource: SessionDataSource | null;
  declare ref: SessionRef | null;
  declare userId: string | undefined;
  declare computerId: string | undefined;
  declare sessionId: string | undefined;
  declare at: Instant | undefined;
  declare locale: string;
  declare skipSeconds: number;
  /** Markers of the host's own kinds, shown on the timeline beside notifications and tags. */
  declare markers: readonly TimelineMarker[];
  declare _panelOpen: boolean;
  /** History view (recordings) or Live view (the desktop now). */
  declare _mode: 'history' | 'live';

  readonly playback = new PlaybackController(this, (type, detail) =>
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
  );
  readonly #provider = new ContextProvider(this, { context: playbackContext, initialValue: this.playback.state });
  readonly #timelineData = new TimelineData(this);
  readonly #live = new LiveView(this);
  #liveClock: ReturnType<typeof setInterval> | undefined;
  #escapeHeld: ReturnType<typeof setTimeout> | undefined;
  readonly #tags = new TagStore(this, {
    onConflict: (tag, conflict, error) =>
      this.dispatchEvent(new CustomEvent('tag-conflict', { detail: { tag, conflict, message: error.message }, bubbles: true, composed: true })),
  });
  /** The timeline's window when the user moved it away from the day; null follows the day. */
  #timelineView: TimeRange | null = null;
  #loadedView: TimeRange | null = null;
  #allMarkers: { sources: unknown[]; markers: readonly TimelineMarker[] } = { sources: [], markers: [] };

  constructor() {
    super();
    this.dataSource = null;
    this.ref = null;
    this.locale = 'en';
    this.skipSeconds = 10;
    this.markers = [];
    this._panelOpen = false;
    this._mode = 'history';
    for (const type of Object.keys(requestMap) as (keyof PlayerRequests)[]) {
      this.addEventListener(type, (e) => {
        e.stopPropagation();
        (requestMap[type] as RequestHandler<typeof type>)(this.playback, (e as CustomEvent).detail);
      });
    }
    this.addEventListener('keydown', (e) => this.#onKey(e));
    // Tag changes from the side panel go through the store (outbox, retries, audit).
    const tagRequest = <T,>(type: string, run: (detail: T) => Promise<unknown>) =>
      this.addEventListener(type, (e) => {
        e.stopPropagation();
        run((e as CustomEvent<T>).detail).catch((error: unknown) =>
          this.dispatchEvent(new CustomEvent('tag-error', { detail: { message: String((error as Error)?.message ?? error) }, bubbles: true, composed: true })),
        );
      });
    tagRequest<TagCreateDetail>('tag-create', (d) => this.#tags.create(d.draft));
    tagRequest<TagUpdateDetail>('tag-update', (d) => this.#tags.update(d.id, d.patch));
    tagRequest<TagDeleteDetail>('tag-delete', (d) => this.#tags.remove(d.tag.id));
    // Not stopped: hosts may follow the timeline's window too.
    this.addEventListener('view-change', (e) => {
      const { start, end } = (e as CustomEvent<ViewChangeDetail>).detail;
      this.#timelineView = { start, end };
      this.#showTimeline({ start, end });
    });
  }

  /** The wall-clock instant of the frame shown. */
  get currentInstant(): Instant | null {
    return this.playback.state.at;
  }

  /** Shows the frame recorded at `at` (or the nearest recording). */
  seekToInstant(at: Instant): Promise<void> {
    return this.playback.seekToInstant(at);
  }

  play(): void {
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  /**
   * Unlocks an end-to-end encrypted recording without the passphrase dialog:
   * with a passphrase, or with the raw 256-bit key a host's KMS released.
   * Rejects with a `PlayerError` (`wrong-secret`, `retry-later`, `header-invalid`).
   */
  unlock(secret: UnlockSecret): Promise<void> {
    return this.playback.unlock(secret);
  }

  /** Drops the key of an unlocked recording and masks it again. */
  lock(): void {
    this.playback.lock();
  }

  readonly #unlockWithPassphrase = async (passphrase: string): Promise<UnlockOutcome> => {
    try {
      await this.playback.unlock({ passphrase });
      return { ok: true };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e), retryAt: this.playback.state.unlockRetryAt };
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnecting after a move re-opens the session where it was.
    if (this.hasUpdated) this.#open();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Start fetching hls.js before the first render when there is something to play.
    if (!this.hasUpdated && this.dataSource && (this.ref || this.userId)) void loadHls();
    if (changed.has('locale')) this.playback.setLocale(this.locale);
    if (changed.has('skipSeconds')) this.playback.setSkipStep(this.skipSeconds * 1000);
    const s = this.#shownState();
    this.#provider.setValue(s);
    this.toggleAttribute('data-paused', s.paused);
    this.toggleAttribute('data-waiting', s.waiting || s.phase === 'loading' || s.phase === 'opening');
    this.toggleAttribute('data-error', s.phase === 'error');
    this.dataset.phase = s.phase;
    this.dataset.sealed = s.sealed;
    this.toggleAttribute('data-live', this._mode === 'live');
    // A sealed stream's live chunks open with the same key as its recordings.
    this.#live.sealing = s.sealed === 'none' ? null : (this.playback.liveOpener ?? 'locked');
    this.dataset.liveStatus = this.#live.status;
    // A closed or changed session ends Live view.
    if (this._mode === 'live' && !this.#canGoLive()) this.#showHistory();
    if (s.sealed !== 'none') void loadE2ee(); // defines the decrypt overlay
    const stream = s.session?.stream ?? null;
    this.#timelineData.reset(this.dataSource, stream, s.sealed === 'none' ? 'plain' : (this.playback.segmentOpener ?? 'locked'));
    if (this.dataSource && stream && s.day) void this.#tags.load(this.dataSource, stream, s.day);
    else if (!this.dataSource || !stream) this.#tags.dispose();
    if (changed.has('dataSource') || s.day !== this.#previousDay) {
      this.#previousDay = s.day;
      this.#timelineView = null;
    }
    const view = this.#timelineView ?? s.day;
    if (view) this.#showTimeline(view);
  }

  #previousDay: TimeRange | null = null;

  /** Loads what the timeline shows over `view`: coverage, markers and the heat map. */
  #showTimeline(view: TimeRange): void {
    if (this.#loadedView && this.#loadedView.start === view.start && this.#loadedView.end === view.end) return;
    this.#loadedView = view;
    this.#timelineData.show(view);
    void this.playback.loadCoverage(view).catch(() => undefined);
  }

  /**
   * Notifications from the data source, tags (the store's, with unsaved ones, for the
   * day; the data source's for other days) and the host's markers, rebuilt only when
   * one of them changes.
   */
  #timelineMarkers(): readonly TimelineMarker[] {
    const sources = [this.#timelineData.markers, this.#tags.tags, this.markers];
    if (sources.some((m, i) => m !== this.#allMarkers.sources[i])) {
      const merged = mergeTagMarkers(this.#timelineData.markers, this.#tags.tags, this.#tags.range);
      this.#allMarkers = { sources, markers: this.markers.length ? [...merged, ...this.markers] : merged };
    }
    return this.#allMarkers.markers;
  }

  protected override firstUpdated(): void {
    this.playback.attachVideo(this.renderRoot.querySelector('video')!);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const keys = ['dataSource', 'ref', 'userId', 'computerId', 'sessionId', 'at'] as const;
    if (keys.some((k) => changed.has(k))) {
      if (this._mode === 'live') this.#showHistory();
      this.#open();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The live connection closes with the element (LiveView.hostDisconnected); come back in History view.
    clearInterval(this.#liveClock);
    this._mode = 'history';
  }

  /** Whether the user is online and this viewer may watch live. */
  #canGoLive(): boolean {
    const info = this.playback.state.session;
    return !!(info?.live.online && info.capabilities.includes('viewLive') && this.dataSource?.openLive);
  }

  readonly #showLive = async () => {
    const info = this.playback.state.session;
    if (!info || !this.dataSource || !this.#canGoLive()) return;
    this.playback.pause();
    this._mode = 'live';
    await this.updateComplete;
    this.#live.start(
      this.dataSource,
      info.stream,
      this.renderRoot.querySelector('canvas.live-video')!,
      this.renderRoot.querySelector('video.live-video')!,
    );
    // The timeline's live edge is now.
    clearInterval(this.#liveClock);
    this.#liveClock = setInterval(() => this.requestUpdate(), 1000);
  };

  readonly #showHistory = () => {
    if (this.#live.control === 'full' || this.#live.control === 'pending') this.#live.send({ t: 'control', action: 'release' });
    this.#live.stop();
    clearInterval(this.#liveClock);
    this._mode = 'history';
  };

  /** The live picture (canvas or video) an event came from while in control, else null. */
  #controlledSurface(e: Event): HTMLElement | null {
    const target = e.composedPath()[0];
    return this.#live.control === 'full' && target instanceof HTMLElement && target.classList.contains('live-video') ? target : null;
  }

  readonly #onLiveContextMenu = (e: Event) => {
    if (this.#controlledSurface(e)) e.preventDefault();
  };

  readonly #onLivePointer = (e: PointerEvent) => {
    const surface = this.#controlledSurface(e);
    const desktop = this.#live.desktop;
    // Points on the letterbox bars are not on the desktop.
    const point = surface && desktop ? clientToDesktop(surface.getBoundingClientRect(), desktop, e.clientX, e.clientY) : null;
    if (!surface || !point) return;
    const kind = e.type === 'pointerdown' ? 'down' : e.type === 'pointerup' ? 'up' : 'move';
    if (kind === 'down') surface.focus();
    e.preventDefault();
    this.#live.send({ t: 'pointer', kind, x: point.x, y: point.y, button: e.button < 0 ? 0 : e.button });
  };

  readonly #onLiveKey = (e: KeyboardEvent) => {
    if (!this.#controlledSurface(e)) return;
    // Holding Escape for a second gives control back; a short press goes to the desktop.
    if (e.key === 'Escape') {
      if (e.type === 'keydown' && !e.repeat) this.#escapeHeld = setTimeout(() => this.#live.send({ t: 'control', action: 'release' }), 1000);
      if (e.type === 'keyup') clearTimeout(this.#escapeHeld);
    }
    e.preventDefault();
    e.stopPropagation();
    this.#live.send({
      t: 'key',
      kind: e.type === 'keydown' ? 'down' : 'up',
      key: e.key,
      code: e.code,
      ctrl: e.ctrlKey,
      alt: e.altKey,
      shift: e.shiftKey,
      meta: e.metaKey,
    });
  };

  #open(): void {
    const ref = this.ref ?? (this.userId ? { userId: this.userId, computerId: this.computerId, sessionId: this.sessionId, at: this.at } : null);
    if (this.dataSource && ref) {
      this.playback.attachVideo(this.renderRoot.querySelector('video')!);
      void this.playback.open(this.dataSource, ref);
    }
  }

  #liveDay: TimeRange | null = null;

  /**
   * What the views show: the playback state, or in Live view the same with
   * the clock at now and the day of today (the timeline's live edge).
   */
  #shownState(): PlaybackState {
    const s = this.playback.state;
    if (this._mode !== 'live') return s;
    const now = Date.now();
    if (!this.#liveDay || now >= this.#liveDay.end || now < this.#liveDay.start) this.#liveDay = dayRange(now, s.zone);
    return { ...s, at: now, day: this.#liveDay };
  }

  override render() {
    const s = this.#shownState();
    const { t } = translator(s.locale);
    const info = s.session;
    const day = s.day;
    const live = this._mode === 'live';
    // Remote control: the live picture takes the pointer and the keyboard (events are handled on the stage).
    const controlled = live && this.#live.control === 'full';
    const liveLabel = info ? t('liveDesktop', { user: info.user.name }) : '';
    return html`
      <div part="header" class="header">
        <h2>${t(live ? 'liveView' : 'historyView')}</h2>
        <span class="live" title=${t('live')}>${t('live')}</span>
        ${live
          ? html`<button class="mode" part="history-button" @click=${this.#showHistory}>${t('backToHistory')}</button>`
          : this.#canGoLive()
            ? html`<button class="mode" part="live-button" aria-label=${t('goLiveLabel')} @click=${this.#showLive}>${t('goLive')}</button>`
            : nothing}
        ${info
          ? html`<span class="who">
              <span>${t('sessionUser')}: <strong>${info.user.name}</strong> (${info.user.login})</span>
              <span>${t('sessionComputer')}: <strong>${info.computer.name}</strong></span>
            </span>`
          : nothing}
        ${s.sealed !== 'none'
          ? html`<span class="sealed-badge" title=${t('encryptedRecording')}>${icons.lock}<span class="visually-hidden">${t('encryptedRecording')}</span></span>`
          : nothing}
        <span class="grow"></span>
        <session-clock></session-clock>
        ${info && s.at !== null ? this.#renderZone(s.at, info.timezone) : nothing}
        <button
          class="panel-toggle"
          part="panel-toggle"
          aria-pressed=${this._panelOpen ? 'true' : 'false'}
          aria-controls=${this._panelOpen ? 'side-panel' : nothing}
          @click=${this.#togglePanel}
        >
          ${icons.bell} ${t('notifications')}
        </button>
        ${s.sealed === 'unlocked'
          ? html`<button class="lock" part="lock-button" @click=${() => this.playback.lock()}>${icons.lock} ${t('lock')}</button>`
          : nothing}
      </div>
      <div class="body">
        <div
          class="stage"
          @pointerdown=${this.#onLivePointer}
          @pointermove=${this.#onLivePointer}
          @pointerup=${this.#onLivePointer}
          @keydown=${this.#onLiveKey}
          @keyup=${this.#onLiveKey}
          @contextmenu=${this.#onLiveContextMenu}
        >
          <video part="video" playsinline preload="auto" ?hidden=${live}></video>
          <canvas
            class="live-video ${controlled ? 'controlled' : ''}"
            part="live-video"
            ?hidden=${!live || this.#live.transport !== 'chunks'}
            tabindex=${controlled ? '0' : '-1'}
            role="img"
            aria-label=${liveLabel}
          ></canvas>
          <video
            muted
            playsinline
            class="live-video ${controlled ? 'controlled' : ''}"
            part="live-video"
            ?hidden=${!live || this.#live.transport !== 'hls'}
            tabindex=${controlled ? '0' : '-1'}
            role="img"
            aria-label=${liveLabel}
          ></video>
          ${s.sealed === 'locked'
            ? html`<session-decrypt-overlay
                class="sealed"
                part="decrypt-overlay"
                theme="dark"
                .unlock=${this.#unlockWithPassphrase}
                .label=${info ? `${info.user.name} · ${info.computer.name}` : ''}
                .locale=${s.locale}
                .retryAt=${s.unlockRetryAt}
                .disabled=${!(info?.capabilities.includes('decrypt') ?? false)}
              ></session-decrypt-overlay>`
            : nothing}
          <div class="overlay" aria-live="polite">${this.#renderStatus()}</div>
          ${s.notice ? html`<div class="notice" role="status">${s.notice.message}</div>` : nothing}
        </div>
        ${this._panelOpen ? this.#renderPanel() : nothing}
      </div>
      <div class="controls" part="controls">
        <session-timeline
          theme="dark"
          .range=${day}
          .spans=${s.coverage}
          .markers=${this.#timelineMarkers()}
          .density=${this.#timelineData.density}
          .preview=${this.#timelineData.preview}
          .value=${s.at}
          .zone=${s.zone}
          .locale=${s.locale}
          .label=${t('timeline')}
        ></session-timeline>
        ${live ? this.#renderLiveControls() : html`<session-transport-bar></session-transport-bar>`}
      </div>
    `;
  }

  readonly #togglePanel = () => {
    // The panel (and its list virtualizer) loads on first use: most viewers never open it.
    if (!this._panelOpen) loadSidePanel().catch(() => undefined);
    this._panelOpen = !this._panelOpen;
  };

  #renderPanel() {
    const s = this.playback.state;
    const capabilities = s.session?.capabilities ?? [];
    return html`<session-side-panel
      id="side-panel"
      part="side-panel"
      theme="dark"
      .query=${this.#panelQuery()}
      .range=${s.day}
      .value=${s.at}
      .playing=${!s.paused}
      .zone=${s.zone}
      .locale=${s.locale}
      .tags=${this.#tags.tags}
      .canCreateTags=${capabilities.includes('tagCreate')}
      .canDeleteTags=${capabilities.includes('tagDelete')}
    ></session-side-panel>`;
  }

  #query: { source: SessionDataSource; stream: StreamRef; fn: PanelQueryFn } | null = null;

  /** The panel's page loader over the data source, the same function while the stream stays. */
  #panelQuery(): PanelQueryFn | null {
    const source = this.dataSource;
    const stream = this.playback.state.session?.stream;
    if (!source || !stream) return null;
    const q = this.#query;
    if (q && q.source === source && q.stream === stream) return q.fn;
    const fn: PanelQueryFn = (query, signal) => source.getEvents(stream, query, { signal });
    this.#query = { source, stream, fn };
    return fn;
  }

  #renderZone(at: Instant, userZone: string) {
    const { t } = translator(this.playback.state.locale);
    const viewer = viewerTimeZone();
    if (viewer === userZone) return nothing;
    return html`<label class="zone">${t('zoneToggle')}
      <select @change=${(e: Event) => request(this, 'zone-request', { mode: (e.target as HTMLSelectElement).value as 'user' | 'viewer' })}>
        <option value="user" ?selected=${this.playback.state.zoneMode === 'user'}>${t('timeZoneUser', { zone: formatZoneName(at, userZone) })}</option>
        <option value="viewer" ?selected=${this.playback.state.zoneMode === 'viewer'}>${t('timeZoneViewer', { zone: formatZoneName(at, viewer) })}</option>
      </select></label>`;
  }

  /** Live view's controls, each only when the viewer's capabilities allow it. */
  #renderLiveControls() {
    const { t } = translator(this.playback.state.locale);
    const can = (c: Capability) => this.playback.state.session?.capabilities.includes(c) ?? false;
    const live = this.#live;
    const connected = live.status === 'live';
    const note = {
      none: null,
      pending: t('consentPending'),
      full: t('inControl'),
      'view-only': t('consentViewOnly'),
      declined: t('consentDeclined'),
      'timed-out': t('consentTimedOut'),
    }[live.control];
    return html`<div class="live-controls" part="live-controls">
      ${can('remoteControl')
        ? live.control === 'full' || live.control === 'pending'
          ? html`<button part="control-button" @click=${() => live.send({ t: 'control', action: 'release' })}>${t('releaseControl')}</button>`
          : html`<button part="control-button" ?disabled=${!connected} @click=${() => live.send({ t: 'control', action: 'request' })}>${t('takeControl')}</button>`
        : nothing}
      ${can('freeze')
        ? html`<button part="freeze-button" aria-pressed=${live.frozen ? 'true' : 'false'} ?disabled=${!connected} @click=${() => live.send({ t: 'freeze', on: !live.frozen })}>
            ${icons.lock} ${t('freezeInput')}
          </button>`
        : nothing}
      ${can('ctrlAltDel')
        ? html`<button part="ctrl-alt-del-button" class="warning" ?disabled=${!connected} @click=${() => live.send({ t: 'ctrl-alt-del' })}>${t('ctrlAltDel')}</button>`
        : nothing}
      <span class="live-note" role="status">${[note, live.frozen ? t('inputFrozen') : null].filter(Boolean).join(' ')}</span>
    </div>`;
  }

  #renderStatus() {
    const s = this.playback.state;
    const { t } = translator(s.locale);
    if (this._mode === 'live') {
      const status = this.#live.status;
      const message = {
        off: null,
        live: null,
        connecting: t('liveConnecting'),
        reconnecting: t('liveReconnecting'),
        offline: t('liveOffline'),
        unsupported: t('liveUnsupported'),
      }[status];
      if (!message) return nothing;
      const busy = status === 'connecting' || status === 'reconnecting';
      return html`<div class="status">${busy ? html`<span class="spinner"></span>` : nothing}${message}</div>`;
    }
    if (s.phase === 'error' && s.error) {
      return html`<div class="status error" role="alert">
        <strong>${t('playerError')}</strong>
        <span class="message">${s.error.message}</span>
        ${s.error.retryable ? html`<button class="retry" @click=${() => request(this, 'retry-request', undefined)}>${t('retry')}</button>` : nothing}
      </div>`;
    }
    if (s.phase === 'opening' || s.phase === 'loading') {
      return html`<div class="status"><span class="spinner"></span>${t('loading')}</div>`;
    }
    if (s.waiting) return html`<div class="status"><span class="spinner"></span>${t('buffering')}</div>`;
    return nothing;
  }

  /** Player-wide shortcuts; controls with keys of their own (inputs, the timeline slider) keep them. */
  #onKey(e: KeyboardEvent): void {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.getAttribute('role') === 'slider')) return;
    const c = this.playback;
    const step = c.state.skipStep;
    const actions: Record<string, () => void> = {
      k: () => (c.state.paused ? c.play() : c.pause()),
      ' ': () => (c.state.paused ? c.play() : c.pause()),
      j: () => c.skip(-step),
      l: () => c.skip(step),
      ArrowLeft: () => c.skip(-step),
      ArrowRight: () => c.skip(step),
      m: () => c.setMuted(!c.state.muted),
      f: () => c.toggleFullscreen(),
    };
    const action = actions[e.key];
    if (!action || (e.key === ' ' && target?.tagName === 'BUTTON')) return;
    e.preventDefault();
    action();
  }
}

let sidePanel: Promise<unknown> | null = null;

/** Defines `<session-side-panel>` once; the element upgrades in place when it arrives. */
function loadSidePanel(): Promise<unknown> {
  sidePanel ??= import('@session-player/tags-panel').catch((error: unknown) => {
    sidePanel = null;
    throw error;
  });
  return sidePanel;
}

function parseInstant(value: string): Instant | undefined {
  const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(n) ? n : undefined;
}
