import type { Desktop } from './desktop.js';
import { DESKTOP_HEIGHT, DESKTOP_WIDTH } from './desktop-geometry.js';

/**
 * The local user's keyboard and mouse on the desktop canvas (focusable), all
 * of it ignored while `frozen()` says input is frozen.
 */
export function attachLocalInput(canvas: HTMLCanvasElement, desktop: Desktop, frozen: () => boolean): void {
  const toDesktop = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) / (r.width || 1)) * DESKTOP_WIDTH,
      y: ((e.clientY - r.top) / (r.height || 1)) * DESKTOP_HEIGHT,
    };
  };

  canvas.addEventListener('pointermove', (e) => {
    if (frozen()) return;
    const p = toDesktop(e);
    desktop.pointer('move', p.x, p.y, e.button);
  });
  canvas.addEventListener('pointerdown', (e) => {
    canvas.focus();
    if (frozen()) return;
    canvas.setPointerCapture(e.pointerId);
    const p = toDesktop(e);
    desktop.pointer('down', p.x, p.y, e.button);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (frozen()) return;
    const p = toDesktop(e);
    desktop.pointer('up', p.x, p.y, e.button);
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());

  canvas.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    if (frozen()) {
      // Frozen: the desktop gets nothing, but Tab still leaves the canvas.
      if (e.key !== 'Tab') e.preventDefault();
      return;
    }
    if (desktop.key(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey })) e.preventDefault();
  });
}
