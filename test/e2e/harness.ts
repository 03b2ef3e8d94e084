// Helpers for end-to-end tests run by Node's test runner:
//   node --import tsx --test test/e2e/*.e2e.test.ts
//
// startStack() runs the reference backend's production server (demo/server/main.ts) as a
// child process on a free port with a fresh DATA_DIR; it serves the API, /media/pool and
// the built demo (demo/dist — build it first with `npx vite build`).
// launchBrowser()/newPage() drive headless Debian Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// One list of Chromium flags and one way to find the binary, shared with the pretest check.
export { CHROMIUM_ARGS, chromiumPath } from '../ensure-chromium.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../ensure-chromium.mjs';

// ---------------------------------------------------------------------------------------
// Backend stack

export interface StackOptions {
  /** Extra environment for the server (merged over process.env, PORT and DATA_DIR). */
  env?: Record<string, string>;
  /** Use this data directory instead of a fresh temp dir (it is then never deleted). */
  dataDir?: string;
  /** Fixed port; default: a free port picked once and reused across restart(). */
  port?: number;
  /** Server entry, relative to the repo root. Default `demo/server/main.ts`. */
  entry?: string;
  /** How long to wait for the `listening on http://…` line. Default 60 s. */
  startTimeoutMs?: number;
  /** Keep the temp DATA_DIR after stop() (also: env KEEP_E2E_DATA=1). */
  keepDataDir?: boolean;
}

export interface Stack {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash); stable across restart(). */
  baseUrl: string;
  dataDir: string;
  /** Everything the server wrote to stdout/stderr so far (last ~200 kB). */
  logs(): string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and removes the temp DATA_DIR. */
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port with the same DATA_DIR. */
  restart(): Promise<void>;
  /** Stops the server, keeping DATA_DIR (the backend is "down" until resume()). */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port with the same DATA_DIR. */
  resume(): Promise<void>;
}

const LISTENING_RE = /listening on (https?:\/\/[^\s/]+)/;
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Throws a helpful error if the demo has not been built into demo/dist. */
export function assertDemoBuilt(): void {
  const index = join(REPO_ROOT, 'demo/dist/index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing — build the demo first: \`npx vite build\` (npm test does this).`);
  }
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const ownDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'session-player-e2e-')));
  const port = opts.port ?? (await freePort());
  const entry = opts.entry ?? 'demo/server/main.ts';
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const echo = process.env['E2E_SERVER_LOGS'] === '1';
  let output = '';
  let child: ChildProcess | undefined;
  let baseUrl = `http://127.0.0.1:${port}`;

  const append = (chunk: string) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-200_000);
  };

  const start = () =>
    new Promise<string>((res, rej) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
        cwd: REPO_ROOT,
        env: { ...process.env, NODE_ENV: 'production', ...opts.env, PORT: String(port), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      live.add(proc);
      // Don't let a forgotten stop() keep the test process alive; the 'exit' hook kills it.
      proc.unref();
      (proc.stdout as unknown as { unref?: () => void }).unref?.();
      (proc.stderr as unknown as { unref?: () => void }).unref?.();
      let stderr = '';
      let stdoutLine = '';
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        proc.kill('SIGKILL');
        rej(new Error(`[harness] ${entry} ${why}\n--- server stderr ---\n${stderr || '(empty)'}\n--- server stdout ---\n${output.slice(-4000)}`));
      };
      const timer = setTimeout(() => fail(`did not print "listening on http://…" within ${timeoutMs} ms`), timeoutMs);
      proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        append(chunk);
        if (echo) process.stdout.write(`[server] ${chunk}`);
        if (settled) return;
        stdoutLine += chunk;
        const m = LISTENING_RE.exec(stdoutLine);
        if (m?.[1]) {
          settled = true;
          clearTimeout(timer);
          res(m[1]);
        } else if (stdoutLine.length > 100_000) stdoutLine = stdoutLine.slice(-1000);
      });
      proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        append(chunk);
        stderr += chunk;
        if (echo) process.stderr.write(`[server] ${chunk}`);
      });
      proc.on('error', (err) => fail(`could not be spawned: ${err.message}`));
      proc.on('exit', (code, signal) => {
        live.delete(proc);
        fail(`exited before listening (code ${code}, signal ${signal})`);
      });
    });

  const kill = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((res) => proc.once('exit', () => res()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    live.delete(proc);
  };

  try {
    baseUrl = await start();
  } catch (err) {
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    throw err;
  }

  return {
    get baseUrl() {
      return baseUrl;
    },
    dataDir,
    logs: () => output,
    async stop() {
      await kill();
      if (ownDataDir && !opts.keepDataDir && process.env['KEEP_E2E_DATA'] !== '1') {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    async restart() {
      await kill();
      baseUrl = await start();
    },
    halt: kill,
    async resume() {
      baseUrl = await start();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Browser

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface TestPage extends Page {
  /** console.error messages and uncaught page errors, in order, prefixed `console:` / `pageerror:`. */
  errors: string[];
}

/**
 * Opens a new page (in its own context, with baseURL set so `page.goto('/')` works) that
 * collects console errors and uncaught page errors into `page.errors`.
 * Closing the page also closes its context.
 */
export async function newPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const page = (await context.newPage()) as TestPage;
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('close', () => void context.close().catch(() => {}));
  return page;
}
