/**
 * Following, muting and read positions (issue 15) against the real server (PGlite, or
 * PostgreSQL in parity runs): asking and replying follow, the buttons' routes, read positions
 * that only move forward, unread counts on thread lists and the reader's state on a thread read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FollowState, ThreadReading } from '../../../src/contract/areas/notify.ts';
import type { ThreadDetail, ThreadPage } from '../../../src/contract/index.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

type Who = 'asker' | 'helper' | 'other';
let server: TestServer;
const tokens = {} as Record<Who, string>;

before(async () => {
  server = await createTestServer();
  for (const who of ['asker', 'helper', 'other'] as const) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(() => server.close());

async function call<T = unknown>(who: Who | 'guest', method: string, url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = who === 'guest' ? {} : { authorization: `Bearer ${tokens[who]}` };
  const response = await server.app.inject({ method: method as 'GET', url: `/api${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>() };
}
const ok = async <T>(who: Who, method: string, url: string, payload?: unknown): Promise<T> => {
  const answer = await call<T>(who, method, url, payload);
  assert.ok(answer.status < 300, `${method} ${url} as ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const network = () => server.fixtures.categories.network;
const ask = async (who: Who, title: string) =>
  (await ok<{ thread: { id: number }; post: { id: number } }>(who, 'POST', '/threads', { categoryId: network(), title, body: `${title} : une idée ? Merci.` }));
const reply = (who: Who, threadId: number, body = 'Essayez de redémarrer la box, souvent cela suffit.') => ok<{ id: number }>(who, 'POST', `/threads/${threadId}/posts`, { body });
const reading = (who: Who, threadId: number) => ok<ThreadReading>(who, 'GET', `/threads/${threadId}/reading`);
const unreadInList = async (who: Who, threadId: number) =>
  (await ok<ThreadPage>(who, 'GET', `/threads?categoryId=${network()}&limit=50`)).items.find((thread) => thread.id === threadId)?.unreadCount;

describe('following threads and categories', { timeout: 600_000 }, () => {
  it('follows the thread one asks (asked) and the thread one replies to (replied)', async () => {
    const { thread } = await ask('asker', 'Débit faible le soir');
    assert.deepEqual((await reading('asker', thread.id)).follow, { target: 'thread', id: thread.id, level: 'following', reason: 'asked' });
    await reply('helper', thread.id);
    assert.deepEqual((await reading('helper', thread.id)).follow, { target: 'thread', id: thread.id, level: 'following', reason: 'replied' });
    assert.deepEqual((await reading('other', thread.id)).follow, { target: 'thread', id: thread.id, level: null, reason: null });
  });

  it('keeps a mute when the member replies again, and clears a choice', async () => {
    const { thread } = await ask('asker', 'Box qui redémarre seule');
    const muted = await ok<FollowState>('helper', 'PUT', `/threads/${thread.id}/follow`, { level: 'muted' });
    assert.deepEqual([muted.level, muted.reason], ['muted', 'chosen']);
    await reply('helper', thread.id);
    assert.equal((await reading('helper', thread.id)).follow.level, 'muted');
    const cleared = await ok<FollowState>('helper', 'DELETE', `/threads/${thread.id}/follow`);
    assert.equal(cleared.level, null);
  });

  it('follows and mutes a category, and tells its state', async () => {
    const followed = await ok<FollowState>('other', 'PUT', `/categories/${network()}/follow`, { level: 'following' });
    assert.deepEqual(followed, { target: 'category', id: network(), level: 'following', reason: 'chosen' });
    assert.deepEqual(await ok('other', 'GET', `/categories/${network()}/follow`), followed);
    await ok('other', 'PUT', `/categories/${network()}/follow`, { level: 'muted' });
    assert.equal((await ok<FollowState>('other', 'GET', `/categories/${network()}/follow`)).level, 'muted');
    assert.equal((await ok<FollowState>('other', 'DELETE', `/categories/${network()}/follow`)).level, null);
  });

  it('answers typed 4xx for guests, unknown targets and bad levels, writing nothing', async () => {
    const before = (await server.db.query<{ n: number }>('select count(*)::int as n from follows'))[0]!.n;
    assert.equal((await call('guest', 'PUT', `/threads/${server.fixtures.threadId}/follow`, { level: 'following' })).status, 401);
    const unknown = await call<{ error: { code: string } }>('other', 'PUT', '/threads/999999/follow', { level: 'following' });
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'not_found']);
    assert.equal((await call('other', 'PUT', '/categories/999999/follow', { level: 'muted' })).status, 404);
    const bad = await call<{ error: { code: string } }>('other', 'PUT', `/threads/${server.fixtures.threadId}/follow`, { level: 'loud' });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'validation_failed']);
    assert.equal((await call('other', 'PUT', `/threads/${server.fixtures.threadId}/follow`, {})).status, 400);
    const after = (await server.db.query<{ n: number }>('select count(*)::int as n from follows'))[0]!.n;
    assert.equal(after, before);
  });
});

describe('read positions and unread counts', { timeout: 600_000 }, () => {
  it('counts new posts for a follower, opens at the first unread, and only moves forward', async () => {
    const { thread, post: question } = await ask('asker', 'Pas de tonalité sur la ligne fixe');
    assert.equal(await unreadInList('asker', thread.id), 0, 'one’s own question is read');
    const first = await reply('helper', thread.id);
    const second = await reply('other', thread.id, 'Vérifiez le filtre ADSL sur la prise.');
    await reply('helper', thread.id, 'Et testez avec un autre téléphone.');
    assert.equal(await unreadInList('asker', thread.id), 3);
    const before = await reading('asker', thread.id);
    assert.deepEqual([before.lastReadPostId, before.unreadCount, before.firstUnreadPostId], [question.id, 3, first.id]);
    const detail = await ok<ThreadDetail>('asker', 'GET', `/threads/${thread.id}`);
    assert.equal(detail.reading?.firstUnreadPostId, first.id, 'a thread read carries the reader’s state');
    const moved = await ok<ThreadReading>('asker', 'PUT', `/threads/${thread.id}/reading`, { postId: second.id });
    assert.deepEqual([moved.lastReadPostId, moved.unreadCount], [second.id, 1]);
    const back = await ok<ThreadReading>('asker', 'PUT', `/threads/${thread.id}/reading`, { postId: first.id });
    assert.equal(back.lastReadPostId, second.id, 'never goes back');
    const foreign = await ok<ThreadReading>('asker', 'PUT', `/threads/${thread.id}/reading`, { postId: 999_999 });
    assert.equal(foreign.lastReadPostId, second.id, 'a post of no thread changes nothing');
    const elsewhere = await ok<ThreadReading>('asker', 'PUT', `/threads/${thread.id}/reading`, { postId: (await reply('helper', server.fixtures.threadId)).id });
    assert.equal(elsewhere.lastReadPostId, second.id, 'a post of another thread changes nothing');
    assert.equal(await unreadInList('asker', thread.id), 1);
  });

  it('gives no count on threads never read nor followed, nor to guests; a guest’s thread read has no reader state', async () => {
    const { thread } = await ask('asker', 'Ligne coupée après orage');
    await reply('helper', thread.id);
    assert.equal(await unreadInList('other', thread.id), undefined);
    const guestList = await call<ThreadPage>('guest', 'GET', `/threads?categoryId=${network()}`);
    assert.ok(guestList.body.items.every((item) => item.unreadCount === undefined));
    assert.equal((await call<ThreadDetail>('guest', 'GET', `/threads/${thread.id}`)).body.reading, undefined);
    assert.equal((await call('guest', 'PUT', `/threads/${thread.id}/reading`, { postId: 1 })).status, 401);
    assert.equal((await call('other', 'PUT', '/threads/999999/reading', { postId: 1 })).status, 404);
    assert.equal((await call('other', 'PUT', `/threads/${thread.id}/reading`, { postId: 'x' })).status, 400);
  });
});
