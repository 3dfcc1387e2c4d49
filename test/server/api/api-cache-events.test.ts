/**
 * What empties another process's API read cache. Server B (its own app, its own connection to
 * the same database; on PGlite, the same database) keeps the thread, its category's list and the
 * community; each write goes through server A. The table says which write reaches which of B's
 * reads, and how: the live event it publishes, or (for writes no event reports) the cache's own
 * broadcast (src/server/cache/invalidation.ts).
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { after, before, describe, it } from 'node:test';
import type { Community, Post, ThreadDetail, ThreadPage } from '../../../src/contract/index.ts';
import type { Database } from '../../../src/domain/database.ts';
import { buildApp } from '../../../src/server/app.ts';
import { REPORTED_BY_LIVE_EVENTS } from '../../../src/server/cache/invalidation.ts';
import { openDatabase } from '../../../src/server/index.ts';
import { NO_LIMITS, serverWithTokens, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
let otherDb: Database;
let b: FastifyInstance;

before(async () => {
  ({ server, tokens } = await serverWithTokens());
  otherDb = server.databaseUrl ? await openDatabase({ databaseUrl: server.databaseUrl }) : server.db;
  b = await buildApp({ db: otherDb, community: server.community, config: { demo: false, staticDir: '/nonexistent' }, auth: { secret: TEST_SECRET }, limits: NO_LIMITS });
});
after(async () => {
  await b.close();
  if (otherDb !== server.db) await otherDb.close();
  await server.close();
});

async function onA(method: 'POST' | 'PATCH' | 'PUT', url: string, who: string, payload: object = {}): Promise<unknown> {
  const response = await server.app.inject({ method, url: `/api${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, payload });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function onB<T>(url: string): Promise<T> {
  const response = await b.inject({ url: `/api${url}` });
  assert.equal(response.statusCode, 200, url);
  return response.json<T>();
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`server B still serves the old ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const threadUrl = () => `/threads/${server.fixtures.threadId}`;
const listUrl = (categoryId = server.fixtures.categories.billing) => `/threads?categoryId=${categoryId}`;
const listed = async (categoryId?: number) => (await onB<ThreadPage>(listUrl(categoryId))).items.find((item) => item.id === server.fixtures.threadId);

describe('another process’s API read cache', { timeout: 600_000 }, () => {
  let reply: Post;

  it('is a cache: B keeps its answer while nothing reports a change', async () => {
    const before = await onB<ThreadDetail>(threadUrl());
    await server.db.query('update threads set title = $2 where id = $1', [server.fixtures.threadId, 'Titre changé en douce']);
    assert.equal((await onB<ThreadDetail>(threadUrl())).thread.title, before.thread.title);
  });

  // write (through A) → event → B's reads that show it
  it('replyToThread → post-created → thread, list, community counts', async () => {
    await onB(threadUrl());
    const replies = (await listed())!.replyCount;
    const count = (await onB<Community>('/community')).categories.find((c) => c.id === server.fixtures.categories.billing)!;
    reply = (await onA('POST', `${threadUrl()}/posts`, 'helper', { body: 'Redémarrez la box, cela a marché pour moi.' })) as Post;
    await eventually(async () => (await onB<ThreadDetail>(threadUrl())).posts.some((post) => post.id === reply.id), 'thread');
    await eventually(async () => (await listed())?.replyCount === replies + 1, 'list');
    await eventually(async () => JSON.stringify((await onB<Community>('/community')).categories.find((c) => c.id === server.fixtures.categories.billing)) !== JSON.stringify(count), 'community');
  });

  it('giveKudos → kudos-changed → thread', async () => {
    await onB(threadUrl());
    await onA('POST', `/posts/${reply.id}/kudos`, 'other');
    await eventually(async () => (await onB<ThreadDetail>(threadUrl())).posts.find((post) => post.id === reply.id)?.kudosCount === 1, 'kudos count');
  });

  it('editPost → post-updated → thread', async () => {
    await onB(threadUrl());
    await onA('PATCH', `/posts/${reply.id}`, 'helper', { body: 'Redémarrez la box puis attendez deux minutes.' });
    await eventually(async () => ((await onB<ThreadDetail>(threadUrl())).posts.find((post) => post.id === reply.id)?.editedAt ?? null) !== null, 'edited post');
  });

  it('acceptSolution → thread-updated → thread and list', async () => {
    await onB(threadUrl());
    await onB(listUrl());
    await onA('POST', `${threadUrl()}/solution`, 'asker', { postId: reply.id });
    await eventually(async () => (await onB<ThreadDetail>(threadUrl())).thread.acceptedPostId === reply.id, 'solution');
    await eventually(async () => (await listed())?.acceptedPostId === reply.id, 'list');
  });

  it('hidePost → post-removed → thread', async () => {
    await onB(threadUrl());
    await onA('POST', `/posts/${reply.id}/hide`, 'moderator', { reason: 'Hors sujet' });
    await eventually(async () => !(await onB<ThreadDetail>(threadUrl())).posts.some((post) => post.id === reply.id), 'hidden post');
    await onA('POST', `/posts/${reply.id}/restore`, 'moderator', { reason: 'Utile finalement' });
    await eventually(async () => (await onB<ThreadDetail>(threadUrl())).posts.some((post) => post.id === reply.id), 'restored post');
  });

  it('moveThread → thread-updated → both categories’ lists', async () => {
    const { network } = server.fixtures.categories;
    await onB(listUrl());
    await onB(listUrl(network));
    await onA('POST', `${threadUrl()}/move`, 'moderator', { categoryId: network });
    await eventually(async () => (await listed()) === undefined, 'old category’s list');
    await eventually(async () => (await listed(network)) !== undefined, 'new category’s list');
  });

  it('closeThread → thread-updated → thread', async () => {
    await onB(threadUrl());
    await onA('POST', `${threadUrl()}/close`, 'moderator', { reason: 'Résolu' });
    await eventually(async () => (await onB<ThreadDetail>(threadUrl())).thread.status === 'closed', 'status');
  });

  // Writes no live event reports: the cache's broadcast.
  it('updateCategory (no event) → broadcast → community and lists', async () => {
    assert.ok(!REPORTED_BY_LIVE_EVENTS.has('updateCategory'));
    await onB('/community');
    await onA('PATCH', `/admin/categories/${server.fixtures.categories.network}`, 'admin', { name: { fr: 'Réseau et couverture', en: 'Network and coverage' } });
    await eventually(async () => (await onB<Community>('/community')).categories.some((category) => category.name === 'Réseau et couverture'), 'category name');
  });

  it('updateSignature (no event) → broadcast → advisor posts in threads', async () => {
    assert.ok(!REPORTED_BY_LIVE_EVENTS.has('updateSignature'));
    await onA('POST', `${threadUrl()}/reopen`, 'moderator', { reason: 'Rouvert' });
    const advisorPost = (await onA('POST', `${threadUrl()}/posts`, 'advisor', { body: 'Bonjour à tous, @asker : je confirme la réponse de la communauté.' })) as Post;
    await eventually(async () => (await onB<ThreadDetail>(threadUrl())).posts.some((post) => post.id === advisorPost.id), 'advisor post');
    await onA('PUT', '/community/signature', 'advisor', { text: 'La communauté, c’est le partage : **merci** !' });
    await eventually(async () => /merci/.test((await onB<ThreadDetail>(threadUrl())).posts.find((post) => post.id === advisorPost.id)?.signatureHtml ?? ''), 'signature');
  });
});
