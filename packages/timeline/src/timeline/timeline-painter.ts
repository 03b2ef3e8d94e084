import type { AxisTick } from './axis-ticks.js';
import type { MarkerCluster } from './marker-clusters.js';
import type { TimelineTheme } from './timeline-theme.js';
import type { TimelineDensity, TimelineMarker, TimelineRange, TimelineSpan } from './types.js';
import { firstSpanEndingAfter } from './view-window.js';

/** Everything one frame of the canvas shows. */
export interface TimelineScene {
  view: TimelineRange;
  /** CSS px. */
  width: number;
  dpr: number;
  spans: readonly TimelineSpan[];
  clusters: readonly MarkerCluster[];
  ticks: readonly AxisTick[];
  density: TimelineDensity | null;
  theme: TimelineTheme;
}

/** Lane tops in CSS px, derived from the theme. */
export function laneLayout(theme: TimelineTheme) {
  const heat = theme.markerLane;
  const track = heat + theme.heatLane;
  const axis = track + theme.track;
  return { marker: 0, heat, track, axis, height: axis + theme.axisLane };
}

/**
 * Paints one frame. Works in device pixels and rounds every edge to a whole
 * device pixel, so the bar stays crisp at any devicePixelRatio and a sampled
 * pixel is exactly the recorded or missing colour, never a blend.
 */
export function paintTimeline(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { theme, dpr } = scene;
  const lanes = laneLayout(theme);
  const w = Math.round(scene.width * dpr);
  const h = Math.round(lanes.height * dpr);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, w, h);
  paintHeat(ctx, scene, Math.round(lanes.heat * dpr), Math.round(lanes.track * dpr));
  paintCoverage(ctx, scene, Math.round(lanes.track * dpr), Math.round(lanes.axis * dpr));
  paintAxis(ctx, scene, Math.round(lanes.axis * dpr), h);
  paintMarkers(ctx, scene, Math.round(lanes.heat * dpr));
}

function toDevice(scene: TimelineScene, at: number): number {
  const { view, width, dpr } = scene;
  return Math.round(((at - view.start) / (view.end - view.start)) * width * dpr);
}

function paintCoverage(ctx: CanvasRenderingContext2D, scene: TimelineScene, top: number, bottom: number): void {
  const w = Math.round(scene.width * scene.dpr);
  ctx.fillStyle = scene.theme.missing;
  ctx.fillRect(0, top, w, bottom - top);
  ctx.fillStyle = scene.theme.recorded;
  const { spans, view } = scene;
  // Runs of spans that touch the same device pixels are merged into one rectangle.
  let runStart = -1;
  let runEnd = -1;
  for (let i = firstSpanEndingAfter(spans, view.start); i < spans.length; i++) {
    const s = spans[i]!;
    if (s.start >= view.end) break;
    const x0 = Math.max(0, toDevice(scene, s.start));
    // A recording shorter than a pixel still shows as one pixel.
    const x1 = Math.max(x0 + 1, Math.min(w, toDevice(scene, s.end)));
    if (x0 <= runEnd) {
      runEnd = Math.max(runEnd, x1);
      continue;
    }
    if (runEnd > runStart) ctx.fillRect(runStart, top, runEnd - runStart, bottom - top);
    runStart = x0;
    runEnd = x1;
  }
  if (runEnd > runStart) ctx.fillRect(runStart, top, runEnd - runStart, bottom - top);
}

function paintHeat(ctx: CanvasRenderingContext2D, scene: TimelineScene, top: number, bottom: number): void {
  const d = scene.density;
  if (!d || d.values.length === 0 || d.end <= d.start || bottom <= top) return;
  let max = 0;
  for (const v of d.values) if (v > max) max = v;
  if (max <= 0) return;
  const bucket = (d.end - d.start) / d.values.length;
  const first = Math.max(0, Math.floor((scene.view.start - d.start) / bucket));
  const last = Math.min(d.values.length, Math.ceil((scene.view.end - d.start) / bucket));
  ctx.fillStyle = scene.theme.heat;
  // Buckets narrower than a pixel share it: the busiest one decides its shade.
  let columnStart = -1;
  let columnEnd = -1;
  let columnValue = 0;
  const flush = () => {
    if (columnValue <= 0 || columnEnd <= columnStart) return;
    // Square root keeps quiet stretches visible next to a busy peak.
    ctx.globalAlpha = 0.15 + 0.85 * Math.sqrt(columnValue / max);
    ctx.fillRect(columnStart, top, columnEnd - columnStart, bottom - top);
  };
  for (let i = first; i < last; i++) {
    const x0 = toDevice(scene, d.start + i * bucket);
    const x1 = Math.max(x0 + 1, toDevice(scene, d.start + (i + 1) * bucket));
    const v = d.values[i]!;
    if (x0 < columnEnd) {
      columnValue = Math.max(columnValue, v);
      columnEnd = Math.max(columnEnd, x1);
      continue;
    }
    flush();
    columnStart = x0;
    columnEnd = x1;
    columnValue = v;
  }
  flush();
  ctx.globalAlpha = 1;
}

function paintAxis(ctx: CanvasRenderingContext2D, scene: TimelineScene, top: number, bottom: number): void {
  const { theme, dpr } = scene;
  const w = Math.round(scene.width * dpr);
  ctx.font = theme.font.replace(/^([\d.]+)px/, (_, n: string) => `${Number(n) * dpr}px`);
  ctx.textBaseline = 'middle';
  const textY = top + (bottom - top) / 2 + dpr;
  for (const tick of scene.ticks) {
    const x = toDevice(scene, tick.at);
    ctx.fillStyle = theme.axisGrid;
    const tickHeight = Math.round((tick.major ? 7 : 4) * dpr);
    ctx.fillRect(x, top, Math.max(1, Math.round(dpr)), tickHeight);
    const width = ctx.measureText(tick.label).width;
    const tx = x + Math.round(3 * dpr);
    if (tx + width > w) continue;
    ctx.fillStyle = theme.axisText;
    ctx.fillText(tick.label, tx, textY);
  }
}

function markerColour(theme: TimelineTheme, m: Pick<TimelineMarker, 'kind' | 'severity' | 'color'>): string {
  if (m.color) return m.color;
  if (m.severity) return theme.severity[m.severity];
  return theme.kindColor(m.kind);
}

function paintMarkers(ctx: CanvasRenderingContext2D, scene: TimelineScene, laneBottom: number): void {
  const { theme, dpr } = scene;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.font = `bold ${theme.font.replace(/^([\d.]+)px/, (_, n: string) => `${Number(n) * 0.9 * dpr}px`)}`;
  const laneTop = 1 * dpr;
  for (const cluster of scene.clusters) {
    const x = Math.round(cluster.x * dpr);
    const first = cluster.markers[0]!;
    if (cluster.markers.length === 1) {
      // A pin: a downward triangle pointing at the instant on the bar.
      const half = 4.5 * dpr;
      ctx.fillStyle = markerColour(theme, first);
      ctx.beginPath();
      ctx.moveTo(x - half, laneBottom - 9 * dpr);
      ctx.lineTo(x + half, laneBottom - 9 * dpr);
      ctx.lineTo(x, laneBottom);
      ctx.closePath();
      ctx.fill();
      continue;
    }
    const label = cluster.markers.length > 999 ? '999+' : String(cluster.markers.length);
    const width = Math.max(14 * dpr, ctx.measureText(label).width + 8 * dpr);
    const height = laneBottom - laneTop - 1 * dpr;
    ctx.fillStyle = markerColour(theme, { kind: first.kind, severity: cluster.severity, color: uniformColour(cluster) });
    ctx.beginPath();
    ctx.roundRect(Math.round(x - width / 2), laneTop, Math.round(width), Math.round(height), height / 2);
    ctx.fill();
    ctx.fillStyle = readableOn(ctx.fillStyle, theme.badgeText);
    ctx.fillText(label, x, laneTop + height / 2 + 0.5 * dpr);
  }
  ctx.textAlign = 'start';
}

/**
 * The badge text colour, or black when the badge is too light for it (amber
 * badges with white text read at about 2:1). `fill` is the canvas's own
 * normalised form of the badge colour: `#rrggbb`, or `rgba(…)`.
 */
function readableOn(fill: string | CanvasGradient | CanvasPattern, text: string): string {
  if (typeof fill !== 'string') return text;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  const rgb = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : /^rgba?\((\d+), (\d+), (\d+)/.exec(fill)?.slice(1).map(Number);
  if (!rgb) return text;
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Above this, black text has the better contrast ratio.
  return luminance > 0.179 ? '#000' : text;
}

function uniformColour(cluster: MarkerCluster): string | undefined {
  const colour = cluster.markers[0]!.color;
  return colour && cluster.markers.every((m) => m.color === colour) ? colour : undefined;
}
