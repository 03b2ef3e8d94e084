import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { axisTicks } from './axis-ticks.js';
import { cssomStyle } from './cssom-style.js';
import { adjacentMarker, clusterAt, clusterMarkers, sortMarkers, type MarkerCluster } from './marker-clusters.js';
import { timelineTranslator } from './messages.js';
import { timelineStyles } from './session-timeline.styles.js';
import { TimelineGestures, type GestureTarget } from './timeline-gestures.js';
import { laneLayout, paintTimeline } from './timeline-painter.js';
import { readTheme, type TimelineTheme } from './timeline-theme.js';
import type {
  MarkerSelectDetail,
  PreviewProvider,
  SeekRequestDetail,
  TimelineDensity,
  TimelineMarker,
  TimelinePreview,
  TimelineRange,
  TimelineSpan,
  ViewChangeDetail,
} from './types.js';
import {
  fitSpans,
  instantAt,
  isRecorded,
  nearestRecordedInstant,
  sameRange,
  viewAround,
  xOf,
  zoomAround,
} from './view-window.js';

const STEP = 5_000;
const SHIFT_STEP = 60_000;
const PAGE_STEP = 600_000;
const SCRUB_THROTTLE_MS = 120;
/** Markers closer than this (px) share a count badge. */
const CLUSTER_GAP_PX = 14;
/** Reaches the edge of a count badge (badge centres are at least 21 px apart). */
const HIT_TOLERANCE_PX = 10;
/** What the canvas shows; other changes (hover, playhead) only move elements over it. */
const PAINTED: readonly string[] = ['view', 'range', 'spans', 'markers', 'density', 'zone', 'locale', 'theme', '_width'];
/** Room the hover card needs above the bar, px; with less it opens below. */
const CARD_ROOM_PX = 190;
const PREVIEW_DELAY_MS = 40;
/** A jump of the value by more than this is a seek, not playback. */
const SEEK_JUMP_MS = 2_000;

interface HoverState {
  x: number;
  y: number;
  /** No room above the bar: the card opens below it. */
  below: boolean;
  at: number;
  cluster: MarkerCluster | null;
}

/**
 * The coverage timeline auditors steer by: recorded (grey) and missing
 * (black) time, markers, an activity heat map and a time axis, drawn on a
 * canvas; zoom from weeks to seconds, pan, hover preview and a keyboard
 * slider for the playhead. Knows nothing of the player: properties in,
 * events out.
 *
 * @fires seek-request - `{ at, final }` when the user picks an instant (`final` false while dragging)
 * @fires marker-select - `{ marker }` when a marker is clicked or reached with `[` / `]`
 * @fires view-change - `{ start, end, reason }` when the visible window changes
 * @csspart toolbar - the zoom buttons and visible-range caption
 * @csspart zoom-button - each zoom button (also `day-button`, `hour-button`, `fit-button`, `zoom-in-button`, `zoom-out-button`)
 * @csspart canvas - the painted bar, heat map, markers and axis
 * @csspart playhead - the playhead line (its parent is the `role="slider"`)
 * @csspart hover-line - the line under the pointer
 * @csspart tooltip - the hover card (time, marker titles, preview)
 * @csspart preview - the preview thumbnail canvas
 * @cssproperty --sp-recorded - recorded time (grey)
 * @cssproperty --sp-missing - missing time (black)
 * @cssproperty --sp-timeline-bg - background behind lanes and toolbar
 * @cssproperty --sp-timeline-fg - toolbar text
 * @cssproperty --sp-axis-fg - axis labels
 * @cssproperty --sp-axis-grid - axis tick lines
 * @cssproperty --sp-heat - activity heat map colour
 * @cssproperty --sp-playhead - playhead colour
 * @cssproperty --sp-focus - focus ring
 * @cssproperty --sp-marker - default marker colour
 * @cssproperty --sp-marker-low - notification severity colours (also -medium, -high, -critical)
 * @cssproperty --sp-marker-tag - tag markers; any host kind `k` reads `--sp-marker-k`
 * @cssproperty --sp-marker-badge-fg - count text on cluster badges
 * @cssproperty --sp-tooltip-bg - hover card background (and --sp-tooltip-fg)
 * @cssproperty --sp-timeline-button-bg - zoom buttons (and --sp-timeline-button-border)
 * @cssproperty --sp-timeline-font-size - axis label size
 * @cssproperty --sp-marker-lane - height of the marker lane (px)
 * @cssproperty --sp-heat-height - height of the heat map band (px)
 * @cssproperty --sp-track-height - height of the coverage bar (px)
 * @cssproperty --sp-axis-height - height of the time axis (px)
 * @attr theme - `light` (default), `dark`, or `auto` (follows prefers-color-scheme)
 */
export class SessionTimeline extends LitElement implements GestureTarget {
  static override properties = {
    range: { attribute: false },
    view: { attribute: false },
    spans: { attribute: false },
    markers: { attribute: false },
    density: { attribute: false },
    preview: { attribute: false },
    value: { type: Number },
    zone: { type: String },
    locale: { type: String },
    label: { type: String },
    theme: { type: String, reflect: true },
    _width: { state: true },
    _hover: { state: true },
    _frame: { state: true },
    _scrubAt: { state: true },
  };

  static override styles = timelineStyles;

  /** The default window (usually the day being viewed); Day and Home/End use it. */
  declare range: TimelineRange | null;
  /** The visible window; follows `range` until the user or the host moves it. */
  declare view: TimelineRange | null;
  /** Recorded spans, any order; everything else is missing. */
  declare spans: readonly TimelineSpan[];
  declare markers: readonly TimelineMarker[];
  declare density: TimelineDensity | null;
  /** Supplies hover thumbnails; none are shown without it. */
  declare preview: PreviewProvider | null;
  /** The playhead instant. */
  declare value: number | null;
  /** IANA zone times are shown in. */
  declare zone: string;
  declare locale: string;
  /** Accessible name of the slider; defaults to the locale's "Recording timeline". */
  declare label: string;
  declare theme: 'light' | 'dark' | 'auto';
  declare _width: number;
  declare _hover: HoverState | null;
  declare _frame: TimelinePreview | null;
  declare _scrubAt: number | null;

  readonly #gestures = new TimelineGestures(this);
  #spans: readonly TimelineSpan[] = [];
  #markers: TimelineMarker[] = [];
  #clusters: MarkerCluster[] = [];
  #theme: TimelineTheme | null = null;
  #resize = new ResizeObserver((entries) => {
    const width = entries[entries.length - 1]!.contentRect.width;
    if (width !== this._width) this._width = width;
  });
  #colourScheme = matchMedia('(prefers-color-scheme: dark)');
  #previewAbort: AbortController | null = null;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #lastScrubSeek = 0;
  #paintDue = true;
  #caption = '';
  #sliderText = '';
  #previousValue: number | null = null;

  constructor() {
    super();
    this.range = null;
    this.view = null;
    this.spans = [];
    this.markers = [];
    this.density = null;
    this.preview = null;
    this.value = null;
    this.zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.locale = 'en';
    this.label = '';
    this.theme = 'light';
    this._width = 0;
    this._hover = null;
    this._frame = null;
    this._scrubAt = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#colourScheme.addEventListener('change', this.#onSchemeChange);
    if (this.hasUpdated) this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#colourScheme.removeEventListener('change', this.#onSchemeChange);
    this.#resize.disconnect();
    this.#gestures.detach();
    this.leave();
  }

  /** Reads the theme's custom properties again (after changing them from outside). */
  refreshTheme(): void {
    this.#theme = null;
    this.#paintDue = true;
    this.requestUpdate();
  }

  readonly #onSchemeChange = () => this.refreshTheme();

  // ---- derived state ------------------------------------------------------

  /** The window on screen: the host's or user's `view`, else `range`. */
  get visibleView(): TimelineRange | null {
    const v = this.view ?? this.range;
    return v && v.end > v.start ? v : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spans')) this.#spans = normaliseSpans(this.spans);
    if (changed.has('markers')) this.#markers = sortMarkers(this.markers);
    if (changed.has('theme')) this.#theme = null;
    // A new default window (another day) resets the view unless the host set both at once.
    if (changed.has('range') && !changed.has('view') && changed.get('range') !== undefined && !sameRange(changed.get('range') ?? null, this.range)) {
      this.view = null;
    }
    if (changed.has('value')) this.#follow();
    const view = this.visibleView;
    if (view && ['view', 'range', 'markers', '_width'].some((k) => changed.has(k as keyof SessionTimeline))) {
      this.#clusters = clusterMarkers(this.#markers, view, this._width, CLUSTER_GAP_PX);
    }
    // What is under a resting pointer changes when the view moves under it.
    const hover = this._hover;
    if (hover && (changed.has('view') || changed.has('range') || changed.has('markers')) && !changed.has('_hover')) {
      this.hover(hover.x, hover.y);
    }
    if (PAINTED.some((k) => changed.has(k as keyof SessionTimeline))) this.#paintDue = true;
    // Zone-aware formatting is the costly part of a render: redo it only when its inputs change.
    if (['view', 'range', 'zone', 'locale'].some((k) => changed.has(k as keyof SessionTimeline))) this.#caption = this.#captionText();
    if (['value', '_scrubAt', 'spans', 'zone', 'locale'].some((k) => changed.has(k as keyof SessionTimeline))) {
      const shown = this._scrubAt ?? this.value;
      this.#sliderText = shown === null ? '' : this.#valueText(shown);
    }
  }

  /** Keeps the playhead on screen while playing: pages the view when it crosses an edge or jumps away. */
  #follow(): void {
    const value = this.value;
    const previous = this.#previousValue;
    this.#previousValue = value;
    const view = this.visibleView;
    if (value === null || !view || this.#gestures.active || (value >= view.start && value < view.end)) return;
    const wasVisible = previous !== null && previous >= view.start && previous < view.end;
    const jumped = previous === null || Math.abs(value - previous) > SEEK_JUMP_MS;
    if (!wasVisible && !jumped) return;
    const range = this.range;
    if (this.view === null && range && value >= range.start && value < range.end) return;
    const span = view.end - view.start;
    this.#setView(jumped ? viewAround(value, span, 0.5) : viewAround(value, span, 0.05), 'follow');
  }

  // ---- rendering ------------------------------------------------------------

  override render() {
    const view = this.visibleView;
    const { t, dateLocale } = timelineTranslator(this.locale);
    if (!view) return nothing;
    const shown = this._scrubAt ?? this.value;
    const width = this._width;
    const range = this.range ?? view;
    const playheadX = shown === null || width <= 0 ? null : xOf(view, width, shown);
    const offscreen = playheadX !== null && (playheadX < 0 || playheadX > width);
    const fmt = (at: number, pattern: string) => format(new TZDate(at, this.zone), pattern, { locale: dateLocale });
    return html`
      <div part="toolbar" role="toolbar" aria-label=${t('zoomControls')}>
        <span class="visible" aria-live="off">${this.#caption}</span>
        <button part="zoom-button day-button" title=${t('dayTitle')} @click=${this.#showDay}>${t('day')}</button>
        <button part="zoom-button hour-button" title=${t('hourTitle')} @click=${this.#showHour}>${t('hour')}</button>
        <button part="zoom-button fit-button" title=${t('fitTitle')} @click=${this.#fit}>${t('fit')}</button>
        <button part="zoom-button zoom-out-button" aria-label=${t('zoomOut')} title=${t('zoomOut')} @click=${() => this.#zoomBy(2)}>−</button>
        <button part="zoom-button zoom-in-button" aria-label=${t('zoomIn')} title=${t('zoomIn')} @click=${() => this.#zoomBy(0.5)}>+</button>
      </div>
      <div class="area" @dblclick=${this.#onDoubleClick}>
        <canvas part="canvas" aria-hidden="true"></canvas>
        ${shown !== null && playheadX !== null
          ? html`<div
              class="handle"
              ${cssomStyle({ transform: `translateX(${Math.min(width, Math.max(0, playheadX)).toFixed(1)}px)` })}
              ?data-offscreen=${offscreen}
              tabindex="0"
              role="slider"
              aria-label=${this.label || t('timeline')}
              aria-valuemin=${Math.min(range.start, shown)}
              aria-valuemax=${Math.max(range.end, shown)}
              aria-valuenow=${Math.round(shown)}
              aria-valuetext=${this.#sliderText}
              @keydown=${this.#onKey}
            >
              <div part="playhead"></div>
            </div>`
          : nothing}
        ${this._hover ? this.#renderHover(this._hover, fmt, t) : nothing}
      </div>
    `;
  }

  #renderHover(hover: HoverState, fmt: (at: number, p: string) => string, t: ReturnType<typeof timelineTranslator>['t']) {
    const cluster = hover.cluster;
    const frame = cluster ? null : this._frame;
    const cardWidth = frame ? frame.width + 8 : 200;
    const left = Math.min(Math.max(0, hover.x - cardWidth / 2), Math.max(0, this._width - cardWidth));
    const recorded = isRecorded(this.#spans, hover.at);
    return html`
      <div part="hover-line" ${cssomStyle({ transform: `translateX(${hover.x.toFixed(1)}px)` })}></div>
      <div part="tooltip" role="tooltip" ?data-below=${hover.below} ${cssomStyle({ transform: `translateX(${left.toFixed(1)}px)` })}>
        ${frame
          ? html`<canvas part="preview" width=${frame.width} height=${frame.height} data-at=${frame.at}></canvas>`
          : nothing}
        ${cluster
          ? cluster.markers.length === 1
            ? html`<span class="tip-title">${cluster.markers[0]!.title}</span>
                <span class="tip-time tip-muted">${fmt(cluster.markers[0]!.at, 'HH:mm:ss, EEE d MMM')}</span>`
            : html`<span class="tip-title"><strong>${t('markers', { count: cluster.markers.length })}</strong></span>
                ${cluster.markers.slice(0, 3).map((m) => html`<span class="tip-title">${fmt(m.at, 'HH:mm:ss')} ${m.title}</span>`)}
                <span class="tip-time tip-muted">${t('clusterHint')}</span>`
          : html`<span class="tip-time">${fmt(hover.at, 'HH:mm:ss')}</span>
              <span class="tip-time tip-muted">${fmt(hover.at, 'EEE d MMM yyyy')}${recorded ? '' : ` — ${t('notRecorded')}`}</span>`}
      </div>
    `;
  }

  protected override firstUpdated(): void {
    this.#observe();
  }

  #observe(): void {
    const area = this.renderRoot.querySelector<HTMLElement>('.area');
    if (area) {
      this.#resize.observe(area);
      this.#gestures.attach(area);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The area appears once there is a view; hook it up the first time it exists.
    this.#observe();
    if (this.#paintDue) this.#paint();
    if (changed.has('_frame') || changed.has('_hover')) this.#drawPreview();
  }

  #paint(): void {
    const view = this.visibleView;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="canvas"]');
    if (!view || !canvas || this._width <= 0) return;
    this.#paintDue = false;
    this.#theme ??= readTheme(this);
    const theme = this.#theme;
    const dpr = window.devicePixelRatio || 1;
    const height = laneLayout(theme).height;
    const deviceWidth = Math.round(this._width * dpr);
    const deviceHeight = Math.round(height * dpr);
    if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
    if (canvas.height !== deviceHeight) canvas.height = deviceHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    paintTimeline(ctx, {
      view,
      width: this._width,
      dpr,
      spans: this.#spans,
      clusters: this.#clusters,
      ticks: axisTicks(view, this._width, this.zone, timelineTranslator(this.locale).dateLocale),
      density: this.density,
      theme,
    });
  }

  #drawPreview(): void {
    const frame = this._frame;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="preview"]');
    if (!frame || !canvas) return;
    canvas.getContext('2d')?.drawImage(frame.image, 0, 0, frame.width, frame.height);
  }

  /** "Showing … to …" for the toolbar. */
  #captionText(): string {
    const view = this.visibleView;
    if (!view) return '';
    const { t, dateLocale } = timelineTranslator(this.locale);
    const fmt = (at: number, pattern: string) => format(new TZDate(at, this.zone), pattern, { locale: dateLocale });
    const sameDay = fmt(view.start, 'yyyyMMdd') === fmt(view.end - 1, 'yyyyMMdd');
    return t('visible', {
      from: fmt(view.start, 'EEE d MMM yyyy, HH:mm:ss'),
      to: fmt(view.end - 1, sameDay ? 'HH:mm:ss' : 'EEE d MMM yyyy, HH:mm:ss'),
    });
  }

  #valueText(at: number): string {
    const { t, dateLocale } = timelineTranslator(this.locale);
    const time = format(new TZDate(at, this.zone), 'HH:mm:ss, EEEE d MMMM yyyy', { locale: dateLocale });
    return t('valueText', { time, state: isRecorded(this.#spans, at) ? t('recorded') : t('notRecorded') });
  }

  // ---- GestureTarget ----------------------------------------------------------

  playheadX(): number | null {
    const view = this.visibleView;
    const at = this._scrubAt ?? this.value;
    return view && at !== null && at >= view.start && at <= view.end ? xOf(view, this._width, at) : null;
  }

  changeView(view: TimelineRange, reason: 'zoom' | 'pan'): void {
    this.#setView(view, reason);
  }

  scrub(at: number, final: boolean): void {
    if (final) {
      this._scrubAt = null;
      this.#seek(nearestRecordedInstant(this.#spans, at), true);
      return;
    }
    this._scrubAt = at;
    const now = performance.now();
    if (now - this.#lastScrubSeek >= SCRUB_THROTTLE_MS) {
      this.#lastScrubSeek = now;
      this.#seek(at, false);
    }
  }

  tap(x: number, y: number): void {
    const view = this.visibleView;
    if (!view || !this.#theme) return;
    const cluster = y < laneLayout(this.#theme).heat + 2 ? clusterAt(this.#clusters, x, HIT_TOLERANCE_PX) : null;
    if (cluster && cluster.markers.length > 1) {
      // Expand a count badge: zoom until its markers spread out.
      const span = Math.max(cluster.end - cluster.start, 1);
      this.#setView(viewAround((cluster.start + cluster.end) / 2, span * 3, 0.5), 'zoom');
      return;
    }
    if (cluster) {
      this.#selectMarker(cluster.markers[0]!);
      return;
    }
    this.#seek(nearestRecordedInstant(this.#spans, instantAt(view, this._width, x)), true);
  }

  hover(x: number, y: number): void {
    const view = this.visibleView;
    if (!view || !this.#theme) return;
    const at = instantAt(view, this._width, x);
    const cluster = y < laneLayout(this.#theme).heat + 2 ? clusterAt(this.#clusters, x, HIT_TOLERANCE_PX) : null;
    const below = this.renderRoot.querySelector('.area')!.getBoundingClientRect().top < CARD_ROOM_PX;
    this._hover = { x, y, at, cluster, below };
    this.#schedulePreview(cluster ? null : at);
  }

  leave(): void {
    this._hover = null;
    this.#schedulePreview(null);
  }

  setPanning(panning: boolean): void {
    this.toggleAttribute('data-panning', panning);
  }

  // ---- actions --------------------------------------------------------------

  #schedulePreview(at: number | null): void {
    clearTimeout(this.#previewTimer);
    this.#previewAbort?.abort();
    this.#previewAbort = null;
    const provider = this.preview;
    if (at === null || !provider || !isRecorded(this.#spans, at)) {
      this._frame = null;
      return;
    }
    const abort = new AbortController();
    this.#previewAbort = abort;
    this.#previewTimer = setTimeout(() => {
      provider(at, abort.signal).then(
        (frame) => {
          if (!abort.signal.aborted) this._frame = frame;
        },
        () => {
          if (!abort.signal.aborted) this._frame = null;
        },
      );
    }, PREVIEW_DELAY_MS);
  }

  #setView(view: TimelineRange, reason: ViewChangeDetail['reason']): void {
    if (sameRange(view, this.visibleView)) return;
    this.view = view;
    this.dispatchEvent(new CustomEvent<ViewChangeDetail>('view-change', { detail: { ...view, reason }, bubbles: true, composed: true }));
  }

  #zoomBy(factor: number): void {
    const view = this.visibleView;
    if (!view) return;
    const value = this.value;
    const anchor = value !== null && value >= view.start && value <= view.end ? value : (view.start + view.end) / 2;
    this.#setView(zoomAround(view, anchor, factor), 'button');
  }

  readonly #showDay = () => {
    if (this.range) this.#setView(this.range, 'button');
  };

  readonly #showHour = () => {
    const view = this.visibleView;
    if (!view) return;
    this.#setView(viewAround(this.value ?? (view.start + view.end) / 2, 3_600_000, 0.5), 'button');
  };

  readonly #fit = () => {
    const range = this.range ?? this.visibleView;
    if (range) this.#setView(fitSpans(this.#spans, range), 'button');
  };

  readonly #onDoubleClick = (e: MouseEvent) => {
    const view = this.visibleView;
    const area = e.currentTarget as HTMLElement;
    if (!view || (e.target as HTMLElement).closest('.handle')) return;
    const box = area.getBoundingClientRect();
    this.#setView(zoomAround(view, instantAt(view, box.width, e.clientX - box.left), 0.4), 'zoom');
  };

  #selectMarker(marker: TimelineMarker): void {
    this.dispatchEvent(new CustomEvent<MarkerSelectDetail>('marker-select', { detail: { marker }, bubbles: true, composed: true }));
    this.#seek(marker.at, true);
  }

  #onKey(e: KeyboardEvent): void {
    const range = this.range ?? this.visibleView;
    const value = this.value;
    if (!range || value === null) return;
    const step = e.shiftKey ? SHIFT_STEP : STEP;
    const steps: Record<string, number> = {
      ArrowRight: step,
      ArrowUp: step,
      ArrowLeft: -step,
      ArrowDown: -step,
      PageUp: PAGE_STEP,
      PageDown: -PAGE_STEP,
    };
    if (e.key === '[' || e.key === ']') {
      e.preventDefault();
      const marker = adjacentMarker(this.#markers, value, e.key === '[' ? 'previous' : 'next');
      if (marker) this.#selectMarker(marker);
      return;
    }
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      this.#zoomBy(e.key === '-' ? 2 : 0.5);
      return;
    }
    let at: number | undefined;
    if (e.key in steps) at = value + steps[e.key]!;
    else if (e.key === 'Home') at = nearestRecordedInstant(this.#spans, range.start);
    else if (e.key === 'End') at = nearestRecordedInstant(this.#spans, range.end - 1);
    if (at === undefined) return;
    e.preventDefault();
    this.#seek(at, true);
  }

  #seek(at: number, final: boolean): void {
    this.dispatchEvent(new CustomEvent<SeekRequestDetail>('seek-request', { detail: { at, final }, bubbles: true, composed: true }));
  }
}

/** Sorted, disjoint spans; the painter and lookups rely on both. */
function normaliseSpans(spans: readonly TimelineSpan[]): TimelineSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: TimelineSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else out.push({ start: s.start, end: s.end });
  }
  return out;
}
