import { TZDate } from '@date-fns/tz';
import { addDays, format, isValid, parse, set, startOfDay, type Locale } from 'date-fns';
import type { Instant, TimeRange } from '../data-source/types.js';

/**
 * Wall-clock formatting and parsing in a given IANA zone (the recorded
 * user's or the viewer's), via date-fns and @date-fns/tz.
 */

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The local day (in `zone`) holding `at`, as `[start, end)`. */
export function dayRange(at: Instant, zone: string): TimeRange {
  const start = startOfDay(new TZDate(at, zone));
  return { start: start.getTime(), end: addDays(start, 1).getTime() };
}

/** Shifts a day range by whole local days (23 or 25 hours across DST). */
export function shiftDay(day: TimeRange, zone: string, days: number): TimeRange {
  return dayRange(addDays(new TZDate(day.start, zone), days).getTime(), zone);
}

export function formatTime(at: Instant, zone: string, locale?: Locale): string {
  return format(new TZDate(at, zone), 'HH:mm:ss', { locale });
}

export function formatDate(at: Instant, zone: string, locale?: Locale): string {
  return format(new TZDate(at, zone), 'EEE d MMM yyyy', { locale });
}

/** ISO date `yyyy-MM-dd` in `zone`, as the date input shows it. */
export function formatIsoDate(at: Instant, zone: string): string {
  return format(new TZDate(at, zone), 'yyyy-MM-dd');
}

export function formatZoneName(at: Instant, zone: string): string {
  return format(new TZDate(at, zone), 'zzz');
}

const TIME_FORMATS = ['HH:mm:ss', 'H:mm:ss', 'HH:mm', 'H:mm', 'HH:mm:ss.SSS'];
const DATE_FORMATS = ['yyyy-MM-dd', 'd.M.yyyy', 'd/M/yyyy', 'd MMM yyyy'];

export type ParseResult = { ok: true; at: Instant } | { ok: false; reason: 'time-format' | 'date-format' };

/** A typed time of day on the local day of `day` (in `zone`). */
export function parseTypedTime(text: string, dayAt: Instant, zone: string): ParseResult {
  const reference = startOfDay(new TZDate(dayAt, zone));
  for (const pattern of TIME_FORMATS) {
    const parsed = parse(text.trim(), pattern, reference);
    if (isValid(parsed)) return { ok: true, at: parsed.getTime() };
  }
  return { ok: false, reason: 'time-format' };
}

/** A typed date, keeping the time of day of `current` (in `zone`). */
export function parseTypedDate(text: string, current: Instant, zone: string, locale?: Locale): ParseResult {
  const reference = new TZDate(current, zone);
  for (const pattern of DATE_FORMATS) {
    const parsed = parse(text.trim(), pattern, reference, { locale });
    if (!isValid(parsed) || parsed.getFullYear() <= 1970) continue;
    const withTime = set(parsed, {
      hours: reference.getHours(),
      minutes: reference.getMinutes(),
      seconds: reference.getSeconds(),
      milliseconds: reference.getMilliseconds(),
    });
    return { ok: true, at: withTime.getTime() };
  }
  return { ok: false, reason: 'date-format' };
}
