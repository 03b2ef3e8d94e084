import { TZDate } from '@date-fns/tz';
import { format, type Locale } from 'date-fns';
import type { Instant } from '../types.js';

const CACHE_LIMIT = 4_096;

/**
 * `HH:mm:ss` of an instant in `zone`. Rows are re-rendered on every
 * playhead tick, and zone-aware formatting is the costly part of a row, so
 * results are cached per formatter. An unknown zone falls back to UTC
 * rather than throwing mid-render.
 */
export function rowTimeFormatter(zone: string, dateLocale: Locale): (at: Instant) => string {
  const safeZone = isZone(zone) ? zone : 'UTC';
  const cache = new Map<Instant, string>();
  return (at) => {
    let text = cache.get(at);
    if (text === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      text = Number.isFinite(at) ? format(new TZDate(at, safeZone), 'HH:mm:ss', { locale: dateLocale }) : '--:--:--';
      cache.set(at, text);
    }
    return text;
  };
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
