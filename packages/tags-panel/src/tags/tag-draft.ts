import type { Instant, TagDraftDetail } from '../types.js';
import { formatTagInstant, parseTagInstant, type TagInstantErrorCode } from './tag-instant.js';

/** Longest tag name the backend stores, in characters (code points). */
export const TAG_NAME_MAX = 120;
/** Longest notes the backend stores, in characters (code points). */
export const TAG_NOTES_MAX = 2000;

/** What the tag form holds, as typed. */
export interface TagFormValues {
  name: string;
  /** `yyyy-mm-dd` in the recorded user's zone */
  date: string;
  /** `HH:mm:ss` in the recorded user's zone */
  time: string;
  notes: string;
}

export type TagField = keyof TagFormValues;

export type TagDraftErrorCode = 'name-empty' | 'name-too-long' | 'notes-too-long' | TagInstantErrorCode;

/** At most one problem per field, in form order. */
export type TagDraftErrors = Partial<Record<TagField, TagDraftErrorCode>>;

export type TagDraftResult = { ok: true; draft: TagDraftDetail } | { ok: false; errors: TagDraftErrors };

/** Characters as people and the backend count them: code points, not UTF-16 units. */
export function textLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Checks the form and turns it into a draft. The name is trimmed; notes are
 * kept as typed. `origin` is the instant the date and time were prefilled
 * from (the playhead, or the tag being edited): while they still read the
 * same, the draft keeps `origin` exactly, so milliseconds and the earlier of
 * two repeated wall-clock times (clocks went back) survive the form.
 */
export function validateTagDraft(values: TagFormValues, zone: string, origin: Instant | null = null): TagDraftResult {
  const errors: TagDraftErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'name-empty';
  else if (textLength(name) > TAG_NAME_MAX) errors.name = 'name-too-long';

  let at: Instant | null = null;
  const shown = origin === null ? null : formatTagInstant(origin, zone);
  if (origin !== null && shown && shown.date === values.date.trim() && shown.time === values.time.trim()) {
    at = origin;
  } else {
    const parsed = parseTagInstant(values.date, values.time, zone);
    if (parsed.ok) at = parsed.at;
    else errors[parsed.code === 'date-format' ? 'date' : 'time'] = parsed.code;
  }

  if (textLength(values.notes) > TAG_NOTES_MAX) errors.notes = 'notes-too-long';
  if (at === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { at, name, notes: values.notes } };
}

/** The form's values for `source` (a tag to edit, or a bare instant for a new tag) in `zone`. */
export function tagFormValues(source: { at: Instant; name?: string; notes?: string }, zone: string): TagFormValues {
  return { name: source.name ?? '', notes: source.notes ?? '', ...formatTagInstant(source.at, zone) };
}

/** Only what `draft` changes in `tag`: the patch of a `tag-update`. Empty when nothing changed. */
export function tagPatch(tag: TagDraftDetail, draft: TagDraftDetail): Partial<TagDraftDetail> {
  const patch: Partial<TagDraftDetail> = {};
  if (draft.at !== tag.at) patch.at = draft.at;
  if (draft.name !== tag.name) patch.name = draft.name;
  if (draft.notes !== tag.notes) patch.notes = draft.notes;
  return patch;
}
