import { expect } from 'chai';
import { de } from 'date-fns/locale/de';
import { axisTicks, formatInstant, MIN_TICK_SPACING_PX, type AxisTick } from './axis-ticks.js';

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const DAY = 24 * H;
const utc = (iso: string): number => Date.parse(iso);

const labels = (ticks: AxisTick[]): string[] => ticks.map((t) => t.label);
const gaps = (ticks: AxisTick[]): number[] => ticks.slice(1).map((t, i) => t.at - ticks[i]!.at);
const majors = (ticks: AxisTick[]): string[] => ticks.filter((t) => t.major).map((t) => t.label);

describe('axis ticks', () => {
  it('shows 24 hours over 800 px as 3-hourly times, with the date at midnight', () => {
    const start = utc('2026-03-17T00:00:00Z');
    const ticks = axisTicks({ start, end: start + DAY }, 800, 'UTC');
    expect(labels(ticks)).to.deep.equal([
      'Tue 17 Mar', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', 'Wed 18 Mar',
    ]);
    expect(majors(ticks)).to.deep.equal(['Tue 17 Mar', 'Wed 18 Mar']);
    expect(ticks[0]!.at).to.equal(start);
    expect(ticks.at(-1)!.at).to.equal(start + DAY);
  });

  it('chooses the smallest step that keeps labels 70 px apart at each zoom level', () => {
    const start = utc('2026-03-17T10:00:00Z');
    const cases: Array<[view: number, widthPx: number, step: number]> = [
      [10 * S, 800, 1 * S],
      [40 * S, 800, 5 * S],
      [60 * S, 800, 10 * S],
      [2 * MIN, 800, 15 * S],
      [4 * MIN, 800, 30 * S],
      [10 * MIN, 800, 1 * MIN],
      [50 * MIN, 800, 5 * MIN],
      [1 * H, 800, 10 * MIN],
      [2 * H, 800, 15 * MIN],
      [4 * H, 800, 30 * MIN],
      [8 * H, 800, 1 * H],
      [24 * H, 800, 3 * H],
      [48 * H, 800, 6 * H],
      [4 * DAY, 800, 12 * H],
      [7 * DAY, 800, DAY],
      [8 * 7 * DAY, 800, 7 * DAY],
    ];
    for (const [span, width, step] of cases) {
      const ticks = axisTicks({ start, end: start + span }, width, 'UTC');
      expect(new Set(gaps(ticks)), `${span / S} s over ${width} px`).to.deep.equal(new Set([step]));
      expect(step * (width / span)).to.be.at.least(MIN_TICK_SPACING_PX);
    }
  });

  it('labels seconds steps with seconds, aligned to multiples of the step, major on the minute', () => {
    const start = utc('2026-03-17T10:00:07Z');
    const ticks = axisTicks({ start, end: start + MIN }, 800, 'UTC');
    expect(labels(ticks)).to.deep.equal(['10:00:10', '10:00:20', '10:00:30', '10:00:40', '10:00:50', '10:01:00']);
    expect(majors(ticks)).to.deep.equal(['10:01:00']);
  });

  it('marks the hour as major for minute steps and shows the date on midnight', () => {
    const start = utc('2026-03-17T23:00:00Z');
    const ticks = axisTicks({ start, end: start + 2 * H }, 800, 'UTC');
    expect(labels(ticks)).to.deep.equal([
      '23:00', '23:15', '23:30', '23:45', 'Wed 18 Mar', '00:15', '00:30', '00:45', '01:00',
    ]);
    expect(majors(ticks)).to.deep.equal(['23:00', 'Wed 18 Mar', '01:00']);
  });

  it('keeps only ticks inside the view, both ends included', () => {
    const start = utc('2026-03-17T00:00:00Z');
    const inside = axisTicks({ start: start + 1, end: start + DAY - 1 }, 800, 'UTC');
    expect(inside[0]!.label).to.equal('03:00');
    expect(inside.at(-1)!.label).to.equal('21:00');
    for (const t of inside) expect(t.at).to.be.within(start + 1, start + DAY - 1);
  });

  describe('across DST in Europe/Berlin', () => {
    const zone = 'Europe/Berlin';

    it('gives a 23-hour spring-forward day 23 hourly ticks, skipping 02:00', () => {
      // 2026-03-29: 02:00 CET jumps to 03:00 CEST.
      const start = utc('2026-03-28T23:00:00Z');
      const end = utc('2026-03-29T22:00:00Z');
      expect(end - start).to.equal(23 * H);
      const ticks = axisTicks({ start, end }, 1800, zone);
      expect(labels(ticks)).to.deep.equal([
        'Sun 29 Mar', '01:00', '03:00', '04:00', '05:00', '06:00', '07:00', '08:00', '09:00', '10:00', '11:00', '12:00',
        '13:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00', '20:00', '21:00', '22:00', '23:00', 'Mon 30 Mar',
      ]);
      expect(new Set(gaps(ticks))).to.deep.equal(new Set([H]));
      expect(majors(ticks)).to.deep.equal(['Sun 29 Mar', 'Mon 30 Mar']);
    });

    it('gives a 25-hour fall-back day 25 hourly ticks, 02:00 twice', () => {
      // 2026-10-25: 03:00 CEST falls back to 02:00 CET.
      const start = utc('2026-10-24T22:00:00Z');
      const end = utc('2026-10-25T23:00:00Z');
      expect(end - start).to.equal(25 * H);
      const ticks = axisTicks({ start, end }, 2000, zone);
      expect(ticks).to.have.length(26);
      expect(labels(ticks).slice(0, 5)).to.deep.equal(['Sun 25 Oct', '01:00', '02:00', '02:00', '03:00']);
      expect(ticks[2]!.at).to.equal(utc('2026-10-25T00:00:00Z'));
      expect(ticks[3]!.at).to.equal(utc('2026-10-25T01:00:00Z'));
      expect(ticks.at(-1)!.label).to.equal('Mon 26 Oct');
      expect(new Set(gaps(ticks))).to.deep.equal(new Set([H]));
    });

    it('keeps 3-hour ticks on local 00, 03, 06 on both DST days', () => {
      const spring = axisTicks({ start: utc('2026-03-28T23:00:00Z'), end: utc('2026-03-29T22:00:00Z') }, 700, zone);
      expect(labels(spring)).to.deep.equal([
        'Sun 29 Mar', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', 'Mon 30 Mar',
      ]);
      expect(gaps(spring).slice(0, 2)).to.deep.equal([2 * H, 3 * H]);

      const autumn = axisTicks({ start: utc('2026-10-24T22:00:00Z'), end: utc('2026-10-25T23:00:00Z') }, 700, zone);
      expect(labels(autumn)).to.deep.equal([
        'Sun 25 Oct', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', 'Mon 26 Oct',
      ]);
      expect(gaps(autumn).slice(0, 2)).to.deep.equal([4 * H, 3 * H]);
    });

    it('puts day ticks on local midnight, 23 and 25 hours apart on DST days', () => {
      const march = axisTicks({ start: utc('2026-03-26T23:00:00Z'), end: utc('2026-04-01T22:00:00Z') }, 800, zone);
      expect(labels(march)).to.deep.equal(['Fri 27', 'Sat 28', 'Sun 29', 'Mon 30', 'Tue 31', '1 Apr', 'Thu 2']);
      expect(gaps(march)).to.deep.equal([DAY, DAY, 23 * H, DAY, DAY, DAY]);
      for (const t of march) expect(formatInstant(t.at, zone, 'HH:mm')).to.equal('00:00');

      const october = axisTicks({ start: utc('2026-10-23T22:00:00Z'), end: utc('2026-10-27T23:00:00Z') }, 500, zone);
      expect(gaps(october)).to.deep.equal([DAY, 25 * H, DAY, DAY]);
    });
  });

  describe('in other zones', () => {
    it('aligns day ticks to Tokyo midnight, not UTC midnight', () => {
      const view = { start: utc('2026-03-10T00:00:00Z'), end: utc('2026-03-20T00:00:00Z') };
      const tokyo = axisTicks(view, 800, 'Asia/Tokyo');
      const inUtc = axisTicks(view, 800, 'UTC');
      expect(new Date(tokyo[0]!.at).toISOString()).to.equal('2026-03-10T15:00:00.000Z');
      expect(tokyo[0]!.label).to.equal('Wed 11');
      expect(new Date(inUtc[0]!.at).toISOString()).to.equal('2026-03-10T00:00:00.000Z');
      expect(inUtc[0]!.label).to.equal('Tue 10');
      for (const t of tokyo) expect(t.at % DAY).to.equal(15 * H);
      for (const t of inUtc) expect(t.at % DAY).to.equal(0);
    });

    it('aligns 6-hour ticks to Tokyo hours 00, 06, 12, 18', () => {
      const start = utc('2026-03-10T00:00:00Z');
      const ticks = axisTicks({ start, end: start + 2 * DAY }, 800, 'Asia/Tokyo');
      expect(labels(ticks).slice(0, 5)).to.deep.equal(['12:00', '18:00', 'Wed 11 Mar', '06:00', '12:00']);
      expect(new Date(ticks[0]!.at).toISOString()).to.equal('2026-03-10T03:00:00.000Z');
    });

    it('puts hour ticks on the half hour in UTC for a +05:30 zone', () => {
      const start = utc('2026-03-10T00:00:00Z');
      const ticks = axisTicks({ start, end: start + 8 * H }, 800, 'Asia/Kolkata');
      expect(labels(ticks)[0]).to.equal('06:00');
      expect(new Date(ticks[0]!.at).toISOString()).to.equal('2026-03-10T00:30:00.000Z');
    });
  });

  it('shows weeks from Monday, major on the first Monday of a month', () => {
    const view = { start: utc('2026-03-01T00:00:00Z'), end: utc('2026-05-01T00:00:00Z') };
    const ticks = axisTicks(view, 800, 'UTC');
    expect(labels(ticks)).to.deep.equal([
      '2 Mar', '9 Mar', '16 Mar', '23 Mar', '30 Mar', '6 Apr', '13 Apr', '20 Apr', '27 Apr',
    ]);
    for (const t of ticks) expect(formatInstant(t.at, 'UTC', 'EEEE HH:mm')).to.equal('Monday 00:00');
    expect(majors(ticks)).to.deep.equal(['2 Mar', '6 Apr']);
  });

  it('shows days as weekday and date, the 1st of the month as major with its month', () => {
    const ticks = axisTicks({ start: utc('2026-03-28T00:00:00Z'), end: utc('2026-04-03T00:00:00Z') }, 800, 'UTC');
    expect(labels(ticks)).to.deep.equal(['Sat 28', 'Sun 29', 'Mon 30', 'Tue 31', '1 Apr', 'Thu 2', 'Fri 3']);
    expect(majors(ticks)).to.deep.equal(['1 Apr']);
  });

  it('shows months with the year, January major', () => {
    const ticks = axisTicks({ start: utc('2025-11-01T00:00:00Z'), end: utc('2026-11-01T00:00:00Z') }, 1200, 'UTC');
    expect(labels(ticks).slice(0, 4)).to.deep.equal(['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026']);
    expect(majors(ticks)).to.deep.equal(['Jan 2026']);
  });

  it('keeps the tick count bounded however far out the view is zoomed', () => {
    const ticks = axisTicks({ start: utc('1000-01-01T00:00:00Z'), end: utc('2026-01-01T00:00:00Z') }, 800, 'UTC');
    expect(ticks.length).to.be.at.most(800 / MIN_TICK_SPACING_PX + 1);
    expect(labels(ticks).slice(0, 3)).to.deep.equal(['1000', '1100', '1200']);
  });

  it('never puts labels closer than 70 px in UTC, for any window', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 200; i++) {
      const start = utc('2026-01-01T00:00:00Z') + random() * 300 * DAY;
      const span = 2 ** (10 + random() * 25); // 1 s … 1 year
      const width = 200 + random() * 2000;
      const ticks = axisTicks({ start, end: start + span }, width, 'UTC');
      for (const gap of gaps(ticks)) expect(gap * (width / span)).to.be.at.least(MIN_TICK_SPACING_PX - 1e-6);
      expect(ticks.length).to.be.at.most(width / MIN_TICK_SPACING_PX + 1);
    }
  });

  it('labels in the given locale', () => {
    const ticks = axisTicks({ start: utc('2026-03-28T23:00:00Z'), end: utc('2026-03-29T22:00:00Z') }, 700, 'Europe/Berlin', de);
    expect(labels(ticks)[0]).to.equal('So. 29 März');
    expect(formatInstant(utc('2026-03-17T14:30:05Z'), 'Asia/Tokyo', 'HH:mm:ss')).to.equal('23:30:05');
  });

  it('returns no ticks for a zero width, an empty view or an unknown zone', () => {
    const start = utc('2026-03-17T00:00:00Z');
    expect(axisTicks({ start, end: start + DAY }, 0, 'UTC')).to.deep.equal([]);
    expect(axisTicks({ start, end: start + DAY }, -5, 'UTC')).to.deep.equal([]);
    expect(axisTicks({ start, end: start }, 800, 'UTC')).to.deep.equal([]);
    expect(axisTicks({ start, end: start - H }, 800, 'UTC')).to.deep.equal([]);
    expect(axisTicks({ start, end: Number.NaN }, 800, 'UTC')).to.deep.equal([]);
    expect(axisTicks({ start, end: start + DAY }, 800, 'Nowhere/Atlantis')).to.deep.equal([]);
  });

  it('fits many times in a frame while panning', () => {
    const start = utc('2026-03-28T12:00:00Z');
    const frame = (i: number) => axisTicks({ start: start + i * 40 * S, end: start + DAY + i * 40 * S }, 2000, 'Europe/Berlin');
    for (let i = 0; i < 20; i++) frame(i);
    const t0 = performance.now();
    const frames = 200;
    for (let i = 0; i < frames; i++) frame(i);
    const perFrame = (performance.now() - t0) / frames;
    console.log(`axisTicks: ${perFrame.toFixed(3)} ms per frame (24 h over 2000 px, ${frame(0).length} ticks)`);
    expect(perFrame).to.be.below(2);
  });
});
