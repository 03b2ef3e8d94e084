import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../demo/server/app.js';
import { freePort, REPO_ROOT } from './harness.js';

/**
 * The built demo served on its own, the way a CDN would, with `/api` and `/media`
 * passed through to the reference backend. Stopping the backend then makes the API
 * unreachable (502) while the page still loads — what "the backend is down" means to
 * a dashboard whose static files come from elsewhere.
 */
export interface SiteGateway {
  baseUrl: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export async function startSiteGateway(backendUrl: () => string, siteDir = join(REPO_ROOT, 'demo/dist')): Promise<SiteGateway> {
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/media/')) {
      const target = new URL(req.url ?? '/', backendUrl());
      const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'unavailable', message: 'The backend is not reachable.' }));
      });
      req.pipe(upstream);
      return;
    }
    void serveFile(siteDir, url.pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function serveFile(siteDir: string, pathname: string, res: import('node:http').ServerResponse): Promise<void> {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(siteDir, safe);
  const info = await stat(file).catch(() => null);
  // Single-page app: unknown paths get index.html.
  if (!info?.isFile()) file = join(siteDir, 'index.html');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  createReadStream(file).pipe(res);
}
