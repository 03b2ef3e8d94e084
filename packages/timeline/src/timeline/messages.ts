import { de, enGB, type Locale } from 'date-fns/locale';

/** Every string the timeline shows, by locale. `{name}` marks a parameter. */
const en = {
  timeline: 'Recording timeline',
  recorded: 'recorded',
  notRecorded: 'not recorded',
  valueText: '{time} — {state}',
  zoomControls: 'Timeline zoom',
  day: 'Day',
  dayTitle: 'Show the whole day',
  hour: 'Hour',
  hourTitle: 'Show the hour around the playhead',
  fit: 'Fit',
  fitTitle: 'Fit the recorded time',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  markers: '{count} markers',
  clusterHint: 'click to zoom in',
  visible: 'Showing {from} to {to}',
};

export type TimelineMessageKey = keyof typeof en;

const catalogs: Record<string, { messages: Record<TimelineMessageKey, string>; dateLocale: Locale }> = {
  en: { messages: en, dateLocale: enGB },
  de: {
    dateLocale: de,
    messages: {
      timeline: 'Aufzeichnungs-Zeitleiste',
      recorded: 'aufgezeichnet',
      notRecorded: 'nicht aufgezeichnet',
      valueText: '{time} — {state}',
      zoomControls: 'Zoom der Zeitleiste',
      day: 'Tag',
      dayTitle: 'Den ganzen Tag zeigen',
      hour: 'Stunde',
      hourTitle: 'Die Stunde um die Abspielposition zeigen',
      fit: 'Einpassen',
      fitTitle: 'Die aufgezeichnete Zeit einpassen',
      zoomIn: 'Vergrößern',
      zoomOut: 'Verkleinern',
      markers: '{count} Markierungen',
      clusterHint: 'zum Vergrößern klicken',
      visible: 'Zeige {from} bis {to}',
    },
  },
};

/** Strings and date-fns locale for `locale` (falls back to English by language, then entirely). */
export function timelineTranslator(locale: string) {
  const catalog = catalogs[locale] ?? catalogs[locale.split('-')[0]!] ?? catalogs.en!;
  const t = (key: TimelineMessageKey, params: Record<string, string | number> = {}): string =>
    catalog.messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  return { t, dateLocale: catalog.dateLocale };
}
