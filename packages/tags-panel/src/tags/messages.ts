import { de, enGB, type Locale } from 'date-fns/locale';
import { interpolate, pickCatalog } from '../i18n.js';

/** Every string the tags view shows, by locale. `{name}` marks a parameter. */
const en = {
  list: 'Tags',
  add: 'Add new tag',
  newTag: 'New tag',
  editTag: 'Edit tag',
  name: 'Name',
  date: 'Date',
  time: 'Time',
  notes: 'Notes',
  optional: '(optional)',
  dateHint: 'yyyy-mm-dd',
  timeHint: 'HH:mm:ss',
  zoneHint: 'Date and time in {zone}.',
  create: 'Add tag',
  save: 'Save',
  cancel: 'Cancel',
  nameEmpty: 'Enter a name.',
  nameTooLong: 'Shorten the name to {max} characters (now {count}).',
  dateFormat: 'Enter a date as yyyy-mm-dd.',
  timeFormat: 'Enter a time as HH:mm:ss.',
  timeGap: 'That time does not exist in {zone} (clocks changed).',
  zoneUnknown: 'The time zone {zone} is unknown, so the time cannot be checked.',
  notesTooLong: 'Shorten the notes to {max} characters (now {count}).',
  jumpTitle: 'Jump to this moment',
  edit: 'Edit',
  editLabel: 'Edit tag {name}',
  deleteTitle: 'Delete',
  deleteLabel: 'Delete tag {name}',
  pendingCreate: 'Not yet saved',
  pendingUpdate: 'Changes not yet saved',
  pendingDelete: 'Deletion not yet saved',
  pendingDetail: ': it is sent when the server answers again.',
  conflictDeleted: 'This tag was deleted elsewhere; your change was not saved.',
  conflictChanged: 'This tag was changed elsewhere; your change was not saved.',
  conflictRejected: 'The server refused this change; it was not saved.',
  empty: 'No tags this day. Add one to mark a moment.',
  emptyReadOnly: 'No tags this day.',
  deleted: 'Deleted tag {name}.',
  undo: 'Undo',
};

export type TagsMessageKey = keyof typeof en;

const catalogs: Record<string, { messages: Record<TagsMessageKey, string>; dateLocale: Locale }> = {
  en: { messages: en, dateLocale: enGB },
  de: {
    dateLocale: de,
    // "Tag" is the German day; tags are "Markierungen" here, as on the timeline.
    messages: {
      list: 'Markierungen',
      add: 'Neue Markierung hinzufügen',
      newTag: 'Neue Markierung',
      editTag: 'Markierung bearbeiten',
      name: 'Name',
      date: 'Datum',
      time: 'Uhrzeit',
      notes: 'Notizen',
      optional: '(optional)',
      dateHint: 'jjjj-mm-tt',
      timeHint: 'HH:mm:ss',
      zoneHint: 'Datum und Uhrzeit in {zone}.',
      create: 'Markierung hinzufügen',
      save: 'Speichern',
      cancel: 'Abbrechen',
      nameEmpty: 'Geben Sie einen Namen ein.',
      nameTooLong: 'Kürzen Sie den Namen auf {max} Zeichen (jetzt {count}).',
      dateFormat: 'Geben Sie ein Datum als jjjj-mm-tt ein.',
      timeFormat: 'Geben Sie eine Uhrzeit als HH:mm:ss ein.',
      timeGap: 'Diese Uhrzeit gibt es in {zone} nicht (Zeitumstellung).',
      zoneUnknown: 'Die Zeitzone {zone} ist unbekannt, daher kann die Uhrzeit nicht geprüft werden.',
      notesTooLong: 'Kürzen Sie die Notizen auf {max} Zeichen (jetzt {count}).',
      jumpTitle: 'Zu diesem Moment springen',
      edit: 'Bearbeiten',
      editLabel: 'Markierung {name} bearbeiten',
      deleteTitle: 'Löschen',
      deleteLabel: 'Markierung {name} löschen',
      pendingCreate: 'Noch nicht gespeichert',
      pendingUpdate: 'Änderungen noch nicht gespeichert',
      pendingDelete: 'Löschen noch nicht gespeichert',
      pendingDetail: ': wird gesendet, sobald der Server wieder antwortet.',
      conflictDeleted: 'Diese Markierung wurde anderswo gelöscht; Ihre Änderung wurde nicht gespeichert.',
      conflictChanged: 'Diese Markierung wurde anderswo geändert; Ihre Änderung wurde nicht gespeichert.',
      conflictRejected: 'Der Server hat diese Änderung abgelehnt; sie wurde nicht gespeichert.',
      empty: 'Keine Markierungen an diesem Tag. Fügen Sie eine hinzu, um einen Moment festzuhalten.',
      emptyReadOnly: 'Keine Markierungen an diesem Tag.',
      deleted: 'Markierung {name} gelöscht.',
      undo: 'Rückgängig',
    },
  },
};

/** A message cut at its parameters, so a parameter can be rendered as markup (e.g. in `<bdi>`). */
export type MessagePiece = { text: string } | { param: string };

/** Strings and date-fns locale for `locale` (falls back to English by language, then entirely). */
export function tagsTranslator(locale: string) {
  const { catalog } = pickCatalog(catalogs, locale);
  const t = (key: TagsMessageKey, params: Record<string, string | number> = {}): string => interpolate(catalog.messages[key], params);
  const pieces = (key: TagsMessageKey): MessagePiece[] =>
    catalog.messages[key]
      .split(/(\{\w+\})/)
      .filter((s) => s !== '')
      .map((s) => (/^\{\w+\}$/.test(s) ? { param: s.slice(1, -1) } : { text: s }));
  return { t, pieces, dateLocale: catalog.dateLocale };
}
