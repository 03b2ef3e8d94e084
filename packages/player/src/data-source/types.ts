/**
 * The one integration point between `<session-player>` and a host's backend.
 *
 * All instants are absolute epoch milliseconds (UTC). Every method takes an
 * `AbortSignal`; the player aborts what it no longer needs (a seek elsewhere,
 * a closed dialog). List calls page with an opaque cursor.
 */

/** Epoch milliseconds, UTC. */
export type Instant = number;

/** Half-open wall-clock interval `[start, end)`. */
export interface TimeRange {
  start: Instant;
  end: Instant;
}

/** What a host knows when it opens the player (a BI row gives some of these). */
export interface SessionRef {
  userId: string;
  computerId?: string;
  sessionId?: string;
  /** Open at this instant; defaults to the start of the latest recording. */
  at?: Instant;
}

/** Identifies one recorded stream: one user on one computer. */
export interface StreamRef {
  userId: string;
  computerId: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export type Capability =
  | 'view'
  | 'viewLive'
  | 'remoteControl'
  | 'freeze'
  | 'ctrlAltDel'
  | 'export'
  | 'exportServer'
  | 'screenshot'
  | 'tagCreate'
  | 'tagDelete'
  | 'decrypt'
  | 'download';

export interface UserInfo {
  id: string;
  name: string;
  login: string;
  ip: string;
}

export interface ComputerInfo {
  id: string;
  name: string;
  os: string;
}

/** One login session: what the session-details header shows. */
export interface SessionDetails {
  id: string;
  start: Instant;
  /** `null` while the session is still open. */
  end: Instant | null;
  protocol: string;
  clientIp: string;
  credential: string;
  errorMessage: string | null;
  sizeBytes: number;
  durationMs: number;
}

export interface AudioTrackInfo {
  id: 'speakers' | 'microphone';
  label: string;
  /** Channel of the recording's stereo audio that carries this source. */
  channel: 0 | 1;
}

export interface SessionInfo {
  stream: StreamRef;
  user: UserInfo;
  computer: ComputerInfo;
  /** IANA zone of the recorded user, e.g. `Europe/Berlin`. */
  timezone: string;
  session: SessionDetails | null;
  capabilities: Capability[];
  /** Encryption header (base64) when the recording is end-to-end encrypted. */
  encryption: string | null;
  live: { online: boolean };
  audioTracks: AudioTrackInfo[];
  /** Bounds of everything recorded for this stream, when known. */
  recorded: TimeRange | null;
}

/** A recorded span; everything between spans is missing. */
export interface CoverageSpan {
  start: Instant;
  end: Instant;
  /** The login session this span belongs to, when known. */
  sessionId?: string;
}

/**
 * An HLS media playlist whose segments carry `EXT-X-PROGRAM-DATE-TIME`.
 * Either the text (with `baseUrl` to resolve relative URIs) or a URL.
 */
export type MediaDescriptor =
  | { kind: 'hls'; playlistText: string; baseUrl: string }
  | { kind: 'hls'; playlistUrl: string };

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type EventKind = 'notification' | 'activity' | 'keystroke';

interface EventBase {
  id: string;
  at: Instant;
  app: string;
  window: string;
}

export interface NotificationEvent extends EventBase {
  kind: 'notification';
  title: string;
  rule: string;
  severity: Severity;
}

export interface ActivityEvent extends EventBase {
  kind: 'activity';
  title: string;
  url: string | null;
  /** How long the activity lasted, in ms. */
  durationMs: number;
}

export interface KeystrokeEvent extends EventBase {
  kind: 'keystroke';
  /** The text typed in this run of keystrokes. */
  text: string;
}

export type SessionEvent = NotificationEvent | ActivityEvent | KeystrokeEvent;

export interface EventQuery {
  range: TimeRange;
  kinds?: EventKind[];
  /** Case-insensitive text search over title, app, window, URL and typed text. */
  text?: string;
  severities?: Severity[];
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; `null` when this was the last. */
  nextCursor: string | null;
}

export interface Tag {
  id: string;
  at: Instant;
  name: string;
  notes: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export type TagDraft = Pick<Tag, 'at' | 'name' | 'notes'>;

/**
 * A tag to create. `id`, when given, is chosen by the client (1–64 of
 * `A–Z a–z 0–9 _ -`, e.g. `crypto.randomUUID()`) so that creating is
 * idempotent: a data source must treat a repeated create with the same id and
 * the same content as success and return the stored tag, and refuse the same
 * id with different content. The player's tag outbox relies on this to retry
 * a create whose answer was lost without duplicating the tag. Without `id` the
 * backend picks one.
 */
export type NewTag = TagDraft & { id?: string };

export interface ThumbnailTrack {
  /** Each thumbnail covers `[at, at + durationMs)`. */
  items: { at: Instant; durationMs: number; url: string }[];
}

export type AuditAction =
  | 'playback-start'
  | 'playback-stop'
  | 'seek'
  | 'decrypt-success'
  | 'decrypt-failure'
  | 'screenshot'
  | 'export'
  | 'remote-control-start'
  | 'remote-control-stop'
  | 'freeze-start'
  | 'freeze-stop'
  | 'ctrl-alt-del'
  | 'tag-create'
  | 'tag-update'
  | 'tag-delete';

export interface AuditEvent {
  action: AuditAction;
  stream: StreamRef;
  at: Instant;
  /** The recording instant concerned, for seeks, screenshots, tags. */
  mediaAt?: Instant;
  details?: Record<string, string | number | boolean>;
}

/**
 * Implement this to connect `<session-player>` to a backend. `RestDataSource`
 * implements it over the reference REST API; `MemoryDataSource` in memory.
 */
export interface SessionDataSource {
  getSession(ref: SessionRef, o?: CallOptions): Promise<SessionInfo>;
  getCoverage(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<CoverageSpan[]>;
  getMedia(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<MediaDescriptor>;
  getEvents(stream: StreamRef, q: EventQuery, o?: CallOptions): Promise<Page<SessionEvent>>;
  getActivityDensity?(stream: StreamRef, range: TimeRange, buckets: number, o?: CallOptions): Promise<number[]>;
  getThumbnails?(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<ThumbnailTrack>;
  listTags(stream: StreamRef, range: TimeRange, o?: CallOptions): Promise<Tag[]>;
  /** See {@link NewTag}: honour `draft.id` so that a retried create cannot duplicate. */
  createTag(stream: StreamRef, draft: NewTag, o?: CallOptions): Promise<Tag>;
  updateTag(stream: StreamRef, tag: Pick<Tag, 'id'> & Partial<TagDraft>, o?: CallOptions): Promise<Tag>;
  deleteTag(stream: StreamRef, id: string, o?: CallOptions): Promise<void>;
  audit?(e: AuditEvent): void | Promise<void>;
  /**
   * Connects to the live desktop of an online user (Live view). Resolves once
   * connected; the player reconnects by calling it again when the connection drops.
   */
  openLive?(stream: StreamRef, o?: CallOptions): Promise<LiveConnection>;
}

/** What arrives over a live connection (see `live/live-protocol.ts`). */
export interface LiveHandlers {
  /** The video decoder configuration (video arrives as encoded chunks). */
  config(config: LiveVideoConfig): void;
  /** Video arrives as a live HLS playlist instead (absolute or same-origin URL). */
  hls(playlistUrl: string): void;
  /** One encoded video chunk. */
  chunk(chunk: { key: boolean; timestamp: number; capturedAt: number; data: Uint8Array }): void;
  /** Who controls the desktop, and whether its input is frozen. */
  state(state: { control: LiveControlState; frozen: boolean }): void;
  /** The agent on the monitored computer came or went. */
  agent(online: boolean): void;
  /** The connection dropped (or was closed by the other side). */
  closed(reason: { code: number; message: string }): void;
}

export interface LiveVideoConfig {
  codec: string;
  codedWidth: number;
  codedHeight: number;
  /** Codec description (e.g. avcC), base64, when the codec needs one. */
  description?: string;
}

export type LiveControlState = 'none' | 'pending' | 'full' | 'view-only' | 'declined' | 'timed-out';

/** Viewer → desktop messages. Pointer coordinates are desktop pixels. */
export type LiveCommand =
  | { t: 'keyframe' }
  | { t: 'control'; action: 'request' | 'release' }
  | { t: 'pointer'; kind: 'move' | 'down' | 'up'; x: number; y: number; button: number }
  | { t: 'key'; kind: 'down' | 'up'; key: string; code: string; ctrl: boolean; alt: boolean; shift: boolean; meta: boolean }
  | { t: 'freeze'; on: boolean }
  | { t: 'ctrl-alt-del' };

/** An open live connection: encoded video chunks plus a control channel. */
export interface LiveConnection {
  /** Starts delivering to `handlers` (once); returns a function that stops it. */
  listen(handlers: LiveHandlers): () => void;
  /** Sends a command to the desktop, in order. */
  send(command: LiveCommand): void;
  close(): void;
}
