import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startStack, type Stack, type TestPage } from './harness.js';
import { fetchSegments, getJson, installDecoder, instantOfFrame, openViewRecord, poll, rowsQuery, settledFrame } from './player-page.js';
import { startSiteGateway, type SiteGateway } from './site-gateway.js';

const FPS = 5;
const FRAME_MS = 1000 / FPS;
const MIN = 60_000;
const DAY = 86_400_000;

interface GridRow {
  userId: string;
  computerId: string;
  start: number;
  end: number;
}

interface ApiTag {
  id: string;
  at: number;
  name: string;
  notes: string;
}

const PLAYER = `document.querySelector('session-player-dialog').shadowRoot.querySelector('session-player')`;

let stack: Stack;
let gateway: SiteGateway;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  gateway = await startSiteGateway(() => stack.baseUrl);
});

after(async () => {
  await browser?.close();
  await gateway?.close();
  await stack?.stop();
});

/** A recording of two hours or more, from the grid's rows. */
async function longRecording(): Promise<GridRow> {
  const rows = await getJson<{ items: GridRow[] }>(stack.baseUrl, rowsQuery());
  const row = rows.items.find((r) => r.end - r.start >= 2 * 60 * MIN);
  assert.ok(row, 'the backend has a recording of two hours or more');
  return row;
}

function tagsUrl(row: GridRow): string {
  return `/api/streams/${row.userId}/${row.computerId}/tags?from=${row.start - DAY}&to=${row.end + DAY}`;
}

async function postTag(row: GridRow, draft: { at: number; name: string; notes?: string }): Promise<ApiTag> {
  const response = await fetch(`${stack.baseUrl}/api/streams/${row.userId}/${row.computerId}/tags`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(draft),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as ApiTag;
}

/** Opens the player at `at` and its side panel (with the Notifications button, as a user would). */
async function openPanel(page: Page, row: GridRow, at: number): Promise<void> {
  await openViewRecord(page, { userId: row.userId, computerId: row.computerId, at });
  await page.getByRole('button', { name: 'Notifications' }).click();
  await page.locator('session-side-panel').waitFor();
}

async function axeViolations(page: Page): Promise<string[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.evaluate(readFileSync(axePath, 'utf8'));
  return page.evaluate(`(async () => {
    const result = await axe.run(${PLAYER}, { resultTypes: ['violations'] });
    return result.violations.map((v) => v.id + ': ' + v.help + ' ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '));
  })()`);
}

describe('side panel in the player (real backend, real media)', () => {
  it('clicking a notification row shows the frame at its instant', async () => {
    const row = await longRecording();
    const segments = await fetchSegments(stack.baseUrl, row.userId, row.computerId, row.start - DAY, row.end + DAY);
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
    await page.goto('/');
    await installDecoder(page);
    await openPanel(page, row, row.start + 5 * MIN);
    const rows = page.locator('session-side-panel [part~="row"]');
    await rows.first().waitFor();
    // A notification inside the recording, a few rows down (not the one at the playhead).
    const count = await rows.count();
    let target: { index: number; at: number } | null = null;
    for (let i = 0; i < count && !target; i++) {
      const at = Date.parse((await rows.nth(i).locator('time').getAttribute('datetime'))!);
      if (at > row.start + 20 * MIN && at < row.end - 2 * MIN) target = { index: i, at };
    }
    assert.ok(target, 'a notification row inside the recording');
    await rows.nth(target.index).click();
    await poll(page, (a) => {
      const p = document.querySelector('session-player-dialog')!.shadowRoot!.querySelector('session-player') as HTMLElement & { currentInstant: number };
      return Math.abs(p.currentInstant - a) < 1_000;
    }, target.at);
    const frame = await settledFrame(page);
    const shown = instantOfFrame(segments, frame, target.at, FPS);
    assert.ok(shown <= target.at + 1 && target.at < shown + FRAME_MS + 1, `frame of ${new Date(shown).toISOString()} for a row at ${new Date(target.at).toISOString()}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('is keyboard-operable and axe finds no violations on any tab', async () => {
    const row = await longRecording();
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
    await page.goto('/');
    await openPanel(page, row, row.start + 5 * MIN);
    await page.locator('session-side-panel [part~="row"]').first().waitFor();
    // Focus the selected tab, then walk the tabs with the arrow keys.
    await page.getByRole('tab', { name: /Notifications/ }).focus();
    for (const name of ['Activities', 'Keystrokes', 'Tags']) {
      await page.keyboard.press('ArrowRight');
      await poll(page, `${PLAYER}.shadowRoot.querySelector('session-side-panel').tab === '${name === 'Activities' ? 'activity' : name === 'Keystrokes' ? 'keystroke' : 'tag'}'`);
      assert.deepEqual(await axeViolations(page), [], `axe on the ${name} tab`);
    }
    await page.keyboard.press('Home');
    await poll(page, `${PLAYER}.shadowRoot.querySelector('session-side-panel').tab === 'notification'`);
    assert.deepEqual(await axeViolations(page), [], 'axe on the Notifications tab');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('renders an XSS corpus from the backend as text: no dialog, no script, no request elsewhere', async () => {
    const row = await longRecording();
    const corpus = [
      '<script>window.__xss=1</script>',
      '<img src=x onerror="window.__xss=1">',
      'javascript:window.__xss=1',
      '"><svg onload=window.__xss=1>',
      '\u202Eevil.exe',
      '<a href="https://evil.example/">click</a>',
    ];
    for (const [i, name] of corpus.entries()) await postTag(row, { at: row.start + (10 + i) * MIN, name, notes: `${name} ${'x'.repeat(1500)}` });
    const page = await newPage(browser, stack.baseUrl, { viewport: { width: 1280, height: 860 } });
    const dialogs: string[] = [];
    const foreign: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(stack.baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
    });
    await page.goto('/');
    await openPanel(page, row, row.start + 5 * MIN);
    await page.getByRole('tab', { name: /Tags/ }).click();
    await poll(page, `${PLAYER}.shadowRoot.querySelector('session-side-panel').shadowRoot.querySelector('session-tags-view').shadowRoot.querySelectorAll('[part~="tag"]').length >= ${corpus.length}`);
    const shown: string = await page.evaluate(`${PLAYER}.shadowRoot.querySelector('session-side-panel').shadowRoot.querySelector('session-tags-view').shadowRoot.textContent`);
    for (const name of corpus) assert.ok(shown.includes(name), `shown literally: ${name}`);
    const injected: number = await page.evaluate(`(() => {
      const root = ${PLAYER}.shadowRoot.querySelector('session-side-panel').shadowRoot.querySelector('session-tags-view').shadowRoot;
      return root.querySelectorAll('script, img, svg[onload], a[href], [onerror]').length;
    })()`);
    assert.equal(injected, 0, 'no element made from backend text');
    assert.equal(await page.evaluate('window.__xss'), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(foreign, []);
    await page.close();
  });

  it('keeps tag changes made while the backend is down, across a reload, and syncs them exactly once', async () => {
    const row = await longRecording();
    const existing = await postTag(row, { at: row.start + 30 * MIN, name: 'Delete me while offline' });
    const before = await getJson<ApiTag[]>(stack.baseUrl, tagsUrl(row));
    const page: TestPage = await newPage(browser, gateway.baseUrl, { viewport: { width: 1280, height: 860 } });
    await page.goto('/');
    await openPanel(page, row, row.start + 40 * MIN);
    await page.getByRole('tab', { name: /Tags/ }).click();
    const tagRow = (name: string) => page.locator('session-tags-view [part~="tag"]', { hasText: name });
    await tagRow(existing.name).waitFor();

    await stack.halt();
    const add = async (name: string) => {
      await page.getByRole('button', { name: 'Add new tag' }).click();
      await page.getByLabel('Name').fill(name);
      await page.getByRole('button', { name: 'Add tag' }).click();
      await tagRow(name).waitFor();
    };
    await add('Offline kept');
    await add('Offline dropped');
    await tagRow('Offline kept').getByText(/not yet saved/i).waitFor();
    await tagRow('Offline dropped').getByRole('button', { name: /Delete tag Offline dropped/ }).click();
    await tagRow(existing.name).getByRole('button', { name: new RegExp(`Delete tag ${existing.name}`) }).click();
    await tagRow('Offline dropped').waitFor({ state: 'detached' });

    // The page reloads while the API is still down; the changes wait in IndexedDB.
    await page.reload();
    const retry = page.getByRole('button', { name: 'Retry' });
    await retry.waitFor();
    await stack.resume();
    // The auditor retries the grid and opens the same recording again.
    await retry.click();
    await openPanel(page, row, row.start + 40 * MIN);

    const expected = [...before.filter((t) => t.id !== existing.id).map((t) => t.name), 'Offline kept'].sort();
    let names: string[] = [];
    for (let i = 0; i < 200; i++) {
      names = (await getJson<ApiTag[]>(stack.baseUrl, tagsUrl(row))).map((t) => t.name).sort();
      if (JSON.stringify(names) === JSON.stringify(expected)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(names, expected, 'the backend holds exactly the intended tags, once each');
    // And stays so: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 1_500));
    assert.deepEqual((await getJson<ApiTag[]>(stack.baseUrl, tagsUrl(row))).map((t) => t.name).sort(), expected);
    await page.getByRole('tab', { name: /Tags/ }).click();
    await tagRow('Offline kept').waitFor();
    assert.equal(await tagRow('Offline kept').getByText(/not yet saved/i).count(), 0, 'saved once the backend answered');
    await page.close();
  });
});
