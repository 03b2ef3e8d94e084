import type { IndexedPool } from '../media/media-pool.js';
import type { SealedStream } from '../media/sealed-streams.js';
import type { AuditStore } from '../store/audit-store.js';
import type { DirectoryStore } from '../store/directory-store.js';
import type { EventStore } from '../store/event-store.js';
import type { RecordingStore } from '../store/recording-store.js';
import type { TagStore } from '../store/tag-store.js';

/** Everything the route handlers work with. */
export interface Backend {
  directory: DirectoryStore;
  recordings: RecordingStore;
  events: EventStore;
  tags: TagStore;
  audit: AuditStore;
  pool: IndexedPool;
  /** URL path under which pool files are served, with a trailing slash. */
  mediaBase: string;
  /** End-to-end encrypted streams by `userId/computerId`; the backend holds no key for them. */
  sealed: ReadonlyMap<string, SealedStream>;
}
