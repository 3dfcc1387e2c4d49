/**
 * `npm run screenshot`: pictures of the demo page for the README, taken from a real server on a
 * fresh demo database in headless Debian Chromium. Writes docs/screenshots/*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { readConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/start.ts';

const OUT = 'docs/screenshots';
const dataDir = mkdtempSync(join(tmpdir(), 'entraide-shots-'));
const server = await startServer({ ...readConfig({ ENTRAIDE_DEMO: '1', ENTRAIDE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }) });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Activation et forfait' }).waitFor();
  await page.screenshot({ path: `${OUT}/categories.png` });
  await page.getByRole('link', { name: 'Activation et forfait' }).click();
  await page.getByRole('link', { name: /changer de forfait/i }).first().click();
  await page.locator('entraide-post').nth(3).waitFor();
  await page.screenshot({ path: `${OUT}/thread.png`, fullPage: true });
  // The reader's dark scheme, then the demo's second brand (only --entraide-* properties differ).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${OUT}/thread-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.selectOption('#demo-brand', 'ardoise');
  await page.screenshot({ path: `${OUT}/thread-second-brand.png` });
  await page.selectOption('#demo-brand', 'volta');
  const phone = await browser.newPage({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 2 });
  await phone.goto(page.url());
  await phone.locator('entraide-post').nth(1).waitFor();
  await phone.screenshot({ path: `${OUT}/thread-mobile.png` });
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
