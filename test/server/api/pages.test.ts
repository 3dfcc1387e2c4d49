/**
 * Server-rendered pages over real HTTP (issue 16): what `curl` gets is the thread with its
 * posts and its QAPage, readable with no script; addresses are canonical (301), gone threads
 * 410; nothing private is ever rendered, and a member gets the guest's bytes; revalidation
 * answers 304; every address of the sitemap opens. Needs the elements' Node build (`dist/ssr`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { threadPath } from '../../../src/core/index.ts';
import { createEntraideClient, type EntraideClient } from '../../../src/sdk/index.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

const PUBLIC_URL = 'https://www.brand.test/aide';
const SHELL = new URL('../../../demo/index.html', import.meta.url).pathname;

let server: TestServer;
let tokens: Record<string, string>;

/** The typed SDK as one of the fixture members. */
const as = (name: string): EntraideClient => createEntraideClient({ baseUrl: `${server.url}/api`, getToken: () => tokens[name] });

const page = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

interface QaPage {
  '@type': string;
  mainEntity: { name: string; answerCount: number; suggestedAnswer: Array<{ url: string }> };
}

function jsonLd(html: string): QaPage[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as QaPage);
}

/** The live hub hears its own events through the database a moment after the write. */
async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) if (await check()) return true;
  return false;
}

const island = (html: string) => /<script type="application\/json" id="entraide-seed">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

describe('server-rendered pages', () => {
  let threadId: number;
  let title: string;

  before(async () => {
    ({ server, tokens } = await serverWithTokens({ listen: true, pages: { publicUrl: PUBLIC_URL, shell: SHELL, sitemapPerFile: 3 } }));
    threadId = server.fixtures.threadId;
    ({ thread: { title } } = await as('asker').threads.get(threadId));
  });
  after(() => server?.close());

  it('gives curl the thread with its posts and QAPage, readable with no script', async () => {
    const reply = await as('helper').posts.reply(threadId, { body: 'Dans votre espace client, rubrique **Mon forfait**.' });
    const response = await page(threadPath(threadId, title));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.match(html, /<template shadowroot(mode)?="open"/, 'declarative shadow DOM: painted with no script');
    assert.ok(html.includes('comment <strong>changer</strong> de forfait'), 'the question');
    assert.ok(html.includes('rubrique <strong>Mon forfait</strong>'), 'the reply');
    assert.ok(html.includes(`<link rel="canonical" href="${PUBLIC_URL}${threadPath(threadId, title)}">`));
    const qa = jsonLd(html).find((block) => block['@type'] === 'QAPage')!;
    assert.equal(qa.mainEntity.name, title);
    assert.equal(qa.mainEntity.answerCount, 1);
    assert.equal(qa.mainEntity.suggestedAnswer[0]!.url, `${PUBLIC_URL}${threadPath(threadId, title)}#post-${reply.id}`);
    assert.ok(html.includes(`id="post-${reply.id}"`), 'the answer url points to a post in the page');
  });

  it('redirects to the canonical address, and says what is unknown', async () => {
    for (const wrong of [`/t/${threadId}`, `/t/${threadId}-old-title`, `/threads/${threadId}`]) {
      const response = await page(wrong);
      assert.equal(response.status, 301, wrong);
      assert.match(response.headers.get('location') ?? '', new RegExp(`/t/${threadId}(-[a-z0-9-]+)?$`), wrong);
    }
    const unknown = await page('/t/999999-nothing');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /<meta name="robots" content="noindex">/);
    for (const hostile of ['/t/abc', '/t/1?page=0', '/t/1?page=-3', '/t/1?page=1e9', '/c/%00', '/faq/..%2F..']) {
      const response = await page(hostile);
      assert.ok([301, 404].includes(response.status), `${hostile}: ${response.status}`);
    }
  });

  it('never renders hidden posts or private messages, and gives a member the guest\'s bytes', async () => {
    const hidden = await as('other').posts.reply(threadId, { body: 'Réponse que la modération va masquer.' });
    await as('moderator').posts.hide(hidden.id, { reason: 'Hors sujet' });
    await as('advisor').private.open(threadId, { message: 'Message privé au client : numéro de contrat 123.' });
    const path = threadPath(threadId, title);
    const guest = await page(path);
    const html = await guest.text();
    for (const secret of ['Réponse que la modération va masquer', 'numéro de contrat 123']) {
      assert.ok(!html.includes(secret), `${secret} in the page`);
      assert.ok(!island(html).includes(secret), `${secret} in the seed`);
    }
    const member = await page(path, { headers: { authorization: `Bearer ${tokens.moderator}` } });
    assert.equal(await member.text(), html);
    const revalidated = await page(path, { headers: { 'if-none-match': guest.headers.get('etag')! } });
    assert.equal(revalidated.status, 304);
    // The page's compressed bytes are kept with it: brotli, then gzip, each the same page.
    for (const encoding of ['br', 'gzip']) {
      const compressed = await page(path, { headers: { 'accept-encoding': encoding } });
      assert.equal(compressed.headers.get('content-encoding'), encoding);
      assert.match(compressed.headers.get('vary') ?? '', /accept-encoding/i);
      assert.equal(await compressed.text(), html, `${encoding}: the same page`);
    }
  });

  it('follows the live events: a merged thread redirects to its target, an archived one is gone', async () => {
    const create = async (subject: string) => (await as('asker').threads.create({ categoryId: server.fixtures.categories.network, title: subject, body: `${subject}, depuis ce matin.` })).thread;
    const source = await create('Pas de réseau dans le métro');
    const target = await create('Réseau coupé sur la ligne 4');
    const sourcePath = threadPath(source.id, source.title);
    assert.equal((await page(sourcePath)).status, 200, 'rendered, and cached');
    await as('moderator').threads.merge(source.id, { intoThreadId: target.id });
    const merged = await waitFor(async () => (await page(sourcePath)).status === 301);
    assert.ok(merged, 'the merge reached the cache');
    assert.equal((await page(sourcePath)).headers.get('location'), `${PUBLIC_URL}${threadPath(target.id, target.title)}`);
    const targetPath = threadPath(target.id, target.title);
    assert.equal((await page(targetPath)).status, 200);
    await as('moderator').threads.archive(target.id, {});
    assert.ok(await waitFor(async () => (await page(targetPath)).status === 410), 'the archive reached the cache');
  });

  it('says a thread whose question moderation hid is gone', async () => {
    const { thread, post } = await as('asker').threads.create({ categoryId: server.fixtures.categories.billing, title: 'Question bientôt masquée', body: 'Texte que la modération va masquer.' });
    const path = threadPath(thread.id, thread.title);
    assert.equal((await page(path)).status, 200);
    await as('moderator').posts.hide(post.id, { reason: 'Données personnelles' });
    assert.ok(await waitFor(async () => (await page(path)).status === 410), 'the hidden question reached the cache');
    assert.ok(!(await (await page(path)).text()).includes('Texte que la modération va masquer'));
  });

  it('opens every address of its sitemap, through a sitemap index past the file size', async () => {
    const robots = await page('/robots.txt');
    assert.equal(robots.status, 404, 'under a base path, robots.txt is the brand\'s');
    const index = await (await page('/sitemap.xml')).text();
    assert.match(index, /<sitemapindex/, 'more than 3 addresses: an index');
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.slice(PUBLIC_URL.length));
    let sitemap = '';
    for (const file of files) {
      const answer = await page(file);
      assert.equal(answer.status, 200, file);
      const text = await answer.text();
      if (file.includes('/threads-')) assert.ok([...text.matchAll(/<loc>/g)].length <= 3, `${file}: at most 3 threads`);
      sitemap += text;
    }
    assert.equal((await page('/sitemaps/threads-99.xml')).status, 404);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    assert.equal(new Set(locs).size, locs.length, 'each address once');
    assert.ok(locs.some((loc) => loc.includes('/t/')) && locs.some((loc) => loc.includes('/c/')), sitemap);
    for (const loc of locs) {
      assert.ok(loc.startsWith(PUBLIC_URL), loc);
      const response = await page(loc.slice(PUBLIC_URL.length));
      assert.equal(response.status, 200, loc);
      const html = await response.text();
      assert.ok(html.includes(`<link rel="canonical" href="${loc.replaceAll('&', '&amp;')}">`), `${loc}: canonical`);
    }
  });
});
