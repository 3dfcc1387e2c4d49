import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderMarkdown } from '../../../src/domain/markdown.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<'admin' | 'advisor' | 'asker', string>;
const ids = { metro: 0, plan: 0 };

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const threadIds = (body: { items: Array<{ thread: { id: number } }> }) => body.items.map((hit) => hit.thread.id);

async function thread(categoryId: number, authorId: number, title: string, body: string): Promise<number> {
  const [row] = await server.db.query<{ id: number }>(`insert into threads (category_id, author_id, title) values ($1, $2, $3) returning id`, [categoryId, authorId, title]);
  await server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'question', $3, $4)`, [row!.id, authorId, body, renderMarkdown(body)]);
  return row!.id;
}

async function article(slug: string, title: string, body: string): Promise<void> {
  await server.db.query(
    `insert into faq_articles (community_id, slug, locale, title, summary, body_md, body_html) values ($1, $2, 'fr', $3, '', $4, $5)`,
    [server.fixtures.communityId, slug, title, body, renderMarkdown(body)],
  );
}

const setSynonyms = (synonyms: unknown, token = tokens.admin) =>
  server.app.inject({ method: 'PATCH', url: '/api/admin/community', headers: auth(token), payload: { synonyms } });

before(async () => {
  server = await createTestServer();
  const { members, categories } = server.fixtures;
  tokens = { admin: await server.tokenFor(members.admin), advisor: await server.tokenFor(members.advisor), asker: await server.tokenFor(members.asker) };
  ids.metro = await thread(categories.network, members.asker.id, 'Pas de réseau dans le métro', 'Plus rien depuis lundi.');
  ids.plan = await thread(categories.billing, members.asker.id, 'Changer de forfait en cours de mois', 'Est-ce possible ?');
  await article('activer-l-itinerance', "Activer l'itinérance", "Activez les données à l'étranger dans votre espace client.");
});
after(() => server.close());

describe('search that forgives', { timeout: 600_000 }, () => {
  it('keeps stop words from turning into words that match nothing ("dans" was searched as "dan")', async () => {
    const response = await server.app.inject({ url: `/api/search?q=${encodeURIComponent('réseau dans le métro')}` });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(threadIds(response.json()), [ids.metro]);
  });

  it('suggests the community\'s word for a typo when nothing matched', async () => {
    const response = await server.app.inject({ url: '/api/search?q=forfiat' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().items, []);
    assert.equal(response.json().didYouMean, 'forfait');
    const corrected = await server.app.inject({ url: '/api/search?q=forfait' });
    assert.ok(threadIds(corrected.json()).includes(ids.plan));
    assert.equal(corrected.json().didYouMean, undefined);
  });

  it('suggests nothing for a word no title is close to', async () => {
    const body = (await server.app.inject({ url: '/api/search?q=zygomatique' })).json();
    assert.deepEqual(body, { items: [], nextCursor: null });
  });

  it('finds through the community\'s synonyms, both ways, once an admin has saved them', async () => {
    const before = (await server.app.inject({ url: '/api/faq?q=roaming&locale=fr' })).json();
    assert.deepEqual(before.items, []);
    const saved = await setSynonyms([['Roaming', 'itinérance'], ['forfait', 'abonnement', 'plan']]);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().synonyms, [['roaming', 'itinérance'], ['forfait', 'abonnement', 'plan']]);
    const faq = (await server.app.inject({ url: '/api/faq?q=roaming&locale=fr' })).json();
    assert.deepEqual(faq.items.map((hit: { slug: string }) => hit.slug), ['activer-l-itinerance']);
    const forum = (await server.app.inject({ url: '/api/search?q=abonnement' })).json();
    assert.ok(threadIds(forum).includes(ids.plan));
    const read = await server.app.inject({ url: '/api/admin/community', headers: auth(tokens.admin) });
    assert.deepEqual(read.json().synonyms, [['roaming', 'itinérance'], ['forfait', 'abonnement', 'plan']]);
  });

  it('refuses synonym lists over the limits or malformed, writing nothing', async () => {
    const beforeList = (await server.app.inject({ url: '/api/admin/community', headers: auth(tokens.admin) })).json().synonyms;
    const tooMany = Array.from({ length: 101 }, (_, i) => [`mot${i}a`, `mot${i}b`]);
    const cases: unknown[] = [
      tooMany,
      [['seul']],
      [Array.from({ length: 9 }, (_, i) => `mot${i}`)],
      [['x'.repeat(41), 'court']],
      [['carte sim', 'puce']],
      [['forfait', 'plan'], ['plan', 'offre']],
      [['forfait', 'Forfait']],
      'roaming',
    ];
    for (const synonyms of cases) {
      const response = await setSynonyms(synonyms);
      assert.equal(response.statusCode, 400, JSON.stringify(synonyms).slice(0, 80));
      assert.equal(response.json().error.code, 'validation_failed');
    }
    assert.deepEqual((await server.app.inject({ url: '/api/admin/community', headers: auth(tokens.admin) })).json().synonyms, beforeList);
  });

  it('lets only admins change the synonyms', async () => {
    assert.equal((await setSynonyms([['a1', 'b1']], tokens.advisor)).statusCode, 403);
    assert.equal((await setSynonyms([['a1', 'b1']], tokens.asker)).statusCode, 403);
  });

  it('still searches, without suggestions, on a PostgreSQL that lacks pg_trgm', async () => {
    const bare = await createTestServer();
    try {
      await bare.db.query('drop extension pg_trgm');
      const response = await bare.app.inject({ url: '/api/search?q=forfiat' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { items: [], nextCursor: null });
    } finally {
      await bare.close();
    }
  });
});
