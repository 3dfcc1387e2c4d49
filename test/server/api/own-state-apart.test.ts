/**
 * Issue 17, item 1: a signed-in reader's thread reads in two parts. `viewer=apart` answers the
 * bytes every reader of their audience shares (kept by the server, revalidated with an ETag);
 * `GET /threads/:id/viewer` answers their own state. The SDK, over real HTTP, puts both together
 * into exactly the read the server gives in one request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OwnListState, OwnThreadState, PostPage, ThreadDetail, ThreadPage } from '../../../src/contract/index.ts';
import { createEntraideClient } from '../../../src/sdk/index.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens({ listen: true })));
after(() => server.close());

const auth = (who: string | null) => (who ? { authorization: `Bearer ${tokens[who]}` } : {});
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: string | null, payload?: object, headers: Record<string, string> = {}) =>
  server.app.inject({ method, url, headers: { ...auth(who), ...headers }, ...(payload ? { payload } : {}) });
const READERS = [null, 'asker', 'helper', 'other', 'advisor', 'technicalAdvisor', 'moderator'] as const;

/** A client that notes the path of every request it sends. */
function clientOf(who: string | null) {
  const sent: string[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    sent.push(url.pathname + url.search);
    return fetch(input, init);
  };
  const client = createEntraideClient({ baseUrl: `${server.url}/api`, ...(who ? { token: tokens[who] } : {}), fetch: recording, retry: false });
  return { client, sent };
}

/** A thread where every kind of own state exists: kudos, a flag, "same problem", own and deleted posts, a solution off the first page, a hand-off trace. */
async function busyThread(): Promise<{ threadId: number; replyId: number }> {
  const ok = async (response: Awaited<ReturnType<typeof call>>): Promise<{ id: number; thread: { id: number } }> => {
    assert.ok(response.statusCode < 300, response.body);
    return response.json();
  };
  const created = await ok(await call('POST', '/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title: 'Facture doublée en décembre', body: 'Ma facture a doublé.' }));
  const threadId: number = created.thread.id;
  const reply = await ok(await call('POST', `/api/threads/${threadId}/posts`, 'helper', { body: 'Regardez **Mon compte**.' }));
  const gone = await ok(await call('POST', `/api/threads/${threadId}/posts`, 'other', { body: 'Une réponse que je retire.' }));
  await ok(await call('DELETE', `/api/posts/${gone.id}`, 'other', { reason: 'Doublon.' }));
  await ok(await call('POST', `/api/posts/${reply.id}/kudos`, 'other'));
  await ok(await call('POST', `/api/posts/${reply.id}/flags`, 'other', { reason: 'spam' }));
  await ok(await call('POST', `/api/threads/${threadId}/same-problem`, 'other'));
  await ok(await call('POST', `/api/threads/${threadId}/solution`, 'asker', { postId: reply.id }));
  await ok(await call('POST', `/api/threads/${threadId}/private`, 'advisor', { message: 'Bonjour, votre numéro de ligne ?' }));
  await ok(await call('POST', `/api/threads/${threadId}/posts`, 'asker', { body: 'Merci, c’est réglé.' }));
  await ok(await call('PUT', `/api/threads/${threadId}/reading`, 'helper', { postId: reply.id }));
  return { threadId, replyId: reply.id };
}

describe('a thread read with the reader’s own state apart', { timeout: 600_000 }, () => {
  it('gives, through the SDK, exactly the one-request read of every reader, first page (solution pinned) and next pages', async () => {
    const { threadId } = await busyThread();
    for (const who of READERS) {
      for (const limit of [1, 50]) {
        const whole = (await call('GET', `/api/threads/${threadId}?limit=${limit}`, who)).json<ThreadDetail>();
        const { client, sent } = clientOf(who);
        assert.deepEqual(await client.threads.get(threadId, { limit }), whole, `${who ?? 'guest'}, limit ${limit}`);
        // A guest's read is one request; a signed-in reader's, the shared bytes then their state.
        assert.deepEqual(sent.map((path) => path.replace(/\?.*/, '')), who ? [`/api/threads/${threadId}`, `/api/threads/${threadId}/viewer`] : [`/api/threads/${threadId}`]);
        // Only a signed-in read asks for the shared part: a guest's URL stays the plain one (a CDN keeps one copy).
        if (who) assert.match(sent[0]!, /viewer=apart/);
        else assert.doesNotMatch(sent[0]!, /viewer=/);
        if (whole.nextCursor) {
          const nextWhole = (await call('GET', `/api/threads/${threadId}/posts?cursor=${whole.nextCursor}`, who)).json<PostPage>();
          assert.deepEqual(await client.threads.posts(threadId, { cursor: whole.nextCursor }), nextWhole, `${who ?? 'guest'}, next page`);
        }
      }
      const { client } = clientOf(who);
      const iterated = [];
      for await (const post of client.threads.iteratePosts(threadId, { limit: 2 })) iterated.push(post);
      const whole = (await call('GET', `/api/threads/${threadId}?limit=50`, who)).json<ThreadDetail>();
      assert.deepEqual(iterated, whole.posts, `${who ?? 'guest'}, every page`);
    }
  });

  it('gives, through the SDK, exactly the one-request list of every reader, with their unread counts', async () => {
    const { threadId } = await busyThread();
    const categoryId = server.fixtures.categories.billing;
    for (const who of READERS) {
      for (const query of ['', '&filter=mine', '&sort=newest&limit=2']) {
        const whole = (await call('GET', `/api/threads?categoryId=${categoryId}${query}`, who)).json<ThreadPage>();
        const { client, sent } = clientOf(who);
        const params = Object.fromEntries(new URLSearchParams(query));
        const listed = await client.threads.list({ categoryId, ...params, ...(params.limit ? { limit: Number(params.limit) } : {}) });
        assert.deepEqual(listed, whole, `${who ?? 'guest'} ${query}`);
        if (who && whole.items.length) assert.deepEqual(sent.map((path) => path.replace(/\?.*/, '')), ['/api/threads', `/api/categories/${categoryId}/viewer`]);
      }
    }
    // The helper read the busy thread: it has new posts for them, in both ways of reading the list.
    const { client } = clientOf('helper');
    assert.ok((await client.threads.list({ categoryId })).items.find((thread) => thread.id === threadId)?.unreadCount);
  });

  it('answers the same bytes to every member, private to them, with an ETag their browser revalidates', async () => {
    const { threadId } = await busyThread();
    const apart = (who: string | null, headers: Record<string, string> = {}) => call('GET', `/api/threads/${threadId}?viewer=apart`, who, undefined, headers);
    const [first, second] = [await apart('other'), await apart('helper')];
    assert.equal(first.statusCode, 200);
    assert.equal(first.body, second.body);
    assert.equal(first.headers.etag, second.headers.etag);
    assert.equal(first.headers['cache-control'], 'private, no-cache');
    assert.ok(!first.body.includes('"viewer"') && !first.body.includes('"reading"'), 'nobody’s own state in the shared bytes');
    assert.equal((await apart('other', { 'if-none-match': String(first.headers.etag) })).statusCode, 304);
    const compressed = await apart('asker', { 'accept-encoding': 'br' });
    assert.equal(compressed.headers['content-encoding'], 'br');
    // Staff share theirs with staff only, as in the one-request read.
    const staff = await apart('advisor');
    assert.equal(staff.body, (await apart('moderator')).body);
    assert.equal((await apart(null)).headers['cache-control'], 'public, no-cache');
  });

  it('answers the reader’s own state on the posts of that thread only, nothing for a guest, and refuses bad lists', async () => {
    const { threadId, replyId } = await busyThread();
    const other = await busyThread();
    const state = (who: string | null, posts: string, thread = threadId) => call('GET', `/api/threads/${thread}/viewer?posts=${posts}`, who);
    const mine = (await state('other', `${replyId},${other.replyId},${replyId}`)).json<OwnThreadState>();
    assert.deepEqual(mine.posts, [{ id: replyId, viewer: { kudos: true, flagged: true } }]);
    assert.deepEqual(mine.viewer, { sameProblem: true });
    assert.equal(mine.reading?.follow.id, threadId);
    assert.deepEqual((await state(null, String(replyId))).json(), { posts: [] });
    const threadOnly = (await state('helper', '')).json<OwnThreadState>();
    assert.deepEqual(threadOnly.posts, []);
    assert.equal(threadOnly.reading?.lastReadPostId, replyId);
    for (const bad of ['abc', '1,,2', '-1', '0', '2147483648', Array.from({ length: 202 }, (_, i) => i + 1).join(',')]) {
      const refused = await state('other', bad);
      assert.equal(refused.statusCode, 400, bad);
      assert.equal(refused.json().error.code, 'validation_failed', bad);
    }
    assert.equal((await state('other', String(replyId), 2_000_000)).statusCode, 404);
  });

  it('answers the reader’s unread counts on threads of that category only, nothing for a guest, and refuses bad lists', async () => {
    const { threadId } = await busyThread();
    const { billing, network } = server.fixtures.categories;
    const counts = (who: string | null, threads: string, categoryId = billing) => call('GET', `/api/categories/${categoryId}/viewer?threads=${threads}`, who);
    const mine = (await counts('helper', `${threadId},${server.fixtures.threadId},${threadId}`)).json<OwnListState>();
    assert.equal(mine.threads.filter((thread) => thread.id === threadId).length, 1);
    assert.ok(mine.threads.find((thread) => thread.id === threadId)!.unreadCount >= 1);
    assert.deepEqual((await counts('helper', String(threadId), network)).json(), { threads: [] });
    assert.deepEqual((await counts(null, String(threadId))).json(), { threads: [] });
    assert.deepEqual((await counts('helper', '')).json(), { threads: [] });
    for (const bad of ['x', '1,', '0', '99999999999', Array.from({ length: 101 }, (_, i) => i + 1).join(',')]) {
      const refused = await counts('helper', bad);
      assert.equal(refused.statusCode, 400, bad);
      assert.equal(refused.json().error.code, 'validation_failed', bad);
    }
  });
});
