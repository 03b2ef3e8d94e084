import { html } from 'lit';

/** Movie camera (two reels, body, lens): the product's "view the recording" affordance. */
export const movieCameraIcon = html`<svg
  viewBox="0 0 24 24"
  width="20"
  height="20"
  fill="none"
  stroke="currentColor"
  stroke-width="1.7"
  stroke-linecap="round"
  stroke-linejoin="round"
  aria-hidden="true"
  focusable="false"
>
  <circle cx="6.5" cy="6" r="2.5" />
  <circle cx="12.5" cy="6" r="2.5" />
  <rect x="3" y="10" width="13" height="9" rx="2" />
  <path d="m16 13.2 5-2.7v8l-5-2.7" />
</svg>`;

const sortArrow = (d: string, className: string) =>
  html`<svg class=${className} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
    <path fill="currentColor" d=${d} />
  </svg>`;

export const sortAscendingIcon = sortArrow('M8 3.5 12.5 10h-9L8 3.5Z', 'sort-icon');
export const sortDescendingIcon = sortArrow('M8 12.5 3.5 6h9L8 12.5Z', 'sort-icon');
export const sortNoneIcon = sortArrow('M8 1.5 11.5 6.5h-7L8 1.5Zm0 13L4.5 9.5h7L8 14.5Z', 'sort-icon sort-icon--idle');
