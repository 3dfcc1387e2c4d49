import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

const send = (method: 'POST' | 'DELETE', url: string, who: string, payload: object = {}) =>
  server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, payload });
interface AuditEntry { action: string; reason: string | null; before: object; after: object }
const audit = async (threadId: number) =>
  (await server.app.inject({ url: `/api/audit?targetType=thread&targetId=${threadId}`, headers: { authorization: `Bearer ${tokens.moderator}` } })).json<{ items: AuditEntry[] }>().items[0]!;
const lastPostAt = async (categoryId: number) =>
  (await server.db.query<{ last_post_at: Date | null }>('select last_post_at from categories where id = $1', [categoryId]))[0]!.last_post_at?.toISOString() ?? null;
const threadRow = async (id: number) =>
  (await server.db.query<{ status: string; accepted_post_id: number | null; same_problem_count: number; last_post_at: Date }>(
    'select status, accepted_post_id, same_problem_count, last_post_at from threads where id = $1', [id]))[0]!;

async function newThread(who: string, categoryId: number, title: string): Promise<number> {
  const response = await send('POST', '/api/threads', who, { categoryId, title, body: 'Le détail de ma question.' });
  assert.equal(response.statusCode, 201);
  return response.json<{ thread: { id: number } }>().thread.id;
}

async function reply(who: string, threadId: number): Promise<number> {
  const response = await send('POST', `/api/threads/${threadId}/posts`, who, { body: 'Une réponse utile.' });
  assert.equal(response.statusCode, 201);
  return response.json<{ id: number }>().id;
}

describe('what a move or a merge leaves behind', () => {
  it('audits a move with its reason and both categories, and dates each category by the threads still in it', async () => {
    const { billing, network } = server.fixtures.categories;
    const threadId = await newThread('asker', billing, 'Facture du mois dernier');
    const movedAt = (await threadRow(threadId)).last_post_at.toISOString();
    assert.equal((await send('POST', `/api/threads/${threadId}/move`, 'advisor', { categoryId: network, reason: 'Sujet réseau' })).statusCode, 200);
    const entry = await audit(threadId);
    assert.deepEqual([entry.action, entry.reason, entry.before, entry.after], ['thread.move', 'Sujet réseau', { categoryId: billing }, { categoryId: network }]);
    assert.equal(await lastPostAt(network), movedAt);
    assert.notEqual(await lastPostAt(billing), movedAt);
  });

  it('audits a merge, carries the accepted answer and the same-problem marks over, and refreshes the categories', async () => {
    const { billing, network } = server.fixtures.categories;
    const into = await newThread('helper', billing, 'Forfait bloqué après changement');
    const from = await newThread('asker', network, 'Mon forfait ne change pas');
    const solution = await reply('other', from);
    assert.equal((await send('POST', `/api/threads/${from}/solution`, 'asker', { postId: solution })).statusCode, 200);
    assert.equal((await send('POST', `/api/threads/${from}/same-problem`, 'other')).statusCode, 200);
    assert.equal((await send('POST', `/api/threads/${from}/same-problem`, 'advisor')).statusCode, 200);
    const fromPostAt = (await threadRow(from)).last_post_at.toISOString();

    assert.equal((await send('POST', `/api/threads/${from}/merge`, 'moderator', { intoThreadId: into, reason: 'Doublon' })).statusCode, 200);
    const entry = await audit(from);
    assert.deepEqual([entry.action, entry.reason, entry.before, entry.after], [
      'thread.merge', 'Doublon', { status: 'solved', categoryId: network, mergedIntoId: null }, { status: 'closed', mergedIntoId: into, movedPosts: 2 },
    ]);
    assert.deepEqual(await threadRow(into), { status: 'solved', accepted_post_id: solution, same_problem_count: 2, last_post_at: new Date(fromPostAt) });
    assert.equal(await lastPostAt(billing), fromPostAt);
    assert.notEqual(await lastPostAt(network), fromPostAt);
  });

  it('reopens a closed thread that had a solution as solved', async () => {
    const threadId = await newThread('asker', server.fixtures.categories.billing, 'Carte SIM non reçue');
    const solution = await reply('helper', threadId);
    assert.equal((await send('POST', `/api/threads/${threadId}/solution`, 'asker', { postId: solution })).statusCode, 200);
    assert.equal((await send('POST', `/api/threads/${threadId}/close`, 'moderator')).statusCode, 200);
    assert.equal((await send('POST', `/api/threads/${threadId}/reopen`, 'moderator')).json().status, 'solved');
  });
});
