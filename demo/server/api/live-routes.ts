import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { liveCapabilities } from '../live/live-capabilities.js';
import type { LiveRelay } from '../live/live-relay.js';
import type { LiveSettings, LiveSettingsStore } from '../live/live-settings.js';
import type { LiveStreamRef } from '../live/stream-key.js';
import { attachSocket } from '../live/ws-peer.js';
import { ApiError } from './api-error.js';
import type { Backend } from './backend.js';
import { ErrorBody, errors, StreamParams } from './schemas.js';

/**
 * The live-view WebSockets (protocol: packages/player/src/live/live-protocol.ts).
 * The stream is looked up in a `preHandler` hook, which runs before the
 * upgrade: an unknown user, computer or stream is answered like any other
 * route, with a 404 `{ code, message }`, and no socket is opened.
 *
 * @fastify/websocket marks `websocket: true` routes hidden, so they are not in
 * `/api/openapi.json` (OpenAPI cannot describe a message protocol anyway); the
 * schemas below still validate the upgrade request. See README "Live view".
 */
export function liveRoutes(backend: Backend, relay: LiveRelay, settings: LiveSettingsStore): FastifyPluginAsyncTypebox {
  return async (app) => {
    /** What the hooks resolved for an upgrade request, read by its socket handler. */
    const agentUpgrades = new WeakMap<FastifyRequest, { stream: LiveStreamRef; settings: LiveSettings }>();

    app.get(
      '/live/agent',
      {
        websocket: true,
        schema: {
          summary: "A monitored computer's agent connects here (WebSocket)",
          querystring: StreamParams,
          response: errors,
        },
        preHandler: async (req) => {
          const { user, computer } = await backend.directory.stream(req.query.userId, req.query.computerId);
          agentUpgrades.set(req, { stream: { userId: user.id, computerId: computer.id }, settings: await settings.read() });
        },
      },
      (socket, req) => {
        const upgrade = agentUpgrades.get(req);
        if (!upgrade) return socket.close(1011, 'not prepared');
        agentUpgrades.delete(req);
        attachSocket(socket, (peer) => relay.connectAgent(upgrade.stream, peer, upgrade.settings));
      },
    );

    app.get(
      '/streams/:userId/:computerId/live',
      {
        websocket: true,
        schema: {
          summary: "Watch (and, with the capabilities, control) a user's desktop live (WebSocket)",
          params: StreamParams,
          response: { ...errors, 403: ErrorBody },
        },
        preHandler: async (req) => {
          const { user, computer } = await backend.directory.stream(req.params.userId, req.params.computerId);
          if (!liveCapabilities({ userId: user.id, computerId: computer.id }).includes('viewLive')) {
            throw new ApiError(403, 'forbidden', `live view of ${user.id} on ${computer.id} is not allowed`);
          }
        },
      },
      (socket, req) => {
        const stream = { userId: req.params.userId, computerId: req.params.computerId };
        attachSocket(socket, (peer) => relay.connectViewer(stream, peer));
      },
    );
  };
}
