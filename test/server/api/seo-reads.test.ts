/**
 * The rendered pages' reads (src/domain/repo/seo.ts) on the same database as the API: what is
 * public, keyset paging of the sitemap, and page N of a thread exactly as a guest's API pages.
 * In test:parity, so it runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  canonicalThread, countSitemapThreads, MAX_MERGE_HOPS, publicThreadState, readGuestThreadPage, sitemapPages, sitemapThreads, sitemapThreadsStart, THREAD_PAGE_SIZE,
} from '../../../src/domain/repo/seo.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens({ listen: true })));
after(() => server.close());

async function api<T = Record<string, unknown>>(method: string, path: string, who: string | null = null, body?: object): Promise<T> {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

async function newThread(title: string, categoryId = server.fixtures.categories.billing): Promise<{ threadId: number; questionId: number }> {
  const created = await api<{ thread: { id: number }; post: { id: number } }>('POST', '/threads', 'asker', { categoryId, title, body: 'Le détail de ma question, assez long.' });
  return { threadId: created.thread.id, questionId: created.post.id };
}

const reply = async (threadId: number, who = 'helper', body = 'Une réponse utile.') => (await api<{ id: number }>('POST', `/threads/${threadId}/posts`, who, { body })).id;
const hide = (postId: number) => api('POST', `/posts/${postId}/hide`, 'moderator', { reason: 'Hors charte' });
const ctx = () => ({ db: server.db, community: server.community });
/** Round trip through JSON, as the API's answers are. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('public thread state', { timeout: 600_000 }, () => {
  it('tells shown, archived, hidden and merged threads apart, and follows merges to their end', async () => {
    const shown = await newThread('Ma box ne synchronise plus');
    const state = await publicThreadState(server.db, server.community, shown.threadId);
    assert.deepEqual(state, {
      id: shown.threadId, status: 'open', title: 'Ma box ne synchronise plus', categoryId: server.fixtures.categories.billing,
      mergedIntoId: null, openingHidden: false, categoryArchived: false,
    });

    const hidden = await newThread('Question cachée par la modération');
    await hide(hidden.questionId);
    assert.equal((await publicThreadState(server.db, server.community, hidden.threadId))?.openingHidden, true);
    // A hidden reply does not hide the thread.
    await hide(await reply(shown.threadId));
    assert.equal((await publicThreadState(server.db, server.community, shown.threadId))?.openingHidden, false);

    const archived = await newThread('Question à archiver');
    await api('POST', `/threads/${archived.threadId}/archive`, 'advisor', {});
    assert.equal((await publicThreadState(server.db, server.community, archived.threadId))?.status, 'archived');

    const [first, second] = [await newThread('Doublon numéro un'), await newThread('Doublon numéro deux')];
    await api('POST', `/threads/${first.threadId}/merge`, 'advisor', { intoThreadId: second.threadId });
    await api('POST', `/threads/${second.threadId}/merge`, 'advisor', { intoThreadId: shown.threadId });
    assert.equal((await publicThreadState(server.db, server.community, first.threadId))?.mergedIntoId, second.threadId);
    assert.equal((await canonicalThread(server.db, server.community, first.threadId))?.id, shown.threadId);
    assert.equal((await canonicalThread(server.db, server.community, shown.threadId))?.id, shown.threadId);
    assert.equal(await publicThreadState(server.db, server.community, 999_999), undefined);
    assert.equal(await canonicalThread(server.db, server.community, 999_999), undefined);
  });

  it('gives up on a merge cycle and past the hops it follows', async () => {
    const chain = [];
    for (let n = 0; n <= MAX_MERGE_HOPS + 1; n++) chain.push((await newThread(`Maillon de chaîne ${n}`)).threadId);
    // Written directly: the API refuses to build such chains, a damaged database may still hold one.
    const link = (from: number, into: number | null) => server.db.query('update threads set merged_into_id = $2 where id = $1', [from, into]);
    for (let n = 0; n < chain.length - 1; n++) await link(chain[n]!, chain[n + 1]!);
    assert.equal((await canonicalThread(server.db, server.community, chain[1]!))?.id, chain.at(-1), `${MAX_MERGE_HOPS} hops are followed`);
    assert.equal(await canonicalThread(server.db, server.community, chain[0]!), undefined, `${MAX_MERGE_HOPS + 1} hops are not`);
    await link(chain.at(-1)!, chain[3]!);
    assert.equal(await canonicalThread(server.db, server.community, chain[3]!), undefined, 'a cycle leads nowhere');
    for (const id of chain) await link(id, null);
  });
});

describe('sitemap reads', { timeout: 600_000 }, () => {
  it('list public threads only, by id, a keyset page at a time, and count them alike', async () => {
    const archivedCategory = server.fixtures.categories.network;
    const inArchivedCategory = await newThread('Dans une rubrique archivée', archivedCategory);
    await server.db.query('update categories set archived_at = now() where id = $1', [archivedCategory]);
    assert.equal((await publicThreadState(server.db, server.community, inArchivedCategory.threadId))?.categoryArchived, true);
    const extra = [];
    for (let n = 0; n < 4; n++) extra.push((await newThread(`Question publique ${n}`)).threadId);

    const rows = await server.db.query<{ id: number }>('select t.id from threads t order by t.id');
    const publicIds = [];
    for (const { id } of rows) {
      const state = await publicThreadState(server.db, server.community, id);
      if (state && state.status !== 'archived' && state.mergedIntoId === null && !state.openingHidden && !state.categoryArchived) publicIds.push(id);
    }
    assert.ok(publicIds.length >= 6 && publicIds.length < rows.length, 'the first group left some threads out');
    assert.ok(!publicIds.includes(inArchivedCategory.threadId));

    const listed: number[] = [];
    let afterId = 0;
    for (let page = 0; page < 100; page++) {
      const items = await sitemapThreads(server.db, server.community, { afterId, limit: 3 });
      assert.ok(items.length <= 3);
      if (items.length === 0) break;
      listed.push(...items.map((item) => item.id));
      afterId = items.at(-1)!.id;
      const nextStart = await sitemapThreadsStart(server.db, server.community, page + 1, 3);
      assert.equal(nextStart, items.length === 3 ? afterId : undefined, 'file N+1 starts after file N, and none follows a short one');
    }
    assert.deepEqual(listed, publicIds);
    assert.equal(await countSitemapThreads(server.db, server.community), publicIds.length);
    assert.equal(await sitemapThreadsStart(server.db, server.community, 0, 3), 0);
    assert.equal(await sitemapThreadsStart(server.db, server.community, 1000, 3), undefined);

    const [item] = await sitemapThreads(server.db, server.community, { afterId: extra[0]! - 1, limit: 1 });
    const [row] = await server.db.query<{ last_post_at: Date }>('select last_post_at from threads where id = $1', [extra[0]]);
    assert.deepEqual(item, { id: extra[0], title: 'Question publique 0', lastPostAt: new Date(row!.last_post_at).toISOString() });
    await server.db.query('update categories set archived_at = null where id = $1', [archivedCategory]);
  });

  it('list live categories and each FAQ slug with the languages it is written in', async () => {
    await api('POST', '/faq', 'advisor', { slug: 'changer-de-forfait', locale: 'fr', title: 'Changer de forfait', bodyMd: 'Allez dans votre espace client.' });
    await api('POST', '/faq', 'advisor', { slug: 'changer-de-forfait', locale: 'en', title: 'Change your plan', bodyMd: 'Go to your customer area.' });
    await api('POST', '/faq', 'advisor', { slug: 'activer-la-sim', locale: 'fr', title: 'Activer la carte SIM', bodyMd: 'Insérez la carte puis redémarrez.' });
    await server.db.query('update categories set archived_at = now() where id = $1', [server.fixtures.categories.network]);
    const pages = await sitemapPages(server.db, server.community);
    await server.db.query('update categories set archived_at = null where id = $1', [server.fixtures.categories.network]);

    assert.deepEqual(pages.categories.map((category) => category.slug), ['facturation']);
    assert.match(pages.categories[0]!.lastPostAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(pages.articles.map(({ slug, locales }) => ({ slug, locales })), [
      { slug: 'activer-la-sim', locales: ['fr'] },
      { slug: 'changer-de-forfait', locales: ['en', 'fr'] },
    ]);
    const [latest] = await server.db.query<{ at: Date }>(`select max(updated_at) as at from faq_articles where slug = 'changer-de-forfait'`);
    assert.equal(pages.articles[1]!.updatedAt, new Date(latest!.at).toISOString());
  });
});

describe('a numbered thread page read as a guest', { timeout: 600_000 }, () => {
  it('holds the posts of the API pages a guest walks, hidden ones left out, tombstones and confirmations kept', async () => {
    const { threadId } = await newThread('Un long fil de discussion');
    const cited = await reply(threadId, 'helper', 'Redémarrez la box, cela règle le souci.');
    await api('POST', `/threads/${threadId}/confirmations`, 'advisor', { body: 'Bonjour à tous, je confirme ce que dit @Pix37.', citedPostIds: [cited] });
    const asker = server.fixtures.members.other.id;
    // Many replies, written directly for speed; three share each instant, so ties are paged by id.
    await server.db.query(
      `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at)
       select $1, $2, 'reply', 'Réponse ' || g, '<p>Réponse ' || g || '</p>', now() + (g / 3) * interval '1 second' from generate_series(1, 125) g`,
      [threadId, asker],
    );
    const ids = (await server.db.query<{ id: number }>('select id from posts where thread_id = $1 order by created_at, id', [threadId])).map((row) => row.id);
    const hidden = [ids[10]!, ids[THREAD_PAGE_SIZE + 3]!];
    for (const id of hidden) await server.db.query(`update posts set hidden = true, hidden_reason = 'moderator' where id = $1`, [id]);
    const deleted = ids[60]!;
    await server.db.query(`update posts set deleted_at = now(), deleted_by = 'staff', body_md = '', body_html = '' where id = $1`, [deleted]);

    // The API's pages, as a guest walks them over HTTP.
    const first = await api<{ posts: unknown[]; nextCursor: string | null }>('GET', `/threads/${threadId}`);
    const apiPages = [first.posts];
    for (let cursor = first.nextCursor; cursor;) {
      const next = await api<{ items: unknown[]; nextCursor: string | null }>('GET', `/threads/${threadId}/posts?cursor=${encodeURIComponent(cursor)}&limit=${THREAD_PAGE_SIZE}`);
      apiPages.push(next.items);
      cursor = next.nextCursor;
    }
    const visible = ids.length - hidden.length;
    assert.equal(apiPages.length, Math.ceil(visible / THREAD_PAGE_SIZE));

    const pageOne = await readGuestThreadPage(ctx(), threadId, 1);
    assert.deepEqual(asJson(pageOne?.detail), first, 'page 1 is the API thread read');
    for (const [index, posts] of apiPages.entries()) {
      const page = await readGuestThreadPage(ctx(), threadId, index + 1);
      assert.equal(page?.pageCount, apiPages.length);
      assert.deepEqual(asJson(page?.detail.posts), posts, `page ${index + 1}`);
      assert.equal(page?.detail.thread.id, threadId);
    }
    const all = apiPages.flat() as { id: number; deleted?: unknown; confirmation?: { cited: { postId: number }[] } }[];
    assert.ok(hidden.every((id) => !all.some((post) => post.id === id)), 'hidden posts are absent');
    assert.ok(all.find((post) => post.id === deleted)?.deleted, 'a deleted post is a tombstone');
    assert.equal(all.find((post) => post.confirmation)?.confirmation?.cited[0]?.postId, cited);

    assert.equal(await readGuestThreadPage(ctx(), threadId, apiPages.length + 1), undefined);
    assert.equal(await readGuestThreadPage(ctx(), threadId, 0), undefined);
    assert.equal(await readGuestThreadPage(ctx(), 999_999, 1), undefined);
  });

  it('pins the accepted solution on the pages it is not on', async () => {
    const { threadId } = await newThread('Question résolue plus loin');
    await server.db.query(
      `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at)
       select $1, $2, 'reply', 'R ' || g, '<p>R ' || g || '</p>', now() + g * interval '1 second' from generate_series(1, 60) g`,
      [threadId, server.fixtures.members.helper.id],
    );
    const [late] = await server.db.query<{ id: number }>('select id from posts where thread_id = $1 order by created_at desc, id desc limit 1', [threadId]);
    await api('POST', `/threads/${threadId}/solution`, 'asker', { postId: late!.id });
    const [one, two] = [await readGuestThreadPage(ctx(), threadId, 1), await readGuestThreadPage(ctx(), threadId, 2)];
    assert.equal(one?.detail.solution?.id, late!.id);
    assert.equal(two?.detail.solution, undefined, 'page 2 holds it');
    assert.ok(two?.detail.posts.some((post) => post.id === late!.id));
    assert.equal(two?.detail.nextCursor, null);
  });
});
