import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { patchVirtualizer } from './virtualizer-patch.js';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  Instant,
  PanelEvent,
  PanelEventKind,
  PanelQueryFn,
  PanelRange,
  PanelSeekDetail,
  PanelSeverity,
  PanelTag,
} from '../types.js';
import { EVENT_KINDS, indexAt } from './event-index.js';
import type { EventPages } from './event-pages.js';
import { keystrokeRuns, searchRuns } from './keystroke-runs.js';
import { rowWhenRendered, scrollRowIntoList } from './list-scroll.js';
import { panelTranslator, type PanelTranslator } from './messages.js';
import { PanelData } from './panel-data.js';
import { rowForKey } from './row-keys.js';
import { rowTimeFormatter } from './row-time.js';
import { sidePanelStyles } from './session-side-panel.styles.js';
import { isRun, renderRow, rowKey, type PanelRow, type RowContext } from './side-panel-rows.js';
import type { KeystrokeRun, PanelTab } from './types.js';

const TABS: readonly PanelTab[] = ['notification', 'activity', 'keystroke', 'tag'];
const SEVERITIES: readonly PanelSeverity[] = ['low', 'medium', 'high', 'critical'];
/** The next page is asked for when the list shows a row this close to its end. */
const NEAR_END = 50;
/** Passed once: a new layout object on every render would make the virtualizer compare configs each time. */
const FLOW = flow();

/**
 * The events of a recorded day beside the player: notifications,
 * activities, keystrokes and tags in tabs, each searchable and filterable,
 * paged from a query function (or given as plain `events`). A row seeks to
 * its instant; the row at the playhead is marked and followed while
 * playing. Properties in, events out; knows nothing of the player.
 *
 * @fires seek-request - `{ at, final: true }` when a row or typed key is activated
 * @fires tag-create - from the Tags tab (`<session-tags-view>`), bubbling through
 * @fires tag-update - from the Tags tab
 * @fires tag-delete - from the Tags tab
 * @csspart tablist - the row of tabs
 * @csspart tab - each tab (the selected one also `tab-selected`)
 * @csspart tab-count - the count on a tab
 * @csspart panel - each tab panel
 * @csspart toolbar - search input and the All tabs toggle
 * @csspart search - the search input
 * @csspart all-tabs - the All tabs toggle (label with checkbox)
 * @csspart filters - severity chips and application select
 * @csspart severity-chip - each severity checkbox chip
 * @csspart app-filter - the application select
 * @csspart status - loading, searching, match count and empty messages
 * @csspart error - the error message with its Retry button
 * @csspart retry-button - Retry
 * @csspart list - the scrolling (virtualized) list
 * @csspart row - each row (the one at the playhead also `current-row`)
 * @csspart row-time - a row's time
 * @csspart row-title - a row's title line
 * @csspart row-details - a row's details line
 * @csspart row-kind - the kind label on rows found in all tabs
 * @csspart severity - a notification's severity chip and text
 * @csspart typed - the typed text of a keystroke run
 * @csspart keystroke - one typed event in a run
 * @csspart mark - a search match
 * @csspart follow-button - "Follow playhead", shown after the user scrolled away
 * @csspart tags - the `<session-tags-view>` in the Tags tab
 * @cssproperty --sp-panel-bg - background
 * @cssproperty --sp-panel-fg - text
 * @cssproperty --sp-panel-muted - secondary text (times, details, counts)
 * @cssproperty --sp-panel-border - separators and input borders
 * @cssproperty --sp-accent - selected tab, current row
 * @cssproperty --sp-focus - focus ring
 * @cssproperty --sp-current-bg - background of the row at the playhead
 * @cssproperty --sp-row-hover-bg - background of a row under the pointer
 * @cssproperty --sp-mark-bg - search match background (and --sp-mark-fg)
 * @cssproperty --sp-marker-low - severity colours (also -medium, -high, -critical), as on the timeline
 * @attr theme - `light` (default), `dark`, or `auto` (follows prefers-color-scheme)
 */
export class SessionSidePanel extends LitElement {
  static override properties = {
    query: { attribute: false },
    events: { attribute: false },
    range: { attribute: false },
    value: { type: Number },
    playing: { type: Boolean },
    zone: { type: String },
    locale: { type: String },
    tags: { attribute: false },
    canCreateTags: { type: Boolean, attribute: 'can-create-tags' },
    canDeleteTags: { type: Boolean, attribute: 'can-delete-tags' },
    tab: { type: String, reflect: true },
    label: { type: String },
    theme: { type: String, reflect: true },
    _text: { state: true },
    _allTabs: { state: true },
    _severities: { state: true },
    _app: { state: true },
    _follow: { state: true },
    _active: { state: true },
  };

  static override styles = sidePanelStyles;

  /** Loads pages of events; used when `events` is null. */
  declare query: PanelQueryFn | null;
  /** All events of the day, when the host has them at hand (no `query` needed). */
  declare events: PanelEvent[] | null;
  /** The day shown: what `query` is asked for. */
  declare range: PanelRange | null;
  /** The playhead instant. */
  declare value: Instant | null;
  /** The current row is kept in view while this is set (and follow is on). */
  declare playing: boolean;
  /** IANA zone times are shown in. */
  declare zone: string;
  declare locale: 'en' | 'de';
  declare tags: PanelTag[];
  declare canCreateTags: boolean;
  declare canDeleteTags: boolean;
  /** The selected tab. */
  declare tab: PanelTab;
  /** Accessible name of the tab list; defaults to the locale's "Session events". */
  declare label: string;
  declare theme: 'light' | 'dark' | 'auto';
  declare _text: string;
  declare _allTabs: boolean;
  declare _severities: ReadonlySet<PanelSeverity>;
  declare _app: string;
  declare _follow: boolean;
  /** The row keyboard focus is on (-1: none yet). */
  declare _active: number;

  readonly #data = new PanelData(this);
  #i18n: PanelTranslator = panelTranslator('en');
  #time: (at: Instant) => string = () => '';
  /** The rows listed now, derived from the data, tab, search and filters. */
  #items: readonly PanelRow[] = [];
  #itemsKey = '';
  #itemsVersion = -1;
  #listKind: PanelEventKind | null = null;
  #runsFrom: readonly PanelEvent[] | null = null;
  #runs: KeystrokeRun[] = [];
  #mode: 'browse' | 'local' | 'server' = 'browse';
  #current = -1;
  #currentKey = -1;
  #rendered = { first: 0, last: -1 };
  #visible = { first: 0, last: -1 };
  #followDue = false;
  #toTopDue = false;
  #focusTabDue = false;

  constructor() {
    super();
    this.query = null;
    this.events = null;
    this.range = null;
    this.value = null;
    this.playing = false;
    this.zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.locale = 'en';
    this.tags = [];
    this.canCreateTags = false;
    this.canDeleteTags = false;
    this.tab = 'notification';
    this.label = '';
    this.theme = 'light';
    this._text = '';
    this._allTabs = false;
    this._severities = new Set(SEVERITIES);
    this._app = '';
    this._follow = true;
    this._active = -1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Requests were aborted on disconnect; an update opens the current tab again.
    if (this.hasUpdated) this.requestUpdate();
  }

  // ---- derived state ------------------------------------------------------

  get #kind(): PanelEventKind | null {
    return this.tab === 'tag' ? null : EVENT_KINDS.includes(this.tab) ? this.tab : 'notification';
  }

  /** Playback ticks often; skip rendering when the playhead stays in the same row (and span). */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size !== 1 || !changed.has('value') || !this.hasUpdated || this.#kind === null) return true;
    return this.#playheadKey() !== this.#currentKey;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const range = changed.get('range') as PanelRange | null | undefined;
    if (changed.has('events') || changed.has('query') || (changed.has('range') && !sameRange(range ?? null, this.range))) {
      this.#data.reset(this.events, this.query, this.range);
      this.#itemsKey = '';
    }
    if (changed.has('locale') || changed.has('zone')) {
      this.#i18n = panelTranslator(this.locale);
      this.#time = rowTimeFormatter(this.zone, this.#i18n.dateLocale);
    }
    const kind = this.#kind;
    if (!kind) return;
    this.#data.open(kind);
    const text = this._text.trim();
    const all = this._allTabs && text !== '';
    const itemsKey = JSON.stringify([kind, text, all, [...this._severities], this._app]);
    if (itemsKey !== this.#itemsKey || this.#data.version !== this.#itemsVersion) {
      // A tab (or day) shown anew opens at the playhead; a new search or filter at its first match.
      const reopened = this.#itemsKey === '' || kind !== this.#listKind;
      const fresh = itemsKey !== this.#itemsKey;
      const hadRows = this.#items.length > 0 && kind === this.#listKind;
      this.#derive(kind, text, all);
      // With a query the first page arrives after the tab opened: open it at the playhead then.
      const firstRows = !hadRows && this.#items.length > 0 && text === '';
      this.#itemsKey = itemsKey;
      this.#listKind = kind;
      // After deriving: starting or ending a search changes the version too.
      this.#itemsVersion = this.#data.version;
      if (fresh) {
        this._active = -1;
        this.#rendered = { first: 0, last: -1 };
      }
      if (this._follow && (reopened || firstRows || this.playing)) this.#followDue = true;
      else if (fresh) this.#toTopDue = true;
    }
    const key = this.#playheadKey();
    if (key !== this.#currentKey) {
      this.#currentKey = key;
      this.#current = this.value === null ? -1 : indexAt(this.#items, this.value);
      if (this._follow && this.playing) this.#followDue = true;
    }
    if ((changed.has('_follow') || changed.has('playing')) && this._follow && this.playing) this.#followDue = true;
    if (changed.has('_follow') && this._follow) this.#followDue = true;
  }

  /** Which row (and typed key within a run) the playhead is in, as one comparable number. */
  #playheadKey(): number {
    if (this.value === null) return -1;
    const index = indexAt(this.#items, this.value);
    const row = this.#items[index];
    const key = row && isRun(row) ? indexAt(row.events, this.value) : 0;
    return index * 1_000 + key;
  }

  /** Lists the tab's rows: all loaded and filtered here, or found by the backend while pages are missing. */
  #derive(kind: PanelEventKind, text: string, all: boolean): void {
    const data = this.#data;
    const kinds = all ? EVENT_KINDS : [kind];
    const filters = { kinds, severities: this._severities, app: this._app || null };
    const runs = kind === 'keystroke' && !all;
    let rows: readonly PanelEvent[];
    if (text && !data.complete(kinds)) {
      this.#mode = 'server';
      const severities = kind === 'notification' && !all && this._severities.size < SEVERITIES.length ? [...this._severities] : null;
      data.requestSearch({ text, kinds, severities });
      rows = data.searchIndex?.search('', filters) ?? [];
    } else {
      this.#mode = text ? 'local' : 'browse';
      data.endSearch();
      // Runs are searched as runs, so a word typed over several events is found.
      rows = data.index.search(runs ? '' : text, filters);
    }
    if (!runs) {
      this.#items = rows;
      return;
    }
    if (rows !== this.#runsFrom) {
      this.#runsFrom = rows;
      this.#runs = keystrokeRuns(rows);
    }
    this.#items = this.#mode === 'local' ? searchRuns(this.#runs, text) : this.#runs;
  }

  /** The pages behind the list shown (null when everything came as `events`). */
  get #pages(): EventPages | null {
    const kind = this.#kind;
    if (!kind) return null;
    return this.#mode === 'server' ? this.#data.search : this.#data.pages(kind);
  }

  // ---- rendering ------------------------------------------------------------

  override render() {
    const { t } = this.#i18n;
    return html`
      <div part="tablist" role="tablist" aria-label=${this.label || t('panel')} @keydown=${this.#onTabKey}>
        ${TABS.map((tab) => {
          const selected = tab === (this.#kind ?? 'tag');
          return html`<button
            part=${selected ? 'tab tab-selected' : 'tab'}
            role="tab"
            id="tab-${tab}"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel-${tab}"
            tabindex=${selected ? 0 : -1}
            @click=${() => this.#select(tab)}
          >
            <span class="tab-label" title=${t(`tab_${tab}`)}>${t(`tab_${tab}`)}</span> <span part="tab-count" class="count">${this.#count(tab)}</span>
          </button>`;
        })}
      </div>
      ${TABS.map((tab) => {
        const selected = tab === (this.#kind ?? 'tag');
        return html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${!selected}>
          ${selected ? (tab === 'tag' ? this.#renderTags() : this.#renderEvents(tab)) : nothing}
        </div>`;
      })}
    `;
  }

  #renderTags(): TemplateResult {
    return html`<session-tags-view
      part="tags"
      .tags=${this.tags}
      .value=${this.value}
      .zone=${this.zone}
      .locale=${this.locale}
      .canCreate=${this.canCreateTags}
      .canDelete=${this.canDeleteTags}
      .theme=${this.theme}
    ></session-tags-view>`;
  }

  #renderEvents(kind: PanelEventKind): TemplateResult {
    const { t } = this.#i18n;
    const all = this._allTabs;
    const pages = this.#pages;
    const empty = this.#items.length === 0;
    return html`
      <div part="toolbar" class="toolbar">
        <input
          part="search"
          type="search"
          .value=${live(this._text)}
          placeholder=${t(all ? 'search_all' : `search_${kind}`)}
          aria-label=${t(all ? 'search_all' : `search_${kind}`)}
          @input=${this.#onInput}
          @keydown=${this.#onSearchKey}
        />
        <label part="all-tabs" class="toggle"><input type="checkbox" .checked=${all} @change=${this.#onAllTabs} />${t('allTabs')}</label>
      </div>
      <div part="filters" class="filters">
        ${kind === 'notification' || all ? this.#renderSeverities() : nothing}
        <select part="app-filter" aria-label=${t('application')} @change=${this.#onApp}>
          <option value="" ?selected=${!this._app}>${t('allApplications')}</option>
          ${this.#apps(all ? EVENT_KINDS : [kind]).map(
            // An option cannot hold <bdi>: isolate the name with FSI…PDI, which is what <bdi> does.
            (app) => html`<option .value=${app} ?selected=${app === this._app}>${`\u2068${app}\u2069`}</option>`,
          )}
        </select>
      </div>
      <div part="status" class="status" role="status" ?data-fill=${empty && pages?.status !== 'error'}>${this.#statusText(kind)}</div>
      ${pages?.status === 'error' ? this.#renderError(pages) : nothing}
      ${empty
        ? nothing
        : html`<div class="list-wrap">
            <lit-virtualizer
              part="list"
              scroller
              role="list"
              aria-label=${t(this._allTabs && this._text.trim() ? 'list_all' : `list_${kind}`)}
              .items=${this.#items}
              .renderItem=${this.#renderItem()}
              .keyFunction=${rowKey}
              .layout=${FLOW}
              @rangeChanged=${this.#onRange}
              @visibilityChanged=${this.#onVisibility}
              @click=${this.#onListClick}
              @keydown=${this.#onListKey}
              @wheel=${{ handleEvent: this.#onUserScroll, passive: true }}
              @touchmove=${{ handleEvent: this.#onUserScroll, passive: true }}
              @pointerdown=${this.#onUserScroll}
            ></lit-virtualizer>
            ${this._follow ? nothing : html`<button part="follow-button" class="follow" @click=${this.#onFollow}>${t('follow')}</button>`}
          </div>`}
    `;
  }

  #renderSeverities(): TemplateResult {
    const { t } = this.#i18n;
    return html`<div class="severities" role="group" aria-label=${t('severity')}>
      ${SEVERITIES.map(
        (s) => html`<label part="severity-chip" class="chip-toggle">
          <input type="checkbox" .checked=${this._severities.has(s)} @change=${(e: Event) => this.#onSeverity(s, e)} />
          <span class="chip" data-severity=${s} aria-hidden="true"></span>${t(`severity_${s}`)}
        </label>`,
      )}
    </div>`;
  }

  #renderError(pages: EventPages): TemplateResult {
    const { t } = this.#i18n;
    return html`<div part="error" class="error" role="alert">
      <span>${t(pages.error?.code === 'search-failed' ? 'searchFailed' : 'loadFailed')}</span>
      ${pages.error?.message ? html`<span class="cause"><bdi>${pages.error.message}</bdi></span>` : nothing}
      <button part="retry-button" @click=${() => pages.retry()}>${t('retry')}</button>
    </div>`;
  }

  /** A new function each render, so the virtualizer re-renders its rows with the current state. */
  #renderItem(): (row: PanelRow, index: number) => TemplateResult {
    const text = this._text.trim();
    const ctx: RowContext = {
      term: text,
      showKind: this._allTabs && text !== '',
      setSize: this.#pages && !this.#pages.complete ? -1 : this.#items.length,
      current: this.#current,
      tabbable: this.#tabbable(),
      value: this.value,
      t: this.#i18n.t,
      time: this.#time,
    };
    return (row, index) => renderRow(row, index, ctx);
  }

  /** The row Tab lands on: the focused one, else the current one, else the first on screen (rows off screen are not in the DOM). */
  #tabbable(): number {
    const { first, last } = this.#rendered;
    const inRange = (i: number) => i >= first && i <= last;
    if (this._active >= 0 && inRange(this._active)) return this._active;
    if (this.#current >= 0 && inRange(this.#current)) return this.#current;
    return Math.max(0, Math.min(this.#visible.first, this.#items.length - 1));
  }

  #count(tab: PanelTab): string {
    const { t, number } = this.#i18n;
    if (tab === 'tag') return number(this.tags.length);
    const pages = this.#data.pages(tab);
    const count = this.#data.index.count(tab);
    if (this.#data.complete([tab])) return number(count);
    if (!pages || (count === 0 && pages.status === 'loading')) return '';
    return t('countMore', { count: number(count) });
  }

  #apps(kinds: readonly PanelEventKind[]): string[] {
    const apps = this.#data.index.apps(kinds);
    return this._app && !apps.includes(this._app) ? [this._app, ...apps] : apps;
  }

  #statusText(kind: PanelEventKind): string {
    const { t, number } = this.#i18n;
    const pages = this.#pages;
    const count = this.#items.length;
    const text = this._text.trim();
    if (this.#mode === 'server' && this.#data.searching) return t('searching');
    if (pages?.status === 'error') return '';
    // More pages to come: an empty list only means the rows are not here yet.
    const more = pages !== null && !pages.complete;
    if (count === 0) {
      if (more) return this.#mode === 'server' ? t('searching') : t(`loading_${kind}`);
      if (text) return t('noMatches', { text });
      if (this._app || this._severities.size < SEVERITIES.length) return t('noFilterMatches');
      return t(`empty_${kind}`);
    }
    if (pages?.status === 'loading') return t('loadingMore');
    if (!text) return '';
    if (more) return t('matchesMore', { count: number(count) });
    return count === 1 ? t('matchesOne') : t('matches', { count: number(count) });
  }

  get #list(): LitVirtualizer | null {
    return this.renderRoot.querySelector('lit-virtualizer');
  }

  protected override updated(): void {
    const list = this.#list;
    if (list) patchVirtualizer(list);
    if (this.#followDue) {
      this.#followDue = false;
      void this.#scrollToCurrent();
    } else if (this.#toTopDue && this.#list) {
      this.#list.scrollTop = 0;
    }
    this.#toTopDue = false;
    if (this.#focusTabDue) {
      this.#focusTabDue = false;
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    }
    this.#loadMoreIfNearEnd();
  }

  #loadMoreIfNearEnd(): void {
    const pages = this.#pages;
    if (pages?.status === 'idle' && pages.started && this.#visible.last >= this.#items.length - NEAR_END) pages.loadMore();
  }

  // ---- scrolling and focus --------------------------------------------------

  async #scrollToCurrent(): Promise<void> {
    const list = this.#list;
    if (!list) return;
    // A list that was just created has no virtualizer until its first update.
    await list.updateComplete;
    if (this._follow && this.#current >= 0) scrollRowIntoList(list, this.#current, 'center');
  }

  async #focusRow(index: number): Promise<void> {
    const list = this.#list;
    if (!list) return;
    this._active = index;
    scrollRowIntoList(list, index, 'nearest');
    const row = await rowWhenRendered(list, index, () => this.updateComplete);
    if (!row) return;
    scrollRowIntoList(list, index, 'nearest');
    row.focus({ preventScroll: true });
  }

  // ---- events -----------------------------------------------------------------

  #select(tab: PanelTab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this._active = -1;
  }

  readonly #onTabKey = (e: KeyboardEvent) => {
    const at = TABS.indexOf(this.#kind ?? 'tag');
    const targets: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
    const target = targets[e.key];
    if (target === undefined) return;
    e.preventDefault();
    this.#select(TABS[(target + TABS.length) % TABS.length]!);
    this.#focusTabDue = true;
  };

  readonly #onInput = (e: Event) => {
    this._text = (e.target as HTMLInputElement).value;
  };

  readonly #onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this._text) {
      // Clear the search rather than close whatever dialog the panel is in.
      e.stopPropagation();
      this._text = '';
    } else if (e.key === 'ArrowDown' && this.#items.length) {
      e.preventDefault();
      void this.#focusRow(this.#tabbable());
    }
  };

  readonly #onAllTabs = (e: Event) => {
    this._allTabs = (e.target as HTMLInputElement).checked;
  };

  #onSeverity(severity: PanelSeverity, e: Event): void {
    const next = new Set(this._severities);
    if ((e.target as HTMLInputElement).checked) next.add(severity);
    else next.delete(severity);
    this._severities = next;
  }

  readonly #onApp = (e: Event) => {
    this._app = (e.target as HTMLSelectElement).value;
  };

  readonly #onRange = (e: RangeChangedEvent) => {
    const before = this.#tabbable();
    this.#rendered = { first: e.first, last: e.last };
    if (this.#tabbable() !== before) this.requestUpdate();
  };

  readonly #onVisibility = (e: VisibilityChangedEvent) => {
    this.#visible = { first: e.first, last: e.last };
    this.#loadMoreIfNearEnd();
  };

  /** The user moves the list: stop following the playhead until asked again. */
  readonly #onUserScroll = (e: Event) => {
    // A pointer down on the list itself (not a row) is on its scrollbar.
    if (e.type === 'pointerdown' && e.target !== e.currentTarget) return;
    this._follow = false;
  };

  readonly #onFollow = () => {
    this._follow = true;
  };

  readonly #onListClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const key = target.closest<HTMLElement>('.key[data-at]');
    const row = target.closest<HTMLElement>('.row[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    this._active = index;
    this.#seek(key ? Number(key.dataset.at) : this.#items[index]?.at);
  };

  readonly #onListKey = (e: KeyboardEvent) => {
    const target = e.target as Element;
    const row = target.closest<HTMLElement>('.row[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const key = target.closest<HTMLElement>('.key[data-at]');
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#seek(key ? Number(key.dataset.at) : this.#items[index]?.at);
      return;
    }
    // Only keystroke runs use Left/Right; elsewhere they stay the player's skip keys.
    if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && row.querySelector('.key')) {
      this.#moveAlongRun(row, key, e.key === 'ArrowRight' ? 1 : -1);
      e.preventDefault();
      return;
    }
    const { first, last } = this.#visible;
    const next = rowForKey(e.key, index, this.#items.length, last - first + 1);
    if (next === null) return;
    e.preventDefault();
    // Moving through the list is the user taking over from the playhead.
    this._follow = false;
    void this.#focusRow(next);
  };

  /** Left/Right walk the typed keys of a run; Left from the first key returns to the row. */
  #moveAlongRun(row: HTMLElement, key: HTMLElement | null, step: 1 | -1): void {
    const keys = [...row.querySelectorAll<HTMLElement>('.key')];
    const next = key ? keys.indexOf(key) + step : step > 0 ? 0 : -1;
    if (next < 0) row.focus();
    else keys[Math.min(next, keys.length - 1)]?.focus();
  }

  #seek(at: Instant | undefined): void {
    if (at === undefined || !Number.isFinite(at)) return;
    // The sought row becomes the current one, in view: following again cannot jump.
    this._follow = true;
    this.dispatchEvent(new CustomEvent<PanelSeekDetail>('seek-request', { detail: { at, final: true }, bubbles: true, composed: true }));
  }
}

function sameRange(a: PanelRange | null, b: PanelRange | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}
