/**
 * Wall-clock arithmetic in IANA zones with nothing but `Intl` — enough to lay
 * out a working day in the recorded user's local time, DST included.
 */

/** A calendar date without a zone. `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The local calendar fields of an instant in `zone`. */
export function localFields(zone: string, epochMs: number) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `zone` from UTC at an instant, in ms (Berlin in summer: +7 200 000). */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const f = localFields(zone, epochMs);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant at which the clocks in `zone` show `date` + `secondsOfDay`
 * (which may exceed 24 h to mean "the next day"). In a spring-forward hole the
 * result is pushed forward by the gap, as clocks do.
 */
export function zonedInstant(zone: string, date: LocalDate, secondsOfDay: number): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day) + secondsOfDay * 1000;
  let guess = naive - zoneOffsetMs(zone, naive);
  // Two rounds settle every real-world transition.
  for (let i = 0; i < 2; i++) guess = naive - zoneOffsetMs(zone, guess);
  return guess;
}

/** The calendar date an instant falls on in `zone`. */
export function localDateOf(zone: string, epochMs: number): LocalDate {
  const { year, month, day } = localFields(zone, epochMs);
  return { year, month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function formatLocalDate(date: LocalDate): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.year, 4)}-${p(date.month)}-${p(date.day)}`;
}

export function parseLocalDate(text: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a calendar date: ${text}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The server's own local calendar date at an instant (the seed's anchor day). */
export function serverLocalDate(epochMs: number): LocalDate {
  const d = new Date(epochMs);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}
