/**
 * The embed as the README writes it: a brand's page on one origin (127.0.0.1), the API on
 * another (localhost), ENTRAIDE_ALLOWED_ORIGINS naming the page. Browse, sign in, reply, see
 * another member's reply arrive live; then the server restarts with new keys (the demo's
 * secret is random per run) and the reader goes on reading as a guest, told the session ended.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrandPage, type BrandPage } from './brand-page.ts';
import { CHROMIUM_ARGS, startDemoServer } from './demo-server.ts';

const SHOTS = '/tmp/embed-shots';
const dataDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-cors-'));
let server: { child: ChildProcess; url: string } | undefined;
let brand: BrandPage & { setApi(api: string): void };
let browser: Browser;
let api: string;
let port: string;

async function startServer(): Promise<void> {
  server = await startDemoServer(dataDir, { PORT: port, ENTRAIDE_ALLOWED_ORIGINS: brand.origin });
  port = new URL(server.url).port;
  // Another host name than the page's: a cross-origin API, as on a brand's site.
  api = `http://localhost:${port}/api`;
}

async function stopServer(): Promise<void> {
  if (!server) return;
  const { child } = server;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  server = undefined;
}

before(async () => {
  assert.ok(existsSync('dist/entraide.min.js'), 'build the bundles first: npm run build:web');
  mkdirSync(SHOTS, { recursive: true });
  brand = await startBrandPage('dist');
  port = '0';
  await startServer();
  brand.setApi(api);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await stopServer();
  await brand?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Page errors and console errors (a CORS or CSP refusal shows there) fail the test. */
async function newPage(width: number): Promise<Page & { problems: string[] }> {
  const page = (await browser.newPage({ viewport: { width, height: 900 } })) as Page & { problems: string[] };
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(message.text());
  });
  return page;
}

/** The reader's token from before the restart: signed with keys the server no longer has. */
let oldKeysToken: string | undefined;

/** content-visibility: auto paints what scrolled into view on the next frames only. */
async function scrollToText(page: Page, text: string): Promise<void> {
  await page.getByText(text).scrollIntoViewIfNeeded();
  await settle(page);
}

/** A few frames for layout and paint to follow a scroll or a new viewport size. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));

/** Another member, signed in through the API from Node: their reply must reach the page live. */
async function replyAsAnotherMember(threadId: number, body: string, notNamed: string): Promise<void> {
  const { items } = (await (await fetch(`${api}/demo/members`)).json()) as { items: { id: number; role: string; pseudonym: string }[] };
  const other = items.find((m) => m.role === 'member' && m.pseudonym !== notNamed)!;
  const signIn = await fetch(`${api}/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: other.id }) });
  const { token } = (await signIn.json()) as { token: string };
  const posted = await fetch(`${api}/threads/${threadId}/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `e2e-${Date.now()}` },
    body: JSON.stringify({ body }),
  });
  assert.equal(posted.status, 201, await posted.text());
}

describe('the forum embedded on a brand page of another origin', { timeout: 300_000 }, () => {
  let reader: Page & { problems: string[] };
  let threadUrl: string;
  let pseudonym: string;
  const reply = `Réponse depuis la page de la marque ${Date.now()}`;

  it('browses the API of another origin under the brand’s own strict CSP', async () => {
    reader = await newPage(1280);
    await reader.goto(brand.origin);
    await reader.getByRole('link', { name: 'Activation et forfait' }).click();
    await reader.getByRole('link', { name: /changer de forfait/i }).first().click();
    await reader.getByRole('heading', { level: 2 }).first().waitFor();
    threadUrl = reader.url();
    assert.ok(threadUrl.startsWith(brand.origin), threadUrl);
    assert.match(threadUrl, /#\/t\/\d+(-[a-z0-9-]+)?$/);
    assert.deepEqual(reader.problems, []);
  });

  it('signs in through the brand’s sign-in and replies cross-origin', async () => {
    await reader.getByRole('button', { name: 'Se connecter' }).first().click();
    const member = reader.locator('entraide-forum [part="member"]');
    await member.waitFor();
    pseudonym = (await reader.locator('#brand-session').textContent()) ?? '';
    assert.ok(pseudonym, 'the brand page names the member');
    await reader.getByRole('textbox', { name: 'Votre réponse' }).fill(reply);
    await reader.getByRole('button', { name: 'Publier la réponse' }).click();
    await reader.locator('entraide-post', { hasText: reply }).waitFor();
    assert.deepEqual(reader.problems, []);
  });

  it('receives another member’s reply live over the cross-origin event stream', async () => {
    const threadId = Number(/\/t\/(\d+)/.exec(threadUrl)![1]);
    const live = `Réponse en direct d’un autre membre ${Date.now()}`;
    await replyAsAnotherMember(threadId, live, pseudonym);
    await reader.getByText(live).waitFor({ timeout: 5000 });
    await scrollToText(reader, live);
    await reader.screenshot({ path: join(SHOTS, 'cross-origin-desktop.png') });
    const narrow = await newPage(360);
    await narrow.goto(threadUrl);
    await narrow.getByText(live).waitFor();
    await scrollToText(narrow, live);
    await narrow.screenshot({ path: join(SHOTS, 'cross-origin-360.png') });
    assert.ok(await narrow.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    await narrow.close();
    assert.deepEqual(reader.problems, []);
  });

  it('after a restart with new keys, goes on as a guest and says the session ended', async () => {
    reader.problems.length = 0;
    oldKeysToken = (await reader.evaluate(() => sessionStorage.getItem('brand-token'))) ?? undefined;
    await stopServer();
    await startServer();
    // No reload: the event stream reconnects with the token of the old keys and is refused.
    const notice = reader.locator('entraide-forum [part="session-ended"]');
    await notice.waitFor({ timeout: 20_000 });
    assert.match((await notice.textContent()) ?? '', /Votre session a pris fin/);
    assert.equal(await reader.locator('entraide-forum [part="member"]').count(), 0, 'the header no longer names the member');
    assert.equal(await reader.locator('#brand-session').textContent(), '', 'nor does the brand’s, told by entraide-session-ended');
    await reader.locator('entraide-forum header [part="sign-in"]').waitFor();

    // Public reading goes on: another view and back, as a guest.
    await reader.getByRole('link', { name: /^Retour à/ }).click();
    await reader.getByRole('link', { name: /changer de forfait/i }).first().click();
    await reader.getByText(reply).waitFor();
    assert.equal(await reader.getByText('Le chargement a échoué').count(), 0);
    await notice.waitFor();
    await reader.screenshot({ path: join(SHOTS, 'session-ended-desktop.png') });
    // In the console only the refused token's 401s (the reads were retried as a guest) and the
    // stream's tries while the server was down.
    assert.deepEqual(reader.problems.filter((p) => !/401|ERR_CONNECTION_REFUSED/.test(p)), []);

    await reader.getByRole('button', { name: 'Se reconnecter' }).click();
    await reader.locator('entraide-forum [part="member"]').waitFor();
    assert.equal(await notice.count(), 0);
    await reader.getByRole('textbox', { name: 'Votre réponse' }).waitFor();
  });

  it('says so too when a page opens with a token of the old keys (a reload), on a 360 px screen', async () => {
    const staleToken = oldKeysToken;
    assert.ok(staleToken, 'the restart test ran first');
    const narrow = await newPage(360);
    await narrow.addInitScript((token) => sessionStorage.setItem('brand-token', token), staleToken);
    await narrow.goto(threadUrl);
    const notice = narrow.locator('entraide-forum [part="session-ended"]');
    await notice.waitFor();
    await narrow.getByText(reply).waitFor();
    assert.equal(await narrow.getByText('Le chargement a échoué').count(), 0);
    assert.equal(await narrow.locator('entraide-forum [part="member"]').count(), 0);
    assert.ok(await narrow.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    await narrow.screenshot({ path: join(SHOTS, 'session-ended-360.png') });
    await narrow.close();
  });
});
