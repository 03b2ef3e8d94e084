import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { renderLivePlaylist, renderMediaPlaylist } from '../media/hls-playlist.js';
import { segmentsInRange } from '../media/media-timeline.js';
import type { EventKind, Severity } from '../store/event-store.js';
import { MAX_DENSITY_RANGE_MS, badRequest, requireRange } from './api-error.js';
import type { Backend } from './backend.js';
import {
  CoverageSpanBody,
  DensityQuery,
  errors,
  EventPage,
  EventsQuery,
  RangeQuery,
  SegmentBody,
  StreamParams,
} from './schemas.js';

const KINDS: readonly EventKind[] = ['notification', 'activity', 'keystroke'];
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** Parses a comma-separated list of known words, naming the first unknown one. */
function parseList<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const items = raw.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw badRequest(`invalid-${what}`, `unknown ${what} "${item}"; expected one of ${allowed.join(', ')}`);
    }
  }
  return [...new Set(items)] as T[];
}

/** Coverage, media, events and activity of one recorded stream (user × computer). */
export function streamRoutes(backend: Backend): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/streams/:userId/:computerId';

    app.get(
      `${base}/coverage`,
      {
        schema: {
          tags: ['media'],
          summary: 'Recorded spans in a range',
          description: 'One span per recording, clipped to the range. Everything between spans is missing.',
          params: StreamParams,
          querystring: RangeQuery,
          response: { 200: Type.Array(CoverageSpanBody), ...errors },
        },
      },
      async (req) => {
        const { from, to } = requireRange(req.query.from, req.query.to);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        const recordings = await backend.recordings.recordings(user.id, computer.id, from, to);
        return recordings.map((r) => ({ start: Math.max(r.start, from), end: Math.min(r.end, to), sessionId: r.sessionId }));
      },
    );

    app.get(
      `${base}/playlist.m3u8`,
      {
        schema: {
          tags: ['media'],
          summary: 'HLS media playlist of a range',
          description:
            'VOD playlist of every segment intersecting [from, to), whole segments only. `EXT-X-PROGRAM-DATE-TIME` ' +
            'opens each seamless run; `EXT-X-DISCONTINUITY` marks every gap and every jump in media time. ' +
            'A range with nothing recorded gives a valid playlist without segments. The playlist of an end-to-end ' +
            'encrypted stream names sealed files and gives each one\'s index in `#EXT-X-SP-SEGMENT-INDEX` ' +
            '(packages/e2ee/FORMAT.md).',
          params: StreamParams,
          querystring: RangeQuery,
          produces: ['application/vnd.apple.mpegurl'],
          response: {
            200: {
              description: 'HLS media playlist (RFC 8216)',
              content: { 'application/vnd.apple.mpegurl': { schema: Type.String() } },
            },
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const { from, to } = requireRange(req.query.from, req.query.to);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        const recordings = await backend.recordings.recordings(user.id, computer.id, from, to);
        const sealed = backend.sealed.get(`${user.id}/${computer.id}`);
        const text = renderMediaPlaylist(backend.pool, segmentsInRange(backend.pool, recordings, from, to), backend.mediaBase, sealed);
        return reply.type('application/vnd.apple.mpegurl').header('cache-control', 'no-cache').send(text);
      },
    );

    app.get(
      `${base}/live.m3u8`,
      {
        schema: {
          tags: ['media'],
          summary: 'Live HLS playlist (sliding window) from the media pool',
          description:
            'For hosts whose agents stream HLS rather than WebCodecs chunks (the demo agent with `?transport=hls` ' +
            'points its viewers here): the last published segments of an endless walk through the pool, as if ' +
            'recorded now. No `EXT-X-ENDLIST`; reload it every target duration.',
          params: StreamParams,
          produces: ['application/vnd.apple.mpegurl'],
          response: {
            200: {
              description: 'HLS media playlist (RFC 8216), live',
              content: { 'application/vnd.apple.mpegurl': { schema: Type.String() } },
            },
            ...errors,
          },
        },
      },
      async (req, reply) => {
        await backend.directory.stream(req.params.userId, req.params.computerId);
        const text = renderLivePlaylist(backend.pool, Date.now(), backend.mediaBase);
        return reply.type('application/vnd.apple.mpegurl').header('cache-control', 'no-cache').send(text);
      },
    );

    app.get(
      `${base}/segments`,
      {
        schema: {
          tags: ['media'],
          summary: 'Segments of a range on the wall clock',
          description:
            'Which pool segment plays when: lets a test map a decoded pool frame back to the wall-clock instant ' +
            '(`start + (frame / fps - poolStart) * 1000`).',
          params: StreamParams,
          querystring: RangeQuery,
          response: { 200: Type.Array(SegmentBody), ...errors },
        },
      },
      async (req) => {
        const { from, to } = requireRange(req.query.from, req.query.to);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        const recordings = await backend.recordings.recordings(user.id, computer.id, from, to);
        return segmentsInRange(backend.pool, recordings, from, to).map((s) => ({
          start: s.start,
          end: s.end,
          file: s.file,
          poolStart: s.poolStart,
          poolIndex: s.poolIndex,
        }));
      },
    );

    app.get(
      `${base}/events`,
      {
        schema: {
          tags: ['events'],
          summary: 'Notifications, activities and keystrokes',
          description: 'Ordered by (at, id); page with `nextCursor`. Text search uses a trigram index.',
          params: StreamParams,
          querystring: EventsQuery,
          response: { 200: EventPage, ...errors },
        },
      },
      async (req) => {
        const q = req.query;
        const { from, to } = requireRange(q.from, q.to);
        const kinds = parseList(q.kinds, KINDS, 'kind');
        const severities = parseList(q.severities, SEVERITIES, 'severity');
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        return backend.events.page(user.id, computer.id, {
          from,
          to,
          limit: q.limit,
          ...(kinds ? { kinds } : {}),
          ...(severities ? { severities } : {}),
          ...(q.text ? { text: q.text } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
        });
      },
    );

    app.get(
      `${base}/activity-density`,
      {
        schema: {
          tags: ['events'],
          summary: 'Activity heat map',
          description: 'Activity per equal slice of the range, scaled to 0..1 (the busiest slice is 1). The range may span up to 62 days.',
          params: StreamParams,
          querystring: DensityQuery,
          response: { 200: Type.Array(Type.Number({ minimum: 0, maximum: 1 })), ...errors },
        },
      },
      async (req) => {
        const { from, to } = requireRange(req.query.from, req.query.to, MAX_DENSITY_RANGE_MS);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        return backend.events.density(user.id, computer.id, from, to, req.query.buckets);
      },
    );
  };
}
