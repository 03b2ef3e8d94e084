import { TZDate, tzName } from '@date-fns/tz';
import { format } from 'date-fns';

/** A session start as the recorded user saw it on their own clock. */
export interface ZonedStart {
  /** e.g. "Mon, Mar 30, 2025 09:14". */
  dateTime: string;
  /** Short zone name, e.g. "EDT" or "GMT+2". */
  zone: string;
  /** The IANA zone actually used (falls back to UTC for an unknown zone). */
  timeZone: string;
}

function zoned(instant: number, timeZone: string): ZonedStart {
  const date = new TZDate(instant, timeZone);
  return {
    dateTime: format(date, 'EEE, MMM d, yyyy HH:mm'),
    zone: tzName(timeZone, date, 'short'),
    timeZone,
  };
}

/**
 * Formats `instant` in the user's IANA `timeZone`. A zone the browser does
 * not know (bad data from a backend) falls back to UTC rather than breaking
 * the row.
 */
export function formatSessionStart(instant: number, timeZone: string): ZonedStart {
  try {
    return zoned(instant, timeZone);
  } catch {
    return zoned(instant, 'UTC');
  }
}

/** `h:mm:ss`, e.g. 3_723_000 → "1:02:03"; negative or non-finite → "0:00:00". */
export function formatDuration(durationMs: number): string {
  const total = Number.isFinite(durationMs) && durationMs > 0 ? Math.floor(durationMs / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
