import { alertFor, nextScreen, typedText, type Persona, type Severity } from './event-corpus.js';
import { createRandom, type Random } from './prng.js';
import { addDays, formatLocalDate, localDateOf, zonedInstant } from './zoned-time.js';

/** A seeded event as stored (one row of `events`). */
export interface SeedEvent {
  id: number;
  at: number;
  kind: 'notification' | 'activity' | 'keystroke';
  app: string;
  window: string;
  title: string | null;
  rule: string | null;
  severity: Severity | null;
  url: string | null;
  durationMs: number | null;
  text: string | null;
}

interface Span {
  start: number;
  end: number;
}

/** Every local day gets at least this many events, however short its recording. */
export const MIN_EVENTS_PER_DAY = 520;

/** Cuts recorded spans at the user's local midnights. */
export function spansByLocalDay(spans: readonly Span[], timezone: string): Map<string, Span[]> {
  const days = new Map<string, Span[]>();
  for (const span of spans) {
    let start = span.start;
    while (start < span.end) {
      const date = localDateOf(timezone, start);
      const nextMidnight = zonedInstant(timezone, addDays(date, 1), 0);
      const end = Math.min(span.end, nextMidnight);
      const key = formatLocalDate(date);
      days.set(key, [...(days.get(key) ?? []), { start, end }]);
      start = end;
    }
  }
  return days;
}

/**
 * A plausible day at the keyboard: a chain of activities (one app/window at a
 * time) filling the recorded spans, keystroke runs inside the ones that take
 * typing, and now and then a rule firing. Events never fall outside a span.
 */
function eventsOfDay(spans: readonly Span[], rnd: Random, persona: Persona): Omit<SeedEvent, 'id'>[] {
  const recordedMs = spans.reduce((s, x) => s + x.end - x.start, 0);
  const target = MIN_EVENTS_PER_DAY + 40 + rnd.int(0, 340);
  // Each activity brings ~0.8 keystroke runs and ~0.06 alerts with it.
  const meanActivityMs = recordedMs / (target / 1.86);
  const events: Omit<SeedEvent, 'id'>[] = [];
  const typingSlots: { start: number; end: number; app: string; window: string; text: () => string }[] = [];

  for (const span of spans) {
    let t = span.start;
    while (t < span.end - 500) {
      const screen = nextScreen(rnd, persona);
      const duration = Math.min(span.end - t, Math.max(1500, Math.round(meanActivityMs * rnd.between(0.2, 1.8))));
      events.push({
        at: t,
        kind: 'activity',
        app: screen.app,
        window: screen.window,
        title: screen.title,
        rule: null,
        severity: null,
        url: screen.url,
        durationMs: duration,
        text: null,
      });
      const inside = () => t + 1 + Math.floor(rnd.next() * (duration - 1));
      if (screen.typing) {
        const kind = screen.typing;
        const slot = { start: t, end: t + duration, app: screen.app, window: screen.window, text: () => typedText(kind, rnd, persona) };
        typingSlots.push(slot);
        for (let k = rnd.int(0, 2) + (rnd.chance(0.15) ? 1 : 0); k > 0; k--) {
          events.push({ at: inside(), kind: 'keystroke', app: screen.app, window: screen.window, title: null, rule: null, severity: null, url: null, durationMs: null, text: slot.text() });
        }
      }
      if (rnd.chance(0.06)) {
        const alert = alertFor(rnd, screen, persona);
        events.push({
          at: inside(),
          kind: 'notification',
          app: alert.app ?? screen.app,
          window: alert.window ?? screen.window,
          title: alert.title,
          rule: alert.rule,
          severity: alert.severity,
          url: null,
          durationMs: null,
          text: null,
        });
      }
      t += duration;
    }
  }
  // Short days (a Saturday glance at the mail) still get a full day's events.
  while (events.length < target && typingSlots.length > 0) {
    const slot = rnd.pick(typingSlots);
    const at = slot.start + 1 + Math.floor(rnd.next() * Math.max(1, slot.end - slot.start - 1));
    events.push({ at, kind: 'keystroke', app: slot.app, window: slot.window, title: null, rule: null, severity: null, url: null, durationMs: null, text: slot.text() });
  }
  return events;
}

/** All events of one stream, ids handed out in (at) order from `firstId`. */
export function generateStreamEvents(
  streamKey: string,
  spans: readonly Span[],
  timezone: string,
  persona: Persona,
  firstId: number,
): SeedEvent[] {
  const all: Omit<SeedEvent, 'id'>[] = [];
  for (const [day, daySpans] of spansByLocalDay(spans, timezone)) {
    all.push(...eventsOfDay(daySpans, createRandom(`events/${streamKey}/${day}`), persona));
  }
  all.sort((a, b) => a.at - b.at);
  return all.map((e, i) => ({ ...e, id: firstId + i }));
}
