import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

const auth = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
/** Events of the public stream: each member's own notification events and the participants' private events are left out. */
const publicEvents = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from events where type not in ('notification', 'private-updated')`))[0]!.n;
const post = (url: string, who: string | null, payload: object = {}) =>
  server.app.inject({ method: 'POST', url, headers: who ? auth(who) : {}, payload });
const get = (url: string, who: string | null = null) => server.app.inject({ url, headers: who ? auth(who) : {} });

async function newThread(who: string, title: string): Promise<number> {
  const response = await post('/api/threads', who, { categoryId: server.fixtures.categories.billing, title, body: 'Il faut accéder à mon compte.' });
  assert.equal(response.statusCode, 201);
  return response.json<{ thread: { id: number } }>().thread.id;
}

describe('private conversations', { timeout: 600_000 }, () => {
  it('an advisor opens one from a public thread, leaving a public trace in the thread’s locale', async () => {
    const threadId = await newThread('asker', 'Prélèvement en double');
    const events = await publicEvents();
    const opened = await post(`/api/threads/${threadId}/private`, 'advisor', { message: 'Bonjour, pouvez-vous me donner votre numéro de ligne ?' });
    assert.equal(opened.statusCode, 201);
    const { conversation, messages, trace } = opened.json();
    assert.equal(conversation.threadId, threadId);
    assert.equal(conversation.asker.pseudonym, 'Tom');
    assert.equal(conversation.openedBy.pseudonym, 'Julie');
    assert.equal(conversation.status, 'open');
    assert.equal(messages.length, 1);
    assert.equal(trace.kind, 'trace');
    assert.match(trace.bodyHtml, /Un conseiller prend en charge votre demande par message privé/);

    const publicThread = (await get(`/api/threads/${threadId}`)).json();
    assert.equal(publicThread.posts.at(-1).kind, 'trace');
    assert.equal(publicThread.thread.replyCount, 1);
    assert.ok(!JSON.stringify(publicThread).includes('numéro de ligne'));
    assert.equal(await publicEvents(), events + 1, 'one public event: the trace');
  });

  it('is visible to its asker and every advisor, and 404 to any other member, moderator or unknown id', async () => {
    const threadId = await newThread('asker', 'Carte SIM bloquée');
    const { conversation } = (await post(`/api/threads/${threadId}/private`, 'advisor', {})).json();
    assert.equal((await get(`/api/private/${conversation.id}`, 'asker')).statusCode, 200);
    assert.equal((await get(`/api/private/${conversation.id}`, 'technicalAdvisor')).statusCode, 200);
    const hidden = await get(`/api/private/${conversation.id}`, 'other');
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'not_found');
    assert.equal((await get(`/api/private/${conversation.id}`, 'moderator')).statusCode, 404);
    assert.equal((await get('/api/private/999999', 'advisor')).statusCode, 404);
    assert.equal((await get(`/api/private/${conversation.id}`)).statusCode, 401);

    const messages = await count('private_messages');
    assert.equal((await post(`/api/private/${conversation.id}/messages`, 'other', { body: 'Je m’invite' })).statusCode, 404);
    assert.equal((await post(`/api/private/${conversation.id}/messages`, null, { body: 'Je m’invite' })).statusCode, 401);
    assert.equal((await post(`/api/private/${conversation.id}/messages`, 'asker', {})).statusCode, 400);
    assert.equal(await count('private_messages'), messages);

    const mine = (await get('/api/private', 'asker')).json().items.map((c: { id: number }) => c.id);
    const others = (await get('/api/private', 'other')).json().items;
    const advisors = (await get('/api/private?status=open', 'technicalAdvisor')).json().items.map((c: { id: number }) => c.id);
    assert.ok(mine.includes(conversation.id));
    assert.deepEqual(others, []);
    assert.ok(advisors.includes(conversation.id));
  });

  it('participants exchange messages; the advisor closes with an outcome posted publicly', async () => {
    const threadId = await newThread('asker', 'Changement de RIB');
    const { conversation } = (await post(`/api/threads/${threadId}/private`, 'advisor', {})).json();
    assert.equal((await post(`/api/private/${conversation.id}/messages`, 'asker', { body: 'Mon nouveau RIB est prêt.' })).statusCode, 201);
    assert.equal((await post(`/api/private/${conversation.id}/messages`, 'technicalAdvisor', { body: 'Bien reçu.' })).statusCode, 201);
    const detail = (await get(`/api/private/${conversation.id}`, 'advisor')).json();
    assert.deepEqual(detail.messages.map((m: { author: { pseudonym: string } }) => m.author.pseudonym), ['Tom', 'Karim']);

    const outcomes = await count('posts');
    assert.equal((await post(`/api/private/${conversation.id}/close`, 'asker', { outcome: 'Fini' })).statusCode, 403);
    assert.equal((await post(`/api/private/${conversation.id}/close`, 'other', { outcome: 'Fini' })).statusCode, 404);
    assert.equal((await post(`/api/private/${conversation.id}/close`, 'advisor', {})).statusCode, 400);
    assert.equal(await count('posts'), outcomes);

    const closed = await post(`/api/private/${conversation.id}/close`, 'advisor', { outcome: 'RIB mis à jour, prochain prélèvement corrigé.' });
    assert.equal(closed.statusCode, 200);
    assert.equal(closed.json().conversation.status, 'closed');
    assert.equal(closed.json().conversation.outcome, 'RIB mis à jour, prochain prélèvement corrigé.');
    const publicThread = (await get(`/api/threads/${threadId}`)).json();
    assert.match(publicThread.posts.at(-1).bodyHtml, /Échange privé terminé\. Résultat : RIB mis à jour/);
    assert.equal((await post(`/api/private/${conversation.id}/messages`, 'asker', { body: 'Encore une chose' })).statusCode, 409);
    assert.equal((await post(`/api/private/${conversation.id}/close`, 'advisor', { outcome: 'Encore' })).statusCode, 409);
    const audit = (await get(`/api/audit?targetType=private&targetId=${conversation.id}`, 'moderator')).json();
    assert.deepEqual(audit.items.map((e: { action: string }) => e.action), ['private.close', 'private.open']);
  });

  it('the asker may ask for one; other members may not open one; a second open one is refused; nothing written on refusal', async () => {
    const threadId = await newThread('asker', 'Accès à mon espace client');
    const before = [await count('private_conversations'), await count('posts')];
    assert.equal((await post(`/api/threads/${threadId}/private`, 'other', {})).statusCode, 403);
    assert.equal((await post(`/api/threads/${threadId}/private`, 'moderator', {})).statusCode, 403);
    assert.equal((await post(`/api/threads/${threadId}/private`, null, {})).statusCode, 401);
    assert.equal((await post('/api/threads/999999/private', 'advisor', {})).statusCode, 404);
    assert.deepEqual([await count('private_conversations'), await count('posts')], before);

    const asked = await post(`/api/threads/${threadId}/private`, 'asker', {});
    assert.equal(asked.statusCode, 201);
    assert.match(asked.json().trace.bodyHtml, /Le demandeur a demandé un échange privé/);
    assert.equal((await post(`/api/threads/${threadId}/private`, 'advisor', {})).statusCode, 409);
    assert.deepEqual([await count('private_conversations'), await count('posts')], [before[0]! + 1, before[1]! + 1]);
  });
});
