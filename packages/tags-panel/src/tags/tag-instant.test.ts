import { expect } from 'chai';
import { formatTagInstant, isKnownZone, parseTagInstant } from './tag-instant.js';

describe('parseTagInstant', () => {
  it('reads a date and time on the wall clock of the zone', () => {
    expect(parseTagInstant('2026-03-17', '14:05:09', 'Europe/Berlin')).to.deep.equal({ ok: true, at: Date.parse('2026-03-17T13:05:09Z') });
    expect(parseTagInstant('2026-07-01', '09:00:00', 'Europe/Berlin')).to.deep.equal({ ok: true, at: Date.parse('2026-07-01T07:00:00Z') });
    expect(parseTagInstant('2026-03-17', '14:05:09', 'America/New_York')).to.deep.equal({ ok: true, at: Date.parse('2026-03-17T18:05:09Z') });
    expect(parseTagInstant('2026-01-17', '14:05:09', 'America/New_York')).to.deep.equal({ ok: true, at: Date.parse('2026-01-17T19:05:09Z') });
    expect(parseTagInstant('2026-03-17', '23:59:59', 'UTC')).to.deep.equal({ ok: true, at: Date.parse('2026-03-17T23:59:59Z') });
  });

  it('accepts surrounding spaces, a one-digit hour and a time without seconds', () => {
    expect(parseTagInstant(' 2026-03-17 ', ' 9:05 ', 'UTC')).to.deep.equal({ ok: true, at: Date.parse('2026-03-17T09:05:00Z') });
  });

  it('rejects dates that are not yyyy-mm-dd or not on the calendar', () => {
    for (const date of ['', '17.03.2026', '2026-3-17', '2026/03/17', '2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '0026-03-17', 'x']) {
      expect(parseTagInstant(date, '10:00:00', 'UTC'), date).to.deep.equal({ ok: false, code: 'date-format' });
    }
    expect(parseTagInstant('2028-02-29', '10:00:00', 'UTC').ok).to.equal(true);
  });

  it('rejects times that are not HH:mm:ss or out of range', () => {
    for (const time of ['', '24:00:00', '12:60:00', '12:00:60', '12', '12:0', '12:00:00.5', '1200', 'noon']) {
      expect(parseTagInstant('2026-03-17', time, 'UTC'), time).to.deep.equal({ ok: false, code: 'time-format' });
    }
  });

  it('reports wall-clock times skipped when clocks go forward', () => {
    expect(parseTagInstant('2026-03-29', '02:30:00', 'Europe/Berlin')).to.deep.equal({ ok: false, code: 'time-gap' });
    expect(parseTagInstant('2026-03-29', '02:00:00', 'Europe/Berlin')).to.deep.equal({ ok: false, code: 'time-gap' });
    expect(parseTagInstant('2026-03-29', '03:00:00', 'Europe/Berlin')).to.deep.equal({ ok: true, at: Date.parse('2026-03-29T01:00:00Z') });
    expect(parseTagInstant('2026-03-29', '01:59:59', 'Europe/Berlin')).to.deep.equal({ ok: true, at: Date.parse('2026-03-29T00:59:59Z') });
    expect(parseTagInstant('2026-03-08', '02:30:00', 'America/New_York')).to.deep.equal({ ok: false, code: 'time-gap' });
    // Samoa skipped a whole day.
    expect(parseTagInstant('2011-12-30', '12:00:00', 'Pacific/Apia')).to.deep.equal({ ok: false, code: 'time-gap' });
  });

  it('accepts a repeated wall-clock time (clocks went back) as one of its instants', () => {
    const result = parseTagInstant('2026-10-25', '02:30:00', 'Europe/Berlin');
    expect(result.ok).to.equal(true);
    if (result.ok) expect([Date.parse('2026-10-25T00:30:00Z'), Date.parse('2026-10-25T01:30:00Z')]).to.include(result.at);
  });

  it('reports an unknown zone', () => {
    expect(parseTagInstant('2026-03-17', '10:00:00', 'Mars/Olympus')).to.deep.equal({ ok: false, code: 'zone-unknown' });
    expect(isKnownZone('Mars/Olympus')).to.equal(false);
    expect(isKnownZone('')).to.equal(false);
    expect(isKnownZone('Europe/Berlin')).to.equal(true);
  });
});

describe('formatTagInstant', () => {
  it('shows an instant on the wall clock of the zone', () => {
    const at = Date.parse('2026-03-17T23:30:05.750Z');
    expect(formatTagInstant(at, 'UTC')).to.deep.equal({ date: '2026-03-17', time: '23:30:05' });
    expect(formatTagInstant(at, 'Europe/Berlin')).to.deep.equal({ date: '2026-03-18', time: '00:30:05' });
    expect(formatTagInstant(at, 'America/New_York')).to.deep.equal({ date: '2026-03-17', time: '19:30:05' });
  });

  it('round-trips through parseTagInstant, across DST changes', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T05:59:59Z', '2026-06-15T12:00:00Z']) {
        const at = Date.parse(iso);
        const { date, time } = formatTagInstant(at, zone);
        expect(parseTagInstant(date, time, zone), `${zone} ${iso}`).to.deep.equal({ ok: true, at });
      }
    }
  });
});
