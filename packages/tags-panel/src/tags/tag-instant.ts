import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Instant } from '../types.js';

/** Why a typed date and time do not name an instant. */
export type TagInstantErrorCode =
  /** Not `yyyy-mm-dd`, or no such day (2026-02-30). */
  | 'date-format'
  /** Not `HH:mm:ss` (or `HH:mm`), or out of range (24:00:00). */
  | 'time-format'
  /** The wall-clock time was skipped in the zone (clocks went forward). */
  | 'time-gap'
  /** The zone is not an IANA zone the browser knows. */
  | 'zone-unknown';

export type TagInstantResult = { ok: true; at: Instant } | { ok: false; code: TagInstantErrorCode };

/** A date and a time of day as typed in the tag form. */
export interface TagWallClock {
  /** `yyyy-MM-dd` */
  date: string;
  /** `HH:mm:ss` */
  time: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a date (`yyyy-mm-dd`) and time (`HH:mm:ss`, seconds optional)
 * name on the wall clock of `zone`. TZDate does the zone arithmetic; reading
 * the result back in the zone tells a skipped time (DST gap), which TZDate
 * silently moves forward, from a real one. A repeated time (clocks went back)
 * is accepted as TZDate resolves it.
 */
export function parseTagInstant(date: string, time: string, zone: string): TagInstantResult {
  const d = DATE.exec(date.trim());
  const year = Number(d?.[1]);
  const month = Number(d?.[2]);
  const day = Number(d?.[3]);
  // Years below 1000 would be read as 19xx by Date; no recording is that old.
  if (!d || year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, code: 'date-format' };
  }
  const t = TIME.exec(time.trim());
  const hours = Number(t?.[1]);
  const minutes = Number(t?.[2]);
  const seconds = Number(t?.[3] ?? 0);
  if (!t || hours > 23 || minutes > 59 || seconds > 59) return { ok: false, code: 'time-format' };
  const at = new TZDate(year, month - 1, day, hours, minutes, seconds, zone);
  if (Number.isNaN(at.getTime())) return { ok: false, code: 'zone-unknown' };
  const same =
    at.getFullYear() === year &&
    at.getMonth() === month - 1 &&
    at.getDate() === day &&
    at.getHours() === hours &&
    at.getMinutes() === minutes &&
    at.getSeconds() === seconds;
  return same ? { ok: true, at: at.getTime() } : { ok: false, code: 'time-gap' };
}

/** `at` on the wall clock of `zone`, as the tag form shows it. */
export function formatTagInstant(at: Instant, zone: string): TagWallClock {
  const local = new TZDate(at, zone);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm:ss') };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the browser knows `zone` as an IANA time zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}
