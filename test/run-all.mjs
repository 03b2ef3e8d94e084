#!/usr/bin/env node
// `npm test`: every check in order, output streamed live, a per-step table at the end,
// then the line `N passed, N failed`; totals also go to test/.artifacts/summary.json.
// A step that crashes counts as failed; later steps still run. Exit 1 if anything failed.
//
//   npm test                              # everything
//   npm test -- --only=unit,e2e           # steps: typecheck build unit server e2e storybook
//   npm test -- --skip=storybook
//   npm test -- --list                    # print step names
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ART = join(ROOT, 'test/.artifacts');
const BIN = join(ROOT, 'node_modules/.bin');
const MIN = 60_000;

/** Files in `dir` (relative to the repo root, non-recursive) whose name ends with `suffix`. */
function filesIn(dir, suffix) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => relative(ROOT, join(abs, f)));
}

const bin = (name) => join(BIN, name);

/** One check per step: exit code 0 → 1 passed, else 1 failed. */
const exitCodeCounts = (code) => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

/** Web Test Runner's JSON reporter (see web-test-runner.config.mjs) writes exact counts. */
function wtrCounts(code, file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, note: 'no results file (runner crashed?)' };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const out = { passed: r.passed | 0, failed: r.failed | 0 };
  if (code !== 0 && out.failed === 0) return { ...out, failed: 1, note: `exit code ${code} with no failed test` };
  return out;
}

/**
 * Node test runner TAP: the summary lines `# pass N`, `# fail N`, `# cancelled N` (the last
 * counts as failed). If the summary is missing (runner killed/crashed mid-run), count the
 * `ok` / `not ok` lines of non-suite tests instead and add one failure for the crash.
 */
function tapCounts(code, file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, note: 'no TAP file (runner crashed?)' };
  const tap = readFileSync(file, 'utf8');
  const num = (k) => {
    const all = [...tap.matchAll(new RegExp(`^# ${k} (\\d+)\\s*$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const pass = num('pass');
  const fail = num('fail');
  let out;
  if (pass !== undefined && fail !== undefined) {
    out = { passed: pass, failed: fail + (num('cancelled') ?? 0) };
  } else {
    const c = countTapLines(tap);
    out = { passed: c.passed, failed: c.failed + 1, note: 'TAP summary missing (runner crashed?)' };
  }
  if (code !== 0 && out.failed === 0) return { ...out, failed: 1, note: `exit code ${code} with no failed test` };
  return out;
}

function countTapLines(tap) {
  const lines = tap.split('\n');
  let passed = 0;
  let failed = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(not ok|ok) \d+(?: - (.*))?$/.exec(lines[i]);
    if (!m) continue;
    if (/# (SKIP|TODO)\b/i.test(m[3] ?? '')) continue;
    let suite = false;
    if (lines[i + 1]?.trim() === '---') {
      for (let j = i + 2; j < lines.length && lines[j].trim() !== '...'; j++) {
        if (/^\s*type: 'suite'/.test(lines[j])) suite = true;
      }
    }
    if (suite) continue;
    if (m[2] === 'ok') passed++;
    else failed++;
  }
  return { passed, failed };
}

function nodeTestStep(name, files, timeoutMs, fileTimeoutMs = Number(process.env.TEST_FILE_TIMEOUT_MS) || 15 * MIN) {
  const tapFile = join(ART, `${name}.tap`);
  return {
    name,
    timeoutMs,
    skipIf: () => (files().length ? null : 'no test files'),
    cmd: () => [
      process.execPath,
      [
        '--import', 'tsx',
        '--test',
        // Node 20 applies this to each test *file* as a whole (and then drops that file's
        // per-test output), so it is only a hang guard; give tests their own { timeout }.
        `--test-timeout=${fileTimeoutMs}`,
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
        ...files(),
      ],
    ],
    before: () => rmSync(tapFile, { force: true }),
    counts: (code) => tapCounts(code, tapFile),
  };
}

const wtrFile = join(ART, 'wtr-results.json');
const STEPS = [
  { name: 'typecheck', timeoutMs: 10 * MIN, cmd: () => [bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']], counts: exitCodeCounts },
  { name: 'build', timeoutMs: 10 * MIN, cmd: () => [bin('vite'), ['build']], counts: exitCodeCounts },
  {
    name: 'unit',
    timeoutMs: 30 * MIN,
    cmd: () => [bin('web-test-runner'), []],
    env: { WTR_RESULTS_FILE: wtrFile },
    before: () => rmSync(wtrFile, { force: true }),
    counts: (code) => wtrCounts(code, wtrFile),
  },
  nodeTestStep('server', () => [...filesIn('demo/server', '.test.ts'), ...filesIn('packages/e2ee/src', '.node.test.ts')], 20 * MIN),
  nodeTestStep('e2e', () => filesIn('test/e2e', '.e2e.test.ts'), 45 * MIN),
  { name: 'storybook', timeoutMs: 15 * MIN, cmd: () => [bin('storybook'), ['build', '-o', 'storybook-static', '--quiet']], counts: exitCodeCounts },
];

// ---------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const listArg = (flag) =>
  args
    .filter((a) => a.startsWith(`--${flag}=`))
    .flatMap((a) => a.slice(flag.length + 3).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
if (args.includes('--list')) {
  console.log(STEPS.map((s) => s.name).join('\n'));
  process.exit(0);
}
const only = listArg('only');
const skip = listArg('skip');
for (const n of [...only, ...skip]) {
  if (!STEPS.some((s) => s.name === n)) {
    console.error(`[run-all] unknown step "${n}"; steps: ${STEPS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
}

let current = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGKILL');
      } catch {}
    }
    process.exit(130);
  });
}

function run(step) {
  return new Promise((resolve) => {
    const [cmd, cmdArgs] = step.cmd();
    const shown = cmd === process.execPath ? 'node' : relative(ROOT, cmd);
    console.log(`\n\x1b[1m━━━ [${step.name}] ${shown} ${cmdArgs.join(' ')}\x1b[0m\n`);
    let child;
    try {
      // Own process group so a timeout can take down the step's whole tree (browsers, servers).
      child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: true, env: { ...process.env, ...step.env } });
    } catch (err) {
      console.error(`[run-all] ${step.name}: could not start: ${err.message}`);
      return resolve(-1);
    }
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[run-all] ${step.name}: timed out after ${step.timeoutMs / 1000}s — killing it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, step.timeoutMs);
    child.on('error', (err) => {
      console.error(`[run-all] ${step.name}: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = null;
      // Leftovers in the group (a server a test forgot to stop, …) must not outlive the step.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      if (signal) console.error(`[run-all] ${step.name}: killed by ${signal}`);
      resolve(timedOut ? -2 : code ?? -1);
    });
  });
}

mkdirSync(ART, { recursive: true });
const results = [];
const t0 = Date.now();
for (const step of STEPS) {
  if ((only.length && !only.includes(step.name)) || skip.includes(step.name)) continue;
  const skipReason = step.skipIf?.();
  if (skipReason) {
    console.log(`\n━━━ [${step.name}] skipped: ${skipReason}`);
    results.push({ step: step.name, passed: 0, failed: 0, seconds: 0, exitCode: null, note: `skipped: ${skipReason}` });
    continue;
  }
  step.before?.();
  const start = Date.now();
  const code = await run(step);
  const seconds = Math.round((Date.now() - start) / 100) / 10;
  let c;
  try {
    c = step.counts(code);
  } catch (err) {
    c = { passed: 0, failed: 1, note: `could not read results: ${err.message}` };
  }
  if (code === -2) c = { ...c, failed: Math.max(c.failed, 1), note: 'timed out' };
  results.push({ step: step.name, passed: c.passed, failed: c.failed, seconds, exitCode: code, ...(c.note ? { note: c.note } : {}) });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const totalSeconds = Math.round((Date.now() - t0) / 100) / 10;

const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log('\n━━━ summary');
console.log(`${pad('step', 10)} ${padL('passed', 7)} ${padL('failed', 7)} ${padL('time', 8)}  status`);
for (const r of results) {
  const status = r.note?.startsWith('skipped') ? r.note : r.failed ? `FAIL${r.note ? ` (${r.note})` : ''}` : 'ok';
  console.log(`${pad(r.step, 10)} ${padL(r.passed, 7)} ${padL(r.failed, 7)} ${padL(r.seconds.toFixed(1) + 's', 8)}  ${status}`);
}
console.log(`${pad('total', 10)} ${padL(passed, 7)} ${padL(failed, 7)} ${padL(totalSeconds.toFixed(1) + 's', 8)}`);

writeFileSync(join(ART, 'summary.json'), JSON.stringify({ passed, failed, seconds: totalSeconds, steps: results }, null, 2) + '\n');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !results.length ? 1 : 0);
