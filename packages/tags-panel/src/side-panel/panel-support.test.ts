/**
 * Mounting and waiting for `<session-side-panel>` in browser tests (named
 * `.test.ts` so builds leave it out; it holds no tests of its own).
 */
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { SessionSidePanel } from './session-side-panel.js';
import './session-side-panel.define.js';

export const DAY = Date.parse('2026-03-17T00:00:00Z');
export const H = 3_600_000;
export const RANGE = { start: DAY, end: DAY + 24 * H };

// Keystroke runs vary in height; the virtualizer's ResizeObserver then reports a benign
// "loop completed" error, which mocha would count as a failure.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

/** Elements removed after each test. */
export const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

/** A 460×480 panel in UTC with `props`, settled. */
export async function mount(props: Partial<SessionSidePanel> = {}): Promise<SessionSidePanel> {
  const el = document.createElement('session-side-panel');
  el.style.height = '480px';
  el.style.width = '460px';
  el.zone = 'UTC';
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  await settle(el);
  return el;
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Lets the element, the virtualizer and its measurements settle. */
export async function settle(el: SessionSidePanel, frames = 3): Promise<void> {
  for (let i = 0; i < frames; i++) {
    await el.updateComplete;
    await frame();
  }
  await el.updateComplete;
}

export async function until(check: () => boolean, what: string, ms = 3_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
