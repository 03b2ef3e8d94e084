/** Every string the decrypt overlay shows, by locale. `{name}` marks a parameter. */
const en = {
  encrypted: 'Encrypted',
  explanation: 'This recording is end-to-end encrypted. Only your passphrase can open it, in this browser.',
  decrypt: 'Decrypt',
  notAllowed: 'You are not allowed to decrypt this recording.',
  formTitle: 'Enter passphrase',
  passphrase: 'Passphrase',
  showPassphrase: 'Show passphrase',
  unlock: 'Unlock',
  cancel: 'Cancel',
  passphraseEmpty: 'Enter the passphrase.',
  deriving: 'Deriving key…',
  derivingElapsed: 'Deriving key… {seconds} s',
  retryIn: 'Try again in {seconds} s',
  unlockFailed: 'The recording could not be unlocked.',
  unlockUnavailable: 'Decryption is not available here.',
};

export type DecryptMessageKey = keyof typeof en;

const catalogs: Record<string, Record<DecryptMessageKey, string>> = {
  en,
  de: {
    encrypted: 'Verschlüsselt',
    explanation: 'Diese Aufzeichnung ist Ende-zu-Ende-verschlüsselt. Nur Ihre Passphrase kann sie öffnen, in diesem Browser.',
    decrypt: 'Entschlüsseln',
    notAllowed: 'Sie dürfen diese Aufzeichnung nicht entschlüsseln.',
    formTitle: 'Passphrase eingeben',
    passphrase: 'Passphrase',
    showPassphrase: 'Passphrase anzeigen',
    unlock: 'Entsperren',
    cancel: 'Abbrechen',
    passphraseEmpty: 'Geben Sie die Passphrase ein.',
    deriving: 'Schlüssel wird abgeleitet…',
    derivingElapsed: 'Schlüssel wird abgeleitet… {seconds} s',
    retryIn: 'Neuer Versuch in {seconds} s',
    unlockFailed: 'Die Aufzeichnung konnte nicht entsperrt werden.',
    unlockUnavailable: 'Entschlüsseln ist hier nicht verfügbar.',
  },
};

export interface DecryptTranslator {
  t(message: DecryptMessageKey, params?: Record<string, string | number>): string;
  /** Milliseconds as seconds with one decimal, in the locale's notation ("0.8", "0,8"). */
  seconds(ms: number): string;
}

// The deriving line is re-rendered ten times a second: build each locale's formatter once.
const translators = new Map<string, DecryptTranslator>();

/** Strings and number formatting for `locale` (exact, else its language, else English). */
export function decryptTranslator(locale: string): DecryptTranslator {
  const language = locale.split('-')[0]!;
  const key = catalogs[locale] ? locale : catalogs[language] ? language : 'en';
  let translator = translators.get(key);
  if (!translator) {
    const messages = catalogs[key]!;
    const tenths = new Intl.NumberFormat(key, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    translator = {
      t: (message, params = {}) => messages[message].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)),
      seconds: (ms) => tenths.format(Math.max(0, ms) / 1_000),
    };
    translators.set(key, translator);
  }
  return translator;
}
