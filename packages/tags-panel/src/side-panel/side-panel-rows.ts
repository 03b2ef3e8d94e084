import { html, nothing, type TemplateResult } from 'lit';
import type { Instant, PanelEvent, PanelSeverity } from '../types.js';
import { highlight } from './highlight.js';
import { indexAt } from './event-index.js';
import type { PanelMessageKey } from './messages.js';
import type { KeystrokeRun } from './types.js';

export type PanelRow = PanelEvent | KeystrokeRun;

/** What every row needs to know besides its item. */
export interface RowContext {
  /** The search term to mark. */
  term: string;
  /** Label each row with its kind (results from all tabs). */
  showKind: boolean;
  setSize: number;
  /** Index of the row at the playhead (-1: none). */
  current: number;
  /** Index of the row that takes focus from Tab (roving tabindex). */
  tabbable: number;
  value: Instant | null;
  t: (key: PanelMessageKey) => string;
  time: (at: Instant) => string;
}

const SEVERITIES: readonly string[] = ['low', 'medium', 'high', 'critical'];

export function isRun(row: PanelRow): row is KeystrokeRun {
  return Array.isArray((row as KeystrokeRun).events);
}

/** The virtualizer can ask for a row past the end for one frame after its list shrank: key and render those as gaps. */
export const rowKey = (row: PanelRow | undefined, index: number): string => (!row ? `gap:${index}` : isRun(row) ? `run:${row.id}` : row.id);

/**
 * One list row. Every backend string goes in as a text part inside `<bdi>`:
 * never markup, never a link, and a right-to-left override inside it
 * cannot reorder the time or labels around it.
 */
export function renderRow(row: PanelRow | undefined, index: number, ctx: RowContext): TemplateResult {
  if (!row) return html`<div class="gap"></div>`;
  const current = index === ctx.current;
  return html`<div
    part=${current ? 'row current-row' : 'row'}
    class="row"
    role="listitem"
    data-index=${index}
    data-kind=${isRun(row) ? 'keystroke-run' : row.kind}
    tabindex=${index === ctx.tabbable ? 0 : -1}
    aria-current=${current ? 'true' : nothing}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    ?data-current=${current}
  >
    <time part="row-time" class="time" datetime=${isoOf(row.at)}>${ctx.time(row.at)}</time>
    <div class="main">${isRun(row) ? runBody(row, current, ctx) : eventBody(row, ctx)}</div>
  </div>`;
}

function eventBody(e: PanelEvent, ctx: RowContext): TemplateResult {
  const { t, term } = ctx;
  const kind = ctx.showKind ? html`<span part="row-kind" class="kind">${t(`kind_${e.kind}`)}</span>` : nothing;
  const title = e.kind === 'keystroke' ? e.text : e.title;
  return html`<div part="row-title" class="title">${kind}${text(title, term)}</div>
    <div part="row-details" class="details">
      ${e.kind === 'notification'
        ? html`${severity(e.severity, t)}${labelled(t('rule'), e.rule, term)}`
        : nothing}${field(e.app, term)}${field(e.window, term)}${e.kind === 'activity' && e.url
        ? labelled(t('url'), e.url, term)
        : nothing}
    </div>`;
}

function runBody(run: KeystrokeRun, current: boolean, ctx: RowContext): TemplateResult {
  const { term } = ctx;
  const playing = current && ctx.value !== null ? indexAt(run.events, ctx.value) : -1;
  return html`<div part="row-title" class="title">${text(run.window, term)}</div>
    <div part="row-details" class="details">${field(run.app, term)}</div>
    <div part="typed" class="typed">${run.events.map(
      (e, k) =>
        html`<span
          part="keystroke"
          class="key"
          role="button"
          tabindex="-1"
          title=${ctx.time(e.at)}
          data-at=${e.at}
          ?data-current=${k === playing}
          >${text(e.text, term)}</span
        >`,
    )}</div>`;
}

function severity(value: PanelSeverity, t: RowContext['t']): TemplateResult {
  const known = SEVERITIES.includes(value);
  return html`<span part="severity" class="field severity" data-severity=${known ? value : 'unknown'}
    ><span class="chip" aria-hidden="true"></span>${known ? t(`severity_${value}`) : html`<bdi>${String(value)}</bdi>`}</span
  >`;
}

function labelled(label: string, value: string, term: string): TemplateResult | typeof nothing {
  return value ? html`<span class="field"><span class="label">${label}</span> ${text(value, term)}</span>` : nothing;
}

function field(value: string, term: string): TemplateResult | typeof nothing {
  return value ? html`<span class="field">${text(value, term)}</span>` : nothing;
}

/** Backend text, isolated for bidi, with the search term marked. */
function text(value: unknown, term: string): TemplateResult {
  const s = typeof value === 'string' ? value : value == null ? '' : String(value);
  return html`<bdi>${highlight(s, term).map((p) => (p.match ? html`<mark part="mark">${p.text}</mark>` : p.text))}</bdi>`;
}

function isoOf(at: Instant): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
