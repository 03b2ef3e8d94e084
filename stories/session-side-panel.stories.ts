import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@session-player/tags-panel';
import type {
  PanelEvent,
  PanelQueryFn,
  PanelRange,
  PanelSeekDetail,
  PanelSeverity,
  PanelTab,
  PanelTag,
  SessionSidePanel,
  TagCreateDetail,
  TagDeleteDetail,
  TagUpdateDetail,
} from '@session-player/tags-panel';
// The package's own sample generator and paged in-memory backend (also used by its tests).
import { memoryQuery, sampleEvents, seededRandom } from '../packages/tags-panel/src/side-panel/sample-events.js';

/*
 * <session-side-panel> on its own: plain properties in, events out, no
 * backend. Every day below is generated from a fixed seed, so each render
 * (and each screenshot) shows the same rows. A `seek-request` moves the
 * playhead and the tag events edit the story's `tags`, as a player would.
 */

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Tuesday 17 March 2026, 00:00 in Berlin (CET, UTC+1): the same day as the timeline stories. */
const DAY = Date.parse('2026-03-17T00:00:00+01:00');
const RANGE: PanelRange = { start: DAY, end: DAY + 24 * HOUR };
const at = (hours: number, minutes = 0, seconds = 0) => DAY + hours * HOUR + minutes * MINUTE + seconds * SECOND;

// ---- a working day --------------------------------------------------------------

/** A screen the user works in: what its activity rows say and what is typed there. */
interface Screen {
  app: string;
  window: string;
  title: string;
  url: string | null;
  /** Typed in order, one keystroke event per piece; empty where nobody types. */
  typing: readonly string[];
}

const SCREENS: readonly Screen[] = [
  { app: 'Outlook', window: 'Inbox - anna.lindqvist@example.com - Outlook', title: 'Reading mail', url: null, typing: [] },
  {
    app: 'Outlook',
    window: 'RE: Budget 2026 - Message (HTML)',
    title: 'Writing a reply',
    url: null,
    typing: ['Hi Jonas, ', 'the numbers for Q1 ', 'are attached. ', 'I will review ', 'the budget draft ', 'tomorrow. ', 'Best, Anna'],
  },
  {
    app: 'Chrome',
    window: 'Account 4711 - Customer portal - Google Chrome',
    title: 'Account 4711 - Customer portal',
    url: 'https://crm.example.com/accounts/4711',
    typing: ['invoice 4711 ', 'status overdue'],
  },
  {
    app: 'Chrome',
    window: 'Release calendar - Confluence - Google Chrome',
    title: 'Release calendar - Confluence',
    url: 'https://wiki.example.com/display/REL/Release+calendar',
    typing: [],
  },
  { app: 'Excel', window: 'Budget 2026.xlsx - Excel', title: 'Budget 2026.xlsx', url: null, typing: ['Travel costs', '\t12500', '\t=SUM(B2:B14)'] },
  { app: 'Teams', window: 'Team sync | Microsoft Teams', title: 'Chat: Team sync', url: null, typing: ['running 5 min late, ', 'sorry! ', 'sure, send it over'] },
  { app: 'Terminal', window: 'anna@build-01: ~/release', title: 'Terminal', url: null, typing: ['git status', 'git pull --rebase', 'npm run build'] },
  { app: 'Word', window: 'Release notes 2.4.docx - Word', title: 'Release notes 2.4.docx', url: null, typing: ['Fixed: the export ', 'of large reports ', 'no longer times out.'] },
];

const SEVERITIES: readonly PanelSeverity[] = ['low', 'medium', 'high', 'critical'];
const ALERTS: Record<PanelSeverity, readonly { title: string; rule: string }[]> = {
  low: [
    { title: 'Application started: Excel', rule: 'Application usage' },
    { title: 'Printer used: FIN-PRN-2', rule: 'Printing' },
  ],
  medium: [
    { title: 'USB storage connected', rule: 'Removable media' },
    { title: 'Clipboard copy from finance share', rule: 'Data loss prevention' },
  ],
  high: [
    { title: 'Blocked website visited', rule: 'Web filter' },
    { title: 'Keyword typed: "password"', rule: 'Sensitive keywords' },
  ],
  critical: [
    { title: 'Customer database exported', rule: 'Data loss prevention' },
    { title: 'Security policy disabled', rule: 'Endpoint protection' },
  ],
};

/**
 * 08:05–17:50 with lunch 12:10–12:55: a screen every 2–14 minutes (an
 * activity), keystroke runs in the screens where people type, and
 * notifications of every severity along the way.
 */
function workingDay(): PanelEvent[] {
  const random = seededRandom(20_260_317);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const events: PanelEvent[] = [];
  let alerts = 0;
  let t = at(8, 5);
  while (t < at(17, 50)) {
    if (t >= at(12, 10) && t < at(12, 55)) t = at(12, 55, 4);
    const screen = pick(SCREENS);
    const durationMs = Math.round((2 + random() * 12) * MINUTE);
    const base = { app: screen.app, window: screen.window };
    events.push({ id: `a-${events.length}`, kind: 'activity', at: t, ...base, title: screen.title, url: screen.url, durationMs });
    if (screen.typing.length) {
      // One run: the pieces a few seconds apart, well inside the run gap.
      let k = t + Math.round((10 + random() * 50) * SECOND);
      for (const text of screen.typing) {
        events.push({ id: `k-${events.length}`, kind: 'keystroke', at: k, ...base, text });
        k += Math.round((3 + random() * 20) * SECOND);
      }
    }
    if (random() < 0.4) {
      const severity = SEVERITIES[alerts++ % SEVERITIES.length]!;
      const alert = pick(ALERTS[severity]);
      const when = t + Math.round(random() * durationMs * 0.9);
      events.push({ id: `n-${events.length}`, kind: 'notification', at: when, ...base, ...alert, severity });
    }
    t += durationMs;
  }
  return events.sort((a, b) => a.at - b.at);
}

const TAGS: readonly PanelTag[] = [
  { id: 'tag-1', at: at(9, 12), name: 'Reviewed: morning reconciliation', notes: '' },
  { id: 'tag-2', at: at(11, 40, 20), name: 'Follow up with team lead', notes: 'Asked about the USB stick at 11:38.' },
  // Made while offline: the outbox has not delivered it yet.
  { id: 'tag-3', at: at(14, 32), name: 'Incident #4312', notes: 'Customer list exported; ticket opened.', pending: 'create' },
  // Someone else renamed it while this edit was on its way.
  { id: 'tag-4', at: at(15, 3, 45), name: 'Check printer use', notes: 'FIN-PRN-2, 40 pages', conflict: 'changed' },
  { id: 'tag-5', at: at(16, 58), name: 'OK', notes: '' },
];

// ---- the hostile day ------------------------------------------------------------

const HOSTILE = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  'javascript:window.__xss = "url"',
  '\u202Etxt.exe — right-to-left override',
  '"><svg onload="window.__xss = \'svg\'">',
  `${'Very long window title '.repeat(434)}end`,
];

/** Every hostile string in every backend field, in every kind; a `javascript:` URL and a severity that is not one. */
function hostileDay(): PanelEvent[] {
  const events: PanelEvent[] = [];
  HOSTILE.forEach((s, i) => {
    const when = at(10) + i * 2 * MINUTE;
    events.push({ id: `xn-${i}`, kind: 'notification', at: when, app: s, window: s, title: s, rule: s, severity: SEVERITIES[i % 4]! });
    events.push({ id: `xa-${i}`, kind: 'activity', at: when, app: s, window: s, title: s, url: s, durationMs: MINUTE });
    events.push({ id: `xk-${i}`, kind: 'keystroke', at: when, app: s, window: s, text: s });
  });
  events.push({ id: 'xa-js', kind: 'activity', at: at(10, 20), app: 'Chrome', window: 'Link', title: 'A link', url: 'javascript:window.__xss = "href"', durationMs: MINUTE });
  events.push({ id: 'xn-sev', kind: 'notification', at: at(10, 21), app: 'Agent', window: '-', title: 'Unknown severity', rule: 'r', severity: '"><img src=x onerror="window.__xss = \'sev\'">' as PanelSeverity });
  return events;
}

const HOSTILE_TAGS: readonly PanelTag[] = HOSTILE.map((s, i) => ({ id: `xt-${i}`, at: at(10) + i * 2 * MINUTE, name: s, notes: s }));

// ---- backends -------------------------------------------------------------------

/** A slow backend: 900 ms per page of 500, so "Loading…", "500+" and "Searching…" can be seen. */
const SLOW_PAGE_MS = 900;

/** Fails the first request of each list and search (as an outage would), answers once Retry asks again. */
function failingOnce(events: readonly PanelEvent[]): PanelQueryFn {
  const answer = memoryQuery(events, 300);
  const tried = new Set<string>();
  return (q, signal) => {
    const key = JSON.stringify([q.kinds, q.text ?? '', q.cursor ?? '']);
    if (tried.has(key)) return answer(q, signal);
    tried.add(key);
    return new Promise((_, reject) => setTimeout(() => reject(new Error('503 Service Unavailable')), 300));
  };
}

// Built once per page load, shared by the stories that show the same day.
let working: PanelEvent[] | undefined;
let hundredThousand: PanelEvent[] | undefined;
let paged: PanelEvent[] | undefined;
const workingDayEvents = () => (working ??= workingDay());

// ---- the panel --------------------------------------------------------------------

interface PanelArgs {
  locale: 'en' | 'de';
  theme: 'light' | 'dark' | 'auto';
  zone: string;
  tab: PanelTab;
  playing: boolean;
  canCreateTags: boolean;
  canDeleteTags: boolean;
  /** Filled in by Storybook's actions panel (see `argTypes`); absent elsewhere. */
  onSeekRequest?: (detail: PanelSeekDetail) => void;
  onTagCreate?: (detail: TagCreateDetail) => void;
  onTagUpdate?: (detail: TagUpdateDetail) => void;
  onTagDelete?: (detail: TagDeleteDetail) => void;
}

/** What one story hands the panel besides its args. */
interface PanelDay {
  events?: PanelEvent[] | null;
  query?: PanelQueryFn | null;
  tags?: readonly PanelTag[];
  value?: number | null;
}

/** How long the story's "backend" takes to confirm a tag change (its "not yet saved" badge shows meanwhile). */
const SAVE_MS = 800;
let storyTagIds = 0;

/** Answers the tag events the way the player's tag store does: pending at once, saved a moment later. */
function tagHost(args: PanelArgs) {
  const saved = (el: SessionSidePanel, id: string) =>
    setTimeout(() => (el.tags = el.tags.map((tag) => (tag.id === id ? { ...tag, pending: null, conflict: null } : tag))), SAVE_MS);
  return {
    create: (e: CustomEvent<TagCreateDetail>) => {
      args.onTagCreate?.(e.detail);
      const el = e.currentTarget as SessionSidePanel;
      const id = `story-tag-${++storyTagIds}`;
      el.tags = [...el.tags, { id, ...e.detail.draft, pending: 'create' }];
      saved(el, id);
    },
    update: (e: CustomEvent<TagUpdateDetail>) => {
      args.onTagUpdate?.(e.detail);
      const el = e.currentTarget as SessionSidePanel;
      const { id, patch } = e.detail;
      el.tags = el.tags.map((tag) => (tag.id === id ? { ...tag, ...patch, pending: 'update' } : tag));
      saved(el, id);
    },
    delete: (e: CustomEvent<TagDeleteDetail>) => {
      args.onTagDelete?.(e.detail);
      const el = e.currentTarget as SessionSidePanel;
      el.tags = el.tags.filter((tag) => tag.id !== e.detail.tag.id);
    },
  };
}

function panel(args: PanelArgs, day: PanelDay): TemplateResult {
  const tags = tagHost(args);
  return html`<session-side-panel
    style="flex: 1; min-width: 0;"
    .events=${day.events ?? null}
    .query=${day.query ?? null}
    .range=${RANGE}
    .value=${day.value ?? null}
    .tags=${day.tags ?? []}
    .tab=${args.tab}
    .playing=${args.playing}
    .zone=${args.zone}
    .locale=${args.locale}
    .canCreateTags=${args.canCreateTags}
    .canDeleteTags=${args.canDeleteTags}
    theme=${args.theme}
    @seek-request=${(e: CustomEvent<PanelSeekDetail>) => {
      args.onSeekRequest?.(e.detail);
      // Move the playhead where the user asked, as a player does once the seek lands.
      (e.currentTarget as SessionSidePanel).value = e.detail.at;
    }}
    @tag-create=${tags.create}
    @tag-update=${tags.update}
    @tag-delete=${tags.delete}
  ></session-side-panel>`;
}

/** The panel as it sits beside a player: 360 × 560 px. */
function frame(content: TemplateResult, dark = false): TemplateResult {
  return html`<div style=${`display: flex; width: 360px; height: 560px; border: 1px solid ${dark ? '#5f6368' : '#c4c7cc'};`}>${content}</div>`;
}

const meta: Meta<PanelArgs> = {
  title: 'Side panel/session-side-panel',
  component: 'session-side-panel',
  parameters: { layout: 'padded' },
  args: { locale: 'en', theme: 'light', zone: 'Europe/Berlin', tab: 'notification', playing: false, canCreateTags: true, canDeleteTags: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    zone: { control: 'select', options: ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata'] },
    tab: { control: 'inline-radio', options: ['notification', 'activity', 'keystroke', 'tag'] },
    onSeekRequest: { action: 'seek-request', table: { disable: true } },
    onTagCreate: { action: 'tag-create', table: { disable: true } },
    onTagUpdate: { action: 'tag-update', table: { disable: true } },
    onTagDelete: { action: 'tag-delete', table: { disable: true } },
  },
};
export default meta;

type Story = StoryObj<PanelArgs>;

const workingDayPanel = (args: PanelArgs) => frame(panel(args, { events: workingDayEvents(), tags: TAGS, value: at(10, 15, 30) }));

/** A working day: notifications of every severity, the one at the playhead (10:15:30) marked. */
export const Notifications: Story = {
  render: workingDayPanel,
};

/** The screens the user was in, with their URLs. */
export const Activities: Story = {
  args: { tab: 'activity' },
  render: workingDayPanel,
};

/** Keystrokes grouped into runs per window; each typed piece seeks to when it was typed. */
export const Keystrokes: Story = {
  args: { tab: 'keystroke' },
  render: workingDayPanel,
};

/** Tags: one not yet saved, one whose edit met a change made elsewhere. Add, Edit, Delete and Undo work. */
export const Tags: Story = {
  args: { tab: 'tag' },
  render: workingDayPanel,
};

/**
 * "budget" searched in all tabs, typed as a user would (the element has no
 * property for the search text): matches marked, each row labelled with its kind.
 */
export const Search: Story = {
  render: workingDayPanel,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('session-side-panel')!;
    await el.updateComplete;
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('[part="all-tabs"] input')!.click();
    await el.updateComplete;
    const input = root.querySelector<HTMLInputElement>('[part="search"]')!;
    input.value = 'budget';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  },
};

/** 100 000 events as `events` (20 000 notifications): the list stays virtual, search stays local. */
export const HundredThousandRows: Story = {
  render: (args) =>
    frame(
      panel(args, {
        events: (hundredThousand ??= sampleEvents({ count: 100_000, start: RANGE.start, end: RANGE.end, seed: 100_000 }).events),
        tags: TAGS,
        value: at(13, 30),
      }),
    ),
};

/**
 * Pages of 500 from a slow backend (900 ms each): "Loading…", counts with
 * "+", the next page near the end of the list, "Searching…" while typing.
 */
export const Paged: Story = {
  render: (args) =>
    frame(
      panel(args, {
        query: memoryQuery((paged ??= sampleEvents({ count: 3_000, start: at(8), end: at(18), seed: 3_000 }).events), SLOW_PAGE_MS),
        tags: TAGS,
        value: at(10, 15),
      }),
    ),
};

/** Nothing recorded this day, no tags yet. */
export const Empty: Story = {
  render: (args) => frame(panel(args, { events: [], tags: [], value: at(9) })),
};

/**
 * The backend fails: the message, its cause and Retry (which then succeeds).
 * Not exported as `Error`: that would shadow the global in this module.
 */
export const LoadError: Story = {
  name: 'Error',
  render: (args) => frame(panel(args, { query: failingOnce(workingDayEvents()), tags: TAGS, value: at(10, 15, 30) })),
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  render: (args) =>
    html`<div style="display: inline-block; background: #0e1013; padding: 16px; border-radius: 8px;">${frame(
      panel(args, { events: workingDayEvents(), tags: TAGS, value: at(10, 15, 30) }),
      true,
    )}</div>`,
};

export const German: Story = {
  args: { locale: 'de' },
  render: workingDayPanel,
};

/**
 * Script tags, event-handler attributes, `javascript:` URLs, a right-to-left
 * override and a 10 000-character title in every field and in tags: all
 * shown as text, nothing runs (`window.__xss` stays unset), nothing spills.
 */
export const XssCorpus: Story = {
  render: (args) => frame(panel(args, { events: hostileDay(), tags: HOSTILE_TAGS, value: at(10, 5) })),
};
