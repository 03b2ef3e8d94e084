import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryDataSource, PlayerError, type SessionDataSource, type SessionInfo } from '@session-player/player';
import { poolStream, type FixturePool } from '../demo/fixtures/pool-stream.js';
import { sealedPoolStream } from '../demo/fixtures/sealed-pool-stream.js';
import { SyntheticDesktop } from '../demo/fixtures/synthetic-desktop.js';

/** The fixture pool, served by Storybook at /media/pool (see .storybook/main.ts). */
const POOL_URL = '/media/pool/';
const HOUR = 3_600_000;
const MIN = 60_000;
// A working day in Berlin: 08:30–12:15, lunch, 13:00–17:40 with a 3-minute agent outage.
const DAY = Date.parse('2026-03-17T00:00:00+01:00');
const SPANS = [
  { start: DAY + 8.5 * HOUR, end: DAY + 12.25 * HOUR },
  { start: DAY + 13 * HOUR, end: DAY + 15 * HOUR + 2 * MIN },
  { start: DAY + 15 * HOUR + 5 * MIN, end: DAY + 17 * HOUR + 40 * MIN },
];

const info: SessionInfo = {
  stream: { userId: 'u-ada', computerId: 'ws-01' },
  user: { id: 'u-ada', name: 'Ada Lindqvist', login: 'alindqvist', ip: '10.20.4.17' },
  computer: { id: 'ws-01', name: 'FIN-WS-01', os: 'Windows 11' },
  timezone: 'Europe/Berlin',
  session: null,
  capabilities: ['view', 'screenshot', 'tagCreate', 'tagDelete'],
  encryption: null,
  live: { online: false },
  audioTracks: [
    { id: 'speakers', label: 'Speakers', channel: 0 },
    { id: 'microphone', label: 'Microphone', channel: 1 },
  ],
  recorded: { start: SPANS[0]!.start, end: SPANS[2]!.end },
};

let pool: Promise<FixturePool> | null = null;

async function recordedDay(): Promise<SessionDataSource> {
  pool ??= fetch(`${POOL_URL}pool.json`).then((r) => r.json() as Promise<FixturePool>);
  return new MemoryDataSource([poolStream(await pool, POOL_URL, info, SPANS)]);
}

/** The passphrase of the Encrypted story's recording. */
const STORY_PASSPHRASE = 'correct horse battery staple';

/** Ten minutes of the morning, sealed in the browser (end-to-end encrypted). */
async function sealedMorning(): Promise<SessionDataSource> {
  pool ??= fetch(`${POOL_URL}pool.json`).then((r) => r.json() as Promise<FixturePool>);
  const spans = [{ start: DAY + 9 * HOUR, end: DAY + 9 * HOUR + 10 * MIN }];
  const stream = await sealedPoolStream(await pool, POOL_URL, { ...info, recorded: spans[0]! }, spans, STORY_PASSPHRASE);
  return new MemoryDataSource([stream]);
}

/** A data source whose every call fails, to show the error state. */
const failing: SessionDataSource = {
  getSession: () => Promise.reject(new PlayerError('network', 'The server did not answer (connection refused).')),
  getCoverage: () => Promise.resolve([]),
  getMedia: () => Promise.reject(new PlayerError('network', 'offline')),
  getEvents: () => Promise.resolve({ items: [], nextCursor: null }),
  listTags: () => Promise.resolve([]),
  createTag: () => Promise.reject(new PlayerError('network', 'offline')),
  updateTag: () => Promise.reject(new PlayerError('network', 'offline')),
  deleteTag: () => Promise.reject(new PlayerError('network', 'offline')),
};

/** Never answers: the loading state. */
const pending: SessionDataSource = { ...failing, getSession: () => new Promise(() => undefined) };

const meta: Meta = {
  title: 'Player/session-player',
  component: 'session-player',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj<{ locale: string; at: number }>;

export const RecordedDay: Story = {
  args: { locale: 'en', at: DAY + 9 * HOUR + 30 * MIN },
  loaders: [async () => ({ source: await recordedDay() })],
  render: (args, { loaded }) =>
    html`<session-player .dataSource=${loaded.source} .ref=${{ userId: 'u-ada', computerId: 'ws-01', at: args.at }} .locale=${args.locale}></session-player>`,
};

export const German: Story = { ...RecordedDay, args: { locale: 'de', at: DAY + 13 * HOUR + 5 * MIN } };

export const InGapOpensNearest: Story = { ...RecordedDay, args: { locale: 'en', at: DAY + 12.5 * HOUR } };

export const NoRecordings: Story = {
  render: () => {
    const empty = new MemoryDataSource([{ info: { ...info, recorded: null }, segments: [] }]);
    return html`<session-player .dataSource=${empty} .ref=${{ userId: 'u-ada', computerId: 'ws-01' }}></session-player>`;
  },
};

export const Loading: Story = {
  render: () => html`<session-player .dataSource=${pending} .ref=${{ userId: 'u-ada' }}></session-player>`,
};

export const NetworkError: Story = {
  render: () => html`<session-player .dataSource=${failing} .ref=${{ userId: 'u-ada' }}></session-player>`,
};

/**
 * An end-to-end encrypted recording: masked until unlocked. Press Decrypt and
 * enter `correct horse battery staple`; a wrong passphrase makes the next try
 * wait longer each time. Lock (in the header) masks it again.
 */
export const Encrypted: Story = {
  args: { locale: 'en', at: DAY + 9 * HOUR + 2 * MIN },
  loaders: [async () => ({ source: await sealedMorning() })],
  render: RecordedDay.render!,
};

/**
 * The user is online: **Live** switches to the desktop as it is now (a small
 * desktop drawn and encoded in this page). Take control (the user agrees after
 * a moment) and type on the picture; freeze the user's input; History goes back.
 */
export const LiveView: Story = {
  args: { locale: 'en', at: DAY + 9 * HOUR + 30 * MIN },
  loaders: [
    async () => {
      pool ??= fetch(`${POOL_URL}pool.json`).then((r) => r.json() as Promise<FixturePool>);
      const desktop = new SyntheticDesktop();
      const online: SessionInfo = {
        ...info,
        live: { online: true },
        capabilities: [...info.capabilities, 'viewLive', 'remoteControl', 'freeze', 'ctrlAltDel'],
      };
      const stream = { ...poolStream(await pool, POOL_URL, online, SPANS), live: (signal?: AbortSignal) => desktop.connect(signal) };
      return { source: new MemoryDataSource([stream]) };
    },
  ],
  render: RecordedDay.render!,
};
