/**
 * The reference backend as a standalone server: the API, the media pool and,
 * when `demo/dist/` has been built, the demo itself under a strict CSP.
 *
 *   PORT          default 8787 (0 picks a free port)
 *   HOST          default 127.0.0.1
 *   DATA_DIR      PGlite data folder, default demo/.data
 *   DATABASE_URL  use this PostgreSQL server instead of PGlite
 *   FIXTURES_DIR  folder with pool/pool.json, default demo/fixtures
 *   LOG           set to 0 to silence the request log
 *   SITE_DIR      serve this built site instead of demo/dist (the bench pages use it)
 *   DEMO_PASSPHRASE  passphrase of the demo's end-to-end encrypted streams
 *                 (default "correct horse battery staple")
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp, DEFAULT_DATA_DIR, DEMO_DIR } from './app.js';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const siteDir = env.SITE_DIR ? resolve(env.SITE_DIR) : join(DEMO_DIR, 'dist');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${env.PORT}"`);
  process.exit(1);
}

try {
  const startedAt = performance.now();
  const app = await buildApp({
    dataDir: resolve(env.DATA_DIR ?? DEFAULT_DATA_DIR),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.FIXTURES_DIR ? { fixturesDir: resolve(env.FIXTURES_DIR) } : {}),
    ...(env.DEMO_PASSPHRASE ? { passphrase: env.DEMO_PASSPHRASE } : {}),
    logger: env.LOG !== '0',
    ...(existsSync(join(siteDir, 'index.html')) ? { siteDir } : {}),
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1); // A second Ctrl+C: stop waiting.
    closing = true;
    console.log(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const seed = app.seedReport;
  console.log(
    `ready in ${Math.round(performance.now() - startedAt)} ms` +
      (seed.seeded ? ` (seeded ${seed.events} events in ${Math.round(seed.ms)} ms, anchor day ${seed.anchorDay})` : ''),
  );
  console.log(`listening on http://${shownHost}:${actualPort}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
