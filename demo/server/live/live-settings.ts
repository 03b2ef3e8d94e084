import type { DbQueryable } from '../db/db.js';

/** What the relay tells an agent when it connects (`{ t: 'settings' }`). */
export interface LiveSettings {
  /** Shown to the user on the monitored computer while it is controlled or frozen. */
  controlMessage: string;
  /** How long the user has to accept or decline a control request. */
  consentTimeoutMs: number;
}

export const DEFAULT_LIVE_SETTINGS: Readonly<LiveSettings> = {
  controlMessage:
    'Your screen is being viewed and may be controlled by IT security (ticket SEC-2291). Please do not enter personal data.',
  consentTimeoutMs: 15_000,
};

/** Rows of the `settings` table that override the defaults. */
export const LIVE_SETTING_KEYS = {
  controlMessage: 'live_control_message',
  consentTimeoutMs: 'live_consent_timeout_ms',
} as const;

const MAX_MESSAGE_CHARS = 2000;
const MIN_TIMEOUT_MS = 1_000;
const MAX_TIMEOUT_MS = 10 * 60_000;

/** Settings from `settings` rows; a missing or unusable value falls back to its default. */
export function liveSettingsFrom(values: ReadonlyMap<string, string>): LiveSettings {
  const message = values.get(LIVE_SETTING_KEYS.controlMessage)?.trim();
  const timeout = Number(values.get(LIVE_SETTING_KEYS.consentTimeoutMs));
  return {
    controlMessage: message && message.length <= MAX_MESSAGE_CHARS ? message : DEFAULT_LIVE_SETTINGS.controlMessage,
    consentTimeoutMs:
      Number.isInteger(timeout) && timeout >= MIN_TIMEOUT_MS && timeout <= MAX_TIMEOUT_MS
        ? timeout
        : DEFAULT_LIVE_SETTINGS.consentTimeoutMs,
  };
}

/** Reads the live settings on every agent connection, so a changed row applies to the next one. */
export class LiveSettingsStore {
  constructor(private readonly db: DbQueryable) {}

  async read(): Promise<LiveSettings> {
    const rows = await this.db.query<{ key: string; value: string }>('SELECT key, value FROM settings WHERE key IN ($1, $2)', [
      LIVE_SETTING_KEYS.controlMessage,
      LIVE_SETTING_KEYS.consentTimeoutMs,
    ]);
    return liveSettingsFrom(new Map(rows.map((r) => [r.key, r.value])));
  }
}
