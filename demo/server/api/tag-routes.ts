import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest, requireRange } from './api-error.js';
import type { Backend } from './backend.js';
import { ErrorBody, errors, RangeQuery, StreamParams, TagBody, TagDraftBody, TagParams, TagPatchBody } from './schemas.js';

function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw badRequest('invalid-tag-name', 'a tag name cannot be blank');
}

/** Tags on a stream: list, create, edit, delete. */
export function tagRoutes(backend: Backend): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/streams/:userId/:computerId/tags';

    app.get(
      base,
      {
        schema: {
          tags: ['tags'],
          summary: 'Tags in a range',
          params: StreamParams,
          querystring: RangeQuery,
          response: { 200: Type.Array(TagBody), ...errors },
        },
      },
      async (req) => {
        const { from, to } = requireRange(req.query.from, req.query.to);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        return backend.tags.list(user.id, computer.id, from, to);
      },
    );

    app.post(
      base,
      {
        schema: {
          tags: ['tags'],
          summary: 'Create a tag',
          description:
            'Idempotent when the client sends `id`: repeating the request (say, after its answer was lost) answers 201 ' +
            'with the tag already stored and creates nothing; the same `id` with different content answers 409.',
          params: StreamParams,
          body: TagDraftBody,
          response: { 201: TagBody, ...errors, 409: ErrorBody },
        },
      },
      async (req, reply) => {
        checkName(req.body.name);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        const tag = await backend.tags.create(user.id, computer.id, {
          ...(req.body.id !== undefined ? { id: req.body.id } : {}),
          at: Math.round(req.body.at),
          name: req.body.name.trim(),
          notes: req.body.notes ?? '',
        });
        return reply.code(201).send(tag);
      },
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags: ['tags'],
          summary: 'Change a tag',
          description: 'Only the fields given change.',
          params: TagParams,
          body: TagPatchBody,
          response: { 200: TagBody, ...errors },
        },
      },
      async (req) => {
        checkName(req.body.name);
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        return backend.tags.update(user.id, computer.id, req.params.id, {
          ...(req.body.at !== undefined ? { at: Math.round(req.body.at) } : {}),
          ...(req.body.name !== undefined ? { name: req.body.name.trim() } : {}),
          ...(req.body.notes !== undefined ? { notes: req.body.notes } : {}),
        });
      },
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags: ['tags'],
          summary: 'Delete a tag',
          params: TagParams,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
        },
      },
      async (req, reply) => {
        const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
        await backend.tags.delete(user.id, computer.id, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
