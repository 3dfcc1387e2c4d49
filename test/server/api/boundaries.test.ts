/**
 * Boundary fixtures: each group sets up the case on both sides of a rule, so that breaking the
 * rule's one line (a filter matching nothing or everything, `<=` turned `<`, a refusal kept as
 * an idempotent answer, the URL left out of the request hash, a replay ignoring the reader's
 * filter) fails a test. Runs on PGlite and, in the parity run, on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ThreadPage } from '../../../src/contract/index.ts';
import type { Actor } from '../../../src/core/index.ts';
import { advisorQueue } from '../../../src/domain/services/queue.ts';
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

/** The advisor, as the services see them (the advisor queue is read directly). */
const staff = (): Actor => ({ role: 'advisor', memberId: server.fixtures.members.advisor.id });
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

  it('mine: the threads the member asked, and no other', async () => {
    const { asker, helper, moderator } = server.fixtures.members;
    assert.deepEqual(await list('mine', asker), sorted(ids.unanswered, ids.solved));
    assert.deepEqual(await list('mine', helper), [], 'replying in a thread does not make it mine');
    assert.deepEqual(await list('mine', moderator), [], 'moderating is not taking part');
    assert.deepEqual(await list('mine'), [], 'a guest has no threads');
  });

  it('mine: another member\'s thread the member replied in is not listed (issue 15: "Les miennes" listed it)', async () => {
    const mine = await list('mine', server.fixtures.members.asker);
    assert.ok(!mine.includes(ids.answeredByAsker), 'asked by another member, only answered by the asker');
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
    const queue = await advisorQueue(server, { actor: staff(), query: { categoryId: server.fixtures.categories.billing, limit: 50 }, now });
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

describe('the advisor queue’s urgent threads and flagged posts', TIMEOUT, () => {
  const now = new Date('2026-12-06T12:00:00.000Z');
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  let categoryId = 0;
  const ids = { calledIn: 0, urgent: 0, due: 0, heavyFlag: 0, lightFlag: 0 };

  before(async () => {
    const { asker, helper, other } = server.fixtures.members;
    categoryId = (await server.db.query<{ id: number }>(
      `insert into categories (community_id, slug, name, description, position, holdback_minutes) values ($1, 'file', '{"fr":"File","en":"Queue"}', '{"fr":"","en":""}', 9, 180) returning id`,
      [server.fixtures.communityId],
    ))[0]!.id;
    const thread = async (title: string, createdAt: Date, needsAccount: boolean, advisorNowAt: Date | null = null) =>
      (await server.db.query<{ id: number }>(
        `insert into threads (category_id, author_id, title, excerpt, created_at, last_post_at, needs_account, advisor_now_at) values ($1, $2, $3, $3, $4, $4, $5, $6) returning id`,
        [categoryId, asker.id, title, createdAt, needsAccount, advisorNowAt],
      ))[0]!.id;
    ids.calledIn = await thread('Un conseiller appelé tout de suite', minutesAgo(20), false, minutesAgo(5));
    ids.urgent = await thread('Accès au compte nécessaire', minutesAgo(10), true);
    ids.due = await thread('Posée il y a quatre heures', minutesAgo(240), false);
    const flaggedReply = async (body: string, flagger: FixtureMember, weight: number, flaggedAt: Date) => {
      const postId = (await server.db.query<{ id: number }>(
        `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'reply', $3, $3, $4) returning id`,
        [ids.due, helper.id, body, minutesAgo(30)],
      ))[0]!.id;
      await server.db.query(`insert into post_flags (post_id, member_id, reason, weight, created_at) values ($1, $2, 'abuse', $3, $4)`, [postId, flagger.id, weight, flaggedAt]);
      return postId;
    };
    ids.heavyFlag = await flaggedReply('Réponse signalée deux fois plus', asker, 2, minutesAgo(5));
    ids.lightFlag = await flaggedReply('Réponse signalée une fois', other, 1, minutesAgo(2));
  });

  const queue = (limit: number) => advisorQueue(server, { actor: staff(), query: { categoryId, limit }, now });

  it('puts threads called in by an advisor or needing the account first, overdue since they were asked', async () => {
    const [calledIn, urgent] = (await queue(50)).items;
    for (const [item, threadId, minutes] of [[calledIn, ids.calledIn, 20], [urgent, ids.urgent, 10]] as const) {
      assert.equal(item?.thread.id, threadId);
      assert.equal(item?.kind, 'advisor-now');
      assert.equal(item?.holdback, 'advisor-now');
      assert.equal(item?.dueAt, minutesAgo(minutes).toISOString());
      assert.equal(item?.msOverdue, minutes * 60_000);
      assert.equal(item?.msLeft, null);
    }
  });

  it('lists flagged posts after the threads, heaviest first, overdue since the first flag', async () => {
    const items = (await queue(50)).items;
    assert.deepEqual(items.map((item) => [item.kind, item.postId]), [
      ['advisor-now', null], ['advisor-now', null], ['advisor-due', null], ['flagged-post', ids.heavyFlag], ['flagged-post', ids.lightFlag],
    ]);
    const heavy = items[3]!;
    assert.equal(heavy.flagWeight, 2);
    assert.equal(heavy.thread.id, ids.due);
    assert.equal(heavy.holdback, 'advisor-now');
    assert.equal(heavy.hasCommunityAnswer, false, 'a flag is about the post, not about an answer');
    assert.equal(heavy.dueAt, minutesAgo(5).toISOString());
    assert.equal(heavy.msOverdue, 5 * 60_000);
    assert.equal(items[2]!.hasCommunityAnswer, true, 'the due thread holds a member’s reply');
  });

  it('pages each group on its own: `limit` items of every group, each with its total and next page', async () => {
    assert.deepEqual((await queue(4)).items.map((item) => item.postId), [null, null, null, ids.heavyFlag, ids.lightFlag]);
    const one = await queue(1);
    assert.deepEqual(one.items.map((item) => item.postId ?? item.thread.id), [ids.calledIn, ids.due, ids.heavyFlag]);
    assert.deepEqual(one.groups.map((group) => [group.kind, group.total, group.nextCursor !== null]), [
      ['advisor-now', 2, true], ['advisor-due', 1, false], ['awaiting-confirmation', 0, false], ['flagged-post', 2, true],
    ]);
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
