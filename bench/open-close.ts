/**
 * Memory over repeated use: opens the player from the demo grid and closes it
 * again, 50 times, and reports the page's JS heap after forced garbage
 * collection (SPEC §6: 50 open/close cycles leave no growth).
 *
 *   npm run bench:memory     (CYCLES=50 by default)
 */
import { execFileSync } from 'node:child_process';
import { launchBrowser, newPage, REPO_ROOT, startStack } from '../test/e2e/harness.js';
import { poll, waitForPlayerReady } from '../test/e2e/player-page.js';

const CYCLES = Number(process.env.CYCLES ?? 50);

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
const stack = await startStack({ env: { LOG: '0' } });
const browser = await launchBrowser();
try {
  const page = await newPage(browser, stack.baseUrl);
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  };
  await page.goto('/');
  await page.getByRole('row').nth(1).waitFor();
  const samples: { cycle: number; heap: number }[] = [];
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    await page.getByRole('row').nth(1 + (cycle % 5)).getByRole('button').first().click();
    await page.locator('session-player-dialog').waitFor({ state: 'attached' });
    await waitForPlayerReady(page);
    await page.keyboard.press('Escape');
    await poll(page, () => document.querySelector('session-player-dialog') === null);
    if (cycle === 1 || cycle % 10 === 0) samples.push({ cycle, heap: await heapMb() });
  }
  // Cycle 1 still loads and compiles lazy code (hls.js, locales): measure growth from cycle 10.
  const first = samples.find((s) => s.cycle >= 10) ?? samples[0]!;
  const last = samples.at(-1)!;
  const leftovers = await page.evaluate(() => document.querySelectorAll('video, session-player, session-player-dialog').length);
  console.log('\n| after cycle | JS heap (MB, after GC) |\n|---|---|');
  for (const s of samples) console.log(`| ${s.cycle} | ${s.heap.toFixed(2)} |`);
  console.log(`\ngrowth from cycle ${first.cycle} to ${last.cycle}: ${((last.heap - first.heap) * 1024).toFixed(0)} KB ` +
    `(${(((last.heap - first.heap) * 1024) / (last.cycle - first.cycle)).toFixed(1)} KB per cycle); players left in the DOM: ${leftovers}`);
  if (page.errors.length) console.log('page errors:', page.errors);
} finally {
  await browser.close();
  await stack.stop();
}
