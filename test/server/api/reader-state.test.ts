/**
 * Issue 15, items 4–6 on the API: the reader's own state in thread reads (kudos, flags, same
 * problem, own markdown, the hand-off trace's conversation), the inbox's list fields and
 * unread marker, and the revisions edits keep for staff.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Post, ThreadDetail } from '../../../src/contract/index.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

const auth = (who: string | null) => (who ? { authorization: `Bearer ${tokens[who]}` } : {});
const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, who: string | null, payload?: object) =>
  server.app.inject({ method, url, headers: auth(who), ...(payload ? { payload } : {}) });
const read = async (threadId: number, who: string | null): Promise<ThreadDetail> => (await call('GET', `/api/threads/${threadId}`, who)).json();
const postOf = (detail: ThreadDetail, id: number): Post => detail.posts.find((p) => p.id === id)!;

async function threadWithReply(title: string): Promise<{ threadId: number; questionId: number; replyId: number }> {
  const created = await call('POST', '/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title, body: 'Ma facture a doublé.' });
  assert.equal(created.statusCode, 201, created.body);
  const threadId = created.json().thread.id;
  const reply = await call('POST', `/api/threads/${threadId}/posts`, 'helper', { body: 'Regardez **Mon compte**.' });
  assert.equal(reply.statusCode, 201, reply.body);
  return { threadId, questionId: created.json().post.id, replyId: reply.json().id };
}

describe('the reader’s own state in thread reads', { timeout: 600_000 }, () => {
  it('carries kudos, flags and "same problem" for the signed-in reader only, and they survive a reload', async () => {
    const { threadId, replyId } = await threadWithReply('Facture doublée ce mois');
    assert.equal((await call('POST', `/api/posts/${replyId}/kudos`, 'other')).statusCode, 200);
    assert.equal((await call('POST', `/api/posts/${replyId}/flags`, 'other', { reason: 'spam' })).statusCode, 201);
    assert.equal((await call('POST', `/api/threads/${threadId}/same-problem`, 'other')).statusCode, 200);

    const mine = await read(threadId, 'other');
    assert.deepEqual(postOf(mine, replyId).viewer, { kudos: true, flagged: true });
    assert.deepEqual(mine.viewer, { sameProblem: true });
    const someoneElse = await read(threadId, 'asker');
    assert.deepEqual(postOf(someoneElse, replyId).viewer, { kudos: false, flagged: false });
    assert.deepEqual(someoneElse.viewer, { sameProblem: false });
    const guest = await read(threadId, null);
    assert.equal(postOf(guest, replyId).viewer, undefined);
    assert.equal(guest.viewer, undefined);
    // The next pages carry it too.
    const first = (await call('GET', `/api/threads/${threadId}?limit=1`, 'other')).json<ThreadDetail>();
    const page = (await call('GET', `/api/threads/${threadId}/posts?cursor=${first.nextCursor}`, 'other')).json<{ items: Post[] }>();
    assert.deepEqual(page.items.find((p) => p.id === replyId)?.viewer, { kudos: true, flagged: true });
  });

  it('gives its author their own markdown to edit, staff any post’s (they may edit it), and no other member', async () => {
    const { threadId, replyId, questionId } = await threadWithReply('Forfait pas activé');
    assert.equal(postOf(await read(threadId, 'helper'), replyId).viewer?.source, 'Regardez **Mon compte**.');
    assert.equal(postOf(await read(threadId, 'helper'), questionId).viewer?.source, undefined);
    assert.equal(postOf(await read(threadId, 'asker'), replyId).viewer?.source, undefined);
    assert.equal(postOf(await read(threadId, 'advisor'), replyId).viewer?.source, 'Regardez **Mon compte**.');
    assert.equal(postOf(await read(threadId, 'moderator'), questionId).viewer?.source, 'Ma facture a doublé.');
  });

  it('takes a kudos back and gives it again, keeping the post’s and its author’s counters exact under races', async () => {
    const { replyId } = await threadWithReply('Kudos en rafale');
    const helperId = server.fixtures.members.helper.id;
    const received = async () => (await server.db.query<{ n: number }>('select kudos_received as n from members where id = $1', [helperId]))[0]!.n;
    const start = await received();
    const clicks = await Promise.all(['POST', 'DELETE', 'POST', 'POST', 'DELETE', 'POST'].map((method) => call(method as 'POST', `/api/posts/${replyId}/kudos`, 'other')));
    assert.deepEqual(clicks.map((r) => r.statusCode), [200, 200, 200, 200, 200, 200]);
    const rows = (await server.db.query<{ n: number }>('select count(*)::int as n from kudos where post_id = $1', [replyId]))[0]!.n;
    const count = (await server.db.query<{ n: number }>('select kudos_count as n from posts where id = $1', [replyId]))[0]!.n;
    assert.equal(count, rows);
    assert.equal(await received(), start + rows);
    const back = await call('DELETE', `/api/posts/${replyId}/kudos`, 'other');
    assert.deepEqual(back.json(), { postId: replyId, kudosCount: 0, given: false });
    assert.equal(await received(), start);
  });
});

describe('the private inbox', { timeout: 600_000 }, () => {
  it('links the hand-off trace to its conversation for the asker and advisors only', async () => {
    const { threadId } = await threadWithReply('Prélèvement inconnu');
    const opened = await call('POST', `/api/threads/${threadId}/private`, 'advisor', { message: 'Bonjour, votre numéro de ligne ?' });
    assert.equal(opened.statusCode, 201, opened.body);
    const { conversation, trace } = opened.json();
    assert.equal(postOf(await read(threadId, 'asker'), trace.id).viewer?.conversationId, conversation.id);
    assert.equal(postOf(await read(threadId, 'technicalAdvisor'), trace.id).viewer?.conversationId, conversation.id);
    assert.equal(postOf(await read(threadId, 'other'), trace.id).viewer?.conversationId, undefined);
    assert.equal(postOf(await read(threadId, 'moderator'), trace.id).viewer?.conversationId, undefined);
    const guest = JSON.stringify(await read(threadId, null));
    assert.ok(!guest.includes('conversationId') && !guest.includes('numéro de ligne'));
  });

  it('lists the last message time, the count and an unread marker that marking it read clears', async () => {
    const { threadId } = await threadWithReply('Remboursement en attente');
    const { conversation } = (await call('POST', `/api/threads/${threadId}/private`, 'advisor', { message: 'Bonjour, je regarde.' })).json();
    const item = async (who: string) => (await call('GET', '/api/private', who)).json<{ items: Array<Record<string, unknown>> }>().items.find((c) => c.id === conversation.id)!;

    const before = await item('asker');
    assert.equal(before.unread, true);
    assert.equal(before.messageCount, 1);
    assert.equal(typeof before.lastMessageAt, 'string');
    assert.equal((await item('advisor')).unread, false, 'its writer has read it');

    const shown = await call('GET', `/api/private/${conversation.id}`, 'asker');
    assert.equal(shown.statusCode, 200);
    assert.equal((await item('asker')).unread, true, 'a read writes nothing');
    assert.equal((await call('PUT', `/api/private/${conversation.id}/read`, 'asker', { lastMessageId: shown.json().messages.at(-1).id })).statusCode, 200);
    assert.equal((await item('asker')).unread, false);
    assert.equal((await call('POST', `/api/private/${conversation.id}/messages`, 'asker', { body: 'Merci, voici ma réponse.' })).statusCode, 201);
    const after = await item('asker');
    assert.deepEqual([after.unread, after.messageCount], [false, 2]);
    assert.equal((await item('technicalAdvisor')).unread, true, 'another advisor has not read the answer');
    assert.equal((await item('advisor')).unread, true);
  });
});

describe('post revisions', { timeout: 600_000 }, () => {
  it('keeps every earlier text of an edited post, for staff only', async () => {
    const { replyId } = await threadWithReply('Historique des modifications');
    assert.equal((await call('PATCH', `/api/posts/${replyId}`, 'helper', { body: 'Deuxième version.' })).statusCode, 200);
    const edited = await call('PATCH', `/api/posts/${replyId}`, 'helper', { body: 'Troisième version.' });
    assert.equal(edited.statusCode, 200);
    assert.equal(typeof edited.json().editedAt, 'string');

    const history = await call('GET', `/api/posts/${replyId}/revisions`, 'moderator');
    assert.equal(history.statusCode, 200, history.body);
    const { postId, items } = history.json();
    assert.equal(postId, replyId);
    assert.deepEqual(items.map((r: { bodyHtml: string }) => r.bodyHtml.trim()), ['<p>Regardez <strong>Mon compte</strong>.</p>', '<p>Deuxième version.</p>']);
    assert.equal(items[0].editor.pseudonym, server.fixtures.members.helper.pseudonym);
    assert.ok(items[0].writtenAt <= items[1].writtenAt && items[1].writtenAt <= items[1].replacedAt);

    assert.equal((await call('GET', `/api/posts/${replyId}/revisions`, 'advisor')).statusCode, 200);
    assert.equal((await call('GET', `/api/posts/${replyId}/revisions`, 'helper')).statusCode, 404);
    assert.equal((await call('GET', `/api/posts/${replyId}/revisions`, 'other')).statusCode, 404);
    assert.equal((await call('GET', `/api/posts/${replyId}/revisions`, null)).statusCode, 401);
    assert.equal((await call('GET', '/api/posts/999999/revisions', 'moderator')).statusCode, 404);
    assert.equal((await call('GET', '/api/posts/abc/revisions', 'moderator')).statusCode, 400);
  });

  it('keeps no revision when an edit is refused', async () => {
    const { replyId } = await threadWithReply('Modification refusée');
    const count = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from post_revisions where post_id = $1', [replyId]))[0]!.n;
    assert.equal((await call('PATCH', `/api/posts/${replyId}`, 'other', { body: 'Pas à moi.' })).statusCode, 403);
    assert.equal((await call('PATCH', `/api/posts/${replyId}`, 'helper', { body: ' ' })).statusCode, 400);
    assert.equal(await count(), 0);
  });
});
