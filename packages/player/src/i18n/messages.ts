import { de, enGB, type Locale } from 'date-fns/locale';

/** Every string the player shows, by locale. `{name}` marks a parameter. */
const en = {
  historyView: 'History view',
  liveView: 'Live view',
  live: 'Live',
  play: 'Play',
  pause: 'Pause',
  rewind: 'Back {seconds} s',
  fastForward: 'Forward {seconds} s',
  toStart: "Beginning of the day's recording",
  toEnd: "End of the day's recording",
  previousDay: 'Previous day',
  nextDay: 'Next day',
  speed: 'Playback speed',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  time: 'Time {time}, click to enter a time',
  date: 'Date {date}, click to enter a date',
  enterTime: 'Go to time (HH:mm:ss)',
  enterDate: 'Go to date (yyyy-mm-dd)',
  go: 'Go',
  cancel: 'Cancel',
  loading: 'Loading recording…',
  buffering: 'Buffering…',
  retry: 'Retry',
  close: 'Close',
  timeline: 'Recording timeline',
  noRecordingsAtAll: 'There are no recordings for this user.',
  noRecordingsDay: 'No recordings on {date}.',
  endOfRecordings: 'End of the recordings.',
  gapSkipped: 'No recording from {from} to {to}: skipped {duration}.',
  movedToRecording: 'Nothing was recorded at {requested}; showing the nearest recording at {shown}.',
  invalidTime: 'Enter a time like 14:30 or 14:30:05.',
  invalidDate: 'Enter a date like 2026-03-17.',
  timeZoneUser: "User's time ({zone})",
  timeZoneViewer: 'Your time ({zone})',
  zoneToggle: 'Show times in',
  sessionUser: 'User',
  sessionComputer: 'Computer',
  dialogLabel: 'Session player: {user}',
  playerError: 'Playback stopped',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pictureInPicture: 'Picture in picture',
  muteSource: 'Mute {source}',
  unmuteSource: 'Unmute {source}',
  notifications: 'Notifications',
  lock: 'Lock (forget the key)',
  encryptedRecording: 'End-to-end encrypted',
  wrongPassphrase: 'That passphrase does not open this recording.',
  wrongKey: 'That key does not open this recording.',
  retryLater: 'Too many tries: wait until {time} before the next one.',
  headerInvalid: "This recording's encryption header is damaged or of an unknown version: {detail}",
  recordingAltered: 'Recording altered at {at}: segment {index} {reason}. Playback stopped before it.',
  headerMismatch: 'Recording altered: the encryption header does not belong to these segments ({reason}).',
  segmentMissing: 'Segment missing at {at}: segment {index} has been removed from the recording. Playback stopped there.',
  faultNotSealed: 'is not a sealed segment',
  faultTruncated: 'is truncated',
  faultWrongKind: 'is of the wrong kind',
  faultOtherRecording: 'belongs to another recording',
  faultWrongIndex: 'holds a different segment (reordered)',
  faultWrongStart: 'was re-timed',
  faultAuthentication: 'failed authentication',
};

export type MessageKey = keyof typeof en;
type Catalog = Record<MessageKey, string>;

const catalogs: Record<string, { messages: Catalog; dateLocale: Locale }> = {
  en: { messages: en, dateLocale: enGB },
  de: {
    dateLocale: de,
    messages: {
      notifications: 'Benachrichtigungen',
      historyView: 'Verlaufsansicht',
      liveView: 'Live-Ansicht',
      live: 'Live',
      play: 'Abspielen',
      pause: 'Pause',
      rewind: '{seconds} s zurück',
      fastForward: '{seconds} s vor',
      toStart: 'Anfang der Aufzeichnung des Tages',
      toEnd: 'Ende der Aufzeichnung des Tages',
      previousDay: 'Vorheriger Tag',
      nextDay: 'Nächster Tag',
      speed: 'Wiedergabegeschwindigkeit',
      mute: 'Stumm',
      unmute: 'Ton an',
      volume: 'Lautstärke',
      time: 'Uhrzeit {time}, klicken zum Eingeben',
      date: 'Datum {date}, klicken zum Eingeben',
      enterTime: 'Gehe zu Uhrzeit (HH:mm:ss)',
      enterDate: 'Gehe zu Datum (jjjj-mm-tt)',
      go: 'Los',
      cancel: 'Abbrechen',
      loading: 'Aufzeichnung wird geladen…',
      buffering: 'Puffern…',
      retry: 'Erneut versuchen',
      close: 'Schließen',
      timeline: 'Zeitleiste der Aufzeichnung',
      noRecordingsAtAll: 'Für diesen Benutzer gibt es keine Aufzeichnungen.',
      noRecordingsDay: 'Keine Aufzeichnungen am {date}.',
      endOfRecordings: 'Ende der Aufzeichnungen.',
      gapSkipped: 'Keine Aufzeichnung von {from} bis {to}: {duration} übersprungen.',
      movedToRecording: 'Um {requested} wurde nichts aufgezeichnet; nächste Aufzeichnung um {shown}.',
      invalidTime: 'Uhrzeit wie 14:30 oder 14:30:05 eingeben.',
      invalidDate: 'Datum wie 2026-03-17 eingeben.',
      timeZoneUser: 'Zeit des Benutzers ({zone})',
      timeZoneViewer: 'Ihre Zeit ({zone})',
      zoneToggle: 'Zeiten anzeigen in',
      sessionUser: 'Benutzer',
      sessionComputer: 'Computer',
      dialogLabel: 'Sitzungsplayer: {user}',
      playerError: 'Wiedergabe angehalten',
      fullscreen: 'Vollbild',
      exitFullscreen: 'Vollbild beenden',
      pictureInPicture: 'Bild im Bild',
      muteSource: '{source} stumm schalten',
      unmuteSource: '{source} einschalten',
      lock: 'Sperren (Schlüssel vergessen)',
      encryptedRecording: 'Ende-zu-Ende-verschlüsselt',
      wrongPassphrase: 'Diese Passphrase öffnet diese Aufzeichnung nicht.',
      wrongKey: 'Dieser Schlüssel öffnet diese Aufzeichnung nicht.',
      retryLater: 'Zu viele Versuche: bitte bis {time} warten.',
      headerInvalid: 'Der Verschlüsselungs-Header dieser Aufzeichnung ist beschädigt oder hat eine unbekannte Version: {detail}',
      recordingAltered: 'Aufzeichnung verändert bei {at}: Segment {index} {reason}. Wiedergabe davor angehalten.',
      headerMismatch: 'Aufzeichnung verändert: Der Verschlüsselungs-Header gehört nicht zu diesen Segmenten ({reason}).',
      segmentMissing: 'Segment fehlt bei {at}: Segment {index} wurde aus der Aufzeichnung entfernt. Wiedergabe dort angehalten.',
      faultNotSealed: 'ist kein versiegeltes Segment',
      faultTruncated: 'ist abgeschnitten',
      faultWrongKind: 'hat die falsche Art',
      faultOtherRecording: 'gehört zu einer anderen Aufzeichnung',
      faultWrongIndex: 'enthält ein anderes Segment (umsortiert)',
      faultWrongStart: 'wurde umdatiert',
      faultAuthentication: 'hat die Authentifizierung nicht bestanden',
    },
  },
};

export const supportedLocales = Object.keys(catalogs);

/** Translator for `locale` (falls back to English for unknown locales). */
export function translator(locale: string): {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  dateLocale: Locale;
} {
  const catalog = catalogs[locale] ?? catalogs[locale.split('-')[0] ?? ''] ?? catalogs.en!;
  return {
    dateLocale: catalog.dateLocale,
    t: (key, params) =>
      catalog.messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)),
  };
}

/** "45 min", "2 h 5 min", "12 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
