import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { liveCapabilities } from '../live/live-capabilities.js';
import type { LivePresence } from '../live/live-relay.js';
import { notFound, requireRange } from './api-error.js';
import type { Backend } from './backend.js';
import { AuditEventBody, errors, RowsPage, RowsQuery, SessionInfoBody, SessionQuery } from './schemas.js';

/** What a viewer may do with the demo's recordings; Live view adds `liveCapabilities()`. */
const HISTORY_CAPABILITIES = ['view', 'screenshot', 'export', 'tagCreate', 'tagDelete', 'download'] as const;

const AUDIO_TRACKS = [
  { id: 'speakers', label: 'Speakers', channel: 0 },
  { id: 'microphone', label: 'Microphone', channel: 1 },
] as const;

/** Health, the BI grid's rows, session lookup and the audit log; `live` says whose agent is connected. */
export function sessionRoutes(backend: Backend, live: LivePresence): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['service'], summary: 'Liveness', response: { 200: Type.Object({ ok: Type.Literal(true) }) } } },
      async () => ({ ok: true as const }),
    );

    app.get(
      '/rows',
      {
        schema: {
          tags: ['sessions'],
          summary: 'Sessions of all streams in a range, newest first',
          description: 'One row per login session, for a BI grid. Page with `nextCursor`.',
          querystring: RowsQuery,
          response: { 200: RowsPage, ...errors },
        },
      },
      async (req) => {
        const { from, to } = requireRange(req.query.from, req.query.to);
        return backend.recordings.gridRows(from, to, req.query.limit, req.query.cursor);
      },
    );

    app.get(
      '/session',
      {
        schema: {
          tags: ['sessions'],
          summary: 'Everything the player needs to open a stream',
          description:
            '`session` is the session recording at `at`; otherwise the one named by `sessionId`; otherwise the latest.',
          querystring: SessionQuery,
          response: { 200: SessionInfoBody, ...errors },
        },
      },
      async (req) => {
        const q = req.query;
        const { user, computer } = await backend.directory.stream(q.userId, q.computerId);
        let session = q.at === undefined ? null : await backend.recordings.sessionAt(user.id, computer.id, q.at);
        if (!session && q.sessionId !== undefined) {
          session = await backend.recordings.sessionById(user.id, computer.id, q.sessionId);
          if (!session) throw notFound('session-not-found', `no session "${q.sessionId}" for ${user.id} on ${computer.id}`);
        }
        session ??= await backend.recordings.latestSession(user.id, computer.id);
        const sealed = backend.sealed.get(`${user.id}/${computer.id}`);
        return {
          stream: { userId: user.id, computerId: computer.id },
          user: { id: user.id, name: user.name, login: user.login, ip: user.ip },
          computer: { id: computer.id, name: computer.name, os: computer.os },
          timezone: user.timezone,
          session,
          capabilities: [
            ...HISTORY_CAPABILITIES,
            ...liveCapabilities({ userId: user.id, computerId: computer.id }),
            ...(sealed ? (['decrypt'] as const) : []),
          ],
          encryption: sealed?.header ?? null,
          live: { online: live.isOnline(user.id, computer.id) },
          audioTracks: AUDIO_TRACKS.map((t) => ({ ...t })),
          recorded: await backend.recordings.bounds(user.id, computer.id),
        };
      },
    );

    app.post(
      '/audit',
      {
        schema: {
          tags: ['service'],
          summary: 'Record who did what in the player',
          body: AuditEventBody,
          response: { 204: Type.Null({ description: 'Stored' }), ...errors },
        },
      },
      async (req, reply) => {
        const e = req.body;
        await backend.directory.stream(e.stream.userId, e.stream.computerId);
        await backend.audit.append({
          action: e.action,
          stream: e.stream,
          at: e.at,
          ...(e.mediaAt !== undefined ? { mediaAt: e.mediaAt } : {}),
          ...(e.details !== undefined ? { details: e.details } : {}),
        });
        return reply.code(204).send(null);
      },
    );
  };
}
