/**
 * The CDN file alone (issue 18): a page that loads only `dist/entraide.min.js` and holds a lone
 * `<entraide-search>`, then inserts `<entraide-incident-banner>` and `<entraide-composer>` (one
 * of them inside a brand element's open shadow root), gets each element registered and rendered
 * by the autoloader, talking to the real server on the page's origin (`/api`, the default).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, startDemoServer, type DemoServer } from './demo-server.ts';

const SHOTS = '/tmp/shots-fe';
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Help</title>
<script type="module" src="/entraide.min.js"></script><script type="module" src="/later.js"></script></head>
<body><main><h1>Help</h1><entraide-search></entraide-search><div id="later"></div></main></body>
</html>`;
/** Tags that enter the page after the CDN file ran, the way a brand's own script adds them. */
const LATER = `
setTimeout(() => {
  document.getElementById('later').append(document.createElement('entraide-incident-banner'));
  // A brand's widget with an open shadow root enters the page; our element enters its shadow root later.
  const host = document.createElement('div');
  host.id = 'brand-host';
  const widget = document.createElement('p');
  widget.textContent = 'Brand widget';
  host.attachShadow({ mode: 'open' }).append(widget);
  document.querySelector('main').append(host);
  setTimeout(() => host.shadowRoot.append(document.createElement('entraide-composer')), 200);
}, 300);
`;

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-cdn-'));
const staticDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-cdn-static-'));
let server: DemoServer;
let browser: Browser;

before(async () => {
  // The CDN folder as a brand would host it: the entry and its chunks, and the brand's page.
  for (const file of readdirSync('dist').filter((name) => /^entraide(-.+)?\.min\.js$/.test(name))) cpSync(join('dist', file), join(staticDir, file));
  writeFileSync(join(staticDir, 'index.html'), PAGE);
  writeFileSync(join(staticDir, 'later.js'), LATER);
  server = await startDemoServer(dataDir, { ENTRAIDE_STATIC_DIR: staticDir });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

describe('the CDN file alone', { timeout: 120_000 }, () => {
  it('registers and renders lone elements, in the page and inserted later', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}/index.html`);
    const defined = (tag: string) => page.waitForFunction((name) => Boolean(customElements.get(name)), tag, { timeout: 20_000 });
    for (const tag of ['entraide-search', 'entraide-incident-banner', 'entraide-composer']) await defined(tag);
    // The lone search talks to the server: a query finds the demo community's threads.
    await page.locator('entraide-search input[type=search]').fill('facture');
    await page.locator('entraide-search').press('Enter');
    await page.locator('entraide-search [part=threads] li').first().waitFor({ timeout: 20_000 });
    // The composer inserted in the brand's shadow root renders its form.
    await page.locator('#brand-host entraide-composer textarea').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}/cdn-lone-elements-360.png`, fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('leaves a tag no element has alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.evaluate(() => document.body.append(document.createElement('entraide-no-such-element')));
    await page.waitForFunction(() => Boolean(customElements.get('entraide-search')));
    assert.equal(await page.evaluate(() => Boolean(customElements.get('entraide-no-such-element'))), false);
  });
});
