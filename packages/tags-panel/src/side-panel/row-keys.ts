/**
 * The row a navigation key moves to in a list of `count` rows, from
 * `index`; `page` is how many rows fit on screen. Null for other keys.
 */
export function rowForKey(key: string, index: number, count: number, page: number): number | null {
  if (count <= 0) return null;
  const step = Math.max(1, page - 1);
  const targets: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + step,
    PageUp: index - step,
    Home: 0,
    End: count - 1,
  };
  const target = targets[key];
  return target === undefined ? null : Math.min(count - 1, Math.max(0, target));
}
