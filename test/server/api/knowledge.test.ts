import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderMarkdown } from '../../../src/domain/markdown.ts';
import { planFaqArticles, seedFaq } from '../../../src/domain/seed/faq.ts';
import { COMMERCIAL_TOPICS } from '../../../src/domain/seed/topics-commercial.ts';
import { TECHNICAL_TOPICS } from '../../../src/domain/seed/topics-technical.ts';
import { createEntraideClient, EntraideError } from '../../../src/sdk/index.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<'asker' | 'helper' | 'advisor' | 'moderator', string>;
const ids = { solvedThread: 0, bodyOnlyThread: 0, titleThread: 0, enThread: 0, hiddenThread: 0, scriptThread: 0 };

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

/** A thread with its question post and optional replies, straight in the database. */
async function thread(categoryId: number, authorId: number, title: string, posts: string[], options: { locale?: 'fr' | 'en'; status?: string } = {}): Promise<number> {
  const [row] = await server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, locale, status) values ($1, $2, $3, $4, $5) returning id`,
    [categoryId, authorId, title, options.locale ?? 'fr', options.status ?? 'open'],
  );
  for (const [index, body] of posts.entries()) {
    await server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, $3, $4, $5)`, [
      row!.id, authorId, index === 0 ? 'question' : 'reply', body, renderMarkdown(body),
    ]);
  }
  return row!.id;
}

async function article(slug: string, locale: 'fr' | 'en', title: string, summary: string, body: string, categoryId: number | null = null): Promise<void> {
  await server.db.query(
    `insert into faq_articles (community_id, category_id, slug, locale, title, summary, body_md, body_html) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [server.fixtures.communityId, categoryId, slug, locale, title, summary, body, renderMarkdown(body)],
  );
}

before(async () => {
  server = await createTestServer({ listen: true });
  const { members, categories } = server.fixtures;
  tokens = {
    asker: await server.tokenFor(members.asker),
    helper: await server.tokenFor(members.helper),
    advisor: await server.tokenFor(members.advisor),
    moderator: await server.tokenFor(members.moderator),
  };
  ids.solvedThread = await thread(categories.network, members.helper.id, 'Antenne en panne à Lyon', ['Plus de réseau depuis hier soir à Lyon.', 'Une antenne est en maintenance.'], { status: 'solved' });
  ids.bodyOnlyThread = await thread(categories.network, members.other.id, 'Question sur ma ligne', ['Je voudrais savoir comment résilier mon abonnement.']);
  ids.titleThread = await thread(categories.billing, members.helper.id, 'Résilier mon abonnement', ['Comment faire ?']);
  ids.enThread = await thread(categories.billing, members.other.id, 'Roaming charges abroad', ['I was charged for calls while travelling in Spain.'], { locale: 'en' });
  ids.hiddenThread = await thread(categories.network, members.other.id, 'Autre sujet', ['Rien à voir.', 'Message masqué parlant de girafes']);
  await server.db.query(`update posts set hidden = true where body_md like '%girafes%'`);
  ids.scriptThread = await thread(categories.network, members.other.id, 'Balise <script> dans un titre', ['Attention <script>alert(1)</script> zèbre']);
  await article('reseau', 'fr', 'Incidents réseau', 'Que faire quand le réseau est en panne', 'Consultez la carte des incidents et redémarrez le téléphone.', categories.network);
  await article('changer-de-forfait', 'fr', 'Changer de forfait', 'Passer à un autre forfait', 'Depuis votre espace client, rubrique **Mon forfait**.', categories.billing);
  await article('changer-de-forfait', 'en', 'Changing plans', 'Move to another plan', 'From your account, under **My plan**.', categories.billing);
  await article('piege', 'fr', 'Article piégé', 'Résumé', 'Texte <script>alert(2)</script> okapi', null);
});
after(() => server.close());

describe('forum search', { timeout: 600_000 }, () => {
  it('ranks a title match above a body match', async () => {
    const response = await server.app.inject({ url: '/api/search?q=résilier abonnement' });
    assert.equal(response.statusCode, 200);
    const threadIds = response.json().items.map((hit: { thread: { id: number } }) => hit.thread.id);
    assert.deepEqual(threadIds.slice(0, 2), [ids.titleThread, ids.bodyOnlyThread]);
  });

  it('finds the singular with the plural in French, and stems English', async () => {
    const fr = (await server.app.inject({ url: '/api/search?q=antennes' })).json();
    const en = (await server.app.inject({ url: '/api/search?q=charge travel' })).json();
    assert.deepEqual(fr.items.map((hit: { thread: { id: number } }) => hit.thread.id), [ids.solvedThread]);
    assert.deepEqual(en.items.map((hit: { thread: { id: number } }) => hit.thread.id), [ids.enThread]);
  });

  it('points at the matching post and highlights it', async () => {
    const [hit] = (await server.app.inject({ url: '/api/search?q=maintenance' })).json().items;
    const [post] = await server.db.query<{ id: number }>(`select id from posts where body_md like '%maintenance%'`);
    assert.equal(hit.postId, post!.id);
    assert.match(hit.snippetHtml, /<mark>maintenance<\/mark>/);
  });

  it('filters by category, solved and author', async () => {
    const { categories, members } = server.fixtures;
    const hitIds = async (query: string): Promise<number[]> => {
      const page = (await server.app.inject({ url: `/api/search?q=abonnement&${query}` })).json<{ items: { thread: { id: number } }[] }>();
      return page.items.map((hit) => hit.thread.id);
    };
    assert.deepEqual(await hitIds(`categoryId=${categories.billing}`), [ids.titleThread]);
    assert.deepEqual(await hitIds(`authorId=${members.other.id}`), [ids.bodyOnlyThread]);
    assert.deepEqual(await hitIds('solved=true'), []);
    assert.deepEqual((await server.app.inject({ url: '/api/search?q=lyon&solved=true' })).json().items.length, 1);
  });

  it('never shows hidden posts', async () => {
    const response = await server.app.inject({ url: '/api/search?q=girafes' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().items, []);
  });

  it('escapes markup in titles and snippets', async () => {
    const [hit] = (await server.app.inject({ url: '/api/search?q=zèbre' })).json().items;
    assert.equal(hit.thread.id, ids.scriptThread);
    assert.doesNotMatch(hit.snippetHtml + hit.titleHtml, /<script/);
    assert.match(hit.snippetHtml, /&lt;script&gt;/);
    assert.match(hit.snippetHtml, /<mark>zèbre<\/mark>/);
    assert.equal(hit.titleHtml, 'Balise &lt;script&gt; dans un titre');
  });

  it('pages with a cursor', async () => {
    const first = (await server.app.inject({ url: '/api/search?q=abonnement&limit=1' })).json();
    const second = (await server.app.inject({ url: `/api/search?q=abonnement&limit=1&cursor=${first.nextCursor}` })).json();
    assert.equal(second.items.length, 1);
    assert.notEqual(second.items[0].thread.id, first.items[0].thread.id);
    assert.equal(second.nextCursor, null);
  });

  it('refuses bad input with 400', async () => {
    for (const url of ['/api/search', '/api/search?q=', '/api/search?q=%21%21', '/api/search?q=a&cursor=nope', '/api/search?q=ab&limit=500', '/api/search?q=ab&solved=maybe']) {
      const response = await server.app.inject({ url });
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.json().error.code, 'validation_failed');
    }
  });
});

describe('FAQ', { timeout: 600_000 }, () => {
  it('searches articles in the asked locale, ranked, highlighted', async () => {
    const fr = (await server.app.inject({ url: '/api/faq?q=forfaits&locale=fr' })).json();
    const en = (await server.app.inject({ url: '/api/faq?q=plans&locale=en' })).json();
    assert.deepEqual(fr.items.map((hit: { slug: string }) => hit.slug), ['changer-de-forfait']);
    assert.match(fr.items[0].titleHtml, /<mark>forfait<\/mark>/i);
    assert.deepEqual(en.items.map((hit: { locale: string }) => hit.locale), ['en']);
  });

  it('lists articles by title without a query, filtered by category', async () => {
    const response = await server.app.inject({ url: `/api/faq?categoryId=${server.fixtures.categories.network}` });
    assert.deepEqual(response.json().items.map((hit: { slug: string }) => hit.slug), ['reseau']);
  });

  it('escapes markup in article snippets', async () => {
    const [hit] = (await server.app.inject({ url: '/api/faq?q=okapi' })).json().items;
    assert.doesNotMatch(hit.snippetHtml, /<script/);
    assert.match(hit.snippetHtml, /&lt;script&gt;/);
  });

  it('gives an article by slug in the asked locale, 404 for an unknown slug', async () => {
    const en = await server.app.inject({ url: '/api/faq/changer-de-forfait?locale=en' });
    const missing = await server.app.inject({ url: '/api/faq/nothing-here' });
    assert.equal(en.statusCode, 200);
    assert.equal(en.json().title, 'Changing plans');
    assert.match(en.json().bodyHtml, /<strong>My plan<\/strong>/);
    assert.equal(missing.statusCode, 404);
  });

  it('suggests a solved thread and an article for a question being typed', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/faq/suggest', payload: { text: "J'ai plus de réseau, une antenne en panne ?" } });
    assert.equal(response.statusCode, 200);
    const { articles, threads } = response.json();
    assert.equal(articles[0].slug, 'reseau');
    assert.deepEqual(threads.map((hit: { thread: { id: number } }) => hit.thread.id), [ids.solvedThread]);
  });

  it('refuses an empty suggestion with 400', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/faq/suggest', payload: { text: '' } });
    assert.equal(response.statusCode, 400);
  });
});

describe('writing FAQ articles', { timeout: 600_000 }, () => {
  const payload = { slug: 'activer-la-5g', locale: 'fr', title: 'Activer la 5G', summary: 'Réglages', bodyMd: 'Ouvrez **Réglages** > Données.' };

  it('lets an advisor write and a moderator change an article, rendered and searchable', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/api/faq', headers: auth(tokens.advisor), payload });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().bodyHtml, '<p>Ouvrez <strong>Réglages</strong> &gt; Données.</p>\n');
    const updated = await server.app.inject({ method: 'PUT', url: `/api/faq/${created.json().id}`, headers: auth(tokens.moderator), payload: { title: 'Activer la 5G sur mon mobile' } });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.json().title, 'Activer la 5G sur mon mobile');
    const found = (await server.app.inject({ url: '/api/faq?q=mobile' })).json();
    assert.deepEqual(found.items.map((hit: { slug: string }) => hit.slug), ['activer-la-5g']);
  });

  it('refuses guests (401) and members (403), writing nothing', async () => {
    const before = await count('faq_articles');
    const guest = await server.app.inject({ method: 'POST', url: '/api/faq', payload: { ...payload, slug: 'x-guest' } });
    const member = await server.app.inject({ method: 'POST', url: '/api/faq', headers: auth(tokens.helper), payload: { ...payload, slug: 'x-member' } });
    const [{ id }] = await server.db.query<{ id: number }>(`select id from faq_articles where slug = 'reseau'`) as [{ id: number }];
    const edit = await server.app.inject({ method: 'PUT', url: `/api/faq/${id}`, headers: auth(tokens.asker), payload: { title: 'Piraté !' } });
    assert.equal(guest.statusCode, 401);
    assert.equal(member.statusCode, 403);
    assert.equal(edit.statusCode, 403);
    assert.equal(await count('faq_articles'), before);
  });

  it('answers 404 for an unknown article or category, 409 for a taken slug, 400 for bad input', async () => {
    const before = await count('faq_articles');
    const unknown = await server.app.inject({ method: 'PUT', url: '/api/faq/999999', headers: auth(tokens.advisor), payload: { title: 'Un titre' } });
    const category = await server.app.inject({ method: 'POST', url: '/api/faq', headers: auth(tokens.advisor), payload: { ...payload, slug: 'nouvelle', categoryId: 999999 } });
    const taken = await server.app.inject({ method: 'POST', url: '/api/faq', headers: auth(tokens.advisor), payload: { ...payload, slug: 'reseau' } });
    const badSlug = await server.app.inject({ method: 'POST', url: '/api/faq', headers: auth(tokens.advisor), payload: { ...payload, slug: 'Pas Un Slug' } });
    const blank = await server.app.inject({ method: 'POST', url: '/api/faq', headers: auth(tokens.advisor), payload: { ...payload, slug: 'vide', bodyMd: '   ' } });
    const empty = await server.app.inject({ method: 'PUT', url: '/api/faq/1', headers: auth(tokens.advisor), payload: {} });
    assert.deepEqual([unknown.statusCode, category.statusCode, taken.statusCode, badSlug.statusCode, blank.statusCode, empty.statusCode], [404, 404, 409, 400, 400, 400]);
    assert.equal(await count('faq_articles'), before);
  });
});

describe('SDK: client.faq and client.search', { timeout: 600_000 }, () => {
  it('searches, suggests, reads and writes through the typed client', async () => {
    const guest = createEntraideClient({ baseUrl: `${server.url}/api` });
    const advisor = createEntraideClient({ baseUrl: `${server.url}/api`, getToken: () => tokens.advisor });
    const page = await guest.search.forum({ q: 'abonnement', limit: 1 });
    const suggestions = await guest.faq.suggest({ text: 'antenne en panne' });
    const article = await guest.faq.get('changer-de-forfait', { locale: 'en' });
    const created = await advisor.faq.create({ slug: 'sdk-article', locale: 'en', title: 'Written by the SDK', bodyMd: 'Hello **there**.' });
    const updated = await advisor.faq.update(created.id, { summary: 'Short' });
    const refused = await guest.faq.create({ slug: 'sdk-guest', locale: 'en', title: 'Written by a guest', bodyMd: 'No.' }).catch((error: unknown) => error);
    assert.equal(page.items.length, 1);
    assert.ok(page.nextCursor);
    assert.equal(suggestions.threads[0]?.thread.id, ids.solvedThread);
    assert.equal(article.title, 'Changing plans');
    assert.equal(updated.summary, 'Short');
    assert.ok(refused instanceof EntraideError);
    assert.equal(refused.status, 401);
    assert.deepEqual((await guest.faq.search({ q: 'sdk', locale: 'en' })).items.map((hit) => hit.slug), ['sdk-article']);
  });
});

describe('demo FAQ seed', { timeout: 600_000 }, () => {
  it('has an article in both languages for every FAQ link of the demo answers', () => {
    const linked = new Set(COMMERCIAL_TOPICS.concat(TECHNICAL_TOPICS).map((topic) => topic.faq));
    const planned = planFaqArticles();
    for (const locale of ['fr', 'en']) {
      assert.deepEqual(new Set(planned.filter((a) => a.locale === locale).map((a) => a.slug)), linked);
    }
    assert.ok(planned.every((a) => !/[{}]/.test(a.bodyMd + a.summary)), 'no placeholder left');
  });

  it('writes them once, keeping an article that already has the slug', async () => {
    const planned = planFaqArticles();
    const existing = await server.db.query<{ key: string }>(`select locale || '/' || slug as key from faq_articles`);
    const taken = planned.filter((a) => existing.some((row) => row.key === `${a.locale}/${a.slug}`)).length;
    const first = await seedFaq(server.db, server.fixtures.communityId);
    const again = await seedFaq(server.db, server.fixtures.communityId);
    const kept = (await server.app.inject({ url: '/api/faq/changer-de-forfait?locale=fr' })).json();
    assert.ok(taken >= 2);
    assert.equal(first, planned.length - taken);
    assert.equal(again, 0);
    assert.equal(kept.title, 'Changer de forfait');
    assert.match(kept.bodyHtml, /Mon forfait/);
  });
});
