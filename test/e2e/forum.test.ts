/**
 * The product as a visitor meets it: the real CLI with the demo seed on a fresh embedded
 * database, the built demo page, two Chromium pages. Browse, sign in, reply, see it live on
 * the other page, reload, restart the server: the reply is still there.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, startDemoServer } from './demo-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-'));
let server: { child: ChildProcess; url: string } | undefined;
let browser: Browser;


const startServer = () => startDemoServer(dataDir);

async function stopServer(): Promise<void> {
  if (!server) return;
  const { child } = server;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  server = undefined;
}

before(async () => {
  assert.ok(existsSync('dist/demo/index.html'), 'build the demo page first: npm run build:web');
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

const problemsOf = (page: Page) => (page as Page & { problems: string[] }).problems;

describe('the demo brand page', { timeout: 300_000 }, () => {
  let reader: Page;
  let writer: Page;
  let threadUrl: string;
  const reply = `Merci, ça marche ! ${Date.now()}`;

  it('lets a visitor browse categories, a category and a thread with full post headers', async () => {
    reader = await newPage();
    await reader.goto(server!.url);
    await reader.getByRole('link', { name: 'Activation et forfait' }).click();
    const example = reader.getByRole('link', { name: /changer de forfait/i }).first();
    await example.click();
    await reader.getByRole('heading', { level: 2 }).first().waitFor();
    threadUrl = reader.url();
    assert.match(threadUrl, /#\/t\/\d+(-[a-z0-9-]+)?$/);
    const headers = reader.locator('entraide-post [part~="header"]');
    // count() does not wait: the posts render after the heading, so wait for the third first.
    await headers.nth(2).waitFor();
    await headers.first().getByText(/Membre depuis \S+ \d{4}/).waitFor();
    await headers.first().getByText(/^\d[\d\u202f\u00a0 ]* messages?$/).waitFor();
    // The advisor confirmation shows an advisor badge.
    await reader.locator('entraide-post [part~="header"]', { hasText: 'Conseiller' }).first().waitFor();
  });

  it('signs a member in through the demo picker and posts a reply that a second page sees live', async () => {
    writer = await newPage();
    await writer.goto(threadUrl);
    await writer.getByRole('button', { name: 'Se connecter' }).first().click();
    const picker = writer.locator('#demo-members button').first();
    await picker.waitFor();
    await writer.locator('#demo-members button', { hasNotText: /Conseiller|Modérateur|Administration/ }).first().click();
    const textbox = writer.getByRole('textbox', { name: 'Votre réponse' });
    await textbox.fill(reply);

    await writer.getByRole('button', { name: 'Publier la réponse' }).click();
    await reader.getByText(reply).waitFor({ timeout: 10_000 });
    // The reader may see the reply live before the writer's answer arrives: give that answer time.
    const deadline = Date.now() + 10_000;
    while ((await textbox.inputValue()) !== '' && Date.now() < deadline) await writer.waitForTimeout(100);
    assert.equal(await textbox.inputValue(), '', 'the composer is emptied after a successful send');
  });

  it('keeps the reply and the session across a reload', async () => {
    await writer.reload();
    await writer.getByText(reply).waitFor();
    await writer.getByRole('textbox', { name: 'Votre réponse' }).waitFor();
  });

  it('shows hostile markdown as harmless text or a dead link', async () => {
    const payloads = ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))'];
    for (const body of payloads) {
      await writer.getByRole('textbox', { name: 'Votre réponse' }).fill(body);
      await writer.getByRole('button', { name: 'Publier la réponse' }).click();
      await reader.getByText(body).waitFor();
    }
    const injected = await reader.evaluate(() => {
      const found: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        root.querySelectorAll('*').forEach((element) => {
          if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') found.push('img');
          if (element.tagName === 'A' && /^javascript:/i.test(element.getAttribute('href') ?? '')) found.push('javascript link');
          if (element.shadowRoot) visit(element.shadowRoot);
        });
      };
      visit(document);
      return found;
    });
    assert.deepEqual(injected, []);
    assert.deepEqual(problemsOf(reader), []);
    assert.deepEqual(problemsOf(writer), []);
  });

  it('lets a signed-in member ask a new question', async () => {
    await writer.goto(server!.url);
    await writer.getByRole('link', { name: 'Réseau et couverture' }).click();
    await writer.getByRole('link', { name: 'Nouvelle question' }).click();
    await writer.getByRole('textbox', { name: 'Titre' }).fill('Plus de 4G à Rennes depuis ce matin');
    await writer.getByRole('textbox', { name: 'Votre question' }).fill('Barres pleines mais aucune donnée. Et vous ?');
    await writer.getByRole('button', { name: 'Publier la question' }).click();
    await writer.getByRole('heading', { name: 'Plus de 4G à Rennes depuis ce matin' }).waitFor();
    assert.match(writer.url(), /#\/t\/\d+(-[a-z0-9-]+)?$/);
  });

  it('still has everything after a server restart', async () => {
    await stopServer();
    server = await startServer();
    const page = await newPage();
    await page.goto(`${server.url}/${new URL(threadUrl).hash}`);
    await page.getByText(reply).waitFor();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Réseau et couverture' }).click();
    await page.getByText('Plus de 4G à Rennes depuis ce matin').waitFor();
  });
});
