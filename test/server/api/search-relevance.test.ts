/**
 * Search relevance on the demo community: a small judged query set with the titles expected at
 * the top, on whichever database runs the suite (PGlite, or PostgreSQL in parity runs). Each
 * query is asked three ways: as the forum asks it (a small forum reads every match), through
 * windows of recent rows wide enough to hold every match (the same hits, in the same order),
 * and through plans that read too few matches and must fall back until the page is full (search-plan.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toTsQuery } from '../../../src/core/index.ts';
import type { Database } from '../../../src/domain/database.ts';
import { loadCommunity, type CommunityContext } from '../../../src/domain/repo/community.ts';
import { searchForum, type ForumSearch } from '../../../src/domain/repo/search.ts';
import { hasRum } from '../../../src/domain/repo/search-plan.ts';
import { seedDemoCommunity } from '../../../src/domain/seed/index.ts';
import { createTestServer, isPostgres, type TestServer } from '../../helpers/server.ts';

/** Query → titles expected in the first places (in any order among themselves: the demo repeats titles). */
const JUDGED: Array<{ q: string; top: RegExp; places: number }> = [
  { q: 'code RIO', top: /^(Code RIO introuvable|How do I get my RIO code\?)$/, places: 2 },
  { q: 'changer de forfait', top: /^Changer de forfait/, places: 5 },
  { q: 'remboursement résiliation', top: /^Remboursement après résiliation$/, places: 3 },
  { q: 'messagerie vocale', top: /messagerie vocale/, places: 3 },
  { q: 'carte SIM', top: /^« Carte SIM non valide »/, places: 5 },
  { q: 'débit lent', top: /^Débit très lent en fin de mois$/, places: 3 },
  { q: '5G', top: /5G/, places: 5 },
  { q: 'eSIM', top: /eSIM/, places: 3 },
];
const LIMIT = 5;

let server: TestServer;
let db: Database;
let community: CommunityContext;

async function search(q: string, plan: Partial<ForumSearch> = {}) {
  const { hits, more } = await searchForum(db, community, { tsquery: toTsQuery(q, 'all', community.synonyms)!, offset: 0, limit: LIMIT, ...plan });
  return { titles: hits.map((hit) => hit.thread.title), ids: hits.map((hit) => `${hit.thread.id}:${hit.postId}:${hit.score.toFixed(4)}`), more };
}

before(async () => {
  server = await createTestServer();
  db = server.db;
  const { communityId } = await seedDemoCommunity(db);
  await db.exec('analyze');
  community = (await loadCommunity(db, (await db.query<{ slug: string }>('select slug from communities where id = $1', [communityId]))[0]!.slug))!;
});
after(() => server.close());

describe('search relevance (judged queries on the demo)', { timeout: 300_000 }, () => {
  for (const { q, top, places } of JUDGED) {
    it(`"${q}": the expected titles come first`, async () => {
      const { titles } = await search(q);
      assert.ok(titles.length >= places, `"${q}" found ${titles.length}`);
      for (const title of titles.slice(0, places)) assert.match(title, top, `"${q}" → ${titles.join(' | ')}`);
    });
  }

  it('has the RUM index wherever the database offers RUM (PostgreSQL with postgresql-15-rum), never on PGlite', async () => {
    const [offered] = await db.query<{ found: boolean }>(`select exists (select 1 from pg_available_extensions where name = 'rum') as found`);
    assert.equal(await hasRum(db), offered!.found);
    if (!isPostgres()) assert.equal(offered!.found, false);
  });

  it('finds nothing for a word no post has', async () => {
    assert.deepEqual((await search('zygomatique')).titles, []);
  });

  it('answers the same through windows, or the RUM index on PostgreSQL, that hold every match', async () => {
    for (const { q } of JUDGED) {
      const whole = await search(q);
      assert.deepEqual(await search(q, { thresholds: { allMatches: 0 }, candidates: 5_000 }), whole, `${q} (newest rows)`);
      assert.deepEqual(await search(q, { thresholds: { allMatches: 0, window: 0 }, candidates: 5_000 }), whole, `${q} (RUM)`);
    }
  });

  it('falls back from plans that read too few matches until the page is full, with hits that match', async () => {
    for (const { q } of JUDGED) {
      const whole = await search(q);
      const every = new Set((await search(q, { limit: 500 })).ids.map((id) => id.split(':')[0]));
      // Windows sized for about one page of matches per side, ranked among at most that many.
      for (const window of [undefined, 0]) {
        const windowed = await search(q, { thresholds: { allMatches: 0, window }, candidates: LIMIT + 1 });
        assert.equal(windowed.titles.length, whole.titles.length, q);
        for (const id of windowed.ids) assert.ok(every.has(id.split(':')[0]), `${q}: ${id}`);
      }
    }
  });
});
