import type { MarkerSeverity } from './types.js';

/** Colours and sizes the canvas is painted with, read from the element's custom properties. */
export interface TimelineTheme {
  recorded: string;
  missing: string;
  background: string;
  axisText: string;
  axisGrid: string;
  heat: string;
  badgeText: string;
  font: string;
  severity: Record<MarkerSeverity, string>;
  /** Colour of a marker kind without severity (`tag`, host kinds). */
  kindColor(kind: string): string;
  /** Lane heights, CSS px, top to bottom. */
  markerLane: number;
  heatLane: number;
  track: number;
  axisLane: number;
}

const SEVERITIES: MarkerSeverity[] = ['low', 'medium', 'high', 'critical'];

/**
 * Reads the theme from the computed custom properties of `el` (see the
 * element's `@cssproperty` list). Canvas drawing cannot use CSS directly, so
 * the element reads this again when its theme or size changes.
 */
export function readTheme(el: Element): TimelineTheme {
  const style = getComputedStyle(el);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const size = (name: string, fallback: number) => {
    const n = Number.parseFloat(style.getPropertyValue(name));
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  const kinds = new Map<string, string>();
  const defaultMarker = get('--_marker', '#26c6da');
  return {
    recorded: get('--_recorded', '#9aa0a6'),
    missing: get('--_missing', '#000'),
    background: get('--_bg', '#f4f5f7'),
    axisText: get('--_axis-fg', '#3c4043'),
    axisGrid: get('--_axis-grid', '#9aa0a6'),
    heat: get('--_heat', '#ff8c1a'),
    badgeText: get('--_badge-fg', '#fff'),
    font: `${get('--_font-size', '11px')} ${style.fontFamily || 'system-ui, sans-serif'}`,
    severity: Object.fromEntries(SEVERITIES.map((s) => [s, get(`--_marker-${s}`, defaultMarker)])) as Record<MarkerSeverity, string>,
    kindColor(kind) {
      let colour = kinds.get(kind);
      if (colour === undefined) {
        // Host kinds are themed with --sp-marker-<kind>; unknown ones share the default.
        colour = /^[\w-]+$/.test(kind) ? get(`--sp-marker-${kind}`, kind === 'tag' ? get('--_marker-tag', defaultMarker) : defaultMarker) : defaultMarker;
        kinds.set(kind, colour);
      }
      return colour;
    },
    markerLane: size('--_marker-lane', 16),
    heatLane: size('--_heat-height', 6),
    track: size('--_track-height', 20),
    axisLane: size('--_axis-height', 18),
  };
}
