/**
 * DELETE /api/posts/:postId: a member deletes their own reply, which stays in its thread as a
 * tombstone (body emptied for every reader, words kept in the audit log); counters go down,
 * an accepted solution is withdrawn, live readers get the tombstone. Staff delete any reply
 * with a reason; a question and a deleted post cannot be deleted (409).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { Post, ThreadDetail } from '../../../src/contract/index.ts';
import type { FixtureMember } from '../../helpers/fixtures.ts';
import { LiveStream } from '../../helpers/live-stream.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens = new Map<string, string>();

const as = (member: FixtureMember | null, options: InjectOptions) =>
  server.app.inject({ ...options, headers: { ...(member ? { authorization: `Bearer ${tokens.get(member.externalId)}` } : {}), ...options.headers } });
const remove = (member: FixtureMember | null, postId: number, payload?: object) =>
  as(member, { method: 'DELETE', url: `/api/posts/${postId}`, ...(payload ? { payload } : {}) });
const one = async <T>(sql: string, params: unknown[] = []) => (await server.db.query<T>(sql, params))[0]!;
const count = async (table: string) => (await one<{ n: number }>(`select count(*)::int as n from ${table}`)).n;

/** The counters posting raises: the thread's replies, the author's posts, the category's posts. */
async function counters(threadId: number, authorId: number) {
  return one<{ replies: number; posts: number; category: number }>(
    `select t.reply_count as replies, m.post_count as posts, c.post_count as category
     from threads t join categories c on c.id = t.category_id, members m where t.id = $1 and m.id = $2`,
    [threadId, authorId],
  );
}

/** A question by the asker with a reply by `member`, through the API. */
async function threadWithReplyBy(member: FixtureMember, body = 'Redémarrez la box, puis attendez deux minutes.'): Promise<{ threadId: number; questionId: number; replyId: number }> {
  const { asker } = server.fixtures.members;
  const created = await as(asker, { method: 'POST', url: '/api/threads', payload: { categoryId: server.fixtures.categories.billing, title: 'Box sans internet', body: 'Plus rien depuis ce matin.' } });
  assert.equal(created.statusCode, 201, created.body);
  const { thread, post } = created.json<{ thread: { id: number }; post: Post }>();
  const reply = await as(member, { method: 'POST', url: `/api/threads/${thread.id}/posts`, payload: { body } });
  assert.equal(reply.statusCode, 201, reply.body);
  return { threadId: thread.id, questionId: post.id, replyId: reply.json<Post>().id };
}

before(async () => {
  server = await createTestServer({ listen: true });
  for (const member of Object.values(server.fixtures.members)) tokens.set(member.externalId, await server.tokenFor(member));
});
after(() => server.close());

describe('DELETE /api/posts/:postId', { timeout: 600_000 }, () => {
  it('lets the author delete their reply: a tombstone everyone reads, counters lowered, the words audited', async () => {
    const { helper } = server.fixtures.members;
    const { threadId, replyId } = await threadWithReplyBy(helper, 'Mon numéro est le 0601020304.');
    const before = await counters(threadId, helper.id);

    const response = await remove(helper, replyId);

    assert.equal(response.statusCode, 200, response.body);
    const post = response.json<Post>();
    assert.deepEqual([post.id, post.bodyHtml, post.deleted?.by], [replyId, '', 'author']);
    assert.ok(post.deleted && Date.parse(post.deleted.at) > 0);
    for (const reader of [null, server.fixtures.members.other, server.fixtures.members.moderator]) {
      const read = (await as(reader, { url: `/api/threads/${threadId}` })).json<ThreadDetail>();
      const shown = read.posts.find((p) => p.id === replyId);
      assert.deepEqual([shown?.bodyHtml, shown?.deleted?.by], ['', 'author'], 'the tombstone stays in the thread, its body empty');
      assert.equal(read.thread.replyCount, before.replies - 1);
    }
    assert.deepEqual(await counters(threadId, helper.id), { replies: before.replies - 1, posts: before.posts - 1, category: before.category - 1 });
    assert.equal((await one<{ body_md: string }>('select body_md from posts where id = $1', [replyId])).body_md, '');
    const entry = await one<{ actor_id: number; reason: string | null; before: unknown; after: unknown }>(
      `select actor_id, reason, before, after from audit_log where action = 'post.delete' and target_id = $1`, [replyId],
    );
    assert.deepEqual(entry, { actor_id: helper.id, reason: null, before: { body: 'Mon numéro est le 0601020304.' }, after: { body: '', deletedBy: 'author' } });
    const event = await one<{ payload: { type: string; post: Post } }>("select payload from events where type = 'post-updated' order by id desc limit 1");
    assert.deepEqual([event.payload.post.id, event.payload.post.deleted?.by, event.payload.post.bodyHtml], [replyId, 'author', '']);
  });

  it('takes the deleted words out of search', async () => {
    const { helper } = server.fixtures.members;
    const { replyId } = await threadWithReplyBy(helper, 'Essayez le zorglubomètre.');
    const search = async () => (await as(null, { url: '/api/search?q=zorglubomètre' })).json<{ items: unknown[] }>().items.length;
    assert.equal(await search(), 1);
    assert.equal((await remove(helper, replyId)).statusCode, 200);
    assert.equal(await search(), 0);
  });

  it('refuses deleting twice with 409 and lowers nothing twice', async () => {
    const { helper } = server.fixtures.members;
    const { threadId, replyId } = await threadWithReplyBy(helper);
    assert.equal((await remove(helper, replyId)).statusCode, 200);
    const afterFirst = await counters(threadId, helper.id);
    const events = await count('events');
    const again = await remove(helper, replyId);
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().error, { code: 'conflict', message: 'This post is already deleted.' });
    assert.deepEqual(await counters(threadId, helper.id), afterFirst);
    assert.equal(await count('events'), events);
  });

  it('refuses deleting a question with 409, even for staff', async () => {
    const { asker, moderator } = server.fixtures.members;
    const { questionId } = await threadWithReplyBy(server.fixtures.members.helper);
    for (const [who, payload] of [[asker, undefined], [moderator, { reason: 'Doublon.' }]] as const) {
      const response = await remove(who, questionId, payload);
      assert.equal(response.statusCode, 409, response.body);
      assert.equal(response.json().error.message, 'A question opens its thread: it cannot be deleted, only edited.');
    }
  });

  it('refuses another member (403), a guest (401) and an unknown post (404), changing nothing', async () => {
    const { helper, other } = server.fixtures.members;
    const { threadId, replyId } = await threadWithReplyBy(helper);
    const before = await counters(threadId, helper.id);
    const forbidden = await remove(other, replyId);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().error.message, 'Only its author or a moderator may delete this post.');
    assert.equal((await remove(null, replyId)).statusCode, 401);
    assert.equal((await remove(helper, 987_654)).statusCode, 404);
    assert.deepEqual(await counters(threadId, helper.id), before);
  });

  it('refuses the author on a closed thread (403); staff delete there with a reason, audited, and without one get 400', async () => {
    const { helper, moderator } = server.fixtures.members;
    const { threadId, replyId } = await threadWithReplyBy(helper, 'Contenu à retirer.');
    assert.equal((await as(moderator, { method: 'POST', url: `/api/threads/${threadId}/close`, payload: { reason: 'Résolu.' } })).statusCode, 200);
    const refused = await remove(helper, replyId);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.message, 'This thread is closed: its posts can no longer be deleted.');
    const withoutReason = await remove(moderator, replyId);
    assert.equal(withoutReason.statusCode, 400);
    assert.equal(withoutReason.json().error.details[0].path, '/reason');
    const response = await remove(moderator, replyId, { reason: 'Hors sujet.' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json<Post>().deleted?.by, 'staff');
    const entry = await one<{ actor_id: number; reason: string; before: unknown }>(
      `select actor_id, reason, before from audit_log where action = 'post.delete' and target_id = $1`, [replyId],
    );
    assert.deepEqual(entry, { actor_id: moderator.id, reason: 'Hors sujet.', before: { body: 'Contenu à retirer.' } });
  });

  it('withdraws the accepted solution and its credit when the solution is deleted', async () => {
    const { asker, helper } = server.fixtures.members;
    const { threadId, replyId } = await threadWithReplyBy(helper);
    assert.equal((await as(asker, { method: 'POST', url: `/api/threads/${threadId}/solution`, payload: { postId: replyId } })).statusCode, 200);
    const credited = await one<{ accepted_count: number }>('select accepted_count from members where id = $1', [helper.id]);
    assert.equal((await remove(helper, replyId)).statusCode, 200);
    const thread = (await as(null, { url: `/api/threads/${threadId}` })).json<ThreadDetail>().thread;
    assert.deepEqual([thread.acceptedPostId, thread.status, thread.replyCount], [null, 'open', 0]);
    assert.equal((await one<{ accepted_count: number }>('select accepted_count from members where id = $1', [helper.id])).accepted_count, credited.accepted_count - 1);
  });

  it('refuses editing a deleted post (409): a tombstone is not brought back', async () => {
    const { helper } = server.fixtures.members;
    const { replyId } = await threadWithReplyBy(helper);
    assert.equal((await remove(helper, replyId)).statusCode, 200);
    const edit = await as(helper, { method: 'PATCH', url: `/api/posts/${replyId}`, payload: { body: 'Je reviens.' } });
    assert.equal(edit.statusCode, 409);
    assert.equal((await one<{ body_md: string }>('select body_md from posts where id = $1', [replyId])).body_md, '');
  });

  it('refuses an unknown body field (400)', async () => {
    const { helper } = server.fixtures.members;
    const { replyId } = await threadWithReplyBy(helper);
    assert.equal((await remove(helper, replyId, { everywhere: true })).statusCode, 400);
  });

  it('refuses kudos on a deleted post (403, the giveKudos rule) and counts nothing', async () => {
    const { helper, other } = server.fixtures.members;
    const { replyId } = await threadWithReplyBy(helper);
    assert.equal((await remove(helper, replyId)).statusCode, 200);
    const kudosBefore = await one<{ kudos_count: number }>('select kudos_count from posts where id = $1', [replyId]);
    const refused = await as(other, { method: 'POST', url: `/api/posts/${replyId}/kudos` });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.deepEqual(refused.json().error, { code: 'forbidden', message: 'This post is deleted: it takes no more kudos.' });
    assert.deepEqual(await one('select kudos_count from posts where id = $1', [replyId]), kudosBefore);
    assert.equal((await one<{ n: number }>('select count(*)::int as n from kudos where post_id = $1', [replyId])).n, 0);
  });

  describe('the thread status after a deletion', () => {
    const status = async (threadId: number) => (await as(null, { url: `/api/threads/${threadId}` })).json<ThreadDetail>().thread.status;
    const reply = async (member: FixtureMember, threadId: number, body = 'Une autre piste.') => {
      const response = await as(member, { method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json<Post>().id;
    };

    it('opens again a thread whose only answer was deleted, even with a reply of the asker left', async () => {
      const { asker, helper } = server.fixtures.members;
      const { threadId, replyId } = await threadWithReplyBy(helper);
      await reply(asker, threadId, 'Merci, je teste.');
      assert.equal(await status(threadId), 'answered');
      assert.equal((await remove(helper, replyId)).statusCode, 200);
      assert.equal(await status(threadId), 'open');
      const event = await one<{ payload: { type: string; thread: { status: string } } }>("select payload from events where type = 'thread-updated' order by id desc limit 1");
      assert.equal(event.payload.thread.status, 'open', 'live readers get the thread open again');
    });

    it('keeps it answered while another answer is left, or when the asker deletes their own reply', async () => {
      const { asker, helper, other } = server.fixtures.members;
      const { threadId, replyId } = await threadWithReplyBy(helper);
      await reply(other, threadId);
      const askers = await reply(asker, threadId, 'Toujours en panne.');
      assert.equal((await remove(helper, replyId)).statusCode, 200);
      assert.equal(await status(threadId), 'answered');
      assert.equal((await remove(asker, askers)).statusCode, 200);
      assert.equal(await status(threadId), 'answered');
    });

    it('opens a solved thread whose solution, its only answer, was deleted; leaves a closed one closed', async () => {
      const { asker, helper, moderator } = server.fixtures.members;
      const solved = await threadWithReplyBy(helper);
      await reply(asker, solved.threadId, 'Réglé, merci.');
      assert.equal((await as(asker, { method: 'POST', url: `/api/threads/${solved.threadId}/solution`, payload: { postId: solved.replyId } })).statusCode, 200);
      assert.equal((await remove(helper, solved.replyId)).statusCode, 200);
      assert.equal(await status(solved.threadId), 'open');

      const closed = await threadWithReplyBy(helper);
      assert.equal((await as(moderator, { method: 'POST', url: `/api/threads/${closed.threadId}/close`, payload: { reason: 'Résolu.' } })).statusCode, 200);
      assert.equal((await remove(moderator, closed.replyId, { reason: 'Hors sujet.' })).statusCode, 200);
      assert.equal(await status(closed.threadId), 'closed');
    });
  });

  describe('the last post times after a deletion', () => {
    const times = async (threadId: number) => {
      const { thread } = (await as(null, { url: `/api/threads/${threadId}` })).json<ThreadDetail>();
      const { categories } = (await as(null, { url: '/api/community' })).json<{ categories: Array<{ id: number; lastPostAt: string | null }> }>();
      return { thread: thread.lastPostAt, category: categories.find((c) => c.id === thread.categoryId)!.lastPostAt };
    };

    it("rolls the thread's and the category's back to the latest post left when the latest is deleted", async () => {
      const { helper } = server.fixtures.members;
      const { threadId } = await threadWithReplyBy(server.fixtures.members.other);
      const before = await times(threadId);
      const latest = (await as(helper, { method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'Dernier message.' } })).json<Post>();
      assert.deepEqual(await times(threadId), { thread: latest.createdAt, category: latest.createdAt });
      assert.equal((await remove(helper, latest.id)).statusCode, 200);
      assert.deepEqual(await times(threadId), before);
    });

    it('changes neither when an older post is deleted', async () => {
      const { helper, other } = server.fixtures.members;
      const { threadId, replyId } = await threadWithReplyBy(helper);
      const latest = (await as(other, { method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body: 'Plus récent.' } })).json<Post>();
      assert.equal((await remove(helper, replyId)).statusCode, 200);
      assert.deepEqual(await times(threadId), { thread: latest.createdAt, category: latest.createdAt });
    });
  });

  for (const [reader, who] of [['a guest', null], ['a member', 'other'], ['staff', 'moderator']] as const) {
    it(`sends ${reader} reading the thread live the tombstone, never the deleted words`, async () => {
      const { helper } = server.fixtures.members;
      const words = `Texte supprimé pour ${reader}`;
      const { threadId, replyId } = await threadWithReplyBy(helper, words);
      const token = who ? tokens.get(server.fixtures.members[who].externalId) : undefined;
      const stream = await LiveStream.open(`${server.url}/api/events?threadId=${threadId}`, token);
      try {
        assert.equal((await remove(helper, replyId)).statusCode, 200);
        const { event } = await stream.waitFor(({ event }) => event.type === 'post-updated' && event.post.id === replyId, 'the tombstone');
        assert.ok(event.type === 'post-updated');
        assert.deepEqual([event.post.bodyHtml, event.post.deleted?.by], ['', 'author']);
        await stream.waitFor(({ event }) => event.type === 'thread-updated' && event.thread.replyCount === 0, 'the thread with one reply less');
      } finally {
        stream.close();
      }
      // Replayed from the start, the reply's creation reads as it is now: a tombstone.
      const replay = await LiveStream.open(`${server.url}/api/events?threadId=${threadId}`, token, 0);
      try {
        await replay.waitFor(({ event }) => event.type === 'thread-updated', 'the replay');
        assert.ok(!replay.raw.includes(words), `${reader} received the deleted words`);
      } finally {
        replay.close();
      }
    });
  }
});
