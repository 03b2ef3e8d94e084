import type { IndexedPool } from '../media/media-pool.js';
import { poolOffsetFor, recordingDurationMs, segmentsToCover } from '../media/media-timeline.js';
import { SEED_COMPUTERS, SEED_STREAMS, SEED_USERS, type SeedStream, type SeedUser } from './directory.js';
import { createRandom, hashKey, type Random } from './prng.js';
import { addDays, formatLocalDate, weekday, zonedInstant, type LocalDate } from './zoned-time.js';

/** Number of days recorded per stream, ending with the anchor day. */
export const SEEDED_DAYS = 7;
/** The agent outage inside one afternoon, exactly. */
export const AGENT_OUTAGE_MS = 3 * 60 * 1000;

export interface PlannedRecording {
  id: string;
  sessionId: string;
  start: number;
  end: number;
  poolOffset: number;
  segmentCount: number;
}

export interface PlannedSession {
  id: string;
  userId: string;
  computerId: string;
  /** The user's local calendar day the session began on. */
  localDate: string;
  start: number;
  end: number;
  protocol: string;
  clientIp: string;
  credential: string;
  errorMessage: string | null;
  sizeBytes: number;
  recordings: PlannedRecording[];
}

/** A session as local clock times: seconds from the day's midnight (may pass 24 h). */
interface SessionTemplate {
  pieces: { start: number; end: number }[];
  /** Seconds into the first piece after which the agent drops out for three minutes. */
  outageAfter?: number;
  protocol: string;
  clientIp: string;
  errorMessage?: string;
}

const hm = (h: number, m: number, s = 0) => h * 3600 + m * 60 + s;

interface DayContext {
  date: LocalDate;
  isWorkday: boolean;
  rnd: Random;
  /** This weekday's evening carries the midnight-crossing session. */
  lateNight: boolean;
  /** Ordinal among the seeded workdays (0-based), or -1 on weekends. */
  workdayOrdinal: number;
}

function officeDay(
  rnd: Random,
  t: { arrive: number; lunch: number; lunchMinutes: [number, number]; leave: number },
  protocol: string,
  clientIp: string,
): SessionTemplate[] {
  const start = t.arrive + rnd.int(-600, 600) + rnd.int(0, 59);
  const lunchStart = t.lunch + rnd.int(-600, 600);
  const lunchEnd = lunchStart + rnd.int(t.lunchMinutes[0] * 60, t.lunchMinutes[1] * 60);
  const end = t.leave + rnd.int(-900, 1500);
  return [
    { pieces: [{ start, end: lunchStart }], protocol, clientIp },
    { pieces: [{ start: lunchEnd, end }], protocol, clientIp },
  ];
}

/** The plan of every seeded stream, in each user's own local time. */
function templatesFor(stream: SeedStream, day: DayContext): SessionTemplate[] {
  const { rnd } = day;
  const ip = SEED_COMPUTERS.find((c) => c.id === stream.computerId)!.ip;
  switch (stream.computerId) {
    case 'ber-ws-014': {
      if (!day.isWorkday) return [];
      const sessions = officeDay(rnd, { arrive: hm(8, 45), lunch: hm(12, 15), lunchMinutes: [35, 55], leave: hm(17, 30) }, 'Console', ip);
      if (day.workdayOrdinal === 0) {
        sessions[1]!.outageAfter = hm(1, 30) + rnd.int(0, 1200);
        sessions[1]!.errorMessage = 'Recording agent lost its connection for 3 minutes; recording resumed automatically.';
      }
      return sessions;
    }
    case 'ber-lt-007': {
      // Saturday at home: a short look at the mail. One weekday evening as well.
      if (weekday(day.date) === 6) {
        const start = hm(10, 5) + rnd.int(0, 600);
        return [{ pieces: [{ start, end: start + hm(1, 10) + rnd.int(0, 900) }], protocol: 'Console', clientIp: ip }];
      }
      if (day.workdayOrdinal === 1) {
        const start = hm(19, 40) + rnd.int(0, 600);
        return [{ pieces: [{ start, end: start + hm(0, 45) + rnd.int(0, 600) }], protocol: 'Console', clientIp: ip }];
      }
      return [];
    }
    case 'nyc-ws-221': {
      const vpn = `10.40.9.${rnd.int(20, 240)}`;
      if (weekday(day.date) === 6) {
        const start = hm(11, 0) + rnd.int(0, 300);
        return [{ pieces: [{ start, end: start + hm(0, 40) + rnd.int(0, 300) }], protocol: 'RDP', clientIp: vpn }];
      }
      if (!day.isWorkday) return [];
      const sessions = officeDay(rnd, { arrive: hm(9, 0), lunch: hm(12, 30), lunchMinutes: [40, 60], leave: hm(17, 55) }, 'RDP', vpn);
      if (day.workdayOrdinal === 2) {
        sessions[0]!.errorMessage = 'RDP connection dropped (0x904); the client reconnected after 12 s.';
      }
      if (day.lateNight) {
        // Finishing a quarter-end report: 21:30 until ten past one the next morning.
        sessions.push({ pieces: [{ start: hm(21, 30), end: hm(24 + 1, 10) }], protocol: 'RDP', clientIp: vpn });
      }
      return sessions;
    }
    case 'tyo-mac-042': {
      if (!day.isWorkday) return [];
      const sessions = officeDay(rnd, { arrive: hm(9, 35), lunch: hm(12, 5), lunchMinutes: [50, 60], leave: hm(18, 30) }, 'Console', ip);
      if (day.workdayOrdinal === 3) {
        sessions[0]!.outageAfter = hm(1, 0) + rnd.int(0, 900);
        sessions[0]!.errorMessage = 'Recording agent lost its connection for 3 minutes; recording resumed automatically.';
      }
      return sessions;
    }
    // Sealed streams are sealed again at every fresh start-up, so they stay
    // short: a few minutes on the last workdays, early (never the grid's newest row).
    case 'mil-ws-009': {
      if (day.workdayOrdinal < 3) return [];
      const morning = hm(7, 40) + rnd.int(0, 300);
      const noon = hm(11, 50) + rnd.int(0, 300);
      return [
        { pieces: [{ start: morning, end: morning + hm(0, 5) }], protocol: 'Console', clientIp: ip },
        { pieces: [{ start: noon, end: noon + hm(0, 4) }], protocol: 'Console', clientIp: ip },
      ];
    }
    case 'mil-lt-002': {
      if (day.workdayOrdinal !== 4) return [];
      const start = hm(7, 5) + rnd.int(0, 300);
      return [{ pieces: [{ start, end: start + hm(0, 4) }], protocol: 'Console', clientIp: ip }];
    }
    default:
      return [];
  }
}

function credentialOf(user: SeedUser, computerId: string): string {
  const os = SEED_COMPUTERS.find((c) => c.id === computerId)!.os;
  return os.startsWith('Windows') ? `${user.domain}\\${user.login}` : user.login;
}

/** The seven local days ending with `anchor`. */
function daysEnding(anchor: LocalDate): { date: LocalDate; isWorkday: boolean }[] {
  return Array.from({ length: SEEDED_DAYS }, (_, i) => {
    const date = addDays(anchor, i - (SEEDED_DAYS - 1));
    const wd = weekday(date);
    return { date, isWorkday: wd !== 0 && wd !== 6 };
  });
}

/**
 * Every session and recording of the seed, as instants. Recordings are whole
 * runs of pool segments, so their ends follow from the pool's timing.
 */
export function planSessions(anchor: LocalDate, pool: IndexedPool): PlannedSession[] {
  const days = daysEnding(anchor);
  // The first weekday followed by another weekday gets the late night.
  const lateNightIndex = days.findIndex((d, i) => i < days.length - 1 && d.isWorkday && days[i + 1]!.isWorkday);
  const out: PlannedSession[] = [];
  for (const stream of SEED_STREAMS) {
    const user = SEED_USERS.find((u) => u.id === stream.userId)!;
    let workdayOrdinal = 0;
    days.forEach((d, index) => {
      const dateText = formatLocalDate(d.date);
      const rnd = createRandom(`${stream.userId}/${stream.computerId}/${dateText}`);
      const ctx: DayContext = {
        date: d.date,
        isWorkday: d.isWorkday,
        rnd,
        lateNight: index === lateNightIndex,
        workdayOrdinal: d.isWorkday ? workdayOrdinal++ : -1,
      };
      templatesFor(stream, ctx).forEach((t, n) => {
        const sessionId = `${stream.computerId}-${dateText.replaceAll('-', '')}-${n + 1}`;
        const recordings: PlannedRecording[] = [];
        const pieces = t.pieces.map((p) => ({
          start: zonedInstant(user.timezone, d.date, p.start),
          end: zonedInstant(user.timezone, d.date, p.end),
        }));
        for (const [k, piece] of pieces.entries()) {
          const id = `${sessionId}-r${recordings.length + 1}`;
          const poolOffset = poolOffsetFor(pool, hashKey(id));
          const wantEnd = t.outageAfter !== undefined && k === 0 ? piece.start + t.outageAfter * 1000 : piece.end;
          const segmentCount = segmentsToCover(pool, poolOffset, wantEnd - piece.start);
          const end = piece.start + recordingDurationMs(pool, poolOffset, segmentCount);
          recordings.push({ id, sessionId, start: piece.start, end, poolOffset, segmentCount });
          if (t.outageAfter !== undefined && k === 0) {
            // After the outage the agent records on until the planned end.
            const resumeId = `${sessionId}-r${recordings.length + 1}`;
            const resumeOffset = poolOffsetFor(pool, hashKey(resumeId));
            const resumeStart = end + AGENT_OUTAGE_MS;
            const count = segmentsToCover(pool, resumeOffset, piece.end - resumeStart);
            recordings.push({
              id: resumeId,
              sessionId,
              start: resumeStart,
              end: resumeStart + recordingDurationMs(pool, resumeOffset, count),
              poolOffset: resumeOffset,
              segmentCount: count,
            });
          }
        }
        const start = recordings[0]!.start;
        const end = recordings[recordings.length - 1]!.end;
        const recordedMs = recordings.reduce((sum, r) => sum + r.end - r.start, 0);
        out.push({
          id: sessionId,
          userId: stream.userId,
          computerId: stream.computerId,
          localDate: dateText,
          start,
          end,
          protocol: t.protocol,
          clientIp: t.clientIp,
          credential: credentialOf(user, stream.computerId),
          errorMessage: t.errorMessage ?? null,
          // Screen recordings at 5 fps run at roughly 30–60 kB/s.
          sizeBytes: Math.round((recordedMs / 1000) * rnd.int(30_000, 60_000)),
          recordings,
        });
      });
    });
  }
  return out;
}
