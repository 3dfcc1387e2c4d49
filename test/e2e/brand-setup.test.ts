/**
 * A brand sets up its own community from the README alone: an empty server (no demo) on its
 * own data directory, a first admin's token from `entraide-server token`, the community's name,
 * categories and ranks made in the admin view of the forum embedded on the brand's page, then a member signed
 * in by the brand's back end asks in one of those categories; the forum's script travels
 * compressed.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrandPage, type BrandPage } from './brand-page.ts';
import { CHROMIUM_ARGS } from './demo-server.ts';

const SHOTS = '/tmp/brand-setup-shots';
const SECRET = 'brand-setup-secret-of-at-least-32-characters';
const dataDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-setup-'));
let server: ChildProcess;
let api: string;
let origin: string;
let brand: BrandPage & { setApi(api: string): void };
let browser: Browser;

const run = promisify(execFile);
const env = () => ({ ...process.env, ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_JWT_SECRET: SECRET, ENTRAIDE_DEMO: '' });

async function serve(): Promise<void> {
  server = spawn(process.execPath, ['src/server/cli.ts', 'serve'], {
    env: { ...env(), PORT: '0', HOST: '127.0.0.1', ENTRAIDE_STATIC_DIR: 'dist/demo', ENTRAIDE_ALLOWED_ORIGINS: brand.origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const url = /Ready in .*? on (http:\/\/[^\s",]+)/.exec(output)?.[1];
    if (url) {
      origin = url.replace('127.0.0.1', 'localhost');
      api = `${origin}/api`;
      return;
    }
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready: ${output}`);
}

/** What the brand's back end does for each signed-in customer: a short-lived token with the shared secret. */
const brandToken = (sub: string, name: string) =>
  new SignJWT({ name, role: 'member' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode(SECRET));

async function openAs(token: string, hash: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.addInitScript((value) => sessionStorage.setItem('brand-token', value), token);
  await page.goto(`${brand.origin}/${hash}`);
  return page;
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  brand = await startBrandPage('dist');
  await serve();
  brand.setApi(api);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await brand?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a brand sets up its community without the demo', { timeout: 600_000 }, () => {
  it('starts empty, ready, and serves the forum’s script compressed', async () => {
    assert.equal((await fetch(`${api}/ready`)).status, 200);
    const community = (await (await fetch(`${api}/community`)).json()) as { categories: unknown[]; demo: boolean };
    assert.deepEqual([community.categories, community.demo], [[], false]);
    const script = await fetch(`${origin}/entraide.min.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(script.headers.get('content-encoding'), 'br');
  });

  it('lets the first admin, with a token from the command line, create categories and rename the first rank in the admin view', async () => {
    const { stdout } = await run(process.execPath, ['src/server/cli.ts', 'token', '--sub', 'brand-admin-1', '--name', 'Camille', '--role', 'admin'], { env: env() });
    const token = stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const page = await openAs(token, '#/admin');
    await page.locator('[part="admin-link"]').waitFor();
    await page.locator('entraide-admin-community input[name="name"]').fill('Ardoise Entraide');
    await page.locator('entraide-admin-community [part="save"]').click();
    await page.locator('entraide-admin-community [part="status"]', { hasText: 'Enregistré' }).waitFor();
    await page.getByRole('tab', { name: 'Rubriques' }).click();
    for (const [fr, en] of [['Facturation', 'Billing'], ['Réseau et couverture', 'Network and coverage']] as const) {
      const form = page.locator('entraide-admin-categories form[data-key="new"]');
      await form.locator('input[name="name-fr"]').fill(fr);
      await form.locator('input[name="name-en"]').fill(en);
      await form.locator('button[name="submit"]').click();
      await page.locator('entraide-admin-categories [part="category"] .name', { hasText: fr }).waitFor();
    }
    await page.screenshot({ path: `${SHOTS}/admin-categories.png`, fullPage: true });

    await page.getByRole('tab', { name: 'Statuts' }).click();
    const first = page.locator('entraide-admin-ranks tr[data-level="1"] input[name="name-fr"]');
    await first.fill('Nouveau client');
    await page.locator('entraide-admin-ranks [part="save"]').click();
    await page.locator('entraide-admin-ranks [part="status"]', { hasText: /enregistr/i }).waitFor();
    await page.screenshot({ path: `${SHOTS}/admin-ranks.png`, fullPage: true });
    await page.close();

    const community = (await (await fetch(`${api}/community?locale=en`)).json()) as { categories: Array<{ name: string }> };
    assert.deepEqual(community.categories.map((category) => category.name), ['Billing', 'Network and coverage']);
  });

  it('shows a customer, signed in by the brand, those categories and the new rank name; the question lands in the chosen category', async () => {
    const page = await openAs(await brandToken('customer-42', 'Theo'), '', 360);
    await page.locator('[part="community-name"]', { hasText: 'Ardoise Entraide' }).waitFor();
    await page.locator('entraide-category-list a', { hasText: 'Facturation' }).click();
    await page.locator('a[part="new-thread"], [part="new-thread"]').first().click();
    await page.locator('entraide-composer input[name="title"]').fill('Facture en double ce mois-ci');
    await page.locator('entraide-composer textarea[name="body"]').fill('Bonjour, on m’a prélevé deux fois. Que faire ?');
    await page.locator('entraide-composer button[type="submit"]').click();
    await page.locator('entraide-thread h2', { hasText: 'Facture en double' }).waitFor();
    await page.locator('entraide-post [part~="header"]', { hasText: 'Nouveau client' }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/customer-360.png`, fullPage: true });
    await page.close();
  });
});
