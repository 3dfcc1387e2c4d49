/**
 * Staff's lifecycle writes reach the live stream like readers' writes do: close, reopen
 * (from closed and from archived), archive, move and merge each publish `thread-updated`
 * with the thread as it is now, on the thread's stream and on the stream of every category
 * whose list changed; a restored post comes back as `post-updated`. Real HTTP and real
 * streams, as guests read them; replays give each audience what it may read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent, Post, ThreadSummary } from '../../../src/contract/index.ts';
import { LiveStream, type Frame } from '../../helpers/live-stream.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
let billing: number;
let network: number;

before(async () => {
  ({ server, tokens } = await serverWithTokens({ listen: true }));
  ({ billing, network } = server.fixtures.categories);
});
after(() => server.close());

async function call<T>(method: string, path: string, who: string | null, body?: object): Promise<T> {
  const headers = { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) };
  const response = await fetch(`${server.url}/api${path}`, { method, headers, body: body && JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

const openStream = (who: string | null, query: string, lastEventId?: number) => LiveStream.open(`${server.url}/api/events${query}`, who ? tokens[who] : undefined, lastEventId);

async function newThread(categoryId: number, title: string): Promise<number> {
  return (await call<{ thread: { id: number } }>('POST', '/threads', 'asker', { categoryId, title, body: `${title} : une question de test pour le direct.` })).thread.id;
}

type Updated = Extract<LiveEvent, { type: 'thread-updated' }>;
const updatesOf = (stream: LiveStream, threadId: number): Updated[] =>
  stream.frames.map(({ event }) => event).filter((event): event is Updated => event.type === 'thread-updated' && event.threadId === threadId);

function waitForUpdate(stream: LiveStream, threadId: number, check: (thread: ThreadSummary, event: Updated) => boolean, what: string): Promise<Frame> {
  return stream.waitFor(({ event }) => event.type === 'thread-updated' && event.threadId === threadId && check(event.thread, event), what);
}

/** A thread created in `categoryId` now: once a stream of that category has it, it has every earlier event too. */
async function marker(stream: LiveStream, categoryId: number): Promise<void> {
  const threadId = await newThread(categoryId, 'Repère de fin de test');
  await stream.waitFor(({ event }) => event.type === 'thread-created' && event.threadId === threadId, 'the marker thread');
}

describe('lifecycle transitions on the live stream', { timeout: 600_000 }, () => {
  it('close, reopen, archive and unarchive each reach the thread’s and its category’s guest streams, not another category’s', async () => {
    const threadId = await newThread(billing, 'Facture en double ce mois-ci');
    const [onThread, onCategory, elsewhere] = await Promise.all([openStream(null, `?threadId=${threadId}`), openStream(null, `?categoryId=${billing}`), openStream(null, `?categoryId=${network}`)]);
    try {
      const steps = [['close', 'closed'], ['reopen', 'open'], ['archive', 'archived'], ['reopen', 'open']] as const;
      for (const [index, [action, status]] of steps.entries()) {
        const answered = await call<ThreadSummary>('POST', `/threads/${threadId}/${action}`, 'moderator', { reason: `Test ${action}` });
        assert.equal(answered.status, status);
        for (const stream of [onThread, onCategory]) {
          await stream.waitFor(() => updatesOf(stream, threadId).length > index, `${action} → ${status}`);
          const event = updatesOf(stream, threadId)[index];
          assert.equal(event?.thread.status, status);
          assert.equal(event?.categoryId, billing);
        }
      }
      for (const stream of [onThread, onCategory]) {
        assert.deepEqual(updatesOf(stream, threadId).map((event) => event.thread.status), ['closed', 'open', 'archived', 'open'], 'one event per transition, in order');
      }
      await marker(elsewhere, network);
      assert.equal(updatesOf(elsewhere, threadId).length, 0, 'another category’s stream hears nothing of it');
    } finally {
      for (const stream of [onThread, onCategory, elsewhere]) stream.close();
    }
  });

  it('a refused transition publishes nothing', async () => {
    const threadId = await newThread(billing, 'Déjà fermée');
    // Opened before the first close and waiting for it: a stream opened after a write may still
    // get that write's event (it reaches each process through NOTIFY, after the answer), which
    // would be told apart from a second one only by chance.
    const stream = await openStream(null, `?threadId=${threadId}`);
    try {
      await call('POST', `/threads/${threadId}/close`, 'moderator', {});
      await waitForUpdate(stream, threadId, (thread) => thread.status === 'closed', 'the closing');
      const refused = await fetch(`${server.url}/api/threads/${threadId}/close`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.moderator}` }, body: '{}' });
      assert.equal(refused.status, 409);
      await call('POST', `/threads/${threadId}/reopen`, 'moderator', {});
      await waitForUpdate(stream, threadId, (thread) => thread.status === 'open', 'the reopening');
      assert.deepEqual(updatesOf(stream, threadId).map((event) => event.thread.status), ['closed', 'open'], 'nothing between the closing and the reopening');
    } finally {
      stream.close();
    }
  });

  it('a move tells the category it left (its list drops the thread) and the one it joined', async () => {
    const threadId = await newThread(billing, 'Mauvaise rubrique');
    const [onThread, left, joined] = await Promise.all([openStream(null, `?threadId=${threadId}`), openStream(null, `?categoryId=${billing}`), openStream(null, `?categoryId=${network}`)]);
    try {
      await call('POST', `/threads/${threadId}/move`, 'moderator', { categoryId: network, reason: 'Question réseau' });
      const departure = await waitForUpdate(left, threadId, (thread) => thread.categoryId === network, 'the departure');
      assert.equal(departure.event.categoryId, billing, 'published where it was');
      const arrival = await waitForUpdate(joined, threadId, (thread) => thread.categoryId === network, 'the arrival');
      assert.equal(arrival.event.categoryId, network);
      await waitForUpdate(onThread, threadId, (_thread, event) => event.categoryId === network, 'the arrival on the thread’s stream');
      // The list of `billing`, applying what its stream says, no longer lists the thread.
      const listed = new Set([threadId]);
      for (const event of updatesOf(left, threadId)) if (event.thread.categoryId !== billing) listed.delete(event.threadId);
      assert.equal(listed.size, 0);
      await marker(joined, network);
      assert.equal(updatesOf(joined, threadId).length, 1, 'the category it joined hears of it once');
    } finally {
      for (const stream of [onThread, left, joined]) stream.close();
    }
  });

  it('a merge tells the source’s readers where it went, and the target’s that its counts changed', async () => {
    const source = await newThread(billing, 'Doublon de la facture');
    const target = await newThread(network, 'La facture originale');
    await call('POST', `/threads/${source}/posts`, 'helper', { body: 'Une réponse qui va déménager.' });
    const [onSource, onTarget, sourceCategory, targetCategory] = await Promise.all([
      openStream(null, `?threadId=${source}`), openStream(null, `?threadId=${target}`), openStream(null, `?categoryId=${billing}`), openStream(null, `?categoryId=${network}`),
    ]);
    try {
      await call('POST', `/threads/${source}/merge`, 'moderator', { intoThreadId: target, reason: 'Même question' });
      for (const stream of [onSource, sourceCategory]) {
        const merged = await waitForUpdate(stream, source, (thread) => thread.mergedIntoId === target, 'the source with mergedIntoId');
        assert.equal(merged.event.type === 'thread-updated' && merged.event.thread.status, 'closed');
      }
      for (const stream of [onTarget, targetCategory]) await waitForUpdate(stream, target, (thread) => thread.replyCount === 2, 'the target’s new counts');
    } finally {
      for (const stream of [onSource, onTarget, sourceCategory, targetCategory]) stream.close();
    }
  });
});

describe('a restored post on the live stream', { timeout: 600_000 }, () => {
  it('comes back to guests and members as it reads now', async () => {
    const threadId = await newThread(billing, 'Réponse masquée puis rétablie');
    const reply = await call<Post>('POST', `/threads/${threadId}/posts`, 'helper', { body: 'Réinitialisez le mot de passe depuis l’espace client.' });
    await call('POST', `/posts/${reply.id}/hide`, 'moderator', { reason: 'Vérification' });
    const streams = await Promise.all([openStream(null, `?threadId=${threadId}`), openStream(null, `?categoryId=${billing}`), openStream('other', `?threadId=${threadId}`)]);
    try {
      await call('POST', `/posts/${reply.id}/restore`, 'moderator', {});
      for (const stream of streams) {
        const restored = await stream.waitFor(({ event }) => event.type === 'post-updated' && event.post.id === reply.id, 'the restored post');
        assert.ok(restored.event.type === 'post-updated' && restored.event.post.bodyHtml.includes('espace client'));
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

describe('these events replayed with Last-Event-ID', { timeout: 600_000 }, () => {
  const SECRET = 'Mon IBAN est FR76 3000 6000 0112 3456 7890 189';

  it('give each audience what it may read now: a post hidden again stays a tombstone, the lifecycle as it is', async () => {
    const [{ since = 0 } = {}] = await server.db.query<{ since: number }>('select coalesce(max(id), 0)::int as since from events');
    const threadId = await newThread(billing, 'Rejeu des modérations');
    const reply = await call<Post>('POST', `/threads/${threadId}/posts`, 'helper', { body: SECRET });
    await call('POST', `/posts/${reply.id}/hide`, 'moderator', { reason: 'Données bancaires' });
    await call('POST', `/posts/${reply.id}/restore`, 'moderator', {});
    await call('POST', `/posts/${reply.id}/hide`, 'moderator', { reason: 'Finalement, non' });
    await call('POST', `/threads/${threadId}/close`, 'moderator', {});
    await call('POST', `/threads/${threadId}/move`, 'moderator', { categoryId: network });
    for (const who of [null, 'other', 'advisor']) {
      for (const query of [`?threadId=${threadId}`, `?categoryId=${billing}`, `?categoryId=${network}`, '']) {
        const stream = await openStream(who, query, since);
        try {
          const expected = query === `?categoryId=${billing}` ? [billing, billing] : query === `?categoryId=${network}` ? [network] : [billing, billing, network];
          // The replay comes in id order and the move's events are the last: once they are in, all of it is.
          await stream.waitFor(() => updatesOf(stream, threadId).length >= expected.length, `the replay of ${query}`);
          const reader = `${who ?? 'a guest'} ${query}`;
          const updates = updatesOf(stream, threadId);
          assert.deepEqual(updates.map((event) => event.categoryId), expected, `${reader}: where each summary was published`);
          // Every summary is the thread as it is now: closed, in `network`.
          assert.ok(updates.every((event) => event.thread.status === 'closed' && event.thread.categoryId === network), reader);
          assert.ok(!stream.raw.includes('FR76'), `${reader} was replayed the hidden post`);
          // Created, hidden, restored, hidden again: the post lives in `network` now, and reads as removed for everyone.
          const aboutReply = stream.frames.filter(({ event }) => event.type.startsWith('post-') && event.threadId === threadId).map(({ event }) => event);
          if (query === `?categoryId=${billing}`) assert.equal(aboutReply.length, 0, reader);
          else assert.deepEqual(aboutReply.map((event) => event.type === 'post-removed' && event.postId === reply.id && event.categoryId), [network, network, network, network], reader);
        } finally {
          stream.close();
        }
      }
    }
  });
});
