#!/usr/bin/env node
// `npm pretest`: make sure a Chromium the tests can drive is present.
// Never downloads a browser bundle; uses $CHROME_PATH or Debian's /usr/bin/chromium.
// Also imported by web-test-runner.config.mjs for the path + launch flags.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Flags every Chromium we launch gets (the wtr config and test/e2e/harness.ts import these). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** $CHROME_PATH if set and present, else /usr/bin/chromium. */
export function chromiumPath() {
  const env = process.env.CHROME_PATH;
  return env && existsSync(env) ? env : '/usr/bin/chromium';
}

function probe(candidates) {
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    const version = (r.stdout || '').trim();
    if (r.status === 0 && version) return { path, version };
    console.error(`[ensure-chromium] ${path} exists but \`--version\` failed (status ${r.status}): ${(r.stderr || r.error?.message || '').trim()}`);
  }
  return null;
}

function main() {
  const env = process.env.CHROME_PATH;
  if (env && !existsSync(env)) console.error(`[ensure-chromium] warning: CHROME_PATH=${env} does not exist; falling back to /usr/bin/chromium`);
  const candidates = [env, '/usr/bin/chromium'].filter(Boolean);
  let found = probe(candidates);
  if (!found && typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log('[ensure-chromium] Chromium not found; installing it with apt-get (running as root)…');
    const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    const up = spawnSync('apt-get', ['update'], opts);
    const inst = up.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], opts) : up;
    if (inst.status !== 0) console.error(`[ensure-chromium] apt-get failed (status ${inst.status})`);
    found = probe(candidates);
  }
  if (!found) {
    console.error(
      `[ensure-chromium] No usable Chromium found (checked: ${candidates.join(', ')}).\n` +
        'Install one with:\n    sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at an existing Chrome/Chromium binary:\n    export CHROME_PATH=/path/to/chrome',
    );
    process.exit(1);
  }
  console.log(`[ensure-chromium] ${found.version} (${found.path})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
