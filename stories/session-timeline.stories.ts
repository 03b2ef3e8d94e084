import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@session-player/timeline';
import type {
  MarkerSelectDetail,
  MarkerSeverity,
  PreviewProvider,
  SeekRequestDetail,
  SessionTimeline,
  TimelineDensity,
  TimelineMarker,
  TimelineRange,
  TimelineSpan,
  ViewChangeDetail,
} from '@session-player/timeline';

/*
 * <session-timeline> on its own: plain properties in, events out, no backend.
 * Every day below is generated from a fixed seed, so each render (and each
 * screenshot) shows the same bar.
 */

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Tuesday 17 March 2026, 00:00 in Berlin (CET, UTC+1). */
const DAY = Date.parse('2026-03-17T00:00:00+01:00');
const RANGE: TimelineRange = { start: DAY, end: DAY + 24 * HOUR };
const at = (hours: number, minutes = 0, seconds = 0) => DAY + hours * HOUR + minutes * MINUTE + seconds * SECOND;

/** Park–Miller: small, seedable, the same numbers in every browser. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}

/** What one story hands the timeline. */
interface RecordedDay {
  spans: TimelineSpan[];
  markers: TimelineMarker[];
  density: TimelineDensity | null;
  value: number | null;
}

const SEVERITIES: readonly MarkerSeverity[] = ['low', 'medium', 'high', 'critical'];
const NOTIFICATIONS: Record<MarkerSeverity, readonly string[]> = {
  low: ['Application started: Excel', 'Window title changed: Quarterly report', 'Printer used: FIN-PRN-2'],
  medium: ['USB storage connected', 'Clipboard copy from finance share', 'Large file upload to web mail'],
  high: ['Admin tool launched: regedit', 'Blocked website visited', 'Keyword typed: "password"'],
  critical: ['Security policy disabled', 'Customer database exported', 'Screen capture tool started'],
};

/** Activity per minute: busy while recording, quiet elsewhere, with a few bursts. */
function densityOver(spans: readonly TimelineSpan[], random: () => number): TimelineDensity {
  const values = Array.from({ length: 24 * 60 }, (_, minute) => {
    const t = DAY + minute * MINUTE;
    const recorded = spans.some((s) => s.start < t + MINUTE && s.end > t);
    if (!recorded) return 0;
    const burst = random() < 0.04 ? 40 + random() * 60 : 0;
    return Math.round(5 + random() * 20 + burst);
  });
  return { start: RANGE.start, end: RANGE.end, values };
}

/**
 * A working day with many gaps: 08:05–17:50, runs of 3–40 minutes broken by
 * short agent hiccups and a few longer pauses, lunch 12:10–12:55;
 * notifications of every severity (one burst that clusters), tags and a host
 * kind `login` with its own colour.
 */
function fragmentedDay(): RecordedDay {
  const random = seededRandom(20_260_317);
  const spans: TimelineSpan[] = [];
  const lunch = { start: at(12, 10), end: at(12, 55) };
  let t = at(8, 5);
  while (t < at(17, 50)) {
    const end = Math.min(at(17, 50), t + (3 + random() * 37) * MINUTE);
    for (const part of [{ start: t, end: Math.min(end, lunch.start) }, { start: Math.max(t, lunch.end), end }]) {
      if (part.end > part.start) spans.push(part);
    }
    const gap = random() < 0.7 ? (5 + random() * 175) * SECOND : (8 + random() * 17) * MINUTE;
    t = end + gap;
  }

  const markers: TimelineMarker[] = [];
  for (let i = 0; i < 36; i++) {
    const severity = SEVERITIES[i % SEVERITIES.length]!;
    const titles = NOTIFICATIONS[severity];
    markers.push({
      id: `n-${i}`,
      at: Math.round(at(8, 10) + random() * (at(17, 45) - at(8, 10))),
      kind: 'notification',
      severity,
      title: titles[Math.floor(random() * titles.length)]!,
    });
  }
  // A burst within one minute: close enough to share a count badge at day zoom.
  for (let i = 0; i < 6; i++) {
    const severity = SEVERITIES[(i + 1) % SEVERITIES.length]!;
    markers.push({ id: `burst-${i}`, at: at(14, 32, i * 9), kind: 'notification', severity, title: NOTIFICATIONS[severity][i % 3]! });
  }
  const tags: [number, string][] = [
    [at(9, 12), 'Reviewed: morning reconciliation'],
    [at(11, 40, 20), 'Follow up with team lead'],
    [at(15, 3), 'Incident #4312'],
    [at(16, 58), 'OK'],
  ];
  tags.forEach(([when, title], i) => markers.push({ id: `tag-${i}`, at: when, kind: 'tag', title }));
  const logins: [number, string][] = [
    [at(8, 5, 2), 'Signed in: CORP\\alindqvist'],
    [at(12, 55, 4), 'Unlocked: CORP\\alindqvist'],
    [at(17, 49, 30), 'Signed out: CORP\\alindqvist'],
  ];
  logins.forEach(([when, title], i) => markers.push({ id: `login-${i}`, at: when, kind: 'login', title, color: '#2e7d32' }));

  return { spans, markers, density: densityOver(spans, random), value: at(10, 15, 30) };
}

/** 2 000 spans and 10 000 markers over the whole day: what a busy terminal server produces. */
function crowdedDay(): RecordedDay {
  const random = seededRandom(10_000);
  const spans: TimelineSpan[] = [];
  const period = (24 * HOUR) / 2_000;
  for (let i = 0; i < 2_000; i++) {
    const start = DAY + i * period + random() * 0.2 * period;
    spans.push({ start: Math.round(start), end: Math.round(start + (0.3 + random() * 0.5) * period) });
  }
  const kinds = ['notification', 'notification', 'notification', 'tag', 'login'];
  const markers: TimelineMarker[] = Array.from({ length: 10_000 }, (_, i) => {
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    const severity = kind === 'notification' ? SEVERITIES[Math.floor(random() * 4)]! : undefined;
    return {
      id: `m-${i}`,
      at: Math.round(DAY + random() * 24 * HOUR),
      kind,
      title: severity ? NOTIFICATIONS[severity][i % 3]! : kind === 'tag' ? `Tag ${i}` : 'Signed in',
      ...(severity ? { severity } : {}),
      ...(kind === 'login' ? { color: '#2e7d32' } : {}),
    };
  });
  return { spans, markers, density: densityOver(spans, random), value: at(13, 30) };
}

/**
 * A fake recording for hover previews: a "desktop" whose window moves with
 * the time, the keyframe time printed on it. A real host decodes a keyframe;
 * the 30 ms delay stands in for fetching it, so aborts can be seen.
 */
const fakePreview: PreviewProvider = async (hovered, signal) => {
  const keyframe = Math.floor(hovered / (2 * SECOND)) * 2 * SECOND;
  await new Promise((resolve) => setTimeout(resolve, 30));
  if (signal.aborted) return null;
  const width = 192;
  const height = 108;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const minuteOfDay = (keyframe - DAY) / MINUTE;
  ctx.fillStyle = `hsl(${(minuteOfDay / 4) % 360} 45% 35%)`;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#f1f3f4';
  const x = 12 + ((minuteOfDay * 3) % (width - 90));
  ctx.fillRect(x, 14, 80, 56);
  ctx.fillStyle = '#1a73e8';
  ctx.fillRect(x, 14, 80, 8);
  ctx.fillStyle = '#202124';
  ctx.fillRect(0, height - 14, width, 14);
  ctx.fillStyle = '#fff';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(new Date(keyframe).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin' }), 6, height - 7);
  return { at: keyframe, image: canvas.transferToImageBitmap(), width, height };
};

// Built once per page load, shared by the stories that show the same day.
let fragmented: RecordedDay | undefined;
let crowded: RecordedDay | undefined;
const EMPTY: RecordedDay = { spans: [], markers: [], density: null, value: null };
const FULL: RecordedDay = { spans: [{ ...RANGE }], markers: [], density: null, value: at(9, 30) };

interface TimelineArgs {
  locale: string;
  theme: 'light' | 'dark' | 'auto';
  zone: string;
  /** Filled in by Storybook's actions panel (see `argTypes`); absent elsewhere. */
  onSeekRequest?: (detail: SeekRequestDetail) => void;
  onMarkerSelect?: (detail: MarkerSelectDetail) => void;
  onViewChange?: (detail: ViewChangeDetail) => void;
}

function timeline(day: RecordedDay, args: TimelineArgs, preview: PreviewProvider | null = null): TemplateResult {
  return html`<session-timeline
    .range=${RANGE}
    .spans=${day.spans}
    .markers=${day.markers}
    .density=${day.density}
    .preview=${preview}
    .value=${day.value}
    .zone=${args.zone}
    .locale=${args.locale}
    theme=${args.theme}
    @seek-request=${(e: CustomEvent<SeekRequestDetail>) => {
      args.onSeekRequest?.(e.detail);
      // Move the playhead where the user asked, as a player does once the seek lands.
      (e.currentTarget as SessionTimeline).value = e.detail.at;
    }}
    @marker-select=${(e: CustomEvent<MarkerSelectDetail>) => args.onMarkerSelect?.(e.detail)}
    @view-change=${(e: CustomEvent<ViewChangeDetail>) => args.onViewChange?.(e.detail)}
  ></session-timeline>`;
}

/**
 * Room above the bar: the hover card opens upwards over the toolbar and
 * would be cut off at the top of the canvas otherwise.
 */
function stage(content: TemplateResult, style = ''): TemplateResult {
  return html`<div style=${`padding-top: 96px; ${style}`}>${content}</div>`;
}

const meta: Meta<TimelineArgs> = {
  title: 'Timeline/session-timeline',
  component: 'session-timeline',
  parameters: { layout: 'padded' },
  args: { locale: 'en', theme: 'light', zone: 'Europe/Berlin' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    zone: { control: 'select', options: ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata'] },
    onSeekRequest: { action: 'seek-request', table: { disable: true } },
    onMarkerSelect: { action: 'marker-select', table: { disable: true } },
    onViewChange: { action: 'view-change', table: { disable: true } },
  },
};
export default meta;

type Story = StoryObj<TimelineArgs>;

/** A day with nothing recorded: the whole bar is missing time. */
export const EmptyDay: Story = {
  render: (args) => stage(timeline(EMPTY, args)),
};

/** One span over the whole day. */
export const FullyRecorded: Story = {
  render: (args) => stage(timeline(FULL, args)),
};

/** A working day with many gaps, notifications of every severity, tags, logins and a heat map. */
export const Fragmented: Story = {
  render: (args) => stage(timeline((fragmented ??= fragmentedDay()), args)),
};

/** 10 000 markers and 2 000 spans: markers cluster into count badges; zoom in to split them. */
export const TenThousandMarkers: Story = {
  render: (args) => stage(timeline((crowded ??= crowdedDay()), args)),
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  render: (args) =>
    stage(html`<div style="background: #0e1013; padding: 16px; border-radius: 8px;">${timeline((fragmented ??= fragmentedDay()), args)}</div>`),
};

/** Phone width: the caption ellipsises, the axis thins its labels. */
export const NarrowWidth: Story = {
  render: (args) => stage(timeline((fragmented ??= fragmentedDay()), args), 'width: 320px;'),
};

export const German: Story = {
  args: { locale: 'de' },
  render: (args) => stage(timeline((fragmented ??= fragmentedDay()), args)),
};

/**
 * Hover a recorded stretch: the card shows a thumbnail drawn for the hovered
 * time (an ImageBitmap from a fake provider).
 */
export const WithPreview: Story = {
  render: (args) => stage(timeline((fragmented ??= fragmentedDay()), args, fakePreview), 'padding-top: 160px;'),
};
