import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addHours,
  addMinutes,
  addMonths,
  addSeconds,
  addWeeks,
  addYears,
  format,
  setHours,
  setMinutes,
  setMonth,
  setSeconds,
  setYear,
  startOfDay,
  startOfHour,
  startOfMinute,
  startOfMonth,
  startOfSecond,
  startOfWeek,
  startOfYear,
  type Locale,
} from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import type { Instant, TimelineRange } from './types.js';

/**
 * Time-axis ticks for the visible window, in the zone the session is shown in.
 * Steps are calendar steps (local hours, local midnights, Mondays, 1sts of the
 * month), so the axis reads like a wall clock even across DST changes.
 */

/** One labelled position on the time axis. */
export interface AxisTick {
  at: Instant;
  label: string;
  /** Starts a new unit of the next level up (a new minute, hour, day, month…): drawn taller. */
  major: boolean;
}

/** Labels closer than this overlap at the axis font size ('Sun 29 Mar' is ~65 px). */
export const MIN_TICK_SPACING_PX = 70;

type TickUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

interface TickStep {
  unit: TickUnit;
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * Length of one unit used only to choose a step. Months and years use their
 * shortest ordinary length so even February keeps labels apart.
 */
const UNIT_MS: Record<TickUnit, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 28 * DAY_MS,
  year: 365 * DAY_MS,
};

/** Weeks start on Monday (ISO), whatever the locale says. */
const WEEK = { weekStartsOn: 1 } as const;

const step = (unit: TickUnit, count: number): TickStep => ({ unit, count });

/**
 * Steps that divide their next unit evenly, so ticks land on round local
 * times. The 3- and 6-month steps are past the end of the designed ladder:
 * they only apply to views of years, where one tick a month would crowd.
 */
const LADDER: readonly TickStep[] = [
  step('second', 1), step('second', 5), step('second', 10), step('second', 15), step('second', 30),
  step('minute', 1), step('minute', 5), step('minute', 10), step('minute', 15), step('minute', 30),
  step('hour', 1), step('hour', 3), step('hour', 6), step('hour', 12),
  step('day', 1), step('week', 1),
  step('month', 1), step('month', 3), step('month', 6),
];

/**
 * Ticks for `view` drawn `widthPx` wide, in `zone` (IANA name), labelled in
 * `locale` (enUS when omitted). Uses the smallest step whose ticks are at
 * least {@link MIN_TICK_SPACING_PX} apart and returns only ticks with
 * `start <= at <= end`, starting from the first aligned tick, so the cost is
 * proportional to the ticks drawn (a few dozen), not to the length of the view.
 */
export function axisTicks(view: TimelineRange, widthPx: number, zone: string, locale?: Locale): AxisTick[] {
  const span = view.end - view.start;
  if (!(widthPx > 0) || !(span > 0) || !Number.isFinite(span)) return [];
  const chosen = pickStep(widthPx / span);

  const ticks: AxisTick[] = [];
  // Belt and braces for a frame budget: steps are never shorter than half
  // their nominal length (a 3 h step over a DST gap is 2 h), so this is only
  // reached if something is badly wrong.
  const limit = 2 * Math.ceil(widthPx / MIN_TICK_SPACING_PX) + 4;
  // An unknown zone makes TZDate invalid (NaN), which ends both loops at once.
  let tick = floorToStep(new TZDate(view.start, zone), chosen);
  while (+tick < view.start) tick = nextTick(tick, chosen);
  while (+tick <= view.end && ticks.length < limit) {
    const pattern = labelPattern(tick, chosen);
    ticks.push({ at: +tick, label: label(tick, zone, pattern, locale ?? enUS), major: isMajor(tick, chosen) });
    tick = nextTick(tick, chosen);
  }
  return ticks;
}

/** `at` as wall-clock text in `zone`, with a date-fns `pattern` (enUS unless `locale` is given). */
export function formatInstant(at: Instant, zone: string, pattern: string, locale?: Locale): string {
  return format(new TZDate(at, zone), pattern, { locale: locale ?? enUS });
}

/**
 * Formatting is the dearest part of a tick (date-fns parses the pattern on
 * every call), and while panning the same ticks come back frame after frame,
 * so labels are remembered per locale. Cleared wholesale when large: a
 * zoom to a new level simply re-formats once.
 */
const labelCache = new WeakMap<Locale, Map<string, string>>();
const LABEL_CACHE_LIMIT = 2_000;

function label(tick: TZDate, zone: string, pattern: string, locale: Locale): string {
  let labels = labelCache.get(locale);
  if (!labels) labelCache.set(locale, (labels = new Map()));
  const key = `${+tick} ${zone} ${pattern}`;
  let text = labels.get(key);
  if (text === undefined) {
    if (labels.size >= LABEL_CACHE_LIMIT) labels.clear();
    text = format(tick, pattern, { locale });
    labels.set(key, text);
  }
  return text;
}

function pickStep(pxPerMs: number): TickStep {
  for (const candidate of LADDER) {
    if (UNIT_MS[candidate.unit] * candidate.count * pxPerMs >= MIN_TICK_SPACING_PX) return candidate;
  }
  // Views of decades and more: whole years in a 1-2-5 series, so the tick
  // count stays bounded however far the host zooms out.
  return step('year', niceCeil(MIN_TICK_SPACING_PX / (pxPerMs * UNIT_MS.year)));
}

function niceCeil(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5]) if (m * power >= x) return m * power;
  return 10 * power;
}

const floorTo = (value: number, count: number): number => Math.floor(value / count) * count;

/** The last tick of the local grid at or before `d`. */
function floorToStep(d: TZDate, { unit, count }: TickStep): TZDate {
  switch (unit) {
    case 'second':
      return setSeconds(startOfSecond(d), floorTo(d.getSeconds(), count));
    case 'minute':
      return setMinutes(startOfMinute(d), floorTo(d.getMinutes(), count));
    case 'hour':
      return setHours(startOfHour(d), floorTo(d.getHours(), count));
    case 'day':
      return startOfDay(d);
    case 'week':
      return startOfWeek(d, WEEK);
    case 'month':
      return setMonth(startOfMonth(d), floorTo(d.getMonth(), count));
    case 'year':
      return setYear(startOfYear(d), floorTo(d.getFullYear(), count));
  }
}

/** The tick after `tick`, which is on the grid. Always later than `tick`. */
function nextTick(tick: TZDate, s: TickStep): TZDate {
  const { unit, count } = s;
  // Calendar units step in local dates; snapping again to the start of the
  // unit recovers when a previous tick fell on a shifted midnight (zones
  // whose DST change happens at 00:00).
  switch (unit) {
    case 'day':
      return startOfDay(addDays(tick, count));
    case 'week':
      return startOfWeek(addWeeks(tick, count), WEEK);
    case 'month':
      return startOfMonth(addMonths(tick, count));
    case 'year':
      return startOfYear(addYears(tick, count));
    default:
      return nextTimeOfDayTick(tick, s);
  }
}

/**
 * Seconds, minutes and hours step in elapsed time: that is what keeps a 1 h
 * step to 23 ticks on a spring-forward day and 25 (02:00 twice) on a
 * fall-back day. When an offset change is not a multiple of the step (a 1 h
 * DST change under a 3 h step) the stepped time is off the local grid, and we
 * return to the grid point right after `tick`: 00:00 → 03:00 on both DST days
 * in Europe/Berlin, though 2 h and 4 h apart.
 */
function nextTimeOfDayTick(tick: TZDate, s: TickStep): TZDate {
  const stepped = addTimeOfDay(tick, s.unit, s.count);
  if (isOnGrid(stepped, s)) return stepped;
  const below = floorToStep(stepped, s);
  if (+below > +tick) return below;
  const above = setTimeOfDayField(below, s.unit, timeOfDayField(below, s.unit) + s.count);
  return +above > +tick ? above : stepped;
}

function addTimeOfDay(d: TZDate, unit: TickUnit, amount: number): TZDate {
  if (unit === 'second') return addSeconds(d, amount);
  if (unit === 'minute') return addMinutes(d, amount);
  return addHours(d, amount);
}

function timeOfDayField(d: TZDate, unit: TickUnit): number {
  if (unit === 'second') return d.getSeconds();
  if (unit === 'minute') return d.getMinutes();
  return d.getHours();
}

function setTimeOfDayField(d: TZDate, unit: TickUnit, value: number): TZDate {
  if (unit === 'second') return setSeconds(d, value);
  if (unit === 'minute') return setMinutes(d, value);
  return setHours(d, value);
}

/** Getters only: setters on TZDate re-resolve the offset and cost far more. */
function isOnGrid(d: TZDate, { unit, count }: TickStep): boolean {
  if (d.getMilliseconds() !== 0) return false;
  if (unit === 'second') return d.getSeconds() % count === 0;
  if (d.getSeconds() !== 0) return false;
  if (unit === 'minute') return d.getMinutes() % count === 0;
  return d.getMinutes() === 0 && d.getHours() % count === 0;
}

const isMidnight = (d: TZDate): boolean => d.getHours() === 0 && d.getMinutes() === 0;

function isMajor(d: TZDate, { unit, count }: TickStep): boolean {
  switch (unit) {
    case 'second':
      return d.getSeconds() === 0;
    case 'minute':
      return d.getMinutes() === 0;
    case 'hour':
      return isMidnight(d);
    case 'day':
      return d.getDate() === 1;
    case 'week':
      // The first Monday of a month: weeks do not line up with months, so
      // this is the tick nearest to where the new month starts.
      return d.getDate() <= 7;
    case 'month':
      return d.getMonth() === 0;
    case 'year':
      return d.getFullYear() % (10 * count) === 0;
  }
}

function labelPattern(d: TZDate, { unit }: TickStep): string {
  switch (unit) {
    case 'second':
      return 'HH:mm:ss';
    case 'minute':
    case 'hour':
      // Without a date somewhere on the axis a zoomed-in view cannot be told
      // from the same hours a day earlier.
      return isMidnight(d) ? 'EEE d MMM' : 'HH:mm';
    case 'day':
      return d.getDate() === 1 ? 'd MMM' : 'EEE d';
    case 'week':
      return 'd MMM';
    case 'month':
      return 'MMM yyyy';
    case 'year':
      return 'yyyy';
  }
}
