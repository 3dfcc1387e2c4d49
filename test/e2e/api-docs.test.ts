/**
 * The API reference page (`/api/docs`) in Chromium, on a phone and a desktop: Swagger UI loads
 * from this server under the page's own CSP (a refused script or style is a console error), lists
 * every area, and opens an operation with its roles and example. Screenshots: /tmp/shots-openapi.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { routeAreas } from '../../src/contract/index.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { CHROMIUM_ARGS } from './demo-server.ts';

const SHOTS = '/tmp/shots-openapi';
let server: TestServer;
let browser: Browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await createTestServer({ demo: true, listen: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the API reference page', { timeout: 120_000 }, () => {
  for (const width of [1280, 360]) {
    it(`shows every area and an operation's roles and example at ${width} px, with no console error`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('response', (response) => void (response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`)));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(`${server.url}/api/docs`);
      await page.locator('.opblock-tag-section').first().waitFor();
      assert.equal(await page.locator('.opblock-tag-section').count(), Object.keys(routeAreas).length);
      await page.screenshot({ path: `${SHOTS}/docs-${width}.png` });

      // One operation opened: its description names who may call it, its example is shown.
      const operation = page.locator('#operations-forum-replyToThread');
      await operation.locator('.opblock-summary-control').click();
      await operation.locator('.opblock-description-wrapper').first().waitFor();
      assert.match(await operation.innerText(), /Who may call it/);
      assert.match(await operation.innerText(), /l’activation prend/);
      await operation.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/docs-reply-${width}.png`, fullPage: false });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      if (width > 360) {
        // "Try it out" calls this server (the document's relative `servers`), allowed by the page's connect-src.
        const health = page.locator('#operations-forum-health');
        await health.locator('.opblock-summary-control').click();
        await health.getByRole('button', { name: 'Try it out' }).click();
        await health.getByRole('button', { name: 'Execute' }).click();
        await health.locator('.live-responses-table tbody .response-col_status').first().waitFor();
        assert.match(await health.locator('.live-responses-table tbody .response-col_status').first().innerText(), /200/);
        await page.screenshot({ path: `${SHOTS}/docs-try-${width}.png` });
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
