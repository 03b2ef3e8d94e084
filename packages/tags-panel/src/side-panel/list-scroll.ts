import type { LitVirtualizer } from '@lit-labs/virtualizer';

/** The rendered row element at `index`, if the virtualizer has it in the DOM. */
export function renderedRow(list: LitVirtualizer, index: number): HTMLElement | null {
  return list.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
}

/**
 * Scrolls the list, and only the list (a native `scrollIntoView` would also
 * scroll the page around an embedded panel), so row `index` is in view. A
 * row not in the DOM is left to the virtualizer, which scrolls just its own
 * scroller to it.
 */
export function scrollRowIntoList(list: LitVirtualizer, index: number, block: 'nearest' | 'center'): void {
  const row = renderedRow(list, index);
  if (!row) {
    list.element(index)?.scrollIntoView({ block });
    return;
  }
  const r = row.getBoundingClientRect();
  const s = list.getBoundingClientRect();
  if (r.top >= s.top && r.bottom <= s.bottom) return;
  const nearest = r.top < s.top ? r.top - s.top : r.bottom - s.bottom;
  list.scrollTop += block === 'center' ? r.top + r.height / 2 - (s.top + s.height / 2) : nearest;
}

/** Waits (a few frames at most) for row `index` to be rendered after a scroll far away. */
export async function rowWhenRendered(list: LitVirtualizer, index: number, settled: () => Promise<unknown>): Promise<HTMLElement | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await settled();
    const row = renderedRow(list, index);
    if (row) return row;
    await new Promise((r) => requestAnimationFrame(r));
  }
  return null;
}
