import { de, enGB, type Locale } from 'date-fns/locale';
import { interpolate, pickCatalog } from '../i18n.js';

/** Every string the side panel shows, by locale. `{name}` marks a parameter. */
const en = {
  panel: 'Session events',
  tab_notification: 'Notifications',
  tab_activity: 'Activities',
  tab_keystroke: 'Keystrokes',
  tab_tag: 'Tags',
  kind_notification: 'Notification',
  kind_activity: 'Activity',
  kind_keystroke: 'Keystroke',
  search_notification: 'Search notifications…',
  search_activity: 'Search activities…',
  search_keystroke: 'Search keystrokes…',
  search_all: 'Search all events…',
  allTabs: 'All tabs',
  severity: 'Severity',
  severity_low: 'Low',
  severity_medium: 'Medium',
  severity_high: 'High',
  severity_critical: 'Critical',
  application: 'Application',
  allApplications: 'All applications',
  rule: 'Rule',
  url: 'URL',
  window: 'Window',
  typed: 'Typed text',
  list_notification: 'Notifications',
  list_activity: 'Activities',
  list_keystroke: 'Keystroke runs',
  list_all: 'Matching events',
  loading_notification: 'Loading notifications…',
  loading_activity: 'Loading activities…',
  loading_keystroke: 'Loading keystrokes…',
  loadingMore: 'Loading more…',
  searching: 'Searching…',
  empty_notification: 'No notifications this day',
  empty_activity: 'No activities this day',
  empty_keystroke: 'No keystrokes this day',
  noMatches: 'Nothing matches “{text}”',
  noFilterMatches: 'Nothing matches the filters',
  matchesOne: '1 match',
  matches: '{count} matches',
  matchesMore: '{count}+ matches',
  loadFailed: 'The events could not be loaded.',
  searchFailed: 'The search could not be completed.',
  retry: 'Retry',
  follow: 'Follow playhead',
  countMore: '{count}+',
};

export type PanelMessageKey = keyof typeof en;

const catalogs: Record<string, { messages: Record<PanelMessageKey, string>; dateLocale: Locale }> = {
  en: { messages: en, dateLocale: enGB },
  de: {
    dateLocale: de,
    messages: {
      panel: 'Sitzungsereignisse',
      tab_notification: 'Benachrichtigungen',
      tab_activity: 'Aktivitäten',
      tab_keystroke: 'Tastatureingaben',
      tab_tag: 'Markierungen',
      kind_notification: 'Benachrichtigung',
      kind_activity: 'Aktivität',
      kind_keystroke: 'Tastatureingabe',
      search_notification: 'Benachrichtigungen durchsuchen…',
      search_activity: 'Aktivitäten durchsuchen…',
      search_keystroke: 'Tastatureingaben durchsuchen…',
      search_all: 'Alle Ereignisse durchsuchen…',
      allTabs: 'Alle Reiter',
      severity: 'Schweregrad',
      severity_low: 'Niedrig',
      severity_medium: 'Mittel',
      severity_high: 'Hoch',
      severity_critical: 'Kritisch',
      application: 'Anwendung',
      allApplications: 'Alle Anwendungen',
      rule: 'Regel',
      url: 'URL',
      window: 'Fenster',
      typed: 'Eingegebener Text',
      list_notification: 'Benachrichtigungen',
      list_activity: 'Aktivitäten',
      list_keystroke: 'Eingabefolgen',
      list_all: 'Gefundene Ereignisse',
      loading_notification: 'Benachrichtigungen werden geladen…',
      loading_activity: 'Aktivitäten werden geladen…',
      loading_keystroke: 'Tastatureingaben werden geladen…',
      loadingMore: 'Weitere werden geladen…',
      searching: 'Suche läuft…',
      empty_notification: 'Keine Benachrichtigungen an diesem Tag',
      empty_activity: 'Keine Aktivitäten an diesem Tag',
      empty_keystroke: 'Keine Tastatureingaben an diesem Tag',
      noMatches: 'Keine Treffer für „{text}“',
      noFilterMatches: 'Keine Treffer für diese Filter',
      matchesOne: '1 Treffer',
      matches: '{count} Treffer',
      matchesMore: '{count}+ Treffer',
      loadFailed: 'Die Ereignisse konnten nicht geladen werden.',
      searchFailed: 'Die Suche konnte nicht abgeschlossen werden.',
      retry: 'Erneut versuchen',
      follow: 'Abspielposition folgen',
      countMore: '{count}+',
    },
  },
};

/** Strings, date-fns locale and number format for `locale` (falls back to English by language, then entirely). */
export function panelTranslator(locale: string) {
  const { key, catalog } = pickCatalog(catalogs, locale);
  const t = (message: PanelMessageKey, params: Record<string, string | number> = {}): string => interpolate(catalog.messages[message], params);
  const numbers = new Intl.NumberFormat(key === 'de' ? 'de-DE' : 'en-GB');
  return { t, dateLocale: catalog.dateLocale, number: (n: number) => numbers.format(n) };
}

export type PanelTranslator = ReturnType<typeof panelTranslator>;
