export { TagStore, type TagStoreOptions, type TagSyncState } from './tag-store.js';
export { TagOutbox, DEFAULT_OUTBOX_DATABASE, type OutboxChange } from './tag-outbox.js';
export { DEFAULT_RETRY, DEFAULT_REQUEST_TIMEOUT_MS, type RetryPolicy } from './tag-sync.js';
export { mergeTagMarkers, tagMarkers, viewTags, type ViewTag } from './view-tags.js';
export type { TagConflictCode, TagOp, TagOpKind } from './tag-ops.js';
