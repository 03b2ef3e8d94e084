import { execFileSync } from 'node:child_process';
import { launchBrowser, REPO_ROOT, startStack, newPage } from './test/e2e/harness.ts';
execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { cwd: REPO_ROOT, stdio: 'ignore' });
const stack = await startStack({ env: { SITE_DIR: `${REPO_ROOT}/bench/.out/pages`, LOG: '0' } });
const browser = await launchBrowser();
const rows = await (await fetch(`${stack.baseUrl}/api/rows?from=${Date.now() - 7 * 86_400_000}&to=${Date.now()}&limit=100`)).json();
const row = rows.items.filter((r) => r.end - r.start > 3 * 3600000)[0];
for (let i = 0; i < 2; i++) {
const page = await newPage(browser, stack.baseUrl);

await page.goto(`/player.html?user=${row.userId}&computer=${row.computerId}&at=${row.start + 600000}`);
await new Promise((r) => setTimeout(r, 1500));
if (i) console.log(await page.evaluate(async () => [['frame', await window.bench.firstFrame], ...(globalThis as any).__m].map(([k, v]) => k + ' ' + v.toFixed(0)).join(', ')));
await page.close();
}
await browser.close(); await stack.stop();
