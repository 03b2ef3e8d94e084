// Temporary smoke test: the production server serves the built demo and it has a title.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertDemoBuilt, launchBrowser, newPage, startStack, type Stack } from './harness.js';

let stack: Stack | undefined;
let browser: Browser | undefined;

before(async () => {
  assertDemoBuilt();
  stack = await startStack();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test('demo index is served and has a title', async () => {
  const page = await newPage(browser!, stack!.baseUrl);
  try {
    const res = await page.goto('/');
    assert.ok(res, 'no response for /');
    assert.equal(res.status(), 200);
    const title = await page.title();
    assert.ok(title.trim().length > 0, 'document.title is empty');
  } finally {
    await page.close();
  }
});
