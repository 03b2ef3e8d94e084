// Shared shapes: events, queries and tags as the panel takes and gives them.
export type * from './types.js';

// <session-tags-view>: the Tags tab, usable alone.
export { SessionTagsView, type TagConflictCode } from './tags/session-tags-view.js';
export { TAG_NAME_MAX, TAG_NOTES_MAX, tagPatch, validateTagDraft } from './tags/tag-draft.js';
export type { TagDraftErrorCode, TagDraftErrors, TagDraftResult, TagField, TagFormValues } from './tags/tag-draft.js';
export { formatTagInstant, parseTagInstant } from './tags/tag-instant.js';
export type { TagInstantErrorCode, TagInstantResult, TagWallClock } from './tags/tag-instant.js';
import './tags/session-tags-view.define.js';

// <session-side-panel>: tabs of notifications, activities, keystrokes and tags.
export { SessionSidePanel } from './side-panel/session-side-panel.js';
export type { EventFilters, KeystrokeRun, PanelLoadError, PanelTab } from './side-panel/types.js';
export { EventIndex, indexAt } from './side-panel/event-index.js';
export { keystrokeRuns, searchRuns, RUN_GAP_MS } from './side-panel/keystroke-runs.js';
export { highlight, type TextPart } from './side-panel/highlight.js';
import './side-panel/session-side-panel.define.js';
