/**
 * Boundary fixtures: each group sets up the case on both sides of a rule, so that breaking the
 * rule's one line (a filter matching nothing or everything, `<=` turned `<`, a refusal kept as
 * an idempotent answer, the URL left out of the request hash, a replay ignoring the reader's
 * filter) fails a test. Runs on PGlite and, in the parity run, on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ThreadPage } from '../../../src/contract/index.ts';
import { advisorQueue } from '../../../src/server/services/queue.ts';
import type { FixtureMember } from '../../helpers/fixtures.ts';
import { LiveStream } from '../../helpers/live-stream.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const TIMEOUT = { timeout: 600_000 };

let server: TestServer;
const tokens = new Map<string, string>();
before(async () => {
  server = await createTestServer({ listen: true });
  for (const member of Object.values(server.fixtures.members)) tokens.set(member.pseudonym, await server.tokenFor(member));
});
after(() => server.close());

const bearer = (member: FixtureMember) => ({ authorization: `Bearer ${tokens.get(member.pseudonym)!}` });

async function ask(member: FixtureMember, categoryId: number, title: string): Promise<number> {
  const response = await server.app.inject({ method: 'POST', url: '/api/threads', headers: bearer(member), payload: { categoryId, title, body: `${title} : qui sait ?` } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ thread: { id: number } }>().thread.id;
}

async function reply(member: FixtureMember, threadId: number, body: string): Promise<number> {
  const response = await server.app.inject({ method: 'POST', url: `/api/threads/${threadId}/posts`, headers: bearer(member), payload: { body } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: number }>().id;
}

async function moderate(threadId: number, action: 'close' | 'reopen'): Promise<void> {
  const response = await server.app.inject({ method: 'POST', url: `/api/threads/${threadId}/${action}`, headers: bearer(server.fixtures.members.moderator), payload: {} });
  assert.equal(response.statusCode, 200, response.body);
}

describe('thread list filters, with a thread of every kind in the category', TIMEOUT, () => {
  const ids = { unanswered: 0, solved: 0, answered: 0, answeredByAsker: 0, closedUnanswered: 0 };
  before(async () => {
    const { asker, helper, other } = server.fixtures.members;
    const { network } = server.fixtures.categories;
    ids.unanswered = await ask(asker, network, 'Pas de réseau depuis ce matin');
    ids.solved = await ask(asker, network, 'Réseau lent le soir à Lyon');
    const solution = await reply(helper, ids.solved, 'Redémarre en mode avion, puis choisis le réseau à la main.');
    const accepted = await server.app.inject({ method: 'POST', url: `/api/threads/${ids.solved}/solution`, headers: bearer(asker), payload: { postId: solution } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    ids.answered = await ask(other, network, 'Appels coupés dans le métro');
    await reply(helper, ids.answered, 'Le métro a son propre relais : vérifie la 4G.');
    ids.answeredByAsker = await ask(other, network, 'Antenne en panne à Brest ?');
    await reply(asker, ids.answeredByAsker, 'Pareil chez moi depuis hier.');
    ids.closedUnanswered = await ask(other, network, 'Question fermée sans réponse');
    await moderate(ids.closedUnanswered, 'close');
  });

  const list = async (filter: string, member?: FixtureMember): Promise<number[]> => {
    const response = await server.app.inject({
      method: 'GET', url: `/api/threads?categoryId=${server.fixtures.categories.network}&filter=${filter}`, headers: member ? bearer(member) : {},
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<ThreadPage>().items.map((thread) => thread.id).sort((a, b) => a - b);
  };
  const sorted = (...threadIds: number[]) => [...threadIds].sort((a, b) => a - b);

  it('all: every thread of the category', async () => {
    assert.deepEqual(await list('all'), sorted(...Object.values(ids)));
  });

  it('solved: the solved thread only', async () => {
    assert.deepEqual(await list('solved'), [ids.solved]);
  });

  it('unanswered: the open thread without a reply only (not the answered, solved or closed ones)', async () => {
    assert.deepEqual(await list('unanswered'), [ids.unanswered]);
  });

  it('mine: the threads the member asked or answered in, and no other', async () => {
    const { asker, helper, moderator } = server.fixtures.members;
    assert.deepEqual(await list('mine', asker), sorted(ids.unanswered, ids.solved, ids.answeredByAsker));
    assert.deepEqual(await list('mine', helper), sorted(ids.solved, ids.answered));
    assert.deepEqual(await list('mine', moderator), [], 'moderating is not taking part');
    assert.deepEqual(await list('mine'), [], 'a guest has no threads');
  });
});

describe('the advisor queue at the holdback boundary', TIMEOUT, () => {
  const HOLDBACK_MINUTES = 180;
  const now = new Date('2026-12-06T12:00:00.000Z');
  /** Asked at this instant, a thread falls due at exactly `now`. */
  const askedDueNow = now.getTime() - HOLDBACK_MINUTES * 60_000;
  const threads = { exactlyDue: 0, secondLate: 0, secondEarly: 0 };

  before(async () => {
    const { billing } = server.fixtures.categories;
    await server.db.query('update categories set holdback_minutes = $2 where id = $1', [billing, HOLDBACK_MINUTES]);
    const insert = async (title: string, createdAt: number) =>
      (await server.db.query<{ id: number }>(
        `insert into threads (category_id, author_id, title, excerpt, created_at, last_post_at) values ($1, $2, $3, $3, $4, $4) returning id`,
        [billing, server.fixtures.members.asker.id, title, new Date(createdAt)],
      ))[0]!.id;
    threads.exactlyDue = await insert('Posée il y a exactement trois heures', askedDueNow);
    threads.secondLate = await insert('Posée il y a trois heures et une seconde', askedDueNow - 1000);
    threads.secondEarly = await insert('Posée il y a trois heures moins une seconde', askedDueNow + 1000);
  });

  const queued = async () => {
    const queue = await advisorQueue(server.db, server.community, { categoryId: server.fixtures.categories.billing, limit: 50 }, now);
    return new Map(queue.items.map((item) => [item.thread.id, item]));
  };

  it('is due at exactly its due time', async () => {
    const item = (await queued()).get(threads.exactlyDue);
    assert.equal(item?.kind, 'advisor-due');
    assert.equal(item?.holdback, 'advisor-due');
    assert.equal(item?.msOverdue, 0);
    assert.equal(item?.dueAt, now.toISOString());
  });

  it('is due a second after its due time', async () => {
    const item = (await queued()).get(threads.secondLate);
    assert.equal(item?.kind, 'advisor-due');
    assert.equal(item?.msOverdue, 1000);
  });

  it('stays the community’s a second before its due time', async () => {
    assert.equal((await queued()).has(threads.secondEarly), false);
  });
});

describe('Idempotency-Key: a refusal is not kept, and the URL is part of the request', TIMEOUT, () => {
  const send = (threadId: number, key: string, body: string) =>
    server.app.inject({ method: 'POST', url: `/api/threads/${threadId}/posts`, headers: { ...bearer(server.fixtures.members.helper), 'idempotency-key': key }, payload: { body } });

  it('answers a retry of a refused request afresh once the refusal no longer holds', async () => {
    const threadId = await ask(server.fixtures.members.asker, server.fixtures.categories.billing, 'Fermée puis rouverte');
    await moderate(threadId, 'close');
    const refused = await send(threadId, 'refused-then-fixed-1', 'Ma réponse');
    assert.equal(refused.statusCode, 403, refused.body);
    await moderate(threadId, 'reopen');

    const retried = await send(threadId, 'refused-then-fixed-1', 'Ma réponse');
    assert.equal(retried.statusCode, 201, 'the retry is handled, not answered with the kept refusal');
    assert.equal(retried.headers['idempotent-replayed'], undefined);

    const again = await send(threadId, 'refused-then-fixed-1', 'Ma réponse');
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true', 'the success is the answer kept');
    assert.equal(again.json<{ id: number }>().id, retried.json<{ id: number }>().id);
  });

  it('refuses the same key and body sent to another thread', async () => {
    const first = await ask(server.fixtures.members.asker, server.fixtures.categories.billing, 'Premier fil pour la clé');
    const second = await ask(server.fixtures.members.asker, server.fixtures.categories.billing, 'Second fil pour la clé');
    assert.equal((await send(first, 'same-key-two-urls-1', 'Même texte')).statusCode, 201);
    const elsewhere = await send(second, 'same-key-two-urls-1', 'Même texte');
    assert.equal(elsewhere.statusCode, 409, 'not the first thread’s answer replayed');
    assert.equal(elsewhere.json<{ error: { code: string } }>().error.code, 'conflict');
    const posts = await server.db.query<{ n: number }>(`select count(*)::int as n from posts where thread_id = $1 and kind = 'reply'`, [second]);
    assert.equal(posts[0]!.n, 0);
  });
});

describe('the live stream keeps to the reader’s filter, in replay and live', TIMEOUT, () => {
  let watched = 0;
  let otherInCategory = 0;
  let otherCategory = 0;
  before(async () => {
    const { asker, helper } = server.fixtures.members;
    const { billing, network } = server.fixtures.categories;
    watched = await ask(asker, billing, 'Fil suivi en direct');
    otherInCategory = await ask(asker, billing, 'Autre fil de la même rubrique');
    otherCategory = await ask(asker, network, 'Fil d’une autre rubrique');
    for (const threadId of [watched, otherInCategory, otherCategory]) await reply(helper, threadId, `Réponse déjà là dans ${threadId}`);
  });

  /** Opens a replay from the start, then waits for a reply posted afterwards in `watched` (the positive signal). */
  async function framesFor(query: string): Promise<LiveStream> {
    const stream = await LiveStream.open(`${server.url}/api/events?${query}`, undefined, 0);
    const replayed = await stream.waitFor((frame) => frame.event.type === 'post-created' && frame.event.threadId === watched, 'the replayed reply');
    assert.ok(replayed);
    for (const threadId of [otherCategory, otherInCategory]) await reply(server.fixtures.members.helper, threadId, `Réponse en direct dans ${threadId}`);
    const marker = `Réponse repère ${query}`;
    await reply(server.fixtures.members.helper, watched, marker);
    await stream.waitFor((frame) => frame.event.type === 'post-created' && frame.event.post.bodyHtml.includes(marker), 'the live reply in the watched thread');
    stream.close();
    return stream;
  }

  it('a thread filter gets that thread’s events only', async () => {
    const stream = await framesFor(`threadId=${watched}`);
    const threads = new Set(stream.frames.map((frame) => frame.event.threadId));
    assert.deepEqual([...threads], [watched]);
  });

  it('a category filter gets that category’s events only, from every thread of it', async () => {
    const stream = await framesFor(`categoryId=${server.fixtures.categories.billing}`);
    const threads = new Set(stream.frames.map((frame) => frame.event.threadId));
    assert.ok(threads.has(watched) && threads.has(otherInCategory), 'both threads of the category');
    assert.equal(threads.has(otherCategory), false, 'nothing from another category');
    for (const frame of stream.frames) if (frame.event.type !== 'incident-updated') assert.equal(frame.event.categoryId, server.fixtures.categories.billing);
  });
});
