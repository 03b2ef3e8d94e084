import { TZDate } from '@date-fns/tz';
import { addHours, format, startOfHour } from 'date-fns';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { cssomStyle } from './cssom-style.js';

export interface TimelineSpan {
  start: number;
  end: number;
}

export interface TimelineRange {
  start: number;
  end: number;
}

/** Detail of `seek-request`: the instant asked for and whether the drag ended. */
export interface SeekRequestDetail {
  at: number;
  /** False while the playhead is being dragged (throttled previews). */
  final: boolean;
}

const STEP = 5_000;
const SHIFT_STEP = 60_000;
const PAGE_STEP = 600_000;
const DRAG_THROTTLE_MS = 120;

/**
 * A coverage bar over a time range: grey where recorded, black where missing,
 * with a playhead to drag or steer with the keyboard. Knows nothing of the
 * player: properties in, `seek-request` events out.
 *
 * @fires seek-request - `{ at, final }` when the user picks an instant
 * @csspart track - the bar
 * @csspart playhead - the slider thumb
 * @cssproperty --sp-recorded - colour of recorded spans (default grey)
 * @cssproperty --sp-missing - colour of missing spans (default black)
 * @cssproperty --sp-playhead - colour of the playhead
 */
export class SessionTimeline extends LitElement {
  static override properties = {
    range: { attribute: false },
    spans: { attribute: false },
    value: { type: Number },
    zone: { type: String },
    label: { type: String },
    dragging: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      --_recorded: var(--sp-recorded, #9aa0a6);
      --_missing: var(--sp-missing, #000);
      --_playhead: var(--sp-playhead, #4ea1ff);
      user-select: none;
      touch-action: none;
    }
    [part='track'] {
      position: relative;
      height: var(--sp-timeline-height, 22px);
      background: var(--_missing);
      border-radius: 4px;
      cursor: pointer;
      overflow: hidden;
    }
    .span {
      position: absolute;
      top: 0;
      bottom: 0;
      background: var(--_recorded);
    }
    [part='playhead'] {
      position: absolute;
      top: -4px;
      bottom: -4px;
      width: 4px;
      margin-left: -2px;
      background: var(--_playhead);
      border-radius: 2px;
      box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.6);
    }
    .wrap {
      position: relative;
      padding: 4px 0;
    }
    .handle {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 0;
    }
    .handle:focus-visible [part='playhead'] {
      outline: 2px solid var(--sp-focus, #ffbf47);
      outline-offset: 2px;
    }
    .handle:focus {
      outline: none;
    }
    .ticks {
      position: relative;
      height: 16px;
      font-size: 11px;
      color: var(--sp-muted-fg, #aab);
      font-variant-numeric: tabular-nums;
    }
    .tick {
      position: absolute;
      transform: translateX(-50%);
      white-space: nowrap;
    }
  `;

  declare range: TimelineRange | null;
  declare spans: TimelineSpan[];
  declare value: number | null;
  declare zone: string;
  declare label: string;
  declare dragging: boolean;
  #ticks: { at: number; label: string }[] = [];
  #lastDragSeek = 0;
  #dragAt: number | null = null;

  constructor() {
    super();
    this.range = null;
    this.spans = [];
    this.value = null;
    this.zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.label = 'Recording timeline';
    this.dragging = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Tick labels need time-zone arithmetic: derive them only when the range or zone changes.
    if ((changed.has('range') || changed.has('zone')) && this.range) {
      this.#ticks = this.#tickInstants(this.range).map((at) => ({ at, label: format(new TZDate(at, this.zone), 'HH:mm') }));
    }
  }

  override render() {
    const range = this.range;
    if (!range || range.end <= range.start) return nothing;
    const shown = this.#dragAt ?? this.value;
    const pct = (t: number) => `${(((t - range.start) / (range.end - range.start)) * 100).toFixed(4)}%`;
    const inRange = shown !== null && shown >= range.start && shown <= range.end;
    return html`<div class="wrap">
        <div part="track" @pointerdown=${this.#onPointerDown}>
          ${this.spans
            .filter((s) => s.end > range.start && s.start < range.end)
            .map((s) => {
              const start = Math.max(s.start, range.start);
              const end = Math.min(s.end, range.end);
              return html`<div class="span" ${cssomStyle({ left: pct(start), width: `calc(${pct(end)} - ${pct(start)})` })}></div>`;
            })}
        </div>
        ${inRange
          ? html`<div class="handle" ${cssomStyle({ left: pct(shown!) })} tabindex="0" role="slider"
              aria-label=${this.label} aria-valuemin=${range.start} aria-valuemax=${range.end} aria-valuenow=${Math.round(shown!)}
              aria-valuetext=${this.#valueText(shown!)} @keydown=${this.#onKey}>
              <div part="playhead"></div>
            </div>`
          : nothing}
      </div>
      <div class="ticks" aria-hidden="true">${this.#ticks.map((t) => html`<span class="tick" ${cssomStyle({ left: pct(t.at) })}>${t.label}</span>`)}</div>`;
  }

  #tickInstants(range: TimelineRange): number[] {
    const hours = (range.end - range.start) / 3_600_000;
    const every = hours > 12 ? 3 : hours > 4 ? 1 : 0.5;
    const ticks: number[] = [];
    let t = startOfHour(new TZDate(range.start, this.zone));
    while (t.getTime() <= range.end) {
      if (t.getTime() > range.start && t.getTime() < range.end) ticks.push(t.getTime());
      t = addHours(t, every >= 1 ? every : 1);
    }
    return every >= 1 ? ticks.filter((x) => new TZDate(x, this.zone).getHours() % every === 0) : ticks;
  }

  #valueText(at: number): string {
    const recorded = this.spans.some((s) => at >= s.start && at < s.end);
    return `${format(new TZDate(at, this.zone), 'HH:mm:ss, EEEE d MMMM yyyy')} — ${recorded ? 'recorded' : 'not recorded'}`;
  }

  #instantAt(clientX: number): number {
    const track = this.renderRoot.querySelector<HTMLElement>('[part="track"]')!;
    const box = track.getBoundingClientRect();
    const ratio = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
    return this.range!.start + ratio * (this.range!.end - this.range!.start);
  }

  #onPointerDown(e: PointerEvent): void {
    if (e.button !== 0 || !this.range) return;
    const track = e.currentTarget as HTMLElement;
    track.setPointerCapture(e.pointerId);
    this.dragging = true;
    this.#dragAt = this.#instantAt(e.clientX);
    const move = (ev: PointerEvent) => {
      this.#dragAt = this.#instantAt(ev.clientX);
      this.requestUpdate();
      const now = performance.now();
      if (now - this.#lastDragSeek >= DRAG_THROTTLE_MS) {
        this.#lastDragSeek = now;
        this.#seek(this.#dragAt, false);
      }
    };
    const up = (ev: PointerEvent) => {
      track.removeEventListener('pointermove', move);
      track.removeEventListener('pointerup', up);
      track.removeEventListener('pointercancel', up);
      const at = this.#instantAt(ev.clientX);
      this.#dragAt = null;
      this.dragging = false;
      this.#seek(at, true);
    };
    track.addEventListener('pointermove', move);
    track.addEventListener('pointerup', up);
    track.addEventListener('pointercancel', up);
  }

  #onKey(e: KeyboardEvent): void {
    const range = this.range;
    if (!range || this.value === null) return;
    const steps: Record<string, number> = {
      ArrowRight: e.shiftKey ? SHIFT_STEP : STEP,
      ArrowUp: e.shiftKey ? SHIFT_STEP : STEP,
      ArrowLeft: -(e.shiftKey ? SHIFT_STEP : STEP),
      ArrowDown: -(e.shiftKey ? SHIFT_STEP : STEP),
      PageUp: PAGE_STEP,
      PageDown: -PAGE_STEP,
    };
    let at: number | undefined;
    if (e.key in steps) at = this.value + steps[e.key]!;
    else if (e.key === 'Home') at = range.start;
    else if (e.key === 'End') at = range.end - 1;
    if (at === undefined) return;
    e.preventDefault();
    this.#seek(Math.min(range.end - 1, Math.max(range.start, at)), true);
  }

  #seek(at: number, final: boolean): void {
    this.dispatchEvent(
      new CustomEvent<SeekRequestDetail>('seek-request', { detail: { at, final }, bubbles: true, composed: true }),
    );
  }
}
