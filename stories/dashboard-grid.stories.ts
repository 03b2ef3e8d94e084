import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import '../demo/src/session-grid/session-grid.define.js';
import type { GridRow } from '../demo/src/session-grid/grid-row.js';
import { RowsLoadError, type RowsSource } from '../demo/src/session-grid/rows-source.js';

/** Fixed clock so every render (and every screenshot) shows the same rows. */
const NOW = Date.UTC(2025, 2, 14, 16, 30);

const people = [
  ['u-ada', 'Ada Lovelace', 'ada'],
  ['u-alan', 'Alan Turing', 'aturing'],
  ['u-grace', 'Grace Hopper', 'ghopper'],
  ['u-margaret', 'Margaret Hamilton', 'mhamilton'],
  ['u-ken', 'Ken Thompson', 'kthompson'],
  ['u-barbara', 'Barbara Liskov', 'bliskov'],
  ['u-edsger', 'Edsger Dijkstra', 'edijkstra'],
] as const;
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/London', 'America/Los_Angeles'];
const protocols = ['RDP', 'Console', 'Citrix ICA', 'SSH'];

/** Deterministic sessions over the week before {@link NOW}, newest first. */
function sampleRows(count: number): GridRow[] {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, i) => {
    const [userId, userName, login] = people[i % people.length]!;
    const start = NOW - Math.floor(i * 50 * 60_000 + random() * 40 * 60_000);
    const durationMs = Math.floor(5 * 60_000 + random() * 5 * 3_600_000);
    const computer = 100 + ((i * 7) % 40);
    return {
      userId,
      userName,
      login: `CORP\\${login}`,
      computerId: `c-${computer}`,
      computerName: `WS-${computer}`,
      sessionId: `s-${(50_000 + i).toString(36)}`,
      start,
      end: i === 0 ? null : start + durationMs,
      durationMs,
      protocol: protocols[i % protocols.length]!,
      clientIp: `10.${i % 4}.${(i * 13) % 250}.${(i * 29) % 250}`,
      timezone: zones[i % zones.length]!,
      notifications: i % 4 === 0 ? 0 : Math.floor(random() * 12),
    };
  });
}

/** Serves `rows` page by page after `delayMs`, like the REST endpoint does. */
function pagedSource(rows: readonly GridRow[], delayMs: number): RowsSource {
  return async ({ limit, cursor }, { signal }) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    signal.throwIfAborted();
    const offset = Number(cursor ?? 0);
    const items = rows.slice(offset, offset + limit);
    return { items, nextCursor: offset + limit < rows.length ? String(offset + limit) : null };
  };
}

interface GridArgs {
  rows?: GridRow[];
  source?: RowsSource;
  label: string;
  pageSize: number;
}

const meta: Meta<GridArgs> = {
  title: 'Demo/Session grid',
  component: 'demo-session-grid',
  args: { label: 'Recorded sessions', pageSize: 50 },
  argTypes: { rows: { control: false }, source: { control: false } },
  render: ({ rows, source, label, pageSize }) => html`<demo-session-grid
    .rows=${rows}
    .source=${source}
    label=${label}
    page-size=${pageSize}
    @view-record=${action('view-record')}
  ></demo-session-grid>`,
};
export default meta;

type Story = StoryObj<GridArgs>;

/** A week of sessions, supplied directly through the `rows` property. */
export const ManyRows: Story = { args: { rows: sampleRows(120) } };

export const Empty: Story = { args: { rows: [] } };

/** The first page failed: the message and a Retry button. */
export const LoadError: Story = {
  name: 'Error',
  args: {
    source: async () => {
      throw new RowsLoadError('http', 'The server answered 503 Service Unavailable.');
    },
  },
};

/** Waiting for the first page. */
export const Loading: Story = { args: { source: () => new Promise(() => {}) } };

/** Pages of 25 arrive as you scroll (or press "Load more"). */
export const InfiniteScroll: Story = { args: { source: pagedSource(sampleRows(140), 400), pageSize: 25 } };

/** Backend text is rendered as text, never as markup. */
export const HostileText: Story = {
  args: {
    rows: sampleRows(3).map((row, i) => ({
      ...row,
      userName: ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'Ζωή Παπαδοπούλου-Χατζηγεωργίου'][i]!,
      protocol: '<b>RDP</b>',
      timezone: i === 1 ? 'Not/A_Zone' : row.timezone,
    })),
  },
};
