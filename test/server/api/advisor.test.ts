/** The advisor area against the real server: holdback, queue, experts, alerts, metrics. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
const tokens: Record<'asker' | 'advisor' | 'moderator', string> = { asker: '', advisor: '', moderator: '' };
const MINUTE = 60_000;

before(async () => {
  server = await createTestServer();
  const { members } = server.fixtures;
  for (const who of ['asker', 'advisor', 'moderator'] as const) tokens[who] = await server.tokenFor(members[who]);
});
after(() => server.close());

const as = (who: keyof typeof tokens | 'guest', options: InjectOptions): InjectOptions =>
  who === 'guest' ? options : { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } };
const ago = (minutes: number, from = Date.now()) => new Date(from - minutes * MINUTE);

interface ThreadSpec { categoryId: number; authorId: number; title: string; at: Date; needsAccount?: boolean; advisorNowAt?: Date; confirmedAt?: Date }
async function insertThread(spec: ThreadSpec): Promise<number> {
  const [row] = await server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, created_at, last_post_at, needs_account, advisor_now_at, confirmed_at)
     values ($1, $2, $3, $4, $4, $5, $6, $7) returning id`,
    [spec.categoryId, spec.authorId, spec.title, spec.at, spec.needsAccount ?? false, spec.advisorNowAt ?? null, spec.confirmedAt ?? null],
  );
  await insertPost(row!.id, spec.authorId, spec.at, 'question');
  return row!.id;
}
async function insertPost(threadId: number, authorId: number, at: Date, kind: 'question' | 'reply' = 'reply'): Promise<number> {
  const [row] = await server.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, $3, 'Texte', '<p>Texte</p>', $4) returning id`,
    [threadId, authorId, kind, at],
  );
  return row!.id;
}
const accept = (threadId: number, postId: number) => server.db.query('update threads set accepted_post_id = $2 where id = $1', [threadId, postId]);

describe('holdback on threads', { timeout: 600_000 }, () => {
  it('starts a plain question in community time, due three hours later', async () => {
    const response = await server.app.inject(as('asker', { method: 'POST', url: '/api/threads', payload: { categoryId: server.fixtures.categories.billing, title: 'Facture en double', body: 'Deux prélèvements ce mois-ci.' } }));
    assert.equal(response.statusCode, 201);
    const { holdback, createdAt } = response.json().thread;
    assert.equal(holdback.state, 'community-time');
    assert.equal(Date.parse(holdback.dueAt) - Date.parse(createdAt), 180 * MINUTE);
  });

  it('makes a question needing account access advisor-now, and keeps the tick', async () => {
    const response = await server.app.inject(as('asker', { method: 'POST', url: '/api/threads', payload: { categoryId: server.fixtures.categories.billing, title: 'Accès à mon compte', body: 'Je dois changer mon IBAN.', needsAccount: true } }));
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().thread.holdback.state, 'advisor-now');
    const [row] = await server.db.query<{ needs_account: boolean }>('select needs_account from threads where id = $1', [response.json().thread.id]);
    assert.equal(row?.needs_account, true);
  });

  it('shows an old unanswered thread as advisor-due to guests', async () => {
    const response = await server.app.inject({ url: `/api/threads/${server.fixtures.threadId}` });
    assert.equal(response.json().thread.holdback.state, 'advisor-due');
  });
});

describe('marking a thread urgent', { timeout: 600_000 }, () => {
  const url = () => `/api/threads/${server.fixtures.threadId}/urgent`;
  const mark = async () => (await server.db.query<{ at: Date | null }>('select advisor_now_at as at from threads where id = $1', [server.fixtures.threadId]))[0]!.at;

  it('refuses guests, members and moderators, writing nothing', async () => {
    assert.equal((await server.app.inject({ method: 'POST', url: url(), payload: {} })).statusCode, 401);
    assert.equal((await server.app.inject(as('asker', { method: 'POST', url: url(), payload: {} }))).statusCode, 403);
    assert.equal((await server.app.inject(as('moderator', { method: 'POST', url: url(), payload: {} }))).statusCode, 403);
    assert.equal(await mark(), null);
  });

  it('answers 404 for an unknown thread and 400 for a bad body', async () => {
    assert.equal((await server.app.inject(as('advisor', { method: 'POST', url: '/api/threads/999999/urgent', payload: {} }))).statusCode, 404);
    assert.equal((await server.app.inject(as('advisor', { method: 'POST', url: url(), payload: { urgent: 'yes' } }))).statusCode, 400);
  });

  it('lets an advisor mark and unmark it', async () => {
    const marked = await server.app.inject(as('advisor', { method: 'POST', url: url(), payload: {} }));
    assert.equal(marked.statusCode, 200);
    assert.equal(marked.json().holdback.state, 'advisor-now');
    assert.notEqual(await mark(), null);
    const unmarked = await server.app.inject(as('advisor', { method: 'POST', url: url(), payload: { urgent: false } }));
    assert.equal(unmarked.json().holdback.state, 'advisor-due');
    assert.equal(await mark(), null);
  });
});

describe('advisor queue', { timeout: 600_000 }, () => {
  it('refuses guests and members', async () => {
    assert.equal((await server.app.inject({ url: '/api/agent/queue' })).statusCode, 401);
    assert.equal((await server.app.inject(as('asker', { url: '/api/agent/queue' }))).statusCode, 403);
  });

  it('orders by urgency: advisor-now, advisor-due oldest first, community answers, then flags', async () => {
    const { categories, members } = server.fixtures;
    const now = Date.now();
    const thread = (title: string, minutes: number, extra: Partial<ThreadSpec> = {}) =>
      insertThread({ categoryId: categories.network, authorId: members.asker.id, title, at: ago(minutes, now), ...extra });
    const account = await thread('Compte bloqué', 10, { needsAccount: true });
    const marked = await thread('Carte SIM muette', 60, { advisorNowAt: ago(5, now) });
    const oldest = await thread('Antenne lointaine', 300);
    const older = await thread('Roaming Espagne', 240);
    const answered = await thread('Messagerie vocale', 30);
    const reply = await insertPost(answered, members.helper.id, ago(25, now));
    await thread('Volte activée', 20);
    const solved = await thread('Portabilité numéro', 360);
    await accept(solved, await insertPost(solved, members.helper.id, ago(350, now)));
    await thread('Wifi calling', 360, { confirmedAt: ago(100, now) });
    await server.db.query(`insert into post_flags (post_id, member_id, reason, weight) values ($1, $2, 'spam', 3)`, [reply, members.other.id]);

    const response = await server.app.inject(as('advisor', { url: `/api/agent/queue?categoryId=${categories.network}` }));
    assert.equal(response.statusCode, 200);
    const items: { kind: string; thread: { id: number }; postId: number | null; msLeft: number | null; msOverdue: number | null }[] = response.json().items;
    assert.deepEqual(items.map((item) => [item.kind, item.thread.id]), [
      ['advisor-now', marked], ['advisor-now', account], ['advisor-due', oldest], ['advisor-due', older],
      ['awaiting-confirmation', answered], ['flagged-post', answered],
    ]);
    const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < MINUTE, `${actual} ≈ ${expected}`);
    close(items[2]!.msOverdue, 120 * MINUTE);
    close(items[4]!.msLeft, 150 * MINUTE);
    assert.equal(items[5]!.postId, reply);
  });

  it('leaves out a thread where staff wrote last, until the customer answers', async () => {
    const { categories, members } = server.fixtures;
    const threadId = await insertThread({ categoryId: categories.billing, authorId: members.asker.id, title: 'Compte à débloquer', at: ago(30), needsAccount: true });
    const listed = async () => {
      const items: { thread: { id: number } }[] = (await server.app.inject(as('advisor', { url: `/api/agent/queue?categoryId=${categories.billing}` }))).json().items;
      return items.some((item) => item.thread.id === threadId);
    };
    assert.equal(await listed(), true);
    await insertPost(threadId, members.advisor.id, ago(20));
    assert.equal(await listed(), false, 'the advisor answered: the customer has the next move');
    await insertPost(threadId, members.asker.id, ago(10));
    assert.equal(await listed(), true, 'the customer wrote back');
  });

  it('is open to moderators and caps each group by limit', async () => {
    const response = await server.app.inject(as('moderator', { url: `/api/agent/queue?categoryId=${server.fixtures.categories.network}&limit=1` }));
    assert.equal(response.statusCode, 200);
    const { items, groups }: { items: { kind: string }[]; groups: { kind: string; total: number }[] } = response.json();
    for (const group of groups) assert.ok(items.filter((item) => item.kind === group.kind).length <= 1, group.kind);
    assert.equal((await server.app.inject(as('moderator', { url: '/api/agent/queue?limit=0' }))).statusCode, 400);
  });

  it('counts and pages every group on its own, so a long first group never hides the flags', async () => {
    const { members } = server.fixtures;
    const [category] = await server.db.query<{ id: number }>(
      `insert into categories (community_id, slug, name, position) select community_id, 'queue-pages', '{"fr": "Pages"}'::jsonb, 99 from categories where id = $1 returning id`,
      [server.fixtures.categories.network],
    );
    const categoryId = category!.id;
    const now = Date.now();
    const urgent: number[] = [];
    for (let i = 0; i < 5; i += 1) urgent.push(await insertThread({ categoryId, authorId: members.asker.id, title: `Compte ${i}`, at: ago(60 * 24 * 10 - i, now), needsAccount: true }));
    const answered = await insertThread({ categoryId, authorId: members.asker.id, title: 'Réponse à confirmer', at: ago(10, now) });
    const reply = await insertPost(answered, members.helper.id, ago(5, now));
    await server.db.query(`insert into post_flags (post_id, member_id, reason, weight) values ($1, $2, 'spam', 2)`, [reply, members.other.id]);

    type Page = { items: { kind: string; thread: { id: number } }[]; groups: { kind: string; total: number; nextCursor: string | null }[] };
    const get = async (query: string) => {
      const response = await server.app.inject(as('advisor', { url: `/api/agent/queue?categoryId=${categoryId}&${query}` }));
      assert.equal(response.statusCode, 200, response.body);
      return response.json<Page>();
    };
    const first = await get('limit=2');
    assert.deepEqual(first.groups.map((group) => [group.kind, group.total, group.nextCursor !== null]), [
      ['advisor-now', 5, true], ['advisor-due', 0, false], ['awaiting-confirmation', 1, false], ['flagged-post', 1, false],
    ]);
    assert.deepEqual(first.items.map((item) => [item.kind, item.thread.id]), [
      ['advisor-now', urgent[0]], ['advisor-now', urgent[1]], ['awaiting-confirmation', answered], ['flagged-post', answered],
    ]);

    const seen = first.items.filter((item) => item.kind === 'advisor-now').map((item) => item.thread.id);
    let cursor = first.groups[0]!.nextCursor;
    while (cursor) {
      const next = await get(`group=advisor-now&limit=2&cursor=${encodeURIComponent(cursor)}`);
      assert.deepEqual(next.groups.map((group) => [group.kind, group.total]), [['advisor-now', 5]]);
      assert.ok(next.items.every((item) => item.kind === 'advisor-now'));
      seen.push(...next.items.map((item) => item.thread.id));
      cursor = next.groups[0]!.nextCursor;
    }
    assert.deepEqual(seen, urgent);
  });

  it('narrows to the categories of the advisor’s plan now with planned=true, counts included', async () => {
    const { categories } = server.fixtures;
    const everyDay = Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [categories.billing] }));
    assert.equal((await server.app.inject(as('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: everyDay } }))).statusCode, 200);
    type Page = { items: { thread: { categoryId: number } }[]; groups: { total: number }[] };
    const planned = (await server.app.inject(as('advisor', { url: '/api/agent/queue?planned=true&limit=200' }))).json<Page>();
    const billing = (await server.app.inject(as('advisor', { url: `/api/agent/queue?categoryId=${categories.billing}&limit=200` }))).json<Page>();
    assert.ok(planned.items.length > 0);
    assert.ok(planned.items.every((item) => item.thread.categoryId === categories.billing));
    assert.deepEqual(planned.groups.map((group) => group.total), billing.groups.map((group) => group.total));
    const elsewhere = (await server.app.inject(as('advisor', { url: `/api/agent/queue?planned=true&categoryId=${categories.network}` }))).json<Page>();
    assert.deepEqual([elsewhere.items.length, ...elsewhere.groups.map((group) => group.total)], [0, 0, 0, 0, 0]);
    await server.app.inject(as('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [] } }));
  });

  it('refuses a forged cursor, a cursor of another group and a cursor without its group with a 400', async () => {
    const first = (await server.app.inject(as('advisor', { url: `/api/agent/queue?limit=1` }))).json<{ groups: { kind: string; nextCursor: string | null }[] }>();
    const paged = first.groups.find((group) => group.nextCursor !== null);
    assert.ok(paged, 'some group of the fixtures has a second page');
    const other = paged.kind === 'flagged-post' ? 'advisor-now' : 'flagged-post';
    for (const query of ['group=advisor-now&cursor=nope', `group=${other}&cursor=${paged.nextCursor}`, `cursor=${paged.nextCursor}`, 'group=unknown']) {
      const response = await server.app.inject(as('advisor', { url: `/api/agent/queue?${query}` }));
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.json().error.code, 'validation_failed', query);
    }
  });
});

describe('expert suggestions', { timeout: 600_000 }, () => {
  it('lists members with accepted answers in the category who posted recently', async () => {
    const { categories, members } = server.fixtures;
    const recent = await insertThread({ categoryId: categories.billing, authorId: members.asker.id, title: 'Remboursement', at: ago(60) });
    await accept(recent, await insertPost(recent, members.helper.id, ago(50)));
    await accept(recent, await insertPost(recent, members.helper.id, ago(40)));
    const stale = await insertThread({ categoryId: categories.billing, authorId: members.asker.id, title: 'Avoir', at: ago(60 * 24 * 40) });
    await accept(stale, await insertPost(stale, members.other.id, ago(60 * 24 * 40 - 5)));

    const response = await server.app.inject(as('advisor', { url: `/api/agent/experts?threadId=${server.fixtures.threadId}` }));
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().items.map((e: { member: { pseudonym: string }; acceptedCount: number }) => [e.member.pseudonym, e.acceptedCount]), [['Pix37', 1]]);
    const wider = await server.app.inject(as('advisor', { url: `/api/agent/experts?threadId=${server.fixtures.threadId}&days=60` }));
    assert.deepEqual(wider.json().items.map((e: { member: { pseudonym: string } }) => e.member.pseudonym), ['Pix37', 'rosier']);
  });

  it('refuses members, answers 404 for an unknown thread and 400 without one', async () => {
    assert.equal((await server.app.inject(as('asker', { url: `/api/agent/experts?threadId=${server.fixtures.threadId}` }))).statusCode, 403);
    assert.equal((await server.app.inject(as('advisor', { url: '/api/agent/experts?threadId=999999' }))).statusCode, 404);
    assert.equal((await server.app.inject(as('advisor', { url: '/api/agent/experts' }))).statusCode, 400);
  });
});

describe('collective-problem alerts', { timeout: 600_000 }, () => {
  it('appears at five signals in a region, not at four', async () => {
    const { categories, members, communityId } = server.fixtures;
    const [occi] = await server.db.query<{ id: number }>(
      `insert into members (community_id, external_id, pseudonym, region) values ($1, 'demo:occi', 'Occi', 'Occitanie') returning id`, [communityId],
    );
    const titles = ['Prélèvement refusé', 'Remboursement attendu', 'Montant incorrect', 'Échéancier impossible'];
    const ids: number[] = [];
    for (const [i, title] of titles.entries()) ids.push(await insertThread({ categoryId: categories.billing, authorId: occi!.id, title, at: ago(10 + i) }));
    const before = await server.app.inject(as('advisor', { url: '/api/agent/alerts' }));
    assert.equal(before.statusCode, 200);
    assert.deepEqual(before.json().items.filter((a: { region: string | null }) => a.region === 'Occitanie'), []);

    await server.db.query(`insert into same_problem_marks (thread_id, member_id, region) values ($1, $2, 'Occitanie')`, [ids[0], members.other.id]);
    const alerts = (await server.app.inject(as('advisor', { url: '/api/agent/alerts' }))).json().items;
    assert.equal(alerts.length, 1);
    assert.deepEqual({ ...alerts[0], firstAt: 0, lastAt: 0 }, { categoryId: categories.billing, region: 'Occitanie', keywords: [], count: 5, threadIds: ids, firstAt: 0, lastAt: 0 });
  });

  it('refuses guests and members', async () => {
    assert.equal((await server.app.inject({ url: '/api/agent/alerts' })).statusCode, 401);
    assert.equal((await server.app.inject(as('asker', { url: '/api/agent/alerts' }))).statusCode, 403);
  });
});

describe('metrics', { timeout: 600_000 }, () => {
  const from = '2020-01-01T00:00:00.000Z';
  const url = `/api/metrics?from=${from}&to=2020-02-01T00:00:00.000Z`;

  it('computes who answers, how fast, and the circles on a small dataset', async () => {
    const { categories, members } = server.fixtures;
    const t0 = Date.parse('2020-01-10T09:00:00.000Z');
    const at = (minutes: number) => new Date(t0 + minutes * MINUTE);
    const day = 24 * 60;
    const thread = (authorId: number, minutes: number) => insertThread({ categoryId: categories.network, authorId, title: 'Question', at: at(minutes) });
    const t1 = await thread(members.asker.id, 0);
    await accept(t1, await insertPost(t1, members.helper.id, at(10)));
    const t2 = await thread(members.asker.id, day);
    const advisorReply = await insertPost(t2, members.advisor.id, at(day + 60));
    await insertPost(t2, members.helper.id, at(day + 90));
    await accept(t2, advisorReply);
    await server.db.query('insert into post_assists (post_id, advisor_id) values ($1, $2)', [advisorReply, members.technicalAdvisor.id]);
    const t3 = await thread(members.other.id, 2 * day);
    await insertPost(t3, members.helper.id, at(2 * day + 20));
    await thread(members.asker.id, 3 * day);

    const response = await server.app.inject(as('moderator', { url }));
    assert.equal(response.statusCode, 200);
    const metrics = response.json();
    assert.deepEqual([metrics.threads, metrics.solved, metrics.solvedRate], [4, 2, 0.5]);
    assert.deepEqual(metrics.firstAnswers, { total: 3, byMembers: 2, byAdvisors: 1, memberShare: 0.6667 });
    assert.deepEqual(metrics.acceptedAnswers, { total: 2, byMembers: 1, byAdvisors: 1, memberShare: 0.5 });
    assert.deepEqual(metrics.medianFirstAnswerMs, { members: 15 * MINUTE, advisors: 60 * MINUTE });
    assert.deepEqual(metrics.categories, [{ categoryId: categories.network, threads: 4, solved: 2, firstAnswersByMembers: 2, firstAnswersByAdvisors: 1 }]);
    assert.deepEqual(metrics.advisors.map((a: { advisor: { pseudonym: string }; posts: number; accepted: number; assisted: number }) => [a.advisor.pseudonym, a.posts, a.accepted, a.assisted]), [
      ['Julie', 1, 1, 0], ['Karim', 0, 0, 1],
    ]);
    assert.deepEqual(metrics.circles, { core: 0, occasional: 1, 'one-time-asker': 2 });
  });

  it('filters by category', async () => {
    const response = await server.app.inject(as('advisor', { url: `${url}&categoryId=${server.fixtures.categories.billing}` }));
    assert.equal(response.json().threads, 0);
    assert.equal(response.json().firstAnswers.memberShare, null);
  });

  it('refuses guests and members, and a range that ends before it starts', async () => {
    assert.equal((await server.app.inject({ url })).statusCode, 401);
    assert.equal((await server.app.inject(as('asker', { url }))).statusCode, 403);
    assert.equal((await server.app.inject(as('advisor', { url: `/api/metrics?from=2020-02-01T00:00:00.000Z&to=${from}` }))).statusCode, 400);
  });
});
