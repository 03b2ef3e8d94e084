import { Type, type Static } from 'typebox';

/**
 * Request and response schemas of the REST API. They validate requests,
 * serialise responses and are the source of `/api/openapi.json`; their shapes
 * mirror `packages/player/src/data-source/types.ts`.
 */

const Instant = (description: string) => Type.Integer({ description: `${description} (epoch milliseconds, UTC)` });

export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable machine-readable error code, e.g. `invalid-range`, `tag-not-found`' }),
    message: Type.String({ description: 'What went wrong, for people' }),
  },
  { description: 'Every error response' },
);

/** Error responses every route can give. */
export const errors = { 400: ErrorBody, 404: ErrorBody } as const;

export const RangeQuery = Type.Object({
  from: Instant('Start of the half-open range [from, to)'),
  to: Instant('End of the range; at most 8 days after `from`'),
});

export const StreamParams = Type.Object({
  userId: Type.String({ minLength: 1, maxLength: 200 }),
  computerId: Type.String({ minLength: 1, maxLength: 200 }),
});

export const TimeRangeBody = Type.Object({ start: Type.Number(), end: Type.Number() });

export const CoverageSpanBody = Type.Object({
  start: Type.Number(),
  end: Type.Number(),
  sessionId: Type.Optional(Type.String()),
});

export const SegmentBody = Type.Object({
  start: Type.Number({ description: 'Wall-clock start of the segment, epoch ms' }),
  end: Type.Number({ description: 'Wall-clock end, epoch ms' }),
  file: Type.String({ description: 'Pool segment file, served under /media/pool/' }),
  poolStart: Type.Number({ description: 'Pool media time of the first frame, seconds' }),
  poolIndex: Type.Integer(),
});

const Severity = Type.Enum(['low', 'medium', 'high', 'critical']);

const eventBase = {
  id: Type.String(),
  at: Type.Number(),
  app: Type.String(),
  window: Type.String(),
};

export const SessionEventBody = Type.Union([
  Type.Object({ ...eventBase, kind: Type.Literal('notification'), title: Type.String(), rule: Type.String(), severity: Severity }),
  Type.Object({
    ...eventBase,
    kind: Type.Literal('activity'),
    title: Type.String(),
    url: Type.Union([Type.String(), Type.Null()]),
    durationMs: Type.Number(),
  }),
  Type.Object({ ...eventBase, kind: Type.Literal('keystroke'), text: Type.String() }),
]);

export const EventsQuery = Type.Object({
  ...RangeQuery.properties,
  kinds: Type.Optional(Type.String({ description: 'Comma-separated: notification, activity, keystroke' })),
  severities: Type.Optional(
    Type.String({ description: 'Comma-separated: low, medium, high, critical. Only notifications of these severities are returned.' }),
  ),
  text: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of app, window, title, URL, typed text or rule' })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: '`nextCursor` of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
});

export const EventPage = Type.Object({
  items: Type.Array(SessionEventBody),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const DensityQuery = Type.Object({
  ...RangeQuery.properties,
  buckets: Type.Integer({ minimum: 1, maximum: 10000, description: 'Number of equal slices of the range' }),
});

export const TagBody = Type.Object({
  id: Type.String(),
  at: Type.Number(),
  name: Type.String(),
  notes: Type.String(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});

const TagName = Type.String({ minLength: 1, maxLength: 120 });
const TagNotes = Type.String({ maxLength: 2000 });

/** Client-chosen tag ids: what `crypto.randomUUID()` gives, and any other short URL-safe token. */
export const TAG_ID_PATTERN = '^[A-Za-z0-9_-]+$';

export const TagDraftBody = Type.Object(
  {
    id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: TAG_ID_PATTERN,
        description:
          'Id for the new tag, chosen by the client (1–64 of A–Z, a–z, 0–9, `_`, `-`; e.g. a UUID) so that a retried ' +
          'create cannot duplicate: a repeat with the same id and the same content answers 201 with the stored tag; ' +
          'the same id with other content (or on another stream) answers 409 `tag-id-conflict`. Omitted: the server picks one.',
      }),
    ),
    at: Type.Number({ minimum: 0, description: 'Tagged instant, epoch ms' }),
    name: TagName,
    notes: Type.Optional(TagNotes),
  },
  { additionalProperties: false },
);

export const TagPatchBody = Type.Object(
  {
    at: Type.Optional(Type.Number({ minimum: 0 })),
    name: Type.Optional(TagName),
    notes: Type.Optional(TagNotes),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TagParams = Type.Object({ ...StreamParams.properties, id: Type.String({ minLength: 1, maxLength: 100 }) });

export const Capability = Type.Enum([
  'view', 'viewLive', 'remoteControl', 'freeze', 'ctrlAltDel', 'export', 'exportServer', 'screenshot', 'tagCreate', 'tagDelete',
  'decrypt', 'download',
]);

export const SessionQuery = Type.Object({
  userId: Type.String({ minLength: 1, maxLength: 200 }),
  computerId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Defaults to the user's first computer" })),
  sessionId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  at: Type.Optional(Instant('Pick the session recording at this instant')),
});

export const SessionDetailsBody = Type.Object({
  id: Type.String(),
  start: Type.Number(),
  end: Type.Union([Type.Number(), Type.Null()]),
  protocol: Type.String(),
  clientIp: Type.String(),
  credential: Type.String(),
  errorMessage: Type.Union([Type.String(), Type.Null()]),
  sizeBytes: Type.Number(),
  durationMs: Type.Number(),
});

export const SessionInfoBody = Type.Object({
  stream: StreamParams,
  user: Type.Object({ id: Type.String(), name: Type.String(), login: Type.String(), ip: Type.String() }),
  computer: Type.Object({ id: Type.String(), name: Type.String(), os: Type.String() }),
  timezone: Type.String({ description: 'IANA zone of the recorded user' }),
  session: Type.Union([SessionDetailsBody, Type.Null()]),
  capabilities: Type.Array(Capability, {
    description:
      'What the viewer may do. Every stream offers `viewLive`; `remoteControl`, `freeze` and `ctrlAltDel` are withheld on ' +
      'some (the demo: ytanaka on tyo-mac-042), and the live relay drops those commands there too.',
  }),
  encryption: Type.Union([Type.String(), Type.Null()]),
  live: Type.Object(
    {
      online: Type.Boolean({
        description: "The stream's agent is connected to the live relay now (`GET /api/streams/{userId}/{computerId}/live`, WebSocket)",
      }),
    },
    { description: 'Live view' },
  ),
  audioTracks: Type.Array(
    Type.Object({
      id: Type.Union([Type.Literal('speakers'), Type.Literal('microphone')]),
      label: Type.String(),
      channel: Type.Union([Type.Literal(0), Type.Literal(1)]),
    }),
  ),
  recorded: Type.Union([TimeRangeBody, Type.Null()]),
});

export const RowsQuery = Type.Object({
  ...RangeQuery.properties,
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});

export const GridRowBody = Type.Object({
  userId: Type.String(),
  userName: Type.String(),
  login: Type.String(),
  computerId: Type.String(),
  computerName: Type.String(),
  sessionId: Type.String(),
  start: Type.Number(),
  end: Type.Union([Type.Number(), Type.Null()]),
  durationMs: Type.Number(),
  protocol: Type.String(),
  clientIp: Type.String(),
  timezone: Type.String(),
  notifications: Type.Integer({ description: 'Notifications raised during the session' }),
});

export const RowsPage = Type.Object({
  items: Type.Array(GridRowBody),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const AuditAction = Type.Enum([
  'playback-start', 'playback-stop', 'seek', 'decrypt-success', 'decrypt-failure', 'screenshot', 'export',
  'remote-control-start', 'remote-control-stop', 'freeze-start', 'freeze-stop', 'ctrl-alt-del',
  'tag-create', 'tag-update', 'tag-delete',
]);

export const AuditEventBody = Type.Object(
  {
    action: AuditAction,
    stream: StreamParams,
    at: Type.Number({ description: 'When it happened, epoch ms' }),
    mediaAt: Type.Optional(Type.Number({ description: 'The recording instant concerned, epoch ms' })),
    details: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 4000 }), Type.Number(), Type.Boolean()]), { maxProperties: 50 }),
    ),
  },
  { additionalProperties: false },
);

export type TagDraftInput = Static<typeof TagDraftBody>;
export type AuditEventInput = Static<typeof AuditEventBody>;
