/**
 * End-to-end encryption costs (SPEC §5.4, §6: decrypt ≥ 0.8 × raw `crypto.subtle`
 * AES-GCM throughput; ≤ 10 % on time to first frame after unlock), each against a peer
 * in the same run:
 *
 *   1. decrypt throughput of `decryptSegment` vs bare `crypto.subtle.decrypt` on the same
 *      sealed buffers with the same data key — in Node 20 and in headless Chromium;
 *   2. key derivation: `unlock` with a passphrase (PBKDF2-HMAC-SHA-256, 600,000
 *      iterations) vs a bare PBKDF2, and `unlock` with a raw host key;
 *   3. time to first frame after `player.unlock()` on the backend's sealed stream vs the
 *      same recording unencrypted (and vs another user's plain recording), in
 *      `<session-player>` built like production and served by the reference backend.
 *
 *   npm run bench:e2ee
 *   ROUNDS=15            TTFF rounds per peer (default 9, plus a discarded warm-up)
 *   CRYPTO_ROUNDS=80     throughput batches per side and buffer set (default 40)
 *   KDF_RUNS=11          passphrase unlocks per environment (default 7)
 *   ONLY=crypto|ttff|node  only the crypto half, only TTFF, or only Node (no browser)
 *   BENCH_TRACE=1        print each TTFF peer's requests after the clock start once
 *   PROFILE=1            unminified build; CPU profile (top self time) of each TTFF peer, pooled over the rounds
 *
 * Prints tables and writes bench/.results/e2ee.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as e2ee from '../packages/e2ee/src/index.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, REPO_ROOT, startStack, type Stack } from '../test/e2e/harness.js';
import { fetchSegments, getJson, poll, rowsQuery, type WallSegment } from '../test/e2e/player-page.js';
import { profile, stats, type Stats } from './measure.js';
import { bufferSets, measureKdf, measureThroughput, type KdfSamples, type ThroughputSamples } from './pages/e2ee-core.js';
import type { E2eeTtffResult } from './pages/e2ee-player.js';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const CRYPTO_ROUNDS = Number(process.env.CRYPTO_ROUNDS ?? 40);
const KDF_RUNS = Number(process.env.KDF_RUNS ?? 7);
/** Batches of 20 raw-key unlocks. */
const RAW_KEY_RUNS = 25;
const ONLY = process.env.ONLY;
const TRACE = process.env.BENCH_TRACE === '1';
const PROFILE = process.env.PROFILE === '1';
// The demo's sealed stream and its passphrase (demo/server/seed/directory.ts, README).
const SEALED = { userId: 'smarino', computerId: 'mil-ws-009' };
const OTHER = { userId: 'ytanaka', computerId: 'tyo-mac-042' };
const PASSPHRASE = process.env.DEMO_PASSPHRASE ?? 'correct horse battery staple';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The player's playlist windows (packages/player/src/controllers/playback-controller.ts). */
const FIRST_WINDOW = { before: 15 * MINUTE, after: 45 * MINUTE };
const WINDOW = { before: HOUR, after: 3 * HOUR };

// ---------------------------------------------------------------------------------------
// Set-up and clean-up

const chrome = chromiumPath();
if (ONLY !== 'node' && !existsSync(chrome)) {
  console.error(
    `bench:e2ee needs Chromium, and ${chrome} does not exist.\n` +
      'Install it (sudo apt-get install -y chromium) or point CHROME_PATH at a Chrome/Chromium binary.',
  );
  process.exit(1);
}

let stack: Stack | undefined;
let browser: Browser | undefined;
let cleaning: Promise<void> | undefined;
/** Closes the browser and stops the backend (removing its temp data); once, however often it is called. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    // Nothing else may hold the event loop open (the harness unrefs the backend's process),
    // and Node would exit with the cleanup half done.
    const keepAlive = setInterval(() => undefined, 1_000);
    try {
      const closing = browser?.close().catch(() => undefined);
      await Promise.race([closing, new Promise((r) => setTimeout(r, 5_000))]);
      await stack?.stop().catch((e: unknown) => console.error(`could not stop the backend: ${String(e)}`));
    } finally {
      clearInterval(keepAlive);
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: Ctrl+C reaches this process twice (from the terminal and relayed by
  // tsx), and a second default SIGINT would end it before the backend's temp data is gone.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the browser and the backend`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const ms = (s: Stats) => `${fmt(s.p50)} | ${fmt(s.p95)}`;
const median = (xs: number[]) => stats(xs).p50;

interface Row {
  userId: string;
  computerId: string;
  start: number;
  end: number;
}
type PoolSegment = WallSegment & { poolIndex: number };

// ---------------------------------------------------------------------------------------
// 1 + 2: decrypt throughput and key derivation

interface CryptoResult {
  throughput: ThroughputSamples[];
  kdf: KdfSamples;
}

async function nodeCrypto(): Promise<CryptoResult> {
  const poolDir = join(REPO_ROOT, 'demo/fixtures/pool');
  const sets = await bufferSets(async (file) => new Uint8Array(await readFile(join(poolDir, file))));
  const throughput = await measureThroughput(e2ee, sets, CRYPTO_ROUNDS);
  const kdf = await measureKdf(e2ee, KDF_RUNS, RAW_KEY_RUNS);
  return { throughput, kdf };
}

async function chromiumCrypto(b: Browser, baseUrl: string): Promise<CryptoResult> {
  const context = await b.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`e2ee-crypto pageerror: ${e.message}`));
    await page.goto('/e2ee-crypto.html');
    await poll(page, () => window.e2eeCryptoBench !== undefined);
    await page.evaluate(() => window.e2eeCryptoBench!.ready);
    const throughput = await page.evaluate((r) => window.e2eeCryptoBench!.throughput(r), CRYPTO_ROUNDS);
    const kdf = await page.evaluate(([n, m]) => window.e2eeCryptoBench!.kdf(n, m), [KDF_RUNS, RAW_KEY_RUNS] as const);
    return { throughput, kdf };
  } finally {
    await context.close();
  }
}

function printCrypto(results: Record<string, CryptoResult>): void {
  console.log('\nDecrypt throughput, MB/s of plaintext (10^6 bytes/s), median over batches; each call awaited before the next.');
  console.log('Ratio: median over rounds of decryptSegment ÷ crypto.subtle.decrypt, the two batches of a round run back to back.\n');
  console.log('| environment | buffers | plaintext per batch | calls per batch | batches per side | decryptSegment | crypto.subtle.decrypt | ratio (target ≥ 0.8) | ratio p5–p95 |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [env, r] of Object.entries(results)) {
    for (const t of r.throughput) {
      const pairs = t.library.map((x, i) => x / t.raw[i]!);
      const ratio = stats(pairs);
      const p5 = -stats(pairs.map((x) => -x)).p95;
      console.log(
        `| ${env} | ${t.name} (${t.count}) | ${fmt(t.bytes / 1e6, 2)} MB | ${t.calls} | ${t.library.length} | ${fmt(median(t.library), 0)} | ${fmt(median(t.raw), 0)} | ` +
          `${fmt(ratio.p50, 2)}× | ${fmt(p5, 2)}–${fmt(ratio.p95, 2)} |`,
      );
    }
  }
  console.log('\nKey derivation, ms\n');
  console.log('| environment | measure | runs | median | p95 |');
  console.log('|---|---|---|---|---|');
  for (const [env, r] of Object.entries(results)) {
    const k = r.kdf;
    const n = k.iterations.toLocaleString('en-US');
    console.log(`| ${env} | unlock({ passphrase }), PBKDF2-SHA-256 ${n} it. | ${k.passphrase.length} | ${ms(stats(k.passphrase))} |`);
    console.log(`| ${env} | bare PBKDF2 deriveBits, same salt and iterations | ${k.pbkdf2.length} | ${ms(stats(k.pbkdf2))} |`);
    console.log(`| ${env} | unlock({ key }), raw 256-bit host key (mean of 20 per run) | ${k.rawKey.length} | ${fmt(stats(k.rawKey).p50, 3)} | ${fmt(stats(k.rawKey).p95, 3)} |`);
  }
}

// ---------------------------------------------------------------------------------------
// 3: time to first frame after unlock

interface TtffPlan {
  sealed: { row: Row; at: number; segment: PoolSegment; map: string; firstWindow: number; window: number };
  other: { row: Row; at: number; segment: PoolSegment; firstWindow: number };
  init: string;
}

/** Media entries of a sealed playlist: index, file name and wall-clock start. */
function sealedEntries(text: string): { index: number; start: number }[] {
  const out: { index: number; start: number }[] = [];
  let wall = Number.NaN;
  let duration = 0;
  let index = -1;
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) wall = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8)) * 1000;
    else if (line.startsWith('#EXT-X-SP-SEGMENT-INDEX:')) index = Number(line.slice('#EXT-X-SP-SEGMENT-INDEX:'.length));
    else if (line && !line.startsWith('#')) {
      out.push({ index, start: Math.round(wall) });
      wall += duration;
    }
  }
  return out;
}

async function playlist(baseUrl: string, s: { userId: string; computerId: string }, at: number, w: { before: number; after: number }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/streams/${s.userId}/${s.computerId}/playlist.m3u8?from=${at - w.before}&to=${at + w.after}`);
  if (!response.ok) throw new Error(`playlist: HTTP ${response.status}`);
  return response.text();
}

const mediaCount = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#')).length;

async function planTtff(baseUrl: string): Promise<TtffPlan> {
  const rows = (await getJson<{ items: Row[] }>(baseUrl, rowsQuery())).items;
  const sealedRows = rows.filter((r) => r.userId === SEALED.userId && r.computerId === SEALED.computerId).sort((a, b) => b.start - a.start);
  if (!sealedRows.length) throw new Error(`the backend lists no session of ${SEALED.userId}/${SEALED.computerId}`);
  // A session whose window after unlock (1 h before, 3 h after) holds the same segments as
  // the plain peer's first window (15 min before, 45 min after), so both load one playlist.
  let chosen: TtffPlan['sealed'] | undefined;
  for (const row of sealedRows) {
    const at = Math.min(row.start + MINUTE + 1_234, Math.floor((row.start + row.end) / 2));
    const [first, long] = await Promise.all([playlist(baseUrl, SEALED, at, FIRST_WINDOW), playlist(baseUrl, SEALED, at, WINDOW)]);
    const plan = { row, at, firstWindow: mediaCount(first), window: mediaCount(long) };
    if (!chosen || plan.window === plan.firstWindow) {
      const segments = (await fetchSegments(baseUrl, SEALED.userId, SEALED.computerId, at - WINDOW.before, at + WINDOW.after)) as PoolSegment[];
      const segment = segments.find((s) => s.start <= at && at < s.end);
      if (!segment) throw new Error(`no sealed segment at ${new Date(at).toISOString()}`);
      // sealed index → pool file, by start instant, for every segment of the window.
      const map = sealedEntries(long).map((e) => {
        const s = segments.find((x) => Math.abs(x.start - e.start) <= 1);
        if (!s) throw new Error(`no pool segment starts at ${new Date(e.start).toISOString()}`);
        return `${e.index}:${s.file}`;
      });
      chosen = { ...plan, segment, map: map.join(',') };
      if (plan.window === plan.firstWindow) break;
    }
  }
  const sealed = chosen!;
  // Another user's long plain recording, at the same pool segment and the same offset in it.
  const otherRow = rows.filter((r) => r.userId === OTHER.userId && r.computerId === OTHER.computerId && r.end - r.start > HOUR).sort((a, b) => b.start - a.start)[0];
  if (!otherRow) throw new Error(`the backend lists no long recording of ${OTHER.userId}/${OTHER.computerId}`);
  const from = otherRow.start + 10 * MINUTE;
  const candidates = (await fetchSegments(baseUrl, OTHER.userId, OTHER.computerId, from, from + 10 * MINUTE)) as PoolSegment[];
  const twin = candidates.find((s) => s.poolIndex === sealed.segment.poolIndex && s.start >= from);
  if (!twin) throw new Error(`no segment of ${OTHER.userId} plays pool segment ${sealed.segment.poolIndex}`);
  const otherAt = twin.start + (sealed.at - sealed.segment.start);
  const pool = JSON.parse(await readFile(join(REPO_ROOT, 'demo/fixtures/pool/pool.json'), 'utf8')) as { init: string };
  return {
    sealed,
    other: { row: otherRow, at: otherAt, segment: twin, firstWindow: mediaCount(await playlist(baseUrl, OTHER, otherAt, FIRST_WINDOW)) },
    init: pool.init,
  };
}

type Mode = 'sealed' | 'plain' | 'other';
const MODES: Mode[] = ['sealed', 'plain', 'other'];

function pageUrl(plan: TtffPlan, mode: Mode): string {
  const q = new URLSearchParams({ mode });
  if (mode === 'other') {
    q.set('user', OTHER.userId);
    q.set('computer', OTHER.computerId);
    q.set('at', String(plan.other.at));
  } else {
    q.set('user', SEALED.userId);
    q.set('computer', SEALED.computerId);
    q.set('at', String(plan.sealed.at));
  }
  if (mode === 'plain') {
    q.set('map', plan.sealed.map);
    q.set('init', plan.init);
  }
  return `/e2ee-player.html?${q}`;
}

/** Waits until the page has made no request for `quietMs` and the player's video has a MediaSource. */
async function settle(page: Page, quietMs = 300, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  for (;;) {
    const { entries, attached } = await page.evaluate(() => ({
      entries: performance.getEntriesByType('resource').length,
      attached: Boolean(document.querySelector('session-player')?.shadowRoot?.querySelector('video')?.src),
    }));
    if (entries === last && attached) return;
    if (Date.now() > deadline) throw new Error('the page did not settle before the measurement');
    last = entries;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

async function ttffOnce(b: Browser, baseUrl: string, plan: TtffPlan, mode: Mode, trace = false, profiles?: Map<string, number>): Promise<E2eeTtffResult> {
  const context = await b.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pageUrl(plan, mode));
    await poll(page, () => window.e2eeTtff?.isParked() === true, undefined, 30_000).catch((e: Error) => {
      throw new Error(`${mode}: the player did not stop before media: ${e.message} ${errors.join('; ')}`);
    });
    await settle(page);
    const run = () => page.evaluate((p) => window.e2eeTtff!.start(p), PASSPHRASE);
    let result!: E2eeTtffResult;
    if (profiles) {
      // The profile covers unlock() too: key derivation runs on WebCrypto's thread, not in this one.
      for (const row of await profile(page, async () => (result = await run()))) {
        const seen = profiles.get(row.fn) ?? 0;
        profiles.set(row.fn, seen + row.ms);
      }
    } else {
      result = await run();
    }
    const expected = mode === 'other' ? plan.other.at : plan.sealed.at;
    if (result.at === null || Math.abs(result.at - expected) > 1000) {
      throw new Error(`${mode}: the player shows ${result.at} instead of ${expected} (phase ${result.phase}) ${errors.join('; ')}`);
    }
    if (errors.length) console.error(`${mode}: page errors: ${errors.join('; ')}`);
    if (trace) {
      await new Promise((r) => setTimeout(r, 500));
      const entries = await page.evaluate(
        (t0) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.startTime >= t0 - 200)
            .map((e) => `${e.name.replace(location.origin, '').replace(/\?.*/, '').slice(-60).padEnd(60)} ${(e.startTime - t0).toFixed(1).padStart(7)} → ${((e as PerformanceResourceTiming).responseEnd - t0).toFixed(1).padStart(7)}`),
        result.t0,
      );
      console.log(`--- ${mode}: first frame at ${result.ttff.toFixed(1)} ms after the clock start\n${entries.join('\n')}`);
    }
    return result;
  } finally {
    await context.close();
  }
}

async function ttff(b: Browser, baseUrl: string) {
  const plan = await planTtff(baseUrl);
  const s = plan.sealed;
  console.log(
    `\nTTFF: sealed ${SEALED.userId}/${SEALED.computerId} at ${new Date(s.at).toISOString()} (session ${new Date(s.row.start).toISOString()}, ` +
      `${(s.row.end - s.row.start) / 1000} s; pool segment ${s.segment.poolIndex} ${s.segment.file}; window after unlock ${s.window} segments, ` +
      `first window ${s.firstWindow}); other ${OTHER.userId}/${OTHER.computerId} at ${new Date(plan.other.at).toISOString()} ` +
      `(same pool segment; first window ${plan.other.firstWindow} segments)`,
  );
  if (s.window !== s.firstWindow) console.warn(`warning: the sealed window after unlock holds ${s.window} segments, the plain peer's ${s.firstWindow}`);
  const samples: Record<Mode, E2eeTtffResult[]> = { sealed: [], plain: [], other: [] };
  const profiles: Record<Mode, Map<string, number>> = { sealed: new Map(), plain: new Map(), other: new Map() };
  for (let round = 0; round <= ROUNDS; round++) {
    // Rotate the order so no peer always runs first or on a warmer machine.
    const order = MODES.map((_, i) => MODES[(i + round) % MODES.length]!);
    const line: string[] = [];
    for (const mode of order) {
      const r = await ttffOnce(b, baseUrl, plan, mode, TRACE && round === 1, PROFILE && round > 0 ? profiles[mode] : undefined);
      line.push(`${mode} ${fmt(r.ttff)}`);
      if (round > 0) samples[mode].push(r); // round 0 warms server caches and the OS page cache
    }
    console.log(`round ${round}${round === 0 ? ' (warm-up)' : ''}: ${line.join(', ')} ms`);
  }
  if (PROFILE) {
    for (const mode of MODES) {
      const top = [...profiles[mode].entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
      console.log(`\n--- ${mode}: top self time over ${ROUNDS} rounds (each round's top 15 pooled), ms per round`);
      for (const [fn, total] of top) console.log(`${(total / ROUNDS).toFixed(1).padStart(7)}  ${fn}`);
    }
  }
  return { plan, samples };
}

function printTtff(t: Awaited<ReturnType<typeof ttff>>): void {
  const st = (m: Mode) => stats(t.samples[m].map((r) => r.ttff));
  const sealed = st('sealed');
  const plain = st('plain');
  const other = st('other');
  const seg = (m: Mode) => {
    const r = t.samples[m][0];
    return r ? `${r.windowSegments} / ${Math.max(...t.samples[m].map((x) => x.segmentsFetched))}` : '–';
  };
  console.log('\nTime to first frame, ms, from the moment the player asks for the playlist window (sealed: right after the key is derived;');
  console.log('plain peers: when their held playlist request is released) to the first requestVideoFrameCallback\n');
  // Peers of one round ran minutes apart at most; the per-round ratio is robust to drift.
  const paired = (m: Mode) => fmt(median(t.samples.sealed.map((r, i) => r.ttff / t.samples[m][i]!.ttff)), 2);
  console.log('| peer | rounds | window segments / media files fetched before the frame (max) | median | p95 | sealed ÷ peer, ratio of medians | median of per-round ratios |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| sealed ${SEALED.userId}/${SEALED.computerId}, after unlock | ${sealed.n} | ${seg('sealed')} | ${ms(sealed)} | | |`);
  console.log(`| same recording unencrypted | ${plain.n} | ${seg('plain')} | ${ms(plain)} | ${fmt(sealed.p50 / plain.p50, 2)}× (target ≤ 1.1) | ${paired('plain')}× |`);
  console.log(`| ${OTHER.userId}/${OTHER.computerId} unencrypted, same pool segment | ${other.n} | ${seg('other')} | ${ms(other)} | ${fmt(sealed.p50 / other.p50, 2)}× | ${paired('other')}× |`);
  console.log('\nWhere the time goes, ms after the clock start, medians (resource timing; "frame" is the TTFF above)\n');
  console.log('| peer | playlist received | init requested | init received | first media file requested | received | frame | player updates in between (count, ms) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const m of MODES) {
    const med = (f: (r: E2eeTtffResult) => number) => fmt(median(t.samples[m].map(f)));
    const ms = (k: keyof E2eeTtffResult['milestones']) => med((r) => r.milestones[k]);
    const updates = `${med((r) => r.playerUpdates.count)}, ${med((r) => r.playerUpdates.ms)}`;
    console.log(`| ${m} | ${ms('playlistEnd')} | ${ms('initStart')} | ${ms('initEnd')} | ${ms('segmentStart')} | ${ms('segmentEnd')} | ${med((r) => r.ttff)} | ${updates} |`);
  }
  const unlock = stats(t.samples.sealed.map((r) => r.unlockMs ?? Number.NaN));
  console.log(`player.unlock({ passphrase }) itself (key derivation, not in the TTFF above): median ${fmt(unlock.p50)} ms, p95 ${fmt(unlock.p95)} ms over ${unlock.n}`);
}

// ---------------------------------------------------------------------------------------

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
};
try {
  const cryptoResults: Record<string, CryptoResult> = {};
  let ttffResult: Awaited<ReturnType<typeof ttff>> | undefined;
  if (ONLY !== 'ttff') {
    console.log(`Node ${process.version}: decrypt throughput (${CRYPTO_ROUNDS} batches per side) and key derivation (${KDF_RUNS} runs)…`);
    cryptoResults[`Node ${process.version.slice(1)}`] = await nodeCrypto();
  }
  if (ONLY !== 'node') {
    // An unminified build keeps function names readable in the profile.
    execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', ...(PROFILE ? ['--minify', 'false'] : [])], { cwd: REPO_ROOT, stdio: 'inherit' });
    stack = await startStack({ env: { SITE_DIR: `${REPO_ROOT}/bench/.out/pages`, LOG: '0' } });
    // As the harness's launchBrowser() (same binary and flags), but Playwright must not
    // handle Ctrl+C itself: it would exit the process before the backend is stopped.
    browser = await chromium.launch({ executablePath: chrome, headless: true, args: [...CHROMIUM_ARGS], handleSIGINT: false, handleSIGTERM: false });
    results['chromium'] = browser.version();
    if (ONLY !== 'ttff') {
      console.log(`Chromium ${browser.version()}: decrypt throughput and key derivation…`);
      cryptoResults[`Chromium ${browser.version()}`] = await chromiumCrypto(browser, stack.baseUrl);
    }
    if (ONLY !== 'crypto') ttffResult = await ttff(browser, stack.baseUrl);
  }
  if (Object.keys(cryptoResults).length) printCrypto(cryptoResults);
  if (ttffResult) printTtff(ttffResult);
  Object.assign(results, { crypto: cryptoResults, ttff: ttffResult });
  mkdirSync(join(REPO_ROOT, 'bench/.results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench/.results/e2ee.json'), JSON.stringify(results, null, 2));
  console.log(`\n${results['cpus']}; results in bench/.results/e2ee.json`);
} catch (error) {
  // After Ctrl+C the clean-up closes the browser under the running measurement: not news.
  if (!interrupted) {
    console.error(`bench:e2ee failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  await cleanUp();
}
