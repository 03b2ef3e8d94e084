// Web Test Runner: browser unit/component tests (mocha) in headless Debian Chromium.
//   npx web-test-runner                       # all files below
//   npx web-test-runner "packages/timeline/src/**/*.test.ts"   # a subset
//   npx web-test-runner --watch               # dev loop
// Workspace packages resolve to their TypeScript sources via the `source` export condition.
// rootDir is the repo root, so tests can fetch e.g. `/demo/fixtures/pool/...` directly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, chromiumPath } from './test/ensure-chromium.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = process.env.WTR_RESULTS_FILE || join(root, 'test/.artifacts/wtr-results.json');

/** Writes { passed, failed, skipped, files: [...] } for test/run-all.mjs (no stdout parsing needed). */
function jsonCountsReporter() {
  let written = false;
  const write = (sessions) => {
    const totals = { passed: 0, failed: 0, skipped: 0, files: [] };
    for (const s of sessions) {
      const f = { file: s.testFile.replace(root + '/', ''), browser: s.browser?.name, passed: 0, failed: 0, skipped: 0, errors: [] };
      const walk = (suite) => {
        if (!suite) return;
        for (const t of suite.tests) {
          if (t.skipped) f.skipped++;
          else if (t.passed) f.passed++;
          else { f.failed++; f.errors.push(`${t.name}: ${t.error?.message ?? 'failed'}`); }
        }
        for (const child of suite.suites) walk(child);
      };
      walk(s.testResults);
      // A file that failed outside any test (load error, uncaught error, 404 import, timeout)
      // must still count as a failure.
      if (s.passed === false && f.failed === 0) {
        f.failed = 1;
        f.errors.push(...(s.errors ?? []).map((e) => e.message), ...(s.request404s ?? []).map((u) => `404 ${u}`));
        if (!f.errors.length) f.errors.push(`session ${s.status}`);
      }
      totals.passed += f.passed; totals.failed += f.failed; totals.skipped += f.skipped;
      totals.files.push(f);
    }
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify(totals, null, 2) + '\n');
    written = true;
  };
  return {
    onTestRunFinished({ sessions }) { write(sessions); },
    stop({ sessions }) { if (!written) write(sessions); },
  };
}

/**
 * `executeServerCommand('set-device-scale-factor', { scale, width, height })`: real
 * devicePixelRatio emulation through the page's DevTools session, so canvas tests can
 * check crispness at DPR 2 without faking `window.devicePixelRatio`.
 */
function deviceScaleFactorPlugin() {
  return {
    name: 'device-scale-factor',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-device-scale-factor') return undefined;
      const page = session.browser.getPage(session.id);
      await page.setViewport({ width: payload?.width ?? 800, height: payload?.height ?? 600, deviceScaleFactor: payload?.scale ?? 1 });
      return true;
    },
  };
}

/**
 * mediabunny's ESM build imports `node:fs/promises` from a file its package.json
 * marks as browser-excluded; bundlers honour that, the test runner's resolver does
 * not. Serve every `node:` import as an empty module, as a bundler would.
 */
const NODE_BUILTIN_STUB = '/__node-builtin-stub__.js';
function nodeBuiltinStubPlugin() {
  return {
    name: 'node-builtin-stub',
    resolveImport({ source }) {
      if (source.startsWith('node:')) return NODE_BUILTIN_STUB;
    },
    serve(context) {
      if (context.path === NODE_BUILTIN_STUB) return { body: 'export {};', type: 'js' };
    },
  };
}

const watch = process.argv.includes('--watch');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  files: [
    'packages/*/src/**/*.test.ts',
    'stories/**/*.test.ts',
    'demo/src/**/*.test.ts',
    'test/**/*.test.ts',
    '!test/e2e/**',
    // Node-only tests (the e2ee CLI, Node WebCrypto) run in the server step.
    '!**/*.node.test.ts',
    '!**/node_modules/**',
  ],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  plugins: [
    nodeBuiltinStubPlugin(),
    // Type-only TS transpile; tsconfig.base.json carries useDefineForClassFields:false (Lit reactive props).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.base.json') }),
    deviceScaleFactorPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  // One page at a time: media/frame-exact tests are timing-sensitive on a 2-core box. Override: WTR_CONCURRENCY=2.
  concurrency: Number(process.env.WTR_CONCURRENCY) || 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { ui: 'bdd', timeout: 20_000 } },
  reporters: watch ? [defaultReporter()] : [defaultReporter(), summaryReporter({ flatten: false }), jsonCountsReporter()],
};
