import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { buildApp, type BuildAppOptions } from './app.js';

export type ReferenceBackendOptions = Omit<BuildAppOptions, 'siteDir'>;

const HANDLED = /^\/(api|media)\//;

/**
 * Serves the reference backend from Vite's own server (`npm start`, `vite
 * preview`): requests under `/api/` and `/media/` go to the Fastify app, the
 * rest to Vite. The app is built once per server and closed with it.
 */
export function referenceBackend(opts: ReferenceBackendOptions = {}): Plugin {
  const apps = new Set<FastifyInstance>();
  const closing = new Map<FastifyInstance, Promise<void>>();
  const close = (app: FastifyInstance): Promise<void> => {
    let done = closing.get(app);
    if (!done) {
      done = app.close();
      closing.set(app, done);
    }
    return done;
  };

  async function mount(server: ViteDevServer | PreviewServer): Promise<void> {
    const app = await buildApp({
      ...(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {}),
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      ...(process.env.DEMO_PASSPHRASE ? { passphrase: process.env.DEMO_PASSPHRASE } : {}),
      ...opts,
    });
    await app.ready();
    apps.add(app);
    server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
      if (HANDLED.test(req.url ?? '')) app.routing(req, res);
      else next();
    });
    // Live view's WebSockets (the relay); Vite's own hot-reload socket is left to Vite.
    server.httpServer?.on('upgrade', (req, socket, head) => {
      if (HANDLED.test(req.url ?? '')) app.server.emit('upgrade', req, socket, head);
    });
    server.httpServer?.once('close', () => void close(app));
  }

  return {
    name: 'session-player-reference-backend',
    configureServer: (server) => mount(server),
    configurePreviewServer: (server) => mount(server),
    async closeBundle() {
      // Dev servers in middleware mode have no httpServer: close on teardown.
      await Promise.all([...apps].map(close));
    },
  };
}
