import type { TimelineRange } from './types.js';
import { instantAt, panBy, zoomAround } from './view-window.js';

/** What the gestures need from the element they steer. */
export interface GestureTarget {
  /** The visible window, or null while there is nothing to show. */
  readonly visibleView: TimelineRange | null;
  /** Horizontal position of the playhead in CSS px, or null when it is not shown. */
  playheadX(): number | null;
  changeView(view: TimelineRange, reason: 'zoom' | 'pan'): void;
  /** The playhead dragged to `at`; `final` when released. */
  scrub(at: number, final: boolean): void;
  /** A click that did not move: on a marker, or a seek. */
  tap(x: number, y: number): void;
  hover(x: number, y: number): void;
  leave(): void;
  setPanning(panning: boolean): void;
}

/** Pixels a press may move and still count as a click. */
const TAP_SLOP = 4;
/** Half-width of the playhead's grip, px. */
const GRIP = 8;

type Gesture =
  | { kind: 'pending' | 'pan'; startX: number; view: TimelineRange }
  | { kind: 'scrub' }
  | { kind: 'pinch'; view: TimelineRange; distance: number; anchor: number };

/**
 * Pointer and wheel gestures on the timeline area: drag the playhead to scrub,
 * drag elsewhere to pan, wheel / pinch / ctrl+wheel to zoom around the pointer,
 * horizontal wheel or shift+wheel to pan, click to tap.
 */
export class TimelineGestures {
  readonly #target: GestureTarget;
  #area: HTMLElement | null = null;
  #gesture: Gesture | null = null;
  readonly #pointers = new Map<number, number>();
  #width = 1;

  constructor(target: GestureTarget) {
    this.#target = target;
  }

  get active(): boolean {
    return this.#gesture !== null;
  }

  /** Listens on `area` (replacing any previous one). */
  attach(area: HTMLElement): void {
    if (area === this.#area) return;
    this.detach();
    this.#area = area;
    area.addEventListener('pointerdown', this.#onDown);
    area.addEventListener('pointermove', this.#onMove);
    area.addEventListener('pointerup', this.#onUp);
    area.addEventListener('pointercancel', this.#onCancel);
    area.addEventListener('pointerleave', this.#onLeave);
    // Not passive: the wheel zooms the timeline instead of scrolling the page.
    area.addEventListener('wheel', this.#onWheel, { passive: false });
  }

  detach(): void {
    const area = this.#area;
    if (!area) return;
    area.removeEventListener('pointerdown', this.#onDown);
    area.removeEventListener('pointermove', this.#onMove);
    area.removeEventListener('pointerup', this.#onUp);
    area.removeEventListener('pointercancel', this.#onCancel);
    area.removeEventListener('pointerleave', this.#onLeave);
    area.removeEventListener('wheel', this.#onWheel);
    this.#area = null;
    this.#gesture = null;
    this.#pointers.clear();
  }

  #local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const box = this.#area!.getBoundingClientRect();
    this.#width = Math.max(1, box.width);
    return { x: Math.min(box.width, Math.max(0, e.clientX - box.left)), y: e.clientY - box.top };
  }

  #instant(view: TimelineRange, x: number): number {
    return instantAt(view, this.#width, x);
  }

  readonly #onDown = (e: PointerEvent): void => {
    const view = this.#target.visibleView;
    if (!view || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const { x } = this.#local(e);
    // Synthetic events (tests, benches) have no capturable pointer.
    if (e.isTrusted) this.#area!.setPointerCapture(e.pointerId);
    this.#pointers.set(e.pointerId, x);
    if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()] as [number, number];
      this.#gesture = { kind: 'pinch', view, distance: Math.max(1, Math.abs(a - b)), anchor: this.#instant(view, (a + b) / 2) };
      this.#target.leave();
      return;
    }
    if (this.#pointers.size > 2) return;
    const playhead = this.#target.playheadX();
    if (playhead !== null && Math.abs(x - playhead) <= GRIP) {
      e.preventDefault();
      this.#gesture = { kind: 'scrub' };
      this.#target.leave();
      this.#target.scrub(this.#instant(view, x), false);
    } else {
      this.#gesture = { kind: 'pending', startX: x, view };
    }
  };

  readonly #onMove = (e: PointerEvent): void => {
    const { x, y } = this.#local(e);
    const g = this.#gesture;
    if (!g || !this.#pointers.has(e.pointerId)) {
      if (e.pointerType !== 'touch') this.#target.hover(x, y);
      return;
    }
    this.#pointers.set(e.pointerId, x);
    if (g.kind === 'pinch') {
      const [a, b] = [...this.#pointers.values()] as [number, number];
      const distance = Math.max(1, Math.abs(a - b));
      this.#target.changeView(zoomAround(g.view, g.anchor, g.distance / distance), 'zoom');
      return;
    }
    const view = this.#target.visibleView;
    if (!view) return;
    if (g.kind === 'scrub') {
      this.#target.scrub(this.#instant(view, x), false);
      return;
    }
    if (g.kind === 'pending' && Math.abs(x - g.startX) <= TAP_SLOP) return;
    if (g.kind === 'pending') {
      this.#gesture = { ...g, kind: 'pan' };
      this.#target.setPanning(true);
      this.#target.leave();
    }
    const span = g.view.end - g.view.start;
    this.#target.changeView(panBy(g.view, (-(x - g.startX) / this.#width) * span), 'pan');
  };

  readonly #onUp = (e: PointerEvent): void => {
    const g = this.#gesture;
    if (!this.#pointers.delete(e.pointerId) || !g) return;
    const { x, y } = this.#local(e);
    if (g.kind === 'pinch') {
      // Lifting one finger of a pinch ends it; the other does nothing more.
      if (this.#pointers.size === 0) this.#gesture = null;
      return;
    }
    this.#gesture = null;
    const view = this.#target.visibleView;
    if (g.kind === 'scrub' && view) this.#target.scrub(this.#instant(view, x), true);
    else if (g.kind === 'pending') this.#target.tap(x, y);
    else if (g.kind === 'pan') this.#target.setPanning(false);
  };

  readonly #onCancel = (e: PointerEvent): void => {
    this.#pointers.delete(e.pointerId);
    if (this.#gesture?.kind === 'pan') this.#target.setPanning(false);
    if (this.#pointers.size === 0) this.#gesture = null;
  };

  readonly #onLeave = (): void => {
    if (!this.#gesture) this.#target.leave();
  };

  readonly #onWheel = (e: WheelEvent): void => {
    const view = this.#target.visibleView;
    if (!view) return;
    e.preventDefault();
    const { x } = this.#local(e);
    const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? this.#width : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      const delta = Math.abs(dx) > Math.abs(dy) ? dx : dy;
      this.#target.changeView(panBy(view, (delta / this.#width) * (view.end - view.start)), 'pan');
      return;
    }
    // Trackpad pinch arrives as ctrl+wheel with small deltas: zoom faster per pixel.
    const factor = Math.exp(dy * (e.ctrlKey ? 0.01 : 0.002));
    this.#target.changeView(zoomAround(view, this.#instant(view, x), factor), 'zoom');
  };
}
