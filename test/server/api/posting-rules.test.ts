import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens()));
after(() => server.close());

const post = (url: string, who: string, payload: object) =>
  server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens[who]}` }, payload });
const ask = (title: string, body = 'Le détail de ma question.') => post('/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title, body });

describe('asking and replying at the limits', () => {
  it('takes a title of exactly five characters that are not spaces, and says which field is too short', async () => {
    assert.equal((await ask('  Forf  ')).statusCode, 400);
    assert.equal((await ask(' Forfa ')).statusCode, 201);
    const short = (await ask('  Forf  ')).json().error;
    assert.deepEqual([short.message, short.details], ['title needs at least 5 characters that are not spaces.', [{ path: '/title', message: 'too short' }]]);
    const blank = (await ask('Ma facture', '   a   ')).json().error;
    assert.deepEqual([blank.message, blank.details], ['body needs at least 2 characters that are not spaces.', [{ path: '/body', message: 'too short' }]]);
    const reply = (await post(`/api/threads/${server.fixtures.threadId}/posts`, 'helper', { body: ' a ' })).json().error;
    assert.deepEqual([reply.message, reply.details], ['body needs at least 2 characters that are not spaces.', [{ path: '/body', message: 'too short' }]]);
  });

  it('keeps the first 180 characters of the question as plain text for the excerpt', async () => {
    const body = `**${'a'.repeat(100)}** ${'b'.repeat(100)}`;
    const created = (await ask('Une longue question', body)).json();
    const [row] = await server.db.query<{ excerpt: string }>('select excerpt from threads where id = $1', [created.thread.id]);
    assert.equal(row!.excerpt, `${'a'.repeat(100)} ${'b'.repeat(79)}`);
  });

  it('sends a reply to a merged thread to the thread it was merged into (409), not a refusal', async () => {
    const from = (await ask('Doublon de question')).json().thread.id;
    const into = (await ask('Question d’origine')).json().thread.id;
    assert.equal((await post(`/api/threads/${from}/merge`, 'moderator', { intoThreadId: into })).statusCode, 200);
    const refused = await post(`/api/threads/${from}/posts`, 'advisor', { body: 'Ma réponse' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, new RegExp(`merged into thread ${into}`));
  });
});
