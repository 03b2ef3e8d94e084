/**
 * Time to first frame and seek time: <session-player> against a bare hls.js
 * page on the same playlist window, in the same run, same browser, same
 * server. Prints medians and ratios (SPEC §6 targets: ≤ 1.1×).
 *
 *   npm run bench            (ROUNDS=9 by default)
 */
import { execFileSync } from 'node:child_process';
import { parseMediaPlaylist } from '../packages/player/src/time/media-timeline.js';
import { launchBrowser, REPO_ROOT, startStack } from '../test/e2e/harness.js';
import { poll } from '../test/e2e/player-page.js';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const HOUR = 3_600_000;

execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { cwd: REPO_ROOT, stdio: 'inherit' });
const stack = await startStack({ env: { SITE_DIR: `${REPO_ROOT}/bench/.out/pages`, LOG: '0' } });
const browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);

try {
  const rows = (await (await fetch(`${stack.baseUrl}/api/rows?from=${Date.now() - 7 * 86_400_000}&to=${Date.now()}&limit=100`)).json()) as {
    items: { userId: string; computerId: string; start: number; end: number }[];
  };
  // A long recording, started 10 minutes in, seeking within the same playlist window.
  const row = rows.items.filter((r) => r.end - r.start > 3 * HOUR)[0] ?? rows.items[0]!;
  const at = row.start + 10 * 60_000;
  // The same playlist the player asks for first (its first window: 15 min before, 45 after).
  const from = Math.floor(at - 15 * 60_000);
  const to = Math.ceil(at + 45 * 60_000);
  const playlistPath = `/api/streams/${row.userId}/${row.computerId}/playlist.m3u8?from=${from}&to=${to}`;
  const text = await (await fetch(`${stack.baseUrl}${playlistPath}`)).text();
  const timeline = parseMediaPlaylist(text, `${stack.baseUrl}${playlistPath}`);
  const seeks = [37, 21, 12, 40, 3].map((m) => at + m * 60_000 + 1_234).filter((t) => timeline.wallToMedia(t) !== null);
  const pages = {
    player: `/player.html?user=${row.userId}&computer=${row.computerId}&at=${at}`,
    hls: `/hls.html?playlist=${encodeURIComponent(playlistPath)}&start=${timeline.wallToMedia(at)}`,
  };
  const results: Record<keyof typeof pages, { ttff: number[]; seek: number[] }> = {
    player: { ttff: [], seek: [] },
    hls: { ttff: [], seek: [] },
  };
  for (let round = 0; round < ROUNDS + 1; round++) {
    // Alternate the order so neither page always runs on a warmer machine.
    const order = (round % 2 ? ['hls', 'player'] : ['player', 'hls']) as (keyof typeof pages)[];
    for (const name of order) {
      const context = await browser.newContext({ baseURL: stack.baseUrl });
      const page = await context.newPage();
      await page.goto(pages[name]);
      await poll(page, () => window.bench !== undefined);
      const ttff = await page.evaluate(() => window.bench!.firstFrame);
      if (process.env.BENCH_TRACE && round === 1) {
        const entries = await page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => `${e.name.replace(location.origin, '').slice(0, 60).padEnd(60)} ${e.startTime.toFixed(0).padStart(5)} → ${(e as PerformanceResourceTiming).responseEnd.toFixed(0).padStart(5)}`),
        );
        console.log(`--- ${name}: first frame at ${ttff.toFixed(0)} ms\n${entries.join('\n')}`);
      }
      const times: number[] = [];
      for (const t of seeks) times.push(await page.evaluate((x) => window.bench!.seek(x), t));
      await context.close();
      if (round === 0) continue; // warm-up: server caches, first PGlite queries
      results[name].ttff.push(ttff);
      results[name].seek.push(...times);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const p = results.player;
  const h = results.hls;
  const rowsOut = [
    ['time to first frame (ms, median)', median(p.ttff), median(h.ttff)],
    ['seek → new frame painted (ms, median)', median(p.seek), median(h.seek)],
  ] as const;
  console.log(`\n${ROUNDS} rounds, ${seeks.length} seeks each, playlist window of ${timeline.segments.length} segments\n`);
  console.log('| measure | session-player | bare hls.js | ratio (target ≤ 1.1) |');
  console.log('|---|---|---|---|');
  for (const [what, mine, peer] of rowsOut) console.log(`| ${what} | ${mine.toFixed(1)} | ${peer.toFixed(1)} | ${(mine / peer).toFixed(2)}× |`);
} finally {
  await browser.close();
  await stack.stop();
}
