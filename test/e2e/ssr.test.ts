/**
 * Server-rendered pages in Chromium (issue 16), on the real CLI server with the demo seed and
 * ENTRAIDE_PAGES=1: with JavaScript off a reader reads a thread and pages through it; with it on,
 * the same page hydrates with no error and no layout shift, then lives (a reply posted elsewhere
 * appears), and signing in turns it into the member's view.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, demoMembers, openWatched, startPagesServer, type DemoServer } from './demo-server.ts';
import { readLayoutShifts } from '../helpers/layout-shifts.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-ssr-'));
let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startPagesServer(dataDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function tokenOf(role: string): Promise<string> {
  const member = (await demoMembers(server.url)).find((candidate) => candidate.role === role)!;
  const answer = await fetch(`${server.url}/api/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: member.id }) });
  return ((await answer.json()) as { token: string }).token;
}

async function post(path: string, token: string, body: unknown): Promise<unknown> {
  const answer = await fetch(`${server.url}/api${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(answer.ok, `${path}: ${answer.status}`);
  return answer.json();
}

let long: string | undefined;

/** A thread of two pages (60 posts), made once: the demo's threads are shorter. */
async function longThread(): Promise<string> {
  if (long) return long;
  const token = await tokenOf('member');
  const community = await (await fetch(`${server.url}/api/community`)).json() as { categories: Array<{ id: number }> };
  const { thread } = (await post('/threads', token, { categoryId: community.categories[0]!.id, title: 'Une longue discussion sur la fibre', body: 'La fibre coupe chaque soir vers 21 h, qui a la même chose ?' })) as { thread: { id: number } };
  for (let index = 1; index < 60; index += 1) await post(`/threads/${thread.id}/posts`, token, { body: `Message numéro ${index} : toujours coupé ce soir.` });
  long = `/t/${thread.id}-une-longue-discussion-sur-la-fibre`;
  return long;
}

const open = (path: string, { javaScriptEnabled = true, width = 1000 } = {}) =>
  openWatched(browser, `${server.url}${path}`, { javaScriptEnabled, width, layoutShift: javaScriptEnabled });

/** Every Entraide element on the page, through shadow roots, has hydrated (or rendered). */
const hydrated = (page: Page) => page.waitForFunction(() => {
  const pending: string[] = [];
  const walk = (root: Document | ShadowRoot) => root.querySelectorAll('*').forEach((element) => {
    const candidate = element as HTMLElement & { hasUpdated?: boolean };
    if (element.localName.startsWith('entraide-') && customElements.get(element.localName) && !candidate.hasUpdated) pending.push(element.localName);
    if (element.shadowRoot) walk(element.shadowRoot);
  });
  walk(document);
  return pending.length === 0;
}, undefined, { timeout: 20_000 });

describe('server-rendered pages in Chromium', () => {
  it('reads a thread and its next page with JavaScript off', async () => {
    const path = await longThread();
    for (const width of [1000, 360]) {
      const { page } = await open(path, { javaScriptEnabled: false, width });
      const posts = page.locator('entraide-post article');
      assert.ok((await posts.count()) > 10, 'the posts are painted from the HTML');
      await page.screenshot({ path: join(tmpdir(), `entraide-ssr-nojs-${width}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scroll at ${width} px (${overflow})`);
      if (width === 1000) {
        const firstText = await posts.nth(1).innerText();
        await page.locator('[part="more"] a').click();
        await page.waitForURL(/\?page=2$/);
        assert.ok((await page.locator('entraide-post article').count()) > 1, 'page 2 shows its posts');
        assert.notEqual(await page.locator('entraide-post article').nth(1).innerText(), firstText);
        assert.equal(await page.locator('[part="previous"]').count(), 1, 'a link back to page 1');
      }
      await page.context().close();
    }
  });

  it('hydrates with no error and no layout shift, then lives, and sign-in gives the member\'s view', async () => {
    const path = await longThread();
    const { page, problems } = await open(path);
    await hydrated(page);
    const threadId = Number(/\/t\/(\d+)/.exec(path)![1]);
    const token = await tokenOf('member');
    const body = `Réponse en direct ${Date.now()}`;
    // The live reply lands at the end: load the rest of the thread first (pages also load by themselves as the end nears).
    for (let tries = 0; tries < 20 && (await page.locator('[part="more"] a').count()); tries += 1) {
      await page.locator('[part="more"] a[aria-disabled="false"]').click({ timeout: 5000 }).catch(() => undefined);
      await page.waitForTimeout(500);
    }
    assert.equal(await page.locator('[part="more"] a').count(), 0, 'the whole thread is shown');
    await post(`/threads/${threadId}/posts`, token, { body });
    await page.locator('entraide-post article', { hasText: body }).waitFor({ timeout: 15_000 });
    const { cls, lines } = await readLayoutShifts(page);
    assert.ok(cls <= 0.02, `CLS ${cls}:\n${lines.join('\n')}`);
    assert.deepEqual(problems, []);

    await page.getByRole('button', { name: 'Se connecter' }).first().click();
    await page.locator('#demo-members button', { hasNotText: /Conseiller|Modérateur|Administration/ }).first().click();
    await page.locator('entraide-composer').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('answers every address of the demo community\'s sitemap with its page and canonical link', async () => {
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    assert.ok(locs.length > 20, `${locs.length} addresses`);
    for (const loc of locs) {
      const response = await fetch(loc, { redirect: 'manual' });
      assert.equal(response.status, 200, loc);
      const html = await response.text();
      assert.ok(html.includes(`<link rel="canonical" href="${loc.replaceAll('&', '&amp;')}">`), `${loc}: canonical`);
      if (loc.includes('/t/')) assert.ok(html.includes('"@type":"QAPage"'), `${loc}: QAPage`);
    }
  });

  it('opens the home page, a category and an FAQ article, hydrated with no error', async () => {
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!.replaceAll('&amp;', '&')));
    const pick = [locs.find((url) => url.pathname === '/')!, locs.find((url) => url.pathname.startsWith('/c/'))!, locs.find((url) => url.pathname.startsWith('/faq/'))!];
    for (const url of pick) {
      const { page, problems } = await open(url.pathname + url.search);
      await hydrated(page);
      await page.screenshot({ path: join(tmpdir(), `entraide-ssr-${url.pathname.split('/')[1] || 'home'}.png`) });
      assert.deepEqual(problems, [], url.href);
      await page.context().close();
    }
  });
});
