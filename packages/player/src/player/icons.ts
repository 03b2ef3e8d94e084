import { svg, type SVGTemplateResult } from 'lit';

/** Inline icons (24x24, currentColor) so the player needs no asset requests. */
const icon = (path: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="currentColor">${path}</svg>`;

export const icons = {
  play: icon(svg`<path d="M8 5v14l11-7z"/>`),
  pause: icon(svg`<path d="M6 5h4v14H6zm8 0h4v14h-4z"/>`),
  rewind: icon(svg`<path d="M11 18V6l-8.5 6 8.5 6zm.5-6 8.5 6V6l-8.5 6z"/>`),
  forward: icon(svg`<path d="m4 18 8.5-6L4 6v12zm9-12v12l8.5-6L13 6z"/>`),
  toStart: icon(svg`<path d="M6 6h2v12H6zm3.5 6 8.5 6V6z"/>`),
  toEnd: icon(svg`<path d="m6 18 8.5-6L6 6v12zM16 6v12h2V6h-2z"/>`),
  previousDay: icon(svg`<path d="M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z"/>`),
  nextDay: icon(svg`<path d="M10 6 8.6 7.4 13.2 12l-4.6 4.6L10 18l6-6z"/>`),
  volume: icon(svg`<path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/>`),
  muted: icon(svg`<path d="M16.5 12A4.5 4.5 0 0 0 14 8v2.2l2.5 2.5V12zM19 12c0 .9-.2 1.8-.5 2.6l1.5 1.5A8.8 8.8 0 0 0 21 12a9 9 0 0 0-7-8.8v2.1a7 7 0 0 1 5 6.7zM4.3 3 3 4.3 7.7 9H3v6h4l5 5v-6.7l4.3 4.3a7 7 0 0 1-2.3 1.2v2.1a9 9 0 0 0 3.7-1.8l2 2L21 19.7l-9-9L4.3 3zM12 4 9.9 6.1 12 8.2V4z"/>`),
  close: icon(svg`<path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"/>`),
};
