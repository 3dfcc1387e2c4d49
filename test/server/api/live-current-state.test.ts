/**
 * The live stream gives each reader what the read API gives them now, not what an event's
 * write stored: a reply a moderator hid, a body its author edited away and a private message
 * never come back, to a guest, a member or an advisor, whether replayed with Last-Event-ID: 0
 * or delivered live. Real HTTP, as the SDK reads the stream (fetch with the bearer token).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Post, ThreadDetail } from '../../../src/contract/index.ts';
import { publishEvent } from '../../../src/domain/repo/events.ts';
import { LiveStream, shownPosts } from '../../helpers/live-stream.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens: Record<string, string> = {};
const READERS = [['a guest', null], ['a member', 'other'], ['an advisor', 'advisor']] as const;

const HIDDEN_TEXT = 'Mon code PUK est 12345678';
const OLD_BODY = 'Appelez le 0601020304 pour débloquer';
const NEW_BODY = 'Passez par votre espace client pour débloquer';
const PRIVATE_TEXT = 'Votre numéro de ligne, en privé';

const headers = (who: string | null) => ({ 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) });

async function call<T>(method: string, path: string, who: string | null, body?: object): Promise<T> {
  const response = await fetch(`${server.url}/api${path}`, { method, headers: headers(who), body: body && JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

/** The stream as `who` reads it (a guest when null). */
const openStream = (who: string | null, query: string, lastEventId?: number) =>
  LiveStream.open(`${server.url}/api/events${query}`, who ? tokens[who] : undefined, lastEventId);

let threadId: number;
let hiddenId: number;
let editedId: number;

before(async () => {
  server = await createTestServer({ listen: true });
  for (const [name, member] of Object.entries(server.fixtures.members)) tokens[name] = await server.tokenFor(member);
  const created = await call<{ thread: { id: number } }>('POST', '/threads', 'asker', { categoryId: server.fixtures.categories.billing, title: 'Carte SIM bloquée', body: 'Ma carte SIM est bloquée, que faire ?' });
  threadId = created.thread.id;
  hiddenId = (await call<Post>('POST', `/threads/${threadId}/posts`, 'helper', { body: HIDDEN_TEXT })).id;
  editedId = (await call<Post>('POST', `/threads/${threadId}/posts`, 'other', { body: OLD_BODY })).id;
  await call('POST', `/posts/${hiddenId}/hide`, 'moderator', { reason: 'Données personnelles' });
  await call('PATCH', `/posts/${editedId}`, 'other', { body: NEW_BODY });
  // "Moving to private" here: a private conversation opened from the thread, its messages
  // private, a public trace left on the thread.
  await call('POST', `/threads/${threadId}/private`, 'advisor', { message: PRIVATE_TEXT });
});
after(() => server.close());

describe('the live stream replayed from Last-Event-ID: 0', { timeout: 600_000 }, () => {
  for (const [reader, who] of READERS) {
    it(`gives ${reader} what the read API gives them now, nothing that moderation or an edit removed`, async () => {
      for (const query of ['', `?threadId=${threadId}`, `?categoryId=${server.fixtures.categories.billing}`]) {
        const stream = await openStream(who, query, 0);
        try {
          // Live events follow the replay: once a reply made now arrives, the whole replay has.
          const marker = await call<Post>('POST', `/threads/${threadId}/posts`, 'helper', { body: `Après le rejeu, ${reader} ${query}` });
          await stream.waitFor(({ event }) => event.type === 'post-created' && event.post.id === marker.id, 'a reply made after the replay');
          for (const text of [HIDDEN_TEXT, OLD_BODY, PRIVATE_TEXT]) assert.ok(!stream.raw.includes(text), `${reader} ${query} received "${text}"`);

          const edited = stream.frames.filter(({ event }) => (event.type === 'post-created' || event.type === 'post-updated') && event.post.id === editedId);
          assert.deepEqual(edited.map(({ event }) => event.type), ['post-created', 'post-updated']);
          for (const { event } of edited) {
            assert.ok('post' in event && event.post.bodyHtml.includes(NEW_BODY));
            assert.ok('post' in event && event.post.editedAt !== null);
          }
          assert.ok(stream.frames.some(({ event }) => event.type === 'post-removed' && event.postId === hiddenId && event.threadId === threadId), 'the hidden reply is a tombstone');

          // The question comes with thread-created; every later post the read shows, the stream shows, as it reads.
          const replies = (await call<ThreadDetail>('GET', `/threads/${threadId}`, who)).posts.filter((post) => post.kind !== 'question');
          const shown = shownPosts(stream.frames, threadId);
          assert.deepEqual([...shown.keys()].sort(), replies.map((post) => post.id).sort(), 'the stream shows the posts the thread read shows');
          for (const post of replies) assert.equal(shown.get(post.id)?.bodyHtml, post.bodyHtml);
        } finally {
          stream.close();
        }
      }
    });
  }

  it('re-reads a replay in a few queries, whatever the number of events', async () => {
    for (let n = 0; n < 40; n += 1) await call('POST', `/threads/${threadId}/posts`, 'helper', { body: `Réponse numéro ${n}` });
    const query = server.db.query.bind(server.db);
    let queries = 0;
    server.db.query = (sql, params) => {
      queries += 1;
      return query(sql, params);
    };
    try {
      const stream = await openStream(null, `?threadId=${threadId}`, 0);
      // The last reply is the last event: the replay's reads are all done once it arrives.
      await stream.waitFor(({ event }) => event.type === 'post-created' && event.post.bodyHtml.includes('Réponse numéro 39'), 'the last reply');
      stream.close();
      assert.ok(stream.frames.length > 40, `${stream.frames.length} frames`);
      assert.ok(queries <= 8 && queries > 0, `${queries} queries for ${stream.frames.length} events`);
    } finally {
      server.db.query = query;
    }
  });
});

describe('the live stream, live', { timeout: 600_000 }, () => {
  it('delivers each post as it is at delivery, and a tombstone for one hidden before delivery', async () => {
    const streams = await Promise.all(READERS.map(([, who]) => openStream(who, `?threadId=${threadId}`)));
    try {
      const reply = await call<Post>('POST', `/threads/${threadId}/posts`, 'helper', { body: 'Une réponse en direct' });
      for (const stream of streams) await stream.waitFor(({ event }) => event.type === 'post-created' && event.post.id === reply.id, 'the live reply');

      // Events whose stored payload is already stale when they are delivered: the same
      // transaction edits one post and hides another after writing their events.
      const community = server.community;
      await server.db.transaction(async (tx) => {
        await publishEvent(tx, community.id, { type: 'post-updated', threadId, categoryId: server.fixtures.categories.billing, post: { ...reply, bodyHtml: `<p>${OLD_BODY}</p>` } });
        await tx.query(`update posts set body_html = '<p>${NEW_BODY}</p>', edited_at = now() where id = $1`, [reply.id]);
        await publishEvent(tx, community.id, { type: 'post-updated', threadId, categoryId: server.fixtures.categories.billing, post: { ...reply, id: editedId, bodyHtml: `<p>${HIDDEN_TEXT}</p>` } });
        await tx.query('update posts set hidden = true where id = $1', [editedId]);
      });
      for (const stream of streams) {
        const updated = await stream.waitFor(({ event }) => event.type === 'post-updated' && event.post.id === reply.id, 'the update');
        assert.ok(updated.event.type === 'post-updated' && updated.event.post.bodyHtml.includes(NEW_BODY));
        await stream.waitFor(({ event }) => event.type === 'post-removed' && event.postId === editedId, 'the tombstone');
        for (const text of [HIDDEN_TEXT, OLD_BODY]) assert.ok(!stream.raw.includes(text), `live stream received "${text}"`);
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('tells streams a moderator hid a post, so readers showing it can drop it', async () => {
    const reply = await call<Post>('POST', `/threads/${threadId}/posts`, 'helper', { body: 'Bientôt cachée' });
    const stream = await openStream(null, `?threadId=${threadId}`);
    try {
      await call('POST', `/posts/${reply.id}/hide`, 'moderator', { reason: 'Hors sujet' });
      const removed = await stream.waitFor(({ event }) => event.type === 'post-removed' && event.postId === reply.id, 'the tombstone');
      assert.deepEqual(removed.event, { type: 'post-removed', threadId, categoryId: server.fixtures.categories.billing, postId: reply.id });
    } finally {
      stream.close();
    }
  });
});
