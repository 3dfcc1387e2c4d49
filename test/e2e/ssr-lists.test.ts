/**
 * A category's list on server-rendered pages, in Chromium, on the real CLI server with the demo
 * seed and ENTRAIDE_PAGES=1: with JavaScript off "Load more" is a link to the list's next page
 * (1000 and 360 px, French and English); with it, the same page hydrates with no error and
 * "Load more" loads here, the keyboard going on from the first new thread. The browser's own
 * views (search, preferences, a profile) open at their address.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, demoMembers, openWatched, startPagesServer, type DemoServer } from './demo-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-ssr-lists-'));
const shots = join(tmpdir(), 'shots-lists');
let server: DemoServer;
let browser: Browser;
/** A demo category whose list has a second page. */
let listPath = '';


async function json<T>(path: string): Promise<T> {
  return (await (await fetch(`${server.url}${path}`)).json()) as T;
}

/** The first demo category with more than one page of questions; more questions for the first category if none has. */
async function categoryWithTwoPages(): Promise<string> {
  const { categories } = await json<{ categories: Array<{ id: number; slug: string }> }>('/api/community');
  for (const category of categories) {
    const page = await json<{ nextCursor: string | null }>(`/api/threads?categoryId=${category.id}&limit=20`);
    if (page.nextCursor) return `/c/${category.slug}`;
  }
  const member = (await demoMembers(server.url)).find((candidate) => candidate.role === 'member')!;
  const { token } = await (await fetch(`${server.url}/api/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: member.id }) })).json() as { token: string };
  for (let n = 0; n < 21; n++) {
    await fetch(`${server.url}/api/threads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: categories[0]!.id, title: `Question de test ${n}`, body: `Question de test numéro ${n}.` }) });
  }
  return `/c/${categories[0]!.slug}`;
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startPagesServer(dataDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  listPath = await categoryWithTwoPages();
});

after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const open = (path: string, { javaScriptEnabled = true, width = 1000 } = {}) => openWatched(browser, `${server.url}${path}`, { javaScriptEnabled, width });

const titles = (page: Page) => page.locator('entraide-thread-list li[part="item"] a.title').allInnerTexts();

describe('a category\'s list on server-rendered pages', () => {
  it('follows "Load more" to the next page with JavaScript off, at 1000 and 360 px, in French and English', async () => {
    for (const [lang, label] of [['fr', /^Voir plus$/], ['en', /^Load more$/]] as const) {
      for (const width of [1000, 360]) {
        const { page } = await open(`${listPath}${lang === 'en' ? '?lang=en' : ''}`, { javaScriptEnabled: false, width });
        const first = await titles(page);
        assert.ok(first.length >= 20, `${lang} ${width}: the first page is painted from the HTML (${first.length})`);
        const more = page.locator('[part="load-more"]');
        assert.match(await more.innerText(), label);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${lang} ${width}: no sideways scroll (${overflow})`);
        await more.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `list-nojs-${lang}-${width}.png`) });
        await more.click();
        await page.waitForURL(lang === 'en' ? /\?cursor=[\w-]+&lang=en$/ : /\?cursor=[\w-]+$/);
        assert.equal(await page.locator('html').getAttribute('lang'), lang, `${lang} ${width}: the next page keeps the reader's language`);
        const next = await titles(page);
        assert.ok(next.length > 0, 'the next page shows its threads');
        assert.ok(!next.includes(first[0]!), 'not the first page again');
        assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex,follow');
        await page.screenshot({ path: join(shots, `list-nojs-page2-${lang}-${width}.png`) });
        await page.context().close();
      }
    }
  });

  it('hydrates, then "Load more" loads here and the keyboard goes on from the first new thread', async () => {
    const { page, problems } = await open(listPath);
    await page.waitForFunction(() => (document.querySelector('entraide-forum') as HTMLElement & { hasUpdated?: boolean } | null)?.hasUpdated === true, undefined, { timeout: 20_000 });
    const list = page.locator('entraide-thread-list');
    await list.evaluate((element: HTMLElement & { updateComplete?: Promise<unknown> }) => element.updateComplete);
    const first = await titles(page);
    const url = page.url();
    await page.locator('[part="load-more"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((count) => {
      const root = document.querySelector('entraide-forum')?.shadowRoot?.querySelector('entraide-thread-list')?.shadowRoot;
      return (root?.querySelectorAll('li[part="item"]').length ?? 0) > count;
    }, first.length, { timeout: 15_000 });
    assert.equal(page.url(), url, 'loaded here: the address stays');
    const focused = await page.evaluate(() => document.querySelector('entraide-forum')?.shadowRoot?.querySelector('entraide-thread-list')?.shadowRoot?.activeElement?.textContent ?? '');
    assert.equal(focused, (await titles(page))[first.length], 'focus on the first new thread');
    await page.screenshot({ path: join(shots, 'list-js-more.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('opens the browser\'s own views at their address', async () => {
    for (const [path, element] of [['/search?q=forfait', 'entraide-search'], ['/preferences', 'entraide-preferences'], [`/members/${(await demoMembers(server.url))[0]!.id}`, 'entraide-profile']] as const) {
      const { page, problems } = await open(path, { width: 360 });
      await page.locator(element).waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, `client-${element}.png`) });
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex', path);
      assert.deepEqual(problems.filter((problem) => !/\/api\/(session|preferences)/.test(problem)), [], path);
      await page.context().close();
    }
  });
});
