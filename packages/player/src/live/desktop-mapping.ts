/** A box on screen (CSS pixels), e.g. `getBoundingClientRect()`. */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Maps a point on the live view (client coordinates) to remote desktop
 * pixels. The desktop is drawn scaled to fit the box and centred
 * (`object-fit: contain`), so points on the letterbox bars map to null.
 */
export function clientToDesktop(
  box: ScreenBox,
  desktop: { width: number; height: number },
  clientX: number,
  clientY: number,
): { x: number; y: number } | null {
  const scale = Math.min(box.width / desktop.width, box.height / desktop.height);
  if (!(scale > 0)) return null;
  const left = box.left + (box.width - desktop.width * scale) / 2;
  const top = box.top + (box.height - desktop.height * scale) / 2;
  const x = Math.floor((clientX - left) / scale);
  const y = Math.floor((clientY - top) / scale);
  return x >= 0 && y >= 0 && x < desktop.width && y < desktop.height ? { x, y } : null;
}
