import { expect } from 'chai';
import { dayRange, formatDate, formatTime, parseTypedDate, parseTypedTime, shiftDay } from './wall-clock.js';

describe('wall clock in a time zone', () => {
  // 2026-03-17 23:30 in Tokyo is 14:30 UTC.
  const at = Date.parse('2026-03-17T14:30:05.000Z');

  it('formats in the given zone, not the viewer’s', () => {
    expect(formatTime(at, 'Asia/Tokyo')).to.equal('23:30:05');
    expect(formatTime(at, 'America/New_York')).to.equal('10:30:05');
    expect(formatDate(at, 'Asia/Tokyo')).to.equal('Tue 17 Mar 2026');
  });

  it('finds the local day, including DST days of 23 hours', () => {
    const day = dayRange(at, 'Asia/Tokyo');
    expect(new Date(day.start).toISOString()).to.equal('2026-03-16T15:00:00.000Z');
    expect(day.end - day.start).to.equal(86_400_000);
    // New York springs forward on 2026-03-08.
    const dst = dayRange(Date.parse('2026-03-08T15:00:00Z'), 'America/New_York');
    expect(dst.end - dst.start).to.equal(23 * 3_600_000);
    const next = shiftDay(dst, 'America/New_York', 1);
    expect(new Date(next.start).toISOString()).to.equal('2026-03-09T04:00:00.000Z');
  });

  it('parses a typed time on the shown day and a typed date keeping the time of day', () => {
    const time = parseTypedTime('09:15', at, 'Asia/Tokyo');
    expect(time.ok && new Date(time.at).toISOString()).to.equal('2026-03-17T00:15:00.000Z');
    const date = parseTypedDate('2026-03-19', at, 'Asia/Tokyo');
    expect(date.ok && new Date(date.at).toISOString()).to.equal('2026-03-19T14:30:05.000Z');
    expect(parseTypedTime('25:99', at, 'Asia/Tokyo')).to.deep.equal({ ok: false, reason: 'time-format' });
    expect(parseTypedTime('noon', at, 'Asia/Tokyo').ok).to.equal(false);
    expect(parseTypedDate('2026-02-30', at, 'Asia/Tokyo')).to.deep.equal({ ok: false, reason: 'date-format' });
  });
});
