import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

const auth = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const post = (url: string, who: string | null, payload: object = {}) =>
  server.app.inject({ method: 'POST', url, headers: who ? auth(who) : {}, payload });
const get = (url: string, who: string | null = null) => server.app.inject({ url, headers: who ? auth(who) : {} });

async function newThread(who: string, categoryId: number, title: string): Promise<{ threadId: number; postId: number }> {
  const response = await post('/api/threads', who, { categoryId, title, body: 'Le détail de ma question.' });
  assert.equal(response.statusCode, 201);
  return { threadId: response.json().thread.id, postId: response.json().post.id };
}

async function reply(who: string, threadId: number, body = 'Une réponse utile.'): Promise<number> {
  const response = await post(`/api/threads/${threadId}/posts`, who, { body });
  assert.equal(response.statusCode, 201);
  return response.json<{ id: number }>().id;
}

const category = async (id: number) =>
  (await server.db.query<{ thread_count: number; post_count: number }>('select thread_count, post_count from categories where id = $1', [id]))[0]!;

describe('thread lifecycle', { timeout: 600_000 }, () => {
  it('closes, reopens and archives, each audited with before, after and reason', async () => {
    const { threadId } = await newThread('asker', server.fixtures.categories.billing, 'Ma facture est fausse');
    const closed = await post(`/api/threads/${threadId}/close`, 'moderator', { reason: 'Résolu hors forum' });
    assert.equal(closed.statusCode, 200);
    assert.equal(closed.json().status, 'closed');
    assert.equal((await post(`/api/threads/${threadId}/posts`, 'helper', { body: 'Encore moi' })).statusCode, 403);
    const reopened = await server.app.inject({ method: 'POST', url: `/api/threads/${threadId}/reopen`, headers: auth('advisor') });
    assert.equal(reopened.json().status, 'open');
    const archived = await post(`/api/threads/${threadId}/archive`, 'advisor', {});
    assert.equal(archived.json().status, 'archived');
    assert.equal((await post(`/api/threads/${threadId}/posts`, 'advisor', { body: 'Trop tard' })).statusCode, 403);

    const audit = (await get(`/api/audit?targetType=thread&targetId=${threadId}`, 'moderator')).json();
    assert.deepEqual(audit.items.map((e: { action: string }) => e.action), ['thread.archive', 'thread.reopen', 'thread.close']);
    assert.equal(audit.items[2].reason, 'Résolu hors forum');
    assert.deepEqual([audit.items[2].before, audit.items[2].after], [{ status: 'open' }, { status: 'closed' }]);
    assert.equal(audit.items[2].actor.pseudonym, 'Modo');
  });

  it('refuses guests (401), members (403), unknown threads (404) and impossible transitions (409), writing nothing', async () => {
    const { threadId } = await newThread('asker', server.fixtures.categories.billing, 'Question à fermer');
    const audits = await count('audit_log');
    assert.equal((await post(`/api/threads/${threadId}/close`, null)).statusCode, 401);
    assert.equal((await post(`/api/threads/${threadId}/close`, 'helper')).statusCode, 403);
    assert.equal((await post(`/api/threads/${threadId}/close`, 'asker')).statusCode, 403);
    assert.equal((await post('/api/threads/999999/close', 'moderator')).statusCode, 404);
    assert.equal((await post(`/api/threads/${threadId}/reopen`, 'moderator')).statusCode, 409);
    assert.equal((await post(`/api/threads/${threadId}/close`, 'moderator', { reason: '' })).statusCode, 400);
    assert.equal(await count('audit_log'), audits);
    assert.equal((await get(`/api/threads/${threadId}`)).json().thread.status, 'open');
  });

  it('moves a thread with its exact counters', async () => {
    const { billing, network } = server.fixtures.categories;
    const { threadId } = await newThread('asker', billing, 'Mauvaise catégorie');
    await reply('helper', threadId);
    const [billingBefore, networkBefore] = [await category(billing), await category(network)];
    const moved = await post(`/api/threads/${threadId}/move`, 'advisor', { categoryId: network });
    assert.equal(moved.statusCode, 200);
    assert.equal(moved.json().categoryId, network);
    assert.deepEqual(await category(billing), { thread_count: billingBefore.thread_count - 1, post_count: billingBefore.post_count - 2 });
    assert.deepEqual(await category(network), { thread_count: networkBefore.thread_count + 1, post_count: networkBefore.post_count + 2 });
    const list = (await get(`/api/threads?categoryId=${network}&limit=100`)).json();
    assert.ok(list.items.some((t: { id: number }) => t.id === threadId));
    assert.equal((await post(`/api/threads/${threadId}/move`, 'advisor', { categoryId: 999999 })).statusCode, 404);
    assert.equal((await post(`/api/threads/${threadId}/move`, 'advisor', { categoryId: network })).statusCode, 409);
    assert.equal((await post(`/api/threads/${threadId}/move`, 'other', { categoryId: billing })).statusCode, 403);
    assert.deepEqual(await category(network), { thread_count: networkBefore.thread_count + 1, post_count: networkBefore.post_count + 2 });
  });

  it('merges: posts move keeping their dates, counters follow, the old id points to the new one', async () => {
    const { billing, network } = server.fixtures.categories;
    const target = await newThread('helper', billing, 'Changer de forfait en ligne');
    const source = await newThread('asker', network, 'Comment changer mon forfait');
    const replyId = await reply('other', source.threadId);
    const sourcePosts = (await get(`/api/threads/${source.threadId}`)).json().posts;
    const [billingBefore, networkBefore] = [await category(billing), await category(network)];

    const merged = await post(`/api/threads/${source.threadId}/merge`, 'moderator', { intoThreadId: target.threadId, reason: 'Doublon' });
    assert.equal(merged.statusCode, 200);
    assert.equal(merged.json().movedPosts, 2);
    assert.equal(merged.json().from.mergedIntoId, target.threadId);
    assert.equal(merged.json().from.status, 'closed');

    const old = (await get(`/api/threads/${source.threadId}`)).json();
    assert.equal(old.thread.mergedIntoId, target.threadId);
    assert.equal(old.posts.length, 0);
    const into = (await get(`/api/threads/${target.threadId}`)).json();
    assert.equal(into.posts.length, 3);
    assert.equal(into.thread.replyCount, 2);
    assert.equal(into.thread.mergedIntoId, undefined);
    const movedReply = into.posts.find((p: { id: number }) => p.id === replyId);
    assert.equal(movedReply.createdAt, sourcePosts[1].createdAt);
    assert.equal(into.posts.filter((p: { kind: string }) => p.kind === 'question').length, 1);
    assert.deepEqual(await category(network), { thread_count: networkBefore.thread_count - 1, post_count: networkBefore.post_count - 2 });
    assert.deepEqual(await category(billing), { thread_count: billingBefore.thread_count, post_count: billingBefore.post_count + 2 });
    const list = (await get(`/api/threads?categoryId=${network}&limit=100`)).json();
    assert.ok(!list.items.some((t: { id: number }) => t.id === source.threadId));
  });

  it('refuses merging into itself, into a merged thread, or by a member, writing nothing', async () => {
    const a = await newThread('asker', server.fixtures.categories.billing, 'Premier doublon');
    const b = await newThread('asker', server.fixtures.categories.billing, 'Second doublon');
    const c = await newThread('asker', server.fixtures.categories.billing, 'Troisième doublon');
    assert.equal((await post(`/api/threads/${a.threadId}/merge`, 'moderator', { intoThreadId: b.threadId })).statusCode, 200);
    const audits = await count('audit_log');
    assert.equal((await post(`/api/threads/${c.threadId}/merge`, 'moderator', { intoThreadId: c.threadId })).statusCode, 409);
    assert.equal((await post(`/api/threads/${c.threadId}/merge`, 'moderator', { intoThreadId: a.threadId })).statusCode, 409);
    assert.equal((await post(`/api/threads/${c.threadId}/merge`, 'moderator', { intoThreadId: 999999 })).statusCode, 404);
    assert.equal((await post(`/api/threads/${c.threadId}/merge`, 'helper', { intoThreadId: b.threadId })).statusCode, 403);
    assert.equal((await post(`/api/threads/${c.threadId}/merge`, null, { intoThreadId: b.threadId })).statusCode, 401);
    assert.equal((await post(`/api/threads/${c.threadId}/merge`, 'moderator', {})).statusCode, 400);
    assert.equal(await count('audit_log'), audits);
    assert.equal((await get(`/api/threads/${c.threadId}`)).json().posts.length, 1);
  });
});

describe('flags and the moderation queue', { timeout: 600_000 }, () => {
  it('weighs flags by rank and hides the post at the threshold, pending review', async () => {
    const { threadId } = await newThread('asker', server.fixtures.categories.network, 'Réseau coupé');
    const spamId = await reply('other', threadId, 'Achetez des crédits pas chers');
    const first = await post(`/api/posts/${spamId}/flags`, 'asker', { reason: 'spam' });
    assert.equal(first.statusCode, 201);
    assert.equal(first.json().flag.weight, 1);
    assert.equal(first.json().hidden, false);
    const second = await post(`/api/posts/${spamId}/flags`, 'helper', { reason: 'spam', note: 'publicité' });
    assert.equal(second.json().flag.weight, 3);
    assert.equal(second.json().hidden, false);
    const third = await post(`/api/posts/${spamId}/flags`, 'technicalAdvisor', { reason: 'spam' });
    assert.equal(third.json().flag.weight, 5);
    assert.equal(third.json().totalWeight, 9);
    assert.equal(third.json().hidden, true);
    const shown = (await get(`/api/threads/${threadId}`)).json();
    assert.ok(!shown.posts.some((p: { id: number }) => p.id === spamId));

    const queue = (await get('/api/moderation/queue', 'moderator')).json();
    const item = queue.items.find((i: { post: { id: number } }) => i.post.id === spamId);
    assert.equal(item.totalWeight, 9);
    assert.equal(item.hiddenReason, 'flags');
    assert.deepEqual(item.flags.map((f: { flagger: { pseudonym: string } }) => f.flagger.pseudonym), ['Tom', 'Pix37', 'Karim']);
    const audit = (await get(`/api/audit?targetType=post&targetId=${spamId}`, 'advisor')).json();
    assert.equal(audit.items[0].action, 'post.auto-hide');
  });

  it('refuses a second flag, a flag on one’s own post, guests and unknown posts, writing nothing', async () => {
    const { threadId, postId } = await newThread('asker', server.fixtures.categories.network, 'Pas de 4G');
    assert.equal((await post(`/api/posts/${postId}/flags`, 'other', { reason: 'off-topic' })).statusCode, 201);
    const flags = await count('post_flags');
    assert.equal((await post(`/api/posts/${postId}/flags`, 'other', { reason: 'abuse' })).statusCode, 409);
    assert.equal((await post(`/api/posts/${postId}/flags`, 'asker', { reason: 'abuse' })).statusCode, 403);
    assert.equal((await post(`/api/posts/${postId}/flags`, null, { reason: 'abuse' })).statusCode, 401);
    assert.equal((await post('/api/posts/999999/flags', 'helper', { reason: 'abuse' })).statusCode, 404);
    assert.equal((await post(`/api/posts/${postId}/flags`, 'helper', { reason: 'nonsense' })).statusCode, 400);
    assert.equal(await count('post_flags'), flags);
    assert.equal((await get(`/api/threads/${threadId}`)).json().posts.length, 1);
  });

  it('lets staff hide and restore, resolving flags, audited; members get 403', async () => {
    const { threadId } = await newThread('asker', server.fixtures.categories.billing, 'Numéro de carte visible');
    const postId = await reply('other', threadId, 'Mon IBAN est FR76 0000');
    await post(`/api/posts/${postId}/flags`, 'asker', { reason: 'personal-data' });
    assert.equal((await post(`/api/posts/${postId}/hide`, 'helper', { reason: 'données' })).statusCode, 403);
    assert.equal((await post(`/api/posts/${postId}/hide`, null, { reason: 'données' })).statusCode, 401);
    assert.equal((await post('/api/posts/999999/hide', 'moderator', { reason: 'données' })).statusCode, 404);
    assert.equal((await post(`/api/posts/${postId}/hide`, 'moderator', {})).statusCode, 400);
    assert.equal((await get('/api/moderation/queue', 'helper')).statusCode, 403);
    assert.equal((await get('/api/moderation/queue')).statusCode, 401);

    const hidden = await post(`/api/posts/${postId}/hide`, 'moderator', { reason: 'Données personnelles' });
    assert.equal(hidden.statusCode, 200);
    assert.deepEqual(hidden.json(), { postId, hidden: true, hiddenReason: 'moderator', resolvedFlags: 1 });
    assert.ok(!(await get(`/api/threads/${threadId}`)).json().posts.some((p: { id: number }) => p.id === postId));
    assert.ok(!(await get('/api/moderation/queue', 'moderator')).json().items.some((i: { post: { id: number } }) => i.post.id === postId));
    assert.equal((await post(`/api/posts/${postId}/hide`, 'moderator', { reason: 'encore' })).statusCode, 409);

    const restored = await post(`/api/posts/${postId}/restore`, 'advisor', { reason: 'Masqué par erreur' });
    assert.equal(restored.json().hidden, false);
    assert.ok((await get(`/api/threads/${threadId}`)).json().posts.some((p: { id: number }) => p.id === postId));
    assert.equal((await post(`/api/posts/${postId}/restore`, 'advisor', {})).statusCode, 409);
    const audit = (await get(`/api/audit?targetType=post&targetId=${postId}`, 'moderator')).json();
    assert.deepEqual(audit.items.map((e: { action: string }) => e.action), ['post.restore', 'post.hide']);
    assert.equal(audit.items[1].reason, 'Données personnelles');
  });
});

describe('trusted-member grants', { timeout: 600_000 }, () => {
  it('a moderator grants review-flags: the member then reads the queue and hides; revoking takes it back', async () => {
    const { helper } = server.fixtures.members;
    assert.equal((await get('/api/moderation/queue', 'helper')).statusCode, 403);
    assert.equal((await post(`/api/members/${helper.id}/grants`, 'advisor', { power: 'review-flags' })).statusCode, 403);
    assert.equal((await post(`/api/members/${helper.id}/grants`, 'helper', { power: 'review-flags' })).statusCode, 403);
    assert.equal((await post('/api/members/999999/grants', 'moderator', { power: 'review-flags' })).statusCode, 404);
    assert.equal((await post(`/api/members/${helper.id}/grants`, 'moderator', { power: 'ban' })).statusCode, 400);
    assert.equal(await count('moderation_grants'), 0);

    const granted = await post(`/api/members/${helper.id}/grants`, 'moderator', { power: 'review-flags' });
    assert.equal(granted.statusCode, 201);
    assert.deepEqual(granted.json(), { memberId: helper.id, powers: ['review-flags'] });
    assert.equal((await post(`/api/members/${helper.id}/grants`, 'moderator', { power: 'review-flags' })).statusCode, 409);
    assert.equal((await get('/api/moderation/queue', 'helper')).statusCode, 200);
    const { threadId } = await newThread('asker', server.fixtures.categories.billing, 'Insulte dans le fil');
    const rude = await reply('other', threadId, 'Propos insultants');
    assert.equal((await post(`/api/posts/${rude}/hide`, 'helper', { reason: 'Insulte' })).statusCode, 200);
    assert.equal((await get('/api/audit', 'helper')).statusCode, 403);

    const revoke = await server.app.inject({ method: 'DELETE', url: `/api/members/${helper.id}/grants/review-flags`, headers: auth('moderator') });
    assert.deepEqual(revoke.json(), { memberId: helper.id, powers: [] });
    const again = await server.app.inject({ method: 'DELETE', url: `/api/members/${helper.id}/grants/review-flags`, headers: auth('moderator') });
    assert.equal(again.statusCode, 404);
    assert.equal((await get('/api/moderation/queue', 'helper')).statusCode, 403);
    const audit = (await get(`/api/audit?targetType=member&targetId=${helper.id}`, 'moderator')).json();
    assert.deepEqual(audit.items.map((e: { action: string }) => e.action), ['grant.remove', 'grant.add']);
  });
});

describe('audit log', { timeout: 600_000 }, () => {
  it('is readable by moderators and advisors only, paged by cursor', async () => {
    assert.equal((await get('/api/audit')).statusCode, 401);
    assert.equal((await get('/api/audit', 'asker')).statusCode, 403);
    assert.equal((await get('/api/audit?cursor=abc', 'moderator')).statusCode, 400);
    const first = (await get('/api/audit?limit=2', 'advisor')).json();
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = (await get(`/api/audit?limit=2&cursor=${first.nextCursor}`, 'advisor')).json();
    assert.ok(second.items[0].id < first.items[1].id);
  });
});
