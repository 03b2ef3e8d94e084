import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../context-menu/context-menu.define.js';
import type { DemoContextMenu, MenuItem } from '../context-menu/context-menu.js';
import { columns, nextSortOrder, sortRows, type ColumnId, type SortOrder } from './columns.js';
import { formatDuration, formatSessionStart } from './format.js';
import type { GridRow } from './grid-row.js';
import { movieCameraIcon, sortAscendingIcon, sortDescendingIcon, sortNoneIcon } from './icons.js';
import { RowsQueryController } from './rows-query.controller.js';
import { restRowsSource, type RowsSource } from './rows-source.js';
import { sessionGridStyles } from './session-grid.styles.js';

/** What a host needs to open the player on a row. */
export interface ViewRecordDetail {
  userId: string;
  computerId: string;
  sessionId: string;
  /** Session start, epoch ms: where playback should begin. */
  at: number;
  /** For the player dialog's title. */
  userName: string;
  computerName: string;
}

export type SessionGridStatus = 'loading' | 'ready' | 'empty' | 'error';

const HEADER_ROW = -1;
const PAGE_JUMP = 10;
const SKELETON_ROWS = 8;

const menuItems: readonly MenuItem[] = [
  { id: 'view-record', label: 'View record', icon: movieCameraIcon },
  { id: 'copy-session-id', label: 'Copy session id', separated: true },
];

/**
 * A BI-style grid of recorded sessions: sortable columns, keyboard navigation
 * (arrows, Home/End, Page Up/Down, Enter opens the record), a movie-camera
 * button per row and a right-click / Shift+F10 context menu with "View record".
 *
 * Rows come from `rows` when set; otherwise they are loaded page by page
 * (last `range-days` days) from `source`, or from `GET <endpoint>` by default.
 *
 * @event view-record - `detail: ViewRecordDetail`; bubbles and is composed.
 * @csspart frame - the bordered box.
 * @csspart row - each data row (also carries `data-session-id`).
 * @csspart camera-button - the per-row "View record" button.
 * @cssproperty --demo-session-grid-max-height - height before the grid scrolls (default 70vh).
 * @cssproperty --demo-grid-bg, --demo-grid-fg, --demo-grid-muted, --demo-grid-border, --demo-grid-accent
 *
 * The host reflects its state as `data-status="loading|ready|empty|error"`.
 */
export class DemoSessionGrid extends LitElement {
  static override styles = sessionGridStyles;

  static override properties = {
    rows: { attribute: false },
    source: { attribute: false },
    endpoint: { type: String },
    rangeDays: { type: Number, attribute: 'range-days' },
    pageSize: { type: Number, attribute: 'page-size' },
    label: { type: String },
    sortOrder: { state: true },
    focusRow: { state: true },
    focusColumn: { state: true },
    announcement: { state: true },
  };

  /** Rows to show as they are; when set, nothing is fetched. */
  declare rows: readonly GridRow[] | undefined;
  /** Where pages come from when `rows` is not set; defaults to the REST endpoint. */
  declare source: RowsSource | undefined;
  /** `GET` endpoint answering `?from&to&limit&cursor` with `{ items, nextCursor }`. */
  declare endpoint: string;
  /** The trailing window to list, in days. */
  declare rangeDays: number;
  /** Rows per request. */
  declare pageSize: number;
  /** Accessible name of the grid. */
  declare label: string;

  declare private sortOrder: SortOrder | null;
  /** Roving focus: `HEADER_ROW` or an index into the displayed rows. */
  declare private focusRow: number;
  declare private focusColumn: number;
  declare private announcement: string;

  private readonly query = new RowsQueryController(this);
  private displayed: readonly GridRow[] = [];
  private sortedFrom: { rows: readonly GridRow[]; order: SortOrder | null } | null = null;
  private menuRow: GridRow | null = null;
  private sentinelObserver: IntersectionObserver | null = null;
  private observedStatus = '';

  constructor() {
    super();
    this.rows = undefined;
    this.source = undefined;
    this.endpoint = '/api/rows';
    this.rangeDays = 7;
    this.pageSize = 50;
    this.label = 'Recorded sessions';
    this.sortOrder = null;
    this.focusRow = HEADER_ROW;
    this.focusColumn = 0;
    this.announcement = '';
  }

  /** Loads the first page again (no-op when `rows` is set). */
  reload(): void {
    if (this.rows !== undefined) return;
    this.query.reload({
      source: this.source ?? restRowsSource(this.endpoint),
      rangeDays: this.rangeDays,
      pageSize: this.pageSize,
    });
  }

  get status(): SessionGridStatus {
    if (this.rows !== undefined) return this.rows.length ? 'ready' : 'empty';
    switch (this.query.status) {
      case 'error':
        return 'error';
      case 'ready':
        return this.query.rows.length ? 'ready' : 'empty';
      default:
        return this.query.rows.length ? 'ready' : 'loading';
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sentinelObserver = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.query.loadMore();
    });
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (sentinel) this.sentinelObserver.observe(sentinel);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sentinelObserver?.disconnect();
    this.sentinelObserver = null;
    this.observedStatus = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const queryInputs = ['rows', 'source', 'endpoint', 'rangeDays', 'pageSize'] as const;
    if (queryInputs.some((key) => changed.has(key))) {
      if (this.rows === undefined) this.reload();
      else this.query.cancel();
    }

    const rows = this.rows ?? this.query.rows;
    if (this.sortedFrom?.rows !== rows || this.sortedFrom.order !== this.sortOrder) {
      this.displayed = sortRows(rows, this.sortOrder);
      this.sortedFrom = { rows, order: this.sortOrder };
    }
    if (this.focusRow >= this.displayed.length) this.focusRow = this.displayed.length - 1;
  }

  protected override firstUpdated(): void {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (sentinel) this.sentinelObserver?.observe(sentinel);
  }

  protected override updated(): void {
    this.dataset['status'] = this.status;
    // An observer only reports changes; when a page arrives and the sentinel is
    // still on screen, observing again makes it report (and fetch) once more.
    const status = `${this.query.status}:${this.query.rows.length}`;
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (status !== this.observedStatus && this.query.hasMore && sentinel && this.sentinelObserver) {
      this.sentinelObserver.unobserve(sentinel);
      this.sentinelObserver.observe(sentinel);
    }
    this.observedStatus = status;
  }

  protected override render() {
    const status = this.status;
    return html`
      <div class="frame" part="frame">
        <div class="scroller" @scroll=${this.closeMenu}>
          <table
            role="grid"
            aria-label=${this.label}
            aria-rowcount=${this.query.hasMore ? -1 : this.displayed.length + 1}
            aria-busy=${status === 'loading' ? 'true' : 'false'}
            @keydown=${this.onKeydown}
            @focusin=${this.onFocusin}
            @contextmenu=${this.onContextmenu}
          >
            <thead>
              <tr role="row" aria-rowindex="1">
                ${columns.map((column, index) => this.renderHeader(column.id, index))}
              </tr>
            </thead>
            <tbody>
              ${status === 'loading' ? this.renderSkeleton() : this.renderRows()}
            </tbody>
          </table>
          ${this.renderState(status)}
          <div class="sentinel" aria-hidden="true"></div>
        </div>
        ${this.renderFooter()}
      </div>
      <div class="visually-hidden" role="status">${status === 'loading' ? 'Loading sessions…' : this.announcement}</div>
      <demo-context-menu label="Session actions" .items=${menuItems} @menu-select=${this.onMenuSelect}></demo-context-menu>
    `;
  }

  private renderHeader(id: ColumnId, index: number) {
    const column = columns[index]!;
    const sorted = this.sortOrder?.column === id ? this.sortOrder.direction : null;
    const tabindex = this.tabindexFor(HEADER_ROW, index);
    const icon = sorted === 'ascending' ? sortAscendingIcon : sorted === 'descending' ? sortDescendingIcon : sortNoneIcon;
    if (!column.sortKey) {
      return html`<th role="columnheader" scope="col" data-r=${HEADER_ROW} data-c=${index} tabindex=${tabindex}>
        <span class="visually-hidden">${column.label}</span>
      </th>`;
    }
    return html`<th
      role="columnheader"
      scope="col"
      class=${column.numeric ? 'numeric' : ''}
      aria-sort=${sorted ?? 'none'}
    >
      <button
        type="button"
        class="sort"
        data-r=${HEADER_ROW}
        data-c=${index}
        tabindex=${tabindex}
        @click=${() => (this.sortOrder = nextSortOrder(this.sortOrder, id))}
      >
        <span>${column.label}</span>${icon}
      </button>
    </th>`;
  }

  private renderRows() {
    return repeat(
      this.displayed,
      (row) => row.sessionId,
      (row, r) => {
        const start = formatSessionStart(row.start, row.timezone);
        const alertLevel = row.notifications === 0 ? 'none' : row.notifications < 5 ? 'some' : 'many';
        const td = (c: number, className: string, content: unknown) =>
          html`<td role="gridcell" class=${className} data-r=${r} data-c=${c} tabindex=${this.tabindexFor(r, c)}>
            ${content}
          </td>`;
        return html`<tr role="row" part="row" aria-rowindex=${r + 2} data-session-id=${row.sessionId}>
          <td role="gridcell">
            <button
              type="button"
              class="camera"
              part="camera-button"
              data-r=${r}
              data-c="0"
              tabindex=${this.tabindexFor(r, 0)}
              aria-label=${`View record for ${row.userName}`}
              title="View record"
              @click=${() => this.viewRecord(row)}
            >
              ${movieCameraIcon}
            </button>
          </td>
          ${td(1, '', html`<span class="user">${row.userName}</span>`)}
          ${td(2, 'mono muted', row.login)}
          ${td(3, '', row.computerName)}
          ${td(
            4,
            'start',
            html`<span title=${start.timeZone}>${start.dateTime}</span><span class="zone">${start.zone}</span>`,
          )}
          ${td(5, 'numeric', formatDuration(row.durationMs))}
          ${td(6, '', html`<span class="pill">${row.protocol}</span>`)}
          ${td(7, 'mono', row.clientIp)}
          ${td(8, 'numeric', html`<span class="alerts" data-level=${alertLevel}>${row.notifications}</span>`)}
        </tr>`;
      },
    );
  }

  private renderSkeleton() {
    return Array.from(
      { length: SKELETON_ROWS },
      () => html`<tr class="skeleton" aria-hidden="true">
        ${columns.map(() => html`<td><span class="bone"></span></td>`)}
      </tr>`,
    );
  }

  private renderState(status: SessionGridStatus) {
    if (status === 'empty') {
      const why =
        this.rows === undefined
          ? `No sessions were recorded in the last ${this.rangeDays} days.`
          : 'There are no sessions to show.';
      return html`<div class="state" data-kind="empty" role="status">
        <h3>No recorded sessions</h3>
        <p>${why}</p>
      </div>`;
    }
    if (status === 'error') {
      return html`<div class="state" data-kind="error" role="alert">
        <h3>Couldn't load sessions</h3>
        <p>${this.query.error?.message ?? 'Something went wrong.'}</p>
        <button type="button" class="button" data-variant="primary" @click=${() => this.query.retry()}>
          Retry
        </button>
      </div>`;
    }
    return nothing;
  }

  private renderFooter() {
    const count = this.displayed.length;
    if (count === 0) return nothing;
    const { status, error, hasMore } = this.query;
    const fetching = this.rows === undefined;
    let action: unknown = nothing;
    if (fetching && status === 'loading') {
      action = html`<span><span class="spinner" aria-hidden="true"></span>Loading more…</span>`;
    } else if (fetching && status === 'error') {
      action = html`<span class="error" role="alert">${error?.message}</span>
        <button type="button" class="button" @click=${() => this.query.retry()}>Retry</button>`;
    } else if (hasMore) {
      action = html`<button type="button" class="button" @click=${() => this.query.loadMore()}>Load more</button>`;
    }
    const noun = count === 1 ? 'session' : 'sessions';
    const total = fetching && !hasMore && status === 'ready' ? `All ${count} ${noun}` : `${count} ${noun}`;
    return html`<div class="footer"><span>${total}</span>${action}</div>`;
  }

  private tabindexFor(r: number, c: number): string {
    return r === this.focusRow && c === this.focusColumn ? '0' : '-1';
  }

  private cellElement(r: number, c: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`);
  }

  private static positionOf(target: EventTarget | null): { r: number; c: number } | null {
    const el = target instanceof Element ? target.closest<HTMLElement>('[data-r]') : null;
    if (!el) return null;
    return { r: Number(el.dataset['r']), c: Number(el.dataset['c']) };
  }

  private async moveFocus(r: number, c: number): Promise<void> {
    this.focusRow = Math.max(HEADER_ROW, Math.min(r, this.displayed.length - 1));
    this.focusColumn = Math.max(0, Math.min(c, columns.length - 1));
    await this.updateComplete;
    this.cellElement(this.focusRow, this.focusColumn)?.focus();
  }

  private onFocusin = (event: FocusEvent): void => {
    const pos = DemoSessionGrid.positionOf(event.target);
    if (!pos) return;
    this.focusRow = pos.r;
    this.focusColumn = pos.c;
  };

  private onKeydown = (event: KeyboardEvent): void => {
    const pos = DemoSessionGrid.positionOf(event.target);
    if (!pos) return;
    const { r, c } = pos;
    const last = this.displayed.length - 1;
    const onButton = event.target instanceof HTMLButtonElement;
    let to: [number, number] | null = null;
    switch (event.key) {
      case 'ArrowDown':
        to = [r + 1, c];
        if (r >= last) this.query.loadMore();
        break;
      case 'ArrowUp':
        to = [r - 1, c];
        break;
      case 'ArrowRight':
        to = [r, c + 1];
        break;
      case 'ArrowLeft':
        to = [r, c - 1];
        break;
      case 'Home':
        to = event.ctrlKey ? [0, 0] : [r, 0];
        break;
      case 'End':
        to = event.ctrlKey ? [last, columns.length - 1] : [r, columns.length - 1];
        break;
      case 'PageDown':
        to = [r + PAGE_JUMP, c];
        break;
      case 'PageUp':
        to = [Math.max(0, r - PAGE_JUMP), c];
        break;
      case 'Enter': {
        const row = this.displayed[r];
        if (onButton || !row) return;
        event.preventDefault();
        this.viewRecord(row);
        return;
      }
      case 'F10':
        if (!event.shiftKey) return;
        event.preventDefault();
        this.openMenuAtCell(r, event.target as HTMLElement);
        return;
      case 'ContextMenu':
        event.preventDefault();
        this.openMenuAtCell(r, event.target as HTMLElement);
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.moveFocus(...to);
  };

  private onContextmenu = (event: MouseEvent): void => {
    const pos = DemoSessionGrid.positionOf(event.target);
    const row = pos ? this.displayed[pos.r] : undefined;
    if (!pos || !row) return;
    event.preventDefault();
    const cell = this.cellElement(pos.r, pos.c);
    // A keyboard-raised contextmenu has no pointer position; anchor it to the cell.
    if (event.clientX === 0 && event.clientY === 0) {
      this.openMenuAtCell(pos.r, cell);
      return;
    }
    cell?.focus({ preventScroll: true });
    this.menuRow = row;
    this.menu?.show({ x: event.clientX, y: event.clientY }, cell);
  };

  private openMenuAtCell(r: number, cell: HTMLElement | null): void {
    const row = this.displayed[r];
    if (!row || !cell) return;
    const rect = cell.getBoundingClientRect();
    this.menuRow = row;
    this.menu?.show({ x: rect.left + 8, y: rect.bottom - 4 }, cell);
  }

  private get menu(): DemoContextMenu | null {
    return this.renderRoot.querySelector('demo-context-menu');
  }

  private closeMenu = (): void => this.menu?.hide(false);

  private onMenuSelect = (event: CustomEvent<{ id: string }>): void => {
    event.stopPropagation();
    const row = this.menuRow;
    this.menuRow = null;
    if (!row) return;
    if (event.detail.id === 'view-record') this.viewRecord(row);
    if (event.detail.id === 'copy-session-id') void this.copySessionId(row);
  };

  private async copySessionId(row: GridRow): Promise<void> {
    try {
      await navigator.clipboard.writeText(row.sessionId);
      this.announcement = `Session id ${row.sessionId} copied.`;
    } catch {
      this.announcement = "Couldn't copy the session id: the browser denied clipboard access.";
    }
  }

  private viewRecord(row: GridRow): void {
    const detail: ViewRecordDetail = {
      userId: row.userId,
      computerId: row.computerId,
      sessionId: row.sessionId,
      at: row.start,
      userName: row.userName,
      computerName: row.computerName,
    };
    this.dispatchEvent(new CustomEvent('view-record', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-session-grid': DemoSessionGrid;
  }
  interface HTMLElementEventMap {
    'view-record': CustomEvent<ViewRecordDetail>;
  }
}
