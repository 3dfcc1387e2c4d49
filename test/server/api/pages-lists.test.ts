/**
 * Server-rendered pages readable with JavaScript off, over real HTTP (issue 16): a long thread's
 * `?page=N` with its previous and next links, a category's list and the later pages its
 * "Load more" link gives (`?cursor=`), an FAQ article and the home page in both languages, and
 * hostile addresses (never a 500). Needs the elements' Node build (`dist/ssr`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { categoryPath, faqPath, threadPath } from '../../../src/core/index.ts';
import { renderMarkdown } from '../../../src/domain/markdown.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

const PUBLIC_URL = 'https://www.brand.test/aide';
const BASE = '/aide';
const SHELL = new URL('../../../demo/index.html', import.meta.url).pathname;

let server: TestServer;
let tokens: Record<string, string>;

async function api<T = { id: number }>(path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
  return response.json() as Promise<T>;
}

interface Seed {
  path: string;
  thread?: { page: number; detail: { posts: Array<{ bodyHtml: string }> } };
  threads?: { cursor?: string };
}

const page = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);

const island = (html: string) => JSON.parse(/<script type="application\/json" id="entraide-seed">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null') as Seed;

/** What the elements rendered (the head's description and the seed hold the question's excerpt too). */
const forumPart = (html: string) => html.slice(html.indexOf('<entraide-forum'), html.indexOf('</entraide-forum>'));

/** The addresses the elements wrote into the forum, those under its base (the reader's next pages). */
const forumLinks = (html: string) =>
  [...forumPart(html).matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&')).filter((href) => href === BASE || href.startsWith(`${BASE}/`));

/** Every link of an English page keeps `lang=en` (a reader without JavaScript stays in English); a French page's none. */
function assertLinksKeepLanguage(english: string, french: string): void {
  const links = forumLinks(english);
  assert.ok(links.length >= 2, `links found: ${links.join(' ')}`);
  for (const href of links) assert.match(href, /[?&]lang=en(?:$|[&#])/, href);
  assert.deepEqual(forumLinks(french).filter((href) => href.includes('lang=')), []);
}

const robots = (html: string) => /<meta name="robots" content="([^"]*)">/.exec(html)?.[1];
const canonical = (html: string) => /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1]?.replaceAll('&amp;', '&');
const alternates = (html: string) => Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">/g)].map((match): [string, string] => [match[1]!, match[2]!]));

/** The marker each reply of the long thread carries: `[p7]` is its 7th post (the question is the 1st). */
const marker = (n: number) => `[p${n}]`;

async function insertArticle(slug: string, locale: 'fr' | 'en', title: string, body: string): Promise<void> {
  await server.db.query(
    'insert into faq_articles (community_id, category_id, slug, locale, title, summary, body_md, body_html) values ($1, null, $2, $3, $4, $5, $6, $7)',
    [server.fixtures.communityId, slug, locale, title, `${title}.`, body, renderMarkdown(body)],
  );
}

describe('server-rendered pages with JavaScript off', () => {
  before(async () => {
    ({ server, tokens } = await serverWithTokens({ listen: true, pages: { publicUrl: PUBLIC_URL, shell: SHELL } }));
  });
  after(() => server?.close());

  describe('a 120-post thread, page 2', () => {
    let path: string;
    let html: string;

    before(async () => {
      const { thread } = await api<{ thread: { id: number; title: string } }>('/threads', tokens.asker!, { categoryId: server.fixtures.categories.network, title: 'Box qui redémarre sans cesse', body: `${marker(1)} Ma box redémarre toutes les dix minutes.` });
      const ids: number[] = [0, thread.id];
      for (let n = 2; n <= 120; n++) ids.push((await api(`/threads/${thread.id}/posts`, tokens.helper!, { body: `${marker(n)} Essai numéro ${n} du diagnostic.` })).id);
      await api(`/threads/${thread.id}/solution`, tokens.asker!, { postId: ids[10] });
      path = threadPath(thread.id, thread.title);
      const response = await page(`${path}?page=2`);
      assert.equal(response.status, 200);
      html = await response.text();
    });

    it('shows posts 51 to 100 and only those, with the pinned solution', () => {
      const shown = forumPart(html);
      for (let n = 51; n <= 100; n++) assert.ok(shown.includes(marker(n)), `post ${n} is on page 2`);
      for (const n of [1, 2, 9, 11, 49, 50, 101, 102, 120]) assert.ok(!shown.includes(marker(n)), `post ${n} is not on page 2`);
      assert.equal(shown.split(marker(10)).length - 1, 1, 'the accepted solution (post 10), pinned once under the title');
      assert.deepEqual(island(html).thread?.detail.posts.map((post) => /\[p(\d+)\]/.exec(post.bodyHtml)?.[1]), Array.from({ length: 50 }, (_, i) => String(51 + i)), 'the seed: the same posts');
      assert.equal(island(html).thread?.page, 2, 'the seed says which page');
    });

    it('links the previous and the next page, and is its own canonical', () => {
      assert.match(html, new RegExp(`part="previous" href="${BASE}${path}"`), 'previous page: page 1, the thread\'s own address');
      assert.ok(html.includes(`href="${BASE}${path}?page=3"`), 'next page');
      assert.equal(canonical(html), `${PUBLIC_URL}${path}?page=2`);
    });

    it('keeps ?lang=en in its links in English: previous and next pages, the category, the community', async () => {
      const english = await (await page(`${path}?page=2&lang=en`)).text();
      assert.match(english, /<html lang="en"/);
      assert.ok(english.includes(`part="previous" href="${BASE}${path}?lang=en"`), 'previous page');
      assert.ok(english.includes(`href="${BASE}${path}?page=3&amp;lang=en"`), 'next page');
      assertLinksKeepLanguage(english, html);
    });

    it('has a last page, and nothing past it', async () => {
      const last = await (await page(`${path}?page=3`)).text();
      for (const n of [101, 120]) assert.ok(forumPart(last).includes(marker(n)), `post ${n} is on page 3`);
      assert.ok(!last.includes(`?page=4`), 'no next page');
      assert.equal((await page(`${path}?page=4`)).status, 404);
    });
  });

  describe('a category\'s list', () => {
    const titles: string[] = [];
    let first: string;
    let next: string;

    before(async () => {
      const categoryId = server.fixtures.categories.network;
      for (let n = 1; n <= 25; n++) {
        const title = `Panne réseau numéro ${String(n).padStart(2, '0')}`;
        titles.push(title);
        await api('/threads', tokens.asker!, { categoryId, title, body: `${title}, depuis ce matin.` });
      }
      const response = await page(categoryPath('reseau'));
      assert.equal(response.status, 200);
      first = await response.text();
      next = /part="load-more" href="\/aide\/c\/reseau\?cursor=([\w-]+)"/.exec(first)?.[1] ?? '';
    });

    it('lists the newest threads, indexable, with a "Load more" link to the next page', () => {
      assert.ok(first.includes(titles[24]!) && first.includes(titles[5]!), 'the 20 most recent');
      assert.ok(!first.includes(titles[4]!), 'the 21st is on the next page');
      assert.equal(robots(first), undefined);
      assert.equal(canonical(first), `${PUBLIC_URL}/c/reseau`);
      assert.ok(next, 'a link to the next page, with its cursor');
      assert.equal(island(first).threads?.cursor, undefined, 'the first page\'s seed has no cursor');
    });

    it('renders the page the link gives: followed, not indexed, its own canonical', async () => {
      const response = await page(`${categoryPath('reseau')}?cursor=${next}`);
      assert.equal(response.status, 200);
      const html = await response.text();
      for (const title of titles.slice(0, 5)) assert.ok(html.includes(title), title);
      assert.ok(!html.includes(titles[24]!), 'not the first page again');
      assert.ok(!html.includes('Comment changer de forfait ?'), 'another category\'s thread');
      assert.equal(robots(html), 'noindex,follow');
      assert.equal(canonical(html), `${PUBLIC_URL}/c/reseau?cursor=${next}`);
      const seed = island(html);
      assert.equal(seed.threads?.cursor, next, 'the seed matches only the same page');
      assert.equal(seed.path, `/c/reseau?cursor=${next}`);
    });

    it('keeps ?lang=en in its links in English: thread titles, "Load more", the new question', async () => {
      const english = await (await page(`${categoryPath('reseau')}?lang=en`)).text();
      const more = /part="load-more" href="\/aide\/c\/reseau\?cursor=([\w-]+)&amp;lang=en"/.exec(english)?.[1];
      assert.equal(more, next, '"Load more", in English');
      assertLinksKeepLanguage(english, first);
      const later = await (await page(`${categoryPath('reseau')}?cursor=${next}&lang=en`)).text();
      assert.match(later, /<html lang="en"/, 'the page "Load more" gives is in English');
      assertLinksKeepLanguage(later, first);
    });

    it('says "not found" for a cursor it never gave out, and for an unknown category', async () => {
      const pastTheEnd = Buffer.from(JSON.stringify(['activity', '1970-01-01T00:00:00.000Z', 1])).toString('base64url');
      const otherSort = Buffer.from(JSON.stringify(['newest', '2030-01-01T00:00:00.000Z', 1])).toString('base64url');
      for (const cursor of ['abc', pastTheEnd, otherSort, '%00', 'a'.repeat(300), `${next}&cursor=${next}`, '']) {
        const response = await page(`${categoryPath('reseau')}?cursor=${cursor}`);
        assert.equal(response.status, 404, `cursor ${cursor.slice(0, 40)}: ${response.status}`);
        assert.equal(robots(await response.text()), 'noindex');
      }
      const unknown = await page(categoryPath('nulle-part'));
      assert.equal(unknown.status, 404);
      assert.equal(robots(await unknown.text()), 'noindex');
    });
  });

  describe('FAQ articles and the home page', () => {
    before(async () => {
      await insertArticle('activer-ma-sim', 'fr', 'Activer ma carte SIM', 'Insérez la carte, puis **redémarrez**.');
      await insertArticle('activer-ma-sim', 'en', 'Activating my SIM card', 'Insert the card, then **restart**.');
      await insertArticle('roaming-fr', 'fr', 'Le roaming en Europe', 'Inclus dans **tous** les forfaits.');
    });

    it('renders an article with its Article JSON-LD and hreflang when both languages exist', async () => {
      const response = await page(faqPath('activer-ma-sim'));
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.ok(html.includes('puis <strong>redémarrez</strong>'), 'the body, with no script');
      const article = jsonLd(html).find((block) => block['@type'] === 'Article');
      assert.equal(article?.headline, 'Activer ma carte SIM');
      assert.deepEqual(alternates(html), { fr: `${PUBLIC_URL}/faq/activer-ma-sim`, en: `${PUBLIC_URL}/faq/activer-ma-sim?lang=en`, 'x-default': `${PUBLIC_URL}/faq/activer-ma-sim` });
      const english = await (await page(`${faqPath('activer-ma-sim')}?lang=en`)).text();
      assert.ok(english.includes('then <strong>restart</strong>'));
      assert.equal(jsonLd(english).find((block) => block['@type'] === 'Article')?.headline, 'Activating my SIM card');
      assert.match(english, /<html lang="en"/);
      assertLinksKeepLanguage(english, html);
    });

    it('gives no hreflang to an article in one language, and 404 to an unknown slug', async () => {
      const html = await (await page(faqPath('roaming-fr'))).text();
      assert.deepEqual(alternates(html), {});
      const unknown = await page(faqPath('nulle-part'));
      assert.equal(unknown.status, 404);
      assert.equal(robots(await unknown.text()), 'noindex');
    });

    it('renders the home page in English with hreflang', async () => {
      const response = await page('/?lang=en');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-language'), 'en');
      const html = await response.text();
      assert.match(html, /<html lang="en"/);
      assert.ok(html.includes('Network') && html.includes('Billing'), 'the categories\' English names');
      assert.ok(!html.includes('Réseau'), 'not their French names');
      assert.deepEqual(alternates(html), { fr: `${PUBLIC_URL}/`, en: `${PUBLIC_URL}/?lang=en`, 'x-default': `${PUBLIC_URL}/` });
      assert.equal(canonical(html), `${PUBLIC_URL}/?lang=en`);
      assertLinksKeepLanguage(html, await (await page('/')).text());
    });
  });

  it('answers hostile addresses with 301, 400 or 404, never a 500', async () => {
    const { threadId } = server.fixtures;
    const hostile = [
      `/t/${threadId}?page=abc`, `/t/${threadId}?page=99999999999999999999`, `/t/${threadId}?page=1e400`, `/t/${threadId}?page=2.5`,
      `/t/${threadId}?page=%00`, `/t/${threadId}%00`, `/t/%01%02`, `/t/${'9'.repeat(40)}`, `/t/${threadId}-${'a'.repeat(5000)}`,
      '/c/%00', `/c/${'a'.repeat(5000)}`, '/c/reseau?cursor=%0A%0D', '/c/..%2F..%2Fetc%2Fpasswd', '/c/%E0%A4%A',
      '/faq/%00', `/faq/${'x'.repeat(5000)}`, '/faq/%E0%A4%A', '/?lang=%00', '/?lang=xx', `/?lang=${'e'.repeat(5000)}`,
      '/members/abc', '/members/0', `/members/${'9'.repeat(40)}`, '/inbox/-1', '/categories/1e3/new',
    ];
    for (const path of hostile) {
      const response = await page(path);
      assert.ok([200, 301, 400, 404].includes(response.status), `${path.slice(0, 60)}: ${response.status}`);
      if (response.status === 200) assert.ok(path.startsWith('/?lang='), `${path.slice(0, 60)} opened a page`);
      await response.arrayBuffer();
    }
  });
});
