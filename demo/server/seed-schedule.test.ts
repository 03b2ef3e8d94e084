import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadMediaPool } from './media/media-pool.js';
import { planSessions } from './seed/work-schedule.js';
import { addDays, localFields, parseLocalDate, weekday, zonedInstant, type LocalDate } from './seed/zoned-time.js';
import { seededDataDir, testFixturesDir } from './test-support.js';

/**
 * The seeded week must look like real work in each user's own time zone:
 * nights off, a lunch break, a 3-minute agent outage, a late night past
 * midnight, a quiet weekend — checked with Intl, independently of the seed code.
 */

interface Span {
  start: number;
  end: number;
  sessionId?: string;
}

const local = (zone: string, t: number) => localFields(zone, t);
const dateKey = (f: { year: number; month: number; day: number }) =>
  `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
const hours = (f: { hour: number; minute: number; second: number }) => f.hour + f.minute / 60 + f.second / 3600;

function gaps(spans: Span[]): { start: number; end: number; before: Span; after: Span }[] {
  return spans.slice(1).map((s, i) => ({ start: spans[i]!.end, end: s.start, before: spans[i]!, after: s }));
}

/** Recorded ms per local date. */
function recordedPerDay(spans: Span[], zone: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of spans) {
    for (let t = s.start; t < s.end; t += 60_000) {
      const key = dateKey(local(zone, t));
      out.set(key, (out.get(key) ?? 0) + Math.min(60_000, s.end - t));
    }
  }
  return out;
}

function assertNightsOff(spans: Span[], zone: string, label: string) {
  for (const s of spans) {
    for (let t = s.start; t < s.end; t += 60_000) {
      const h = hours(local(zone, t));
      assert.ok(h >= 6 && h < 24 - 0.0001 || h < 2, `${label}: recording at local ${h.toFixed(2)} h`);
    }
  }
  assert.ok(gaps(spans).some((g) => g.end - g.start > 8 * 3_600_000), `${label}: no overnight gap`);
}

function assertWorkdayShape(spans: Span[], zone: string, anchor: LocalDate, label: string) {
  const lunchGaps = gaps(spans).filter((g) => {
    const startH = hours(local(zone, g.start));
    return g.end - g.start >= 30 * 60_000 && g.end - g.start <= 75 * 60_000 && startH >= 11.5 && startH <= 13.6;
  });
  const lunchDays = new Set(lunchGaps.map((g) => dateKey(local(zone, g.start))));
  const perDay = recordedPerDay(spans, zone);
  for (let i = -6; i <= 0; i++) {
    const d = addDays(anchor, i);
    const key = dateKey(d);
    const wd = weekday(d);
    if (wd === 0) assert.equal(perDay.get(key) ?? 0, 0, `${label}: recorded on Sunday ${key}`);
    else if (wd === 6) assert.ok((perDay.get(key) ?? 0) < 2 * 3_600_000, `${label}: long Saturday ${key}`);
    else {
      assert.ok((perDay.get(key) ?? 0) > 6 * 3_600_000, `${label}: short workday ${key}`);
      assert.ok(lunchDays.has(key), `${label}: no lunch gap on ${key}`);
    }
  }
}

function assertOutage(spans: Span[], label: string) {
  const outages = gaps(spans).filter((g) => g.end - g.start === 180_000);
  assert.ok(outages.length >= 1, `${label}: no 3-minute gap`);
  for (const o of outages) assert.equal(o.before.sessionId, o.after.sessionId, `${label}: outage splits a session`);
}

function assertMidnightCrossing(spans: Span[], zone: string, label: string) {
  const crossing = spans.filter((s) => dateKey(local(zone, s.start)) !== dateKey(local(zone, s.end - 1)));
  assert.equal(crossing.length, 1, `${label}: expected one recording across local midnight`);
  const s = crossing[0]!;
  assert.equal(local(zone, s.start).hour, 21, `${label}: late session starts ${local(zone, s.start).hour}h`);
  assert.equal(local(zone, s.end).hour, 1, `${label}: late session ends ${local(zone, s.end).hour}h`);
}

describe('seeded week through the API', () => {
  let app: FastifyInstance;
  let cleanup: () => void;
  let anchor: LocalDate;

  before(async () => {
    const dir = await seededDataDir('schedule');
    cleanup = dir.cleanup;
    app = await buildApp({ dataDir: dir.dataDir, fixturesDir: testFixturesDir() });
    anchor = parseLocalDate(app.seedReport.anchorDay);
  });
  after(async () => {
    await app?.close();
    cleanup?.();
  });

  async function streamCoverage(userId: string, computerId: string) {
    const info = (await app.inject(`/api/session?userId=${userId}&computerId=${computerId}`)).json();
    const { start, end } = info.recorded;
    const res = await app.inject(`/api/streams/${userId}/${computerId}/coverage?from=${start}&to=${end}`);
    assert.equal(res.statusCode, 200);
    return { zone: info.timezone as string, spans: res.json() as Span[] };
  }

  it('has three users in three zones, one of them on two computers', async () => {
    const users = await Promise.all(
      ['aschneider', 'mreed', 'ytanaka'].map(async (u) => (await app.inject(`/api/session?userId=${u}`)).json()),
    );
    assert.deepEqual(new Set(users.map((u) => u.timezone)).size, 3);
    const laptop = await app.inject('/api/session?userId=aschneider&computerId=ber-lt-007');
    assert.equal(laptop.statusCode, 200);
    assert.notEqual(laptop.json().computer.id, users[0].computer.id);
  });

  it('records workdays with nights off and a lunch break, in the user zone', async () => {
    for (const [u, c] of [['aschneider', 'ber-ws-014'], ['ytanaka', 'tyo-mac-042']] as const) {
      const { zone, spans } = await streamCoverage(u, c);
      assertNightsOff(spans, zone, `${u}/${c}`);
      assertWorkdayShape(spans, zone, anchor, `${u}/${c}`);
    }
  });

  it('has a 3-minute agent outage inside a session', async () => {
    assertOutage((await streamCoverage('aschneider', 'ber-ws-014')).spans, 'aschneider');
    assertOutage((await streamCoverage('ytanaka', 'tyo-mac-042')).spans, 'ytanaka');
  });

  it('has one recording from 21:30 past local midnight', async () => {
    const { zone, spans } = await streamCoverage('mreed', 'nyc-ws-221');
    assertMidnightCrossing(spans, zone, 'mreed');
    assertNightsOff(spans.filter((s) => local(zone, s.start).hour < 21), zone, 'mreed daytime');
  });

  it('keeps the weekend short or empty', async () => {
    const { zone, spans } = await streamCoverage('aschneider', 'ber-lt-007');
    const perDay = recordedPerDay(spans, zone);
    for (const [day, ms] of perDay) assert.ok(ms < 2 * 3_600_000, `laptop used ${ms / 60000} min on ${day}`);
  });

  it('records whole pool segments: coverage equals the union of /segments', async () => {
    const { spans } = await streamCoverage('mreed', 'nyc-ws-221');
    const from = spans[0]!.start;
    const to = spans[spans.length - 1]!.end;
    const segs = (await app.inject(`/api/streams/mreed/nyc-ws-221/segments?from=${from}&to=${to}`)).json() as Span[];
    const merged: Span[] = [];
    for (const s of segs) {
      const last = merged[merged.length - 1];
      if (last && last.end === s.start) last.end = s.end;
      else merged.push({ start: s.start, end: s.end });
    }
    assert.deepEqual(merged, spans.map((s) => ({ start: s.start, end: s.end })));
  });

  it('has at least 500 events on every recorded local day of every stream', async () => {
    for (const [u, c] of [['aschneider', 'ber-ws-014'], ['aschneider', 'ber-lt-007'], ['mreed', 'nyc-ws-221'], ['ytanaka', 'tyo-mac-042']]) {
      const { zone, spans } = await streamCoverage(u!, c!);
      const counts = new Map<string, number>();
      let cursor: string | null = null;
      do {
        const url: string = `/api/streams/${u}/${c}/events?from=${spans[0]!.start}&to=${spans[spans.length - 1]!.end}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await app.inject(url)).json();
        for (const e of page.items) {
          const key = dateKey(local(zone, e.at));
          counts.set(key, (counts.get(key) ?? 0) + 1);
          assert.ok(spans.some((s) => s.start <= e.at && e.at < s.end), `event ${e.id} outside the recordings`);
        }
        cursor = page.nextCursor;
      } while (cursor);
      const days = recordedPerDay(spans, zone);
      for (const day of days.keys()) {
        assert.ok((counts.get(day) ?? 0) >= 500, `${u}/${c}: only ${counts.get(day) ?? 0} events on ${day}`);
      }
    }
  });
});

describe('seed plan in weeks with a DST change', async () => {
  const pool = await loadMediaPool(`${testFixturesDir()}/pool`);
  // Berlin springs forward on 2025-03-30; New York falls back on 2025-11-02.
  for (const anchorText of ['2025-03-31', '2025-11-03', '2025-06-14']) {
    it(`keeps local working hours for the week ending ${anchorText}`, () => {
      const anchor = parseLocalDate(anchorText);
      const sessions = planSessions(anchor, pool);
      const spansOf = (c: string) =>
        sessions.filter((s) => s.computerId === c).flatMap((s) => s.recordings.map((r) => ({ ...r, sessionId: s.id })));
      const berlin = spansOf('ber-ws-014');
      assertNightsOff(berlin, 'Europe/Berlin', 'berlin');
      assertWorkdayShape(berlin, 'Europe/Berlin', anchor, 'berlin');
      assertOutage(berlin, 'berlin');
      assertMidnightCrossing(spansOf('nyc-ws-221'), 'America/New_York', 'new york');
      for (const s of berlin) {
        // Each session starts between 08:30 and 09:00 or after lunch, Berlin time, whatever the UTC offset.
        assert.ok(hours(local('Europe/Berlin', s.start)) >= 8.5, `starts ${hours(local('Europe/Berlin', s.start))}`);
      }
      // Deterministic: the same anchor plans the same week.
      assert.deepEqual(planSessions(anchor, pool), sessions);
    });
  }

  it('converts local clock times across the spring-forward night', () => {
    const day = parseLocalDate('2025-03-30');
    assert.equal(new Date(zonedInstant('Europe/Berlin', day, 9 * 3600)).toISOString(), '2025-03-30T07:00:00.000Z');
    assert.equal(new Date(zonedInstant('Europe/Berlin', addDays(day, -1), 9 * 3600)).toISOString(), '2025-03-29T08:00:00.000Z');
    assert.equal(new Date(zonedInstant('America/New_York', parseLocalDate('2025-11-01'), 25 * 3600)).toISOString(), '2025-11-02T05:00:00.000Z');
  });
});
