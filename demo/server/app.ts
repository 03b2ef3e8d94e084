import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ApiError } from './api/api-error.js';
import type { Backend } from './api/backend.js';
import { liveRoutes } from './api/live-routes.js';
import { sessionRoutes } from './api/session-routes.js';
import { streamRoutes } from './api/stream-routes.js';
import { tagRoutes } from './api/tag-routes.js';
import { openDataDir } from './db/data-dir.js';
import { openPostgres, type Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { LiveRelay } from './live/live-relay.js';
import { LiveSettingsStore } from './live/live-settings.js';
import { loadMediaPool } from './media/media-pool.js';
import { DEMO_PASSPHRASE, sealStreams } from './media/sealed-streams.js';
import { SEED_STREAMS } from './seed/directory.js';
import { seedIfEmpty, type SeedReport } from './seed/seed-database.js';
import { AuditStore } from './store/audit-store.js';
import { DirectoryStore } from './store/directory-store.js';
import { EventStore } from './store/event-store.js';
import { RecordingStore } from './store/recording-store.js';
import { TagStore } from './store/tag-store.js';

export const DEMO_DIR = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_DATA_DIR = join(DEMO_DIR, '.data');
export const DEFAULT_FIXTURES_DIR = join(DEMO_DIR, 'fixtures');

/** The Content-Security-Policy the built demo is served under. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface BuildAppOptions {
  /** PGlite data folder (default `demo/.data`); ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Folder holding `pool/pool.json` and the pool's segments (default `demo/fixtures`). */
  fixturesDir?: string;
  logger?: boolean;
  /** The clock: the anchor day at first seed, tag timestamps. */
  now?: () => number;
  /** A built single-page app to serve at `/` (with index.html fallback and CSP). */
  siteDir?: string;
  /** Where sealed (end-to-end encrypted) streams are written; default `sealed/` in the data folder. */
  sealedDir?: string;
  /** Passphrase the demo's sealed streams are sealed with (default `DEMO_PASSPHRASE`). */
  passphrase?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What happened to the seed when this app opened its database. */
    seedReport: SeedReport;
  }
}

const MEDIA_BASE = '/media/pool/';
const SEALED_BASE = '/media/sealed/';
/** 9999-12-31: later than any recording, and still a PostgreSQL timestamp. */
const END_OF_TIME = Date.UTC(9999, 11, 31);
const YEAR_S = 365 * 24 * 3600;
/** Largest WebSocket message accepted: a key frame of a big desktop, with room to spare. */
const LIVE_MAX_PAYLOAD = 16 * 1024 * 1024;

/**
 * The reference backend as a Fastify app (not listening): the REST API under
 * `/api`, its OpenAPI document at `/api/openapi.json`, and the media pool
 * under `/media/pool/`. Closing the app closes the database.
 */
export async function buildApp(opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const now = opts.now ?? Date.now;
  const poolDir = join(resolve(opts.fixturesDir ?? DEFAULT_FIXTURES_DIR), 'pool');
  const pool = await loadMediaPool(poolDir);

  let seedReport: SeedReport | undefined;
  const prepare = async (db: Db) => {
    await migrate(db);
    const report = await seedIfEmpty(db, pool, now());
    // Keep the report of the run that did the work (a fresh PGlite folder is prepared twice).
    if (!seedReport || report.seeded || report.retimed) seedReport = report;
  };
  let db: Db;
  if (opts.databaseUrl) {
    db = await openPostgres(opts.databaseUrl);
    try {
      await prepare(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  } else {
    db = await openDataDir(opts.dataDir ?? DEFAULT_DATA_DIR, prepare);
  }

  try {
    return await assemble(db, pool, now, seedReport!, poolDir, opts);
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function assemble(
  db: Db,
  pool: Backend['pool'],
  now: () => number,
  seedReport: SeedReport,
  poolDir: string,
  opts: BuildAppOptions,
): Promise<FastifyInstance> {
  const recordings = new RecordingStore(db, now);
  const sealedDir = resolve(opts.sealedDir ?? join(opts.databaseUrl ? DEFAULT_DATA_DIR : (opts.dataDir ?? DEFAULT_DATA_DIR), 'sealed'));
  const sealed = await sealStreams({
    streams: SEED_STREAMS.filter((s) => s.sealed),
    recordingsOf: (userId, computerId) => recordings.recordings(userId, computerId, 0, END_OF_TIME),
    pool,
    poolDir,
    sealedDir,
    urlBase: SEALED_BASE,
    passphrase: opts.passphrase ?? DEMO_PASSPHRASE,
  });

  const app = Fastify({ logger: opts.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('seedReport', seedReport);
  app.addHook('onClose', async () => {
    await db.close();
  });

  const backend: Backend = {
    directory: new DirectoryStore(db),
    recordings,
    events: new EventStore(db),
    tags: new TagStore(db, now),
    audit: new AuditStore(db, now),
    pool,
    mediaBase: MEDIA_BASE,
    sealed,
  };

  app.setErrorHandler((error: FastifyError | ApiError, req, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message });
    }
    if ('validation' in error && error.validation) {
      return reply.code(400).send({ code: 'invalid-request', message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ code: error.code ?? 'bad-request', message: error.message });
    }
    req.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ code: 'internal', message: 'The server failed to answer this request.' });
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (opts.siteDir && (req.method === 'GET' || req.method === 'HEAD') && !/^\/(api|media)\//.test(path)) {
      // Client-side routes of the single-page app.
      return reply
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('cache-control', 'no-cache')
        .sendFile('index.html', opts.siteDir, { cacheControl: false });
    }
    return reply.code(404).send({ code: 'not-found', message: `nothing at ${req.method} ${path}` });
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Session Player reference API',
        version: '1.0.0',
        description:
          'The REST API behind `RestDataSource`. Instants are epoch milliseconds (UTC); ranges are half-open ' +
          '[from, to) and span at most 8 days (the activity heat map: 62). Errors are `{ code, message }`. Media segments are static files ' +
          'under `/media/pool/`, referenced by the playlists.',
      },
      tags: [
        { name: 'sessions', description: 'Who was recorded, and when' },
        { name: 'media', description: 'Coverage and HLS playlists' },
        { name: 'events', description: 'Notifications, activities, keystrokes' },
        { name: 'tags', description: "An analyst's marks on a recording" },
        { name: 'service', description: 'Health and audit' },
      ],
    },
  });

  // Live view: the relay between agents and viewers; closed (audit flushed) before the database.
  const live = new LiveRelay({ audit: backend.audit, now, log: app.log });
  app.addHook('preClose', () => live.close());
  await app.register(fastifyWebsocket, { options: { maxPayload: LIVE_MAX_PAYLOAD } });

  await app.register(
    async (api) => {
      await api.register(sessionRoutes(backend, live));
      await api.register(liveRoutes(backend, live, new LiveSettingsStore(db)));
      await api.register(streamRoutes(backend));
      await api.register(tagRoutes(backend));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  // Pool files never change once written: cache them for a year.
  await app.register(fastifyStatic, {
    root: poolDir,
    prefix: MEDIA_BASE,
    index: false,
    dotfiles: 'ignore',
    maxAge: YEAR_S * 1000,
    immutable: true,
    setHeaders: (reply, path) => {
      const ext = extname(path);
      if (ext === '.m4s' || ext === '.mp4') reply.header('content-type', 'video/mp4');
    },
  });

  // Sealed files are as immutable as the pool's; only their folder name changes when re-sealed.
  await app.register(fastifyStatic, {
    root: sealedDir,
    prefix: SEALED_BASE,
    decorateReply: false,
    index: false,
    dotfiles: 'ignore',
    maxAge: YEAR_S * 1000,
    immutable: true,
    setHeaders: (reply) => reply.header('content-type', 'application/octet-stream'),
  });

  if (opts.siteDir) {
    if (!existsSync(join(opts.siteDir, 'index.html'))) throw new Error(`no index.html in ${opts.siteDir}`);
    await app.register(fastifyStatic, {
      root: resolve(opts.siteDir),
      prefix: '/',
      decorateReply: false,
      index: 'index.html',
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply, path) => {
        if (path.endsWith('.html')) {
          reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
          reply.header('cache-control', 'no-cache');
        } else if (/[\\/]assets[\\/]/.test(path)) {
          // Vite's hashed build output.
          reply.header('cache-control', `public, max-age=${YEAR_S}, immutable`);
        } else {
          reply.header('cache-control', 'public, max-age=3600');
        }
      },
    });
  }

  return app;
}
