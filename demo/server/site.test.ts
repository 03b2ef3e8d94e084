import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, CONTENT_SECURITY_POLICY } from './app.js';
import { seededDataDir, tempDataDir, testFixturesDir } from './test-support.js';

describe('serving the built demo (production)', () => {
  let app: FastifyInstance;
  const cleanups: (() => void)[] = [];

  before(async () => {
    const site = tempDataDir('site');
    cleanups.push(site.cleanup);
    mkdirSync(join(site.dataDir, 'assets'), { recursive: true });
    writeFileSync(join(site.dataDir, 'index.html'), '<!doctype html><title>demo</title><script type="module" src="/assets/app-1a2b.js"></script>');
    writeFileSync(join(site.dataDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    const dir = await seededDataDir('site');
    cleanups.push(dir.cleanup);
    app = await buildApp({ dataDir: dir.dataDir, fixturesDir: testFixturesDir(), siteDir: site.dataDir });
  });
  after(async () => {
    await app?.close();
    cleanups.forEach((c) => c());
  });

  it('serves index.html under a strict Content-Security-Policy', async () => {
    for (const url of ['/', '/index.html', '/grid/some-client-route?x=1']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      assert.match(res.body, /<title>demo<\/title>/);
    }
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-(inline|eval)/);
  });

  it('caches hashed assets for good and keeps /api errors as JSON', async () => {
    const asset = await app.inject('/assets/app-1a2b.js');
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    const api = await app.inject('/api/unknown');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, 'not-found');
    assert.equal((await app.inject('/api/health')).json().ok, true);
  });
});
