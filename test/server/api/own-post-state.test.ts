/**
 * A post's own state outside thread reads (issue 15, item 4) against the real server (PGlite, or
 * PostgreSQL in parity runs): the author's answer to a reply carries their `viewer` (the source to
 * edit it in place), the live stream carries nobody's, and `GET /posts/:id` gives a page that
 * got a post live the reader's own state, to guests none, and nothing for a hidden post.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Post } from '../../../src/contract/index.ts';
import { LiveStream } from '../../helpers/live-stream.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

type Who = 'asker' | 'helper' | 'other';
let server: TestServer;
const tokens = {} as Record<Who, string>;

before(async () => {
  server = await createTestServer({ listen: true });
  for (const who of ['asker', 'helper', 'other'] as const) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(() => server.close());

async function call<T>(who: Who | 'guest', method: string, url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = who === 'guest' ? {} : { authorization: `Bearer ${tokens[who]}` };
  const response = await server.app.inject({ method: method as 'GET', url: `/api${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>() };
}

describe('a post’s own state outside thread reads', { timeout: 600_000 }, () => {
  it('answers the author’s reply and question with their source, while the live stream carries no one’s state', async () => {
    const { body: created } = await call<{ thread: { id: number }; post: Post }>('asker', 'POST', '/threads', {
      categoryId: server.fixtures.categories.network, title: 'Appels masqués impossibles', body: 'Bonjour, **comment** masquer mon numéro ?',
    });
    assert.deepEqual(created.post.viewer, { kudos: false, flagged: false, source: 'Bonjour, **comment** masquer mon numéro ?' });
    const stream = await LiveStream.open(`${server.url}/api/events?threadId=${created.thread.id}`, tokens.helper);
    try {
      const reply = await call<Post>('helper', 'POST', `/threads/${created.thread.id}/posts`, { body: 'Composez **#31#** avant le numéro.' });
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body.viewer, { kudos: false, flagged: false, source: 'Composez **#31#** avant le numéro.' });
      const frame = await stream.waitFor((f) => f.event.type === 'post-created' && f.event.post.id === reply.body.id, 'the live reply');
      assert.ok(frame.event.type === 'post-created' && frame.event.post.viewer === undefined, 'the stream carries no viewer');
      assert.ok(!stream.raw.includes('"source"'));
    } finally {
      stream.close();
    }
  });

  it('gives each reader their own state on one post, guests none, and 404 for a hidden or unknown post', async () => {
    const { body: created } = await call<{ thread: { id: number } }>('asker', 'POST', '/threads', {
      categoryId: server.fixtures.categories.network, title: 'Messagerie pleine', body: 'Bonjour, ma messagerie est pleine, que faire ?',
    });
    const { body: reply } = await call<Post>('helper', 'POST', `/threads/${created.thread.id}/posts`, { body: 'Videz-la depuis le 888.' });
    assert.equal((await call('asker', 'POST', `/posts/${reply.id}/kudos`)).status, 200);

    const mine = await call<Post>('helper', 'GET', `/posts/${reply.id}`);
    assert.equal(mine.status, 200);
    assert.deepEqual([mine.body.id, mine.body.bodyHtml, mine.body.kudosCount], [reply.id, reply.bodyHtml, 1]);
    assert.deepEqual(mine.body.viewer, { kudos: false, flagged: false, source: 'Videz-la depuis le 888.' });
    assert.deepEqual((await call<Post>('asker', 'GET', `/posts/${reply.id}`)).body.viewer, { kudos: true, flagged: false });
    assert.deepEqual((await call<Post>('other', 'GET', `/posts/${reply.id}`)).body.viewer, { kudos: false, flagged: false });
    const guest = await call<Post>('guest', 'GET', `/posts/${reply.id}`);
    assert.deepEqual([guest.status, guest.body.viewer], [200, undefined]);

    await server.db.query('update posts set hidden = true where id = $1', [reply.id]);
    for (const who of ['helper', 'guest'] as const) assert.equal((await call<{ error: { code: string } }>(who, 'GET', `/posts/${reply.id}`)).body.error.code, 'not_found');
    assert.equal((await call('helper', 'GET', '/posts/999999')).status, 404);
    const bad = await call<{ error: { code: string } }>('helper', 'GET', '/posts/abc');
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'validation_failed']);
  });
});
