const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/**
 * How long a UI must wait before the next unlock attempt after `failures` wrong secrets in a
 * row: 0, then 1 s, 2 s, 4 s, … capped at 30 s. PBKDF2 already costs each guess about a second;
 * this makes guessing through the UI slower still without locking anyone out.
 */
export function minimumDelayAfterFailures(failures: number): number {
  if (!(failures >= 1)) return 0;
  if (failures > 16) return MAX_DELAY_MS;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (Math.floor(failures) - 1));
}
