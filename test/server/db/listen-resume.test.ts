/**
 * A server whose LISTEN connection to PostgreSQL drops (a restart, a failover, an operator's
 * `pg_terminate_backend`) keeps running, listens again, and catches up with what it did not
 * hear: the live streams get the events of the gap, and the read cache forgets what they changed.
 * Before, the dropped connection's 'error' had no listener and ended the process; one that
 * survived never heard a notification again. PostgreSQL only: PGlite listens in-process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Post, ThreadDetail } from '../../../src/contract/index.ts';
import { LiveStream } from '../../helpers/live-stream.ts';
import { createTestServer, isPostgres, type TestServer } from '../../helpers/server.ts';

describe('listening again after the connection drops', { skip: !isPostgres() && 'PostgreSQL only', timeout: 600_000 }, () => {
  let server: TestServer;
  let stream: LiveStream;

  before(async () => {
    server = await createTestServer({ listen: true });
    stream = await LiveStream.open(`${server.url}/api/events?threadId=${server.fixtures.threadId}`, undefined);
  });
  after(async () => {
    stream?.close();
    await server?.close();
  });

  /** Ends this database's LISTEN connections from PostgreSQL's side; resolves to how many. */
  async function dropListeners(): Promise<number> {
    const rows = await server.db.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = 'entraide-listen' and datname = current_database()`,
    );
    return rows.filter((row) => row.ended).length;
  }

  /** A reply and its event as a write during the gap leaves them: stored, its NOTIFY never heard. */
  async function replyUnheard(body: string): Promise<{ postId: number; eventId: number }> {
    const { threadId, categories, members } = server.fixtures;
    const [author] = await server.db.query<{ id: number }>('select id from members where external_id = $1', [members.other.externalId]);
    const [post] = await server.db.query<{ id: number }>(
      `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', $3, $4) returning id`,
      [threadId, author!.id, body, `<p>${body}</p>`],
    );
    const read = await fetch(`${server.url}/api/posts/${post!.id}`);
    assert.equal(read.status, 200);
    const event = { type: 'post-created', threadId, categoryId: categories.billing, post: (await read.json()) as Post };
    const [stored] = await server.db.query<{ id: number }>(
      `insert into events (community_id, type, thread_id, category_id, payload) values ($1, $2, $3, $4, $5) returning id`,
      [server.community.id, event.type, threadId, categories.billing, JSON.stringify(event)],
    );
    return { postId: post!.id, eventId: stored!.id };
  }

  const guestBodies = async () => ((await (await fetch(`${server.url}/api/threads/${server.fixtures.threadId}`)).json()) as ThreadDetail).posts.map((post) => post.bodyHtml);

  it('delivers the events of the gap to open streams and empties the read cache', async () => {
    const cached = await guestBodies();
    assert.ok(await dropListeners() >= 1, 'the server listens on a connection named entraide-listen');
    const { postId, eventId } = await replyUnheard('Écrit pendant la coupure');

    const frame = await stream.waitFor((candidate) => candidate.id === eventId, 'the event written while the server was not listening');
    assert.equal(frame.event.type, 'post-created');
    assert.ok(!cached.includes('<p>Écrit pendant la coupure</p>'));
    assert.ok((await guestBodies()).includes('<p>Écrit pendant la coupure</p>'), 'the cache no longer serves the thread as it was before the gap');
    assert.equal(stream.frames.filter((candidate) => candidate.id === eventId).length, 1, 'told once');
    assert.ok(postId > 0);
  });

  it('hears the next writes live again, through the API', async () => {
    const token = await server.tokenFor(server.fixtures.members.helper);
    const response = await fetch(`${server.url}/api/threads/${server.fixtures.threadId}/posts`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Et après la reprise ?' }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const post = (await response.json()) as Post;
    await stream.waitFor((candidate) => candidate.event.type === 'post-created' && candidate.event.post.id === post.id, 'the reply written after the reconnection');
  });

  it('survives its connection dropping again, and again', async () => {
    for (let round = 0; round < 3; round += 1) {
      assert.ok(await dropListeners() >= 1);
      const { eventId } = await replyUnheard(`Coupure ${round}`);
      await stream.waitFor((candidate) => candidate.id === eventId, `the event of gap ${round}`);
    }
  });
});
