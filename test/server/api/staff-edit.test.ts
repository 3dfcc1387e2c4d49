/**
 * Issue 15, item 6: staff edit a member's post (a phone number taken out, study §17). Their
 * reason is required, kept in the revision (the staff's history shows who and why) and in the
 * audit log; the author is told by a `post-edited` notification. Members edit only their own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Notification } from '../../../src/contract/areas/notify.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

type Who = 'asker' | 'helper' | 'other' | 'advisor' | 'moderator';
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Who, payload?: object) =>
  server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
const edit = (who: Who, postId: number, payload: object) => call('PATCH', `/api/posts/${postId}`, who, payload);
const edits = async (postId: number) => (await server.db.query<{ kind: string; actor_id: number }>(
  "select kind, actor_id from notifications where post_id = $1 and kind = 'post-edited'", [postId])).length;

async function replyBy(who: Who, body: string): Promise<number> {
  const reply = await call('POST', `/api/threads/${server.fixtures.threadId}/posts`, who, { body });
  assert.equal(reply.statusCode, 201, reply.body);
  return reply.json<{ id: number }>().id;
}

describe('staff editing a member’s post', { timeout: 600_000 }, () => {
  it('tells the author, and keeps who edited and why in the history staff read', async () => {
    const { advisor, helper } = server.fixtures.members;
    const postId = await replyBy('helper', 'Appelez-moi au 06 12 34 56 78 pour le forfait.');

    const response = await edit('advisor', postId, { body: 'Appelez-moi (numéro retiré) pour le forfait.', reason: 'Numéro de téléphone retiré.' });

    assert.equal(response.statusCode, 200, response.body);
    const { items } = (await call('GET', '/api/notifications?limit=100', 'helper')).json<{ items: Notification[] }>();
    const told = items.find((item) => item.kind === 'post-edited' && item.postId === postId);
    assert.ok(told, 'the author has a post-edited notification');
    assert.equal(told.by?.id, advisor.id);
    assert.equal(told.thread?.id, server.fixtures.threadId);
    const history = (await call('GET', `/api/posts/${postId}/revisions`, 'moderator')).json<{ items: { editor: { id: number }; reason: string | null; bodyHtml: string }[] }>();
    assert.deepEqual(history.items.map((r) => [r.editor.id, r.reason]), [[advisor.id, 'Numéro de téléphone retiré.']]);
    assert.match(history.items[0]!.bodyHtml, /06 12 34 56 78/);
    assert.notEqual(helper.id, advisor.id);
    // The thread's whole log (its posts' entries too) holds the edit with its reason.
    const log = (await call('GET', `/api/audit?threadId=${server.fixtures.threadId}`, 'moderator')).json<{ items: { action: string; targetId: number; reason: string | null }[] }>();
    const entry = log.items.find((item) => item.action === 'post.edit' && item.targetId === postId);
    assert.equal(entry?.reason, 'Numéro de téléphone retiré.');
    assert.equal((await call('GET', `/api/audit?threadId=${server.fixtures.threadId}`, 'helper')).statusCode, 403);
  });

  it('keeps the thread-wide log to that thread: another thread’s post edits are not in it', async () => {
    const created = await call('POST', '/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title: 'Une autre discussion', body: 'Autre question.' });
    assert.equal(created.statusCode, 201, created.body);
    const otherThread = created.json<{ thread: { id: number }; post: { id: number } }>();
    assert.equal((await edit('moderator', otherThread.post.id, { body: 'Autre question (corrigée).', reason: 'Coquille.' })).statusCode, 200);
    const log = (await call('GET', `/api/audit?threadId=${server.fixtures.threadId}`, 'moderator')).json<{ items: { targetType: string; targetId: number }[] }>();
    assert.equal(log.items.some((item) => item.targetType === 'post' && item.targetId === otherThread.post.id), false);
    const theirs = (await call('GET', `/api/audit?threadId=${otherThread.thread.id}`, 'moderator')).json<{ items: { action: string; reason: string }[] }>();
    assert.deepEqual(theirs.items.map((item) => [item.action, item.reason]), [['post.edit', 'Coquille.']]);
  });

  it('tells nobody when authors edit their own post, staff included', async () => {
    const own = await replyBy('helper', 'Première version de ma réponse.');
    assert.equal((await edit('helper', own, { body: 'Deuxième version de ma réponse.' })).statusCode, 200);
    assert.equal(await edits(own), 0);
    const advisorsOwn = await replyBy('advisor', 'Bonjour à tous, voici la marche à suivre.');
    assert.equal((await edit('advisor', advisorsOwn, { body: 'Bonjour à tous, voici la bonne marche à suivre.' })).statusCode, 200);
    assert.equal(await edits(advisorsOwn), 0);
  });

  it('refuses another member with 403, writing no revision, audit entry or notification', async () => {
    const postId = await replyBy('helper', 'Texte de Pix37, à lui seul.');
    const counts = async () => (await server.db.query<{ revisions: number; audits: number }>(
      'select (select count(*)::int from post_revisions where post_id = $1) as revisions, (select count(*)::int from audit_log) as audits', [postId]))[0];
    const before = await counts();

    const response = await edit('other', postId, { body: 'Je réécris sa réponse.', reason: 'Parce que.' });

    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'forbidden');
    assert.deepEqual(await counts(), before);
    assert.equal(await edits(postId), 0);
  });

  it('refuses a staff edit with a blank reason (400), telling nobody', async () => {
    const postId = await replyBy('helper', 'Mon adresse est 3 rue des Lilas.');
    const response = await edit('moderator', postId, { body: 'Mon adresse (retirée).', reason: '   ' });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().error.details[0].path, '/reason');
    assert.equal(await edits(postId), 0);
  });
});
