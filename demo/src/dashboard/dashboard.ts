import { LitElement, html, nothing } from 'lit';
import '../session-grid/session-grid.define.js';
import type { DemoSessionGrid, ViewRecordDetail } from '../session-grid/session-grid.js';
import { dashboardStyles } from './dashboard.styles.js';

interface PlayerHandle {
  close(): void;
  closed: Promise<void>;
}

/**
 * The host application's page: chrome, an introduction and the sessions grid.
 * "View record" on a row opens `<session-player>` in a dialog through
 * `openSessionPlayer()`, which is what a real BI dashboard would call.
 */
export class DemoDashboard extends LitElement {
  static override styles = dashboardStyles;

  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    playerError: { state: true },
  };

  /** Base URL of the reference backend's REST API. */
  declare apiBase: string;
  declare private playerError: string | null;

  private player: PlayerHandle | null = null;
  private opening = false;

  constructor() {
    super();
    this.apiBase = '/api';
    this.playerError = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.player?.close();
    this.player = null;
  }

  protected override render() {
    return html`
      <header class="masthead">
        <span class="brand">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M3 5.5A2.5 2.5 0 0 1 5.5 3h13A2.5 2.5 0 0 1 21 5.5v9a2.5 2.5 0 0 1-2.5 2.5H14l1 2h1.5a1 1 0 1 1 0 2h-9a1 1 0 1 1 0-2H9l1-2H5.5A2.5 2.5 0 0 1 3 14.5v-9Zm4 7.2 2.6-3.1 2.3 2 3.2-4.1 1.6 1.2-4.5 5.8-2.3-2L8.6 14 7 12.7Z"/>
          </svg>
          Monitoring dashboard
        </span>
        <nav aria-label="Sections">
          <a href="#" aria-current="page">Recorded sessions</a>
        </nav>
      </header>
      <main>
        <section class="intro" aria-labelledby="title">
          <div>
            <p class="eyebrow">Monitoring dashboard</p>
            <h1 id="title">Recorded sessions</h1>
            <p class="lead">
              Desktop sessions recorded in the last 7 days. Open one with the camera button, by pressing Enter on
              a row, or right-click a row (Shift+F10 on the keyboard) and choose <strong>View record</strong>.
            </p>
          </div>
          <div class="toolbar">
            <span class="chip">Last 7 days</span>
            <button type="button" @click=${this.refresh}>Refresh</button>
          </div>
        </section>
        ${this.playerError
          ? html`<div class="banner" role="alert">
              <span>${this.playerError}</span>
              <button type="button" @click=${() => (this.playerError = null)}>Dismiss</button>
            </div>`
          : nothing}
        <demo-session-grid endpoint=${`${this.apiBase}/rows`} @view-record=${this.onViewRecord}></demo-session-grid>
      </main>
    `;
  }

  private refresh = (): void => {
    this.renderRoot.querySelector<DemoSessionGrid>('demo-session-grid')?.reload();
  };

  private onViewRecord = async (event: CustomEvent<ViewRecordDetail>): Promise<void> => {
    if (this.opening) return;
    this.opening = true;
    this.playerError = null;
    const { userId, computerId, sessionId, at, userName, computerName } = event.detail;
    try {
      // The player (and its media stack) loads on first use, not with the page.
      const { openSessionPlayer, RestDataSource } = await import('@session-player/player');
      this.player?.close();
      const handle = await openSessionPlayer({
        dataSource: new RestDataSource({ baseUrl: this.apiBase }),
        ref: { userId, computerId, sessionId, at },
        label: userName ? `${userName} on ${computerName}` : undefined,
      });
      this.player = handle;
      void handle.closed.finally(() => {
        if (this.player === handle) this.player = null;
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.playerError = `Couldn't open the session player: ${reason}`;
    } finally {
      this.opening = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-dashboard': DemoDashboard;
  }
}
