import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { Post, ThreadDetail } from '../../../src/contract/index.ts';
import { createEntraideClient } from '../../../src/sdk/index.ts';
import { signToken } from '../../../src/server/auth.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { openPglite } from '../../../src/domain/pglite.ts';
import { seedDemoCommunity } from '../../../src/domain/seed/index.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';
import type { FixtureMember } from '../../helpers/fixtures.ts';

let server: TestServer;
const tokens = new Map<string, string>();
/** Replies written in `before`: helper's, other's, the asker's own, the technical advisor's. */
const replies = { helper: 0, other: 0, asker: 0, advisor: 0, question: 0, helperSecond: 0 };
let otherThreadPostId = 0;
let faqId = 0;

const token = (member: FixtureMember) => tokens.get(member.externalId)!;
const as = (member: FixtureMember | null, options: InjectOptions) =>
  server.app.inject({ ...options, headers: { ...(member ? { authorization: `Bearer ${token(member)}` } : {}), ...options.headers } });
const one = async <T>(sql: string, params: unknown[] = []) => (await server.db.query<T>(sql, params))[0]!;
const counters = (id: number) =>
  one<{ kudos_received: number; accepted_count: number; confirmed_count: number; assist_count: number; post_count: number }>(
    'select kudos_received, accepted_count, confirmed_count, assist_count, post_count from members where id = $1', [id],
  );
const rowCount = async (table: string) => (await one<{ n: number }>(`select count(*)::int as n from ${table}`)).n;
const readThread = async (id = server.fixtures.threadId): Promise<ThreadDetail> => (await server.app.inject({ url: `/api/threads/${id}` })).json();
const postIn = (detail: ThreadDetail, id: number): Post | undefined => detail.posts.find((p) => p.id === id);

async function reply(member: FixtureMember, threadId: number, body: string): Promise<number> {
  const response = await as(member, { method: 'POST', url: `/api/threads/${threadId}/posts`, payload: { body } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<Post>().id;
}

before(async () => {
  server = await createTestServer({ listen: true });
  const { members, threadId, communityId } = server.fixtures;
  for (const member of Object.values(members)) tokens.set(member.externalId, await server.tokenFor(member));
  replies.question = (await readThread()).posts[0]!.id;
  replies.helper = await reply(members.helper, threadId, 'Depuis **Mon compte**, rubrique Forfait.');
  replies.other = await reply(members.other, threadId, "Je confirme, et c'est sans frais.");
  replies.asker = await reply(members.asker, threadId, 'Merci, je regarde.');
  replies.advisor = await reply(members.technicalAdvisor, threadId, 'Côté réseau, rien à signaler.');
  // A second post of the same helper, written directly: rate limits may space API replies.
  replies.helperSecond = (await one<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'Et pas d''engagement.', '<p>Et pas d''engagement.</p>') returning id`,
    [threadId, members.helper.id],
  )).id;
  const created = await as(members.other, { method: 'POST', url: '/api/threads', payload: { categoryId: server.fixtures.categories.network, title: 'Pas de 4G à Rennes', body: 'Depuis ce matin.' } });
  otherThreadPostId = created.json().post.id;
  faqId = (await one<{ id: number }>(
    `insert into faq_articles (community_id, slug, title, body_md, body_html) values ($1, 'changer-de-forfait', 'Changer de forfait', 'x', '<p>x</p>') returning id`,
    [communityId],
  )).id;
});
after(() => server.close());

describe('kudos', { timeout: 600_000 }, () => {
  it('counts one kudo per member on the post and its author, and publishes the new count', async () => {
    const { other, helper } = server.fixtures.members;
    const before = await counters(helper.id);
    const response = await as(other, { method: 'POST', url: `/api/posts/${replies.helper}/kudos` });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { postId: replies.helper, kudosCount: 1, given: true });
    assert.equal((await counters(helper.id)).kudos_received, before.kudos_received + 1);
    assert.equal(postIn(await readThread(), replies.helper)?.kudosCount, 1);
    const event = await one<{ payload: { type: string; postId: number; kudosCount: number } }>("select payload from events where type = 'kudos-changed' order by id desc limit 1");
    assert.deepEqual([event.payload.postId, event.payload.kudosCount], [replies.helper, 1]);
  });

  it('answers a second kudo with the state as it is (idempotent) and changes nothing', async () => {
    const { other, helper } = server.fixtures.members;
    const before = [await counters(helper.id), await rowCount('events')];
    const response = await as(other, { method: 'POST', url: `/api/posts/${replies.helper}/kudos` });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { postId: replies.helper, kudosCount: 1, given: true });
    assert.deepEqual([await counters(helper.id), await rowCount('events')], before);
    assert.equal(await rowCount('kudos'), 1);
  });

  it('refuses kudos on one’s own post (403), from guests (401), on unknown (404) or malformed ids (400)', async () => {
    const { helper } = server.fixtures.members;
    const before = [await rowCount('kudos'), await rowCount('events')];
    const own = await as(helper, { method: 'POST', url: `/api/posts/${replies.helper}/kudos` });
    assert.equal(own.statusCode, 403);
    assert.match(own.json().error.message, /own post/);
    assert.equal((await as(null, { method: 'POST', url: `/api/posts/${replies.helper}/kudos` })).statusCode, 401);
    assert.equal((await as(helper, { method: 'POST', url: '/api/posts/999999/kudos' })).statusCode, 404);
    assert.equal((await as(helper, { method: 'POST', url: '/api/posts/abc/kudos' })).statusCode, 400);
    assert.deepEqual([await rowCount('kudos'), await rowCount('events')], before);
  });

  it('takes kudos back, once: a second take-back answers the same state and changes nothing', async () => {
    const { other, helper } = server.fixtures.members;
    const before = await counters(helper.id);
    const response = await as(other, { method: 'DELETE', url: `/api/posts/${replies.helper}/kudos` });
    assert.deepEqual(response.json(), { postId: replies.helper, kudosCount: 0, given: false });
    assert.equal((await counters(helper.id)).kudos_received, before.kudos_received - 1);
    const again = await as(other, { method: 'DELETE', url: `/api/posts/${replies.helper}/kudos` });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { postId: replies.helper, kudosCount: 0, given: false });
    assert.equal((await counters(helper.id)).kudos_received, before.kudos_received - 1);
  });
});

describe('concurrent kudos', { timeout: 600_000 }, () => {
  it('keep the counters exact and let a double click count once', async () => {
    const { helper } = server.fixtures.members;
    const before = await counters(helper.id);
    const fans = await Promise.all([1, 2, 3, 4, 5].map((n) => server.tokenFor({ externalId: `test:fan${n}`, pseudonym: `Fan${n}`, role: 'member' })));
    const give = (fan: string) => server.app.inject({ method: 'POST', url: `/api/posts/${replies.helperSecond}/kudos`, headers: { authorization: `Bearer ${fan}` } });
    const statuses = (await Promise.all([...fans, fans[0]!].map(give))).map((response) => response.statusCode).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200]);
    assert.equal((await one<{ kudos_count: number }>('select kudos_count from posts where id = $1', [replies.helperSecond])).kudos_count, 5);
    assert.equal((await counters(helper.id)).kudos_received, before.kudos_received + 5);
  });
});

describe('accepted solution', { timeout: 600_000 }, () => {
  const url = () => `/api/threads/${server.fixtures.threadId}/solution`;

  it('refuses other members (403), guests (401), unknown threads and posts (404), bad posts and bodies (400), writing nothing', async () => {
    const { helper, asker } = server.fixtures.members;
    const before = [await rowCount('events'), (await counters(helper.id)).accepted_count];
    assert.equal((await as(helper, { method: 'POST', url: url(), payload: { postId: replies.other } })).statusCode, 403);
    assert.equal((await as(null, { method: 'POST', url: url(), payload: { postId: replies.helper } })).statusCode, 401);
    assert.equal((await as(asker, { method: 'POST', url: '/api/threads/999999/solution', payload: { postId: replies.helper } })).statusCode, 404);
    assert.equal((await as(asker, { method: 'POST', url: url(), payload: { postId: 999999 } })).statusCode, 404);
    for (const postId of [replies.question, replies.asker, otherThreadPostId]) {
      const response = await as(asker, { method: 'POST', url: url(), payload: { postId } });
      assert.equal(response.statusCode, 400, `post ${postId}`);
      assert.equal(response.json().error.code, 'validation_failed');
    }
    assert.equal((await as(asker, { method: 'POST', url: url(), payload: {} })).statusCode, 400);
    assert.deepEqual([await rowCount('events'), (await counters(helper.id)).accepted_count], before);
    assert.equal((await readThread()).thread.acceptedPostId, null);
  });

  it('lets the asker accept a reply: solved, pinned, credited', async () => {
    const { asker, helper } = server.fixtures.members;
    const before = await counters(helper.id);
    const response = await as(asker, { method: 'POST', url: url(), payload: { postId: replies.helper } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().thread.status, 'solved');
    const { thread } = await readThread();
    assert.deepEqual([thread.status, thread.acceptedPostId], ['solved', replies.helper]);
    assert.equal((await counters(helper.id)).accepted_count, before.accepted_count + 1);
    const event = await one<{ payload: { type: string; thread: { acceptedPostId: number } } }>('select payload from events order by id desc limit 1');
    assert.deepEqual([event.payload.type, event.payload.thread.acceptedPostId], ['thread-updated', replies.helper]);
    assert.equal((await as(asker, { method: 'POST', url: url(), payload: { postId: replies.helper } })).statusCode, 409);
  });

  it('lets an advisor move the solution, moving the credit too', async () => {
    const { advisor, helper, other } = server.fixtures.members;
    const [helperBefore, otherBefore] = [await counters(helper.id), await counters(other.id)];
    const response = await as(advisor, { method: 'POST', url: url(), payload: { postId: replies.other } });
    assert.equal(response.json().thread.acceptedPostId, replies.other);
    assert.equal((await counters(helper.id)).accepted_count, helperBefore.accepted_count - 1);
    assert.equal((await counters(other.id)).accepted_count, otherBefore.accepted_count + 1);
    const audit = await one<{ action: string; actor_id: number; before: { acceptedPostId: number } }>('select action, actor_id, before from audit_log order by id desc limit 1');
    assert.deepEqual([audit.action, audit.actor_id, audit.before.acceptedPostId], ['thread.solution-accept', advisor.id, replies.helper]);
  });

  it('lets a moderator withdraw it: answered again, credit withdrawn, then 409', async () => {
    const { moderator, other } = server.fixtures.members;
    const before = await counters(other.id);
    const response = await as(moderator, { method: 'DELETE', url: url() });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual([response.json().thread.status, response.json().thread.acceptedPostId], ['answered', null]);
    assert.equal((await counters(other.id)).accepted_count, before.accepted_count - 1);
    assert.equal((await as(moderator, { method: 'DELETE', url: url() })).statusCode, 409);
  });
});

describe('same problem here', { timeout: 600_000 }, () => {
  const url = () => `/api/threads/${server.fixtures.threadId}/same-problem`;
  const marks = () => rowCount('same_problem_marks');

  it('refuses the asker (403), guests (401) and unknown threads (404)', async () => {
    const { asker, other } = server.fixtures.members;
    assert.equal((await as(asker, { method: 'POST', url: url() })).statusCode, 403);
    assert.equal((await as(null, { method: 'POST', url: url() })).statusCode, 401);
    assert.equal((await as(other, { method: 'POST', url: '/api/threads/999999/same-problem' })).statusCode, 404);
    assert.equal(await marks(), 0);
  });

  it('adds a member once, keeping their region, and takes them back', async () => {
    const { other } = server.fixtures.members;
    // The region comes from the brand's token, like the member's name and role.
    const { token: regional } = await signToken(TEST_SECRET, { sub: other.externalId, name: other.pseudonym, role: 'member', region: 'Bretagne' });
    const response = await server.app.inject({ method: 'POST', url: url(), headers: { authorization: `Bearer ${regional}` } });
    assert.deepEqual(response.json(), { threadId: server.fixtures.threadId, sameProblemCount: 1, marked: true });
    assert.equal((await one<{ region: string }>('select region from same_problem_marks')).region, 'Bretagne');
    assert.equal((await readThread()).thread.sameProblemCount, 1);
    const again = await as(other, { method: 'POST', url: url() });
    assert.deepEqual([again.statusCode, again.json()], [200, { threadId: server.fixtures.threadId, sameProblemCount: 1, marked: true }]);
    assert.equal((await readThread()).thread.sameProblemCount, 1);
    const removed = await as(other, { method: 'DELETE', url: url() });
    assert.deepEqual(removed.json(), { threadId: server.fixtures.threadId, sameProblemCount: 0, marked: false });
    const twice = await as(other, { method: 'DELETE', url: url() });
    assert.deepEqual([twice.statusCode, twice.json()], [200, { threadId: server.fixtures.threadId, sameProblemCount: 0, marked: false }]);
    assert.equal(await marks(), 0);
  });
});

describe('advisor confirmation', { timeout: 600_000 }, () => {
  const url = (threadId = server.fixtures.threadId) => `/api/threads/${threadId}/confirmations`;
  const body = (overrides: Record<string, unknown> = {}) => ({ body: "Je confirme ce qu'ont dit @Pix37 et @rosier.", citedPostIds: [replies.helper], ...overrides });
  const snapshot = async () => [await rowCount('posts'), await rowCount('post_citations'), await rowCount('events'), (await counters(server.fixtures.members.helper.id)).confirmed_count];

  it('is for advisors only (403 for members and moderators, 401 for guests, 404 for unknown threads)', async () => {
    const { helper, moderator, advisor } = server.fixtures.members;
    const before = await snapshot();
    assert.equal((await as(helper, { method: 'POST', url: url(), payload: body() })).statusCode, 403);
    assert.equal((await as(moderator, { method: 'POST', url: url(), payload: body() })).statusCode, 403);
    assert.equal((await as(null, { method: 'POST', url: url(), payload: body() })).statusCode, 401);
    assert.equal((await as(advisor, { method: 'POST', url: url(999999), payload: body() })).statusCode, 404);
    assert.deepEqual(await snapshot(), before);
  });

  it('refuses citations that are not community replies of the thread, unknown FAQ articles and wrong assistants (400)', async () => {
    const { advisor, helper } = server.fixtures.members;
    const before = await snapshot();
    const bad = [
      { citedPostIds: [] },
      { citedPostIds: [replies.question] },
      { citedPostIds: [replies.advisor] },
      { citedPostIds: [otherThreadPostId] },
      { faqArticleIds: [999999] },
      { assistedByIds: [helper.id] },
      { assistedByIds: [advisor.id] },
      { body: '   ' },
    ];
    for (const overrides of bad) {
      const response = await as(advisor, { method: 'POST', url: url(), payload: body(overrides) });
      assert.equal(response.statusCode, 400, JSON.stringify(overrides));
      assert.equal(response.json().error.code, 'validation_failed');
    }
    assert.deepEqual(await snapshot(), before);
  });

  it('posts the confirmation, credits each cited member once and the assisting advisor, and shows it in the thread', async () => {
    const { advisor, helper, other, technicalAdvisor } = server.fixtures.members;
    const [helperBefore, otherBefore, assistBefore] = [await counters(helper.id), await counters(other.id), await counters(technicalAdvisor.id)];
    const response = await as(advisor, {
      method: 'POST', url: url(),
      payload: body({ citedPostIds: [replies.helper, replies.helperSecond, replies.other], faqArticleIds: [faqId], assistedByIds: [technicalAdvisor.id] }),
    });
    assert.equal(response.statusCode, 201, response.body);
    const post = response.json();
    assert.equal(post.kind, 'reply');
    assert.deepEqual(post.confirmation.cited.map((c: { postId: number; author: { pseudonym: string } }) => [c.postId, c.author.pseudonym]), [
      [replies.helper, 'Pix37'], [replies.other, 'rosier'], [replies.helperSecond, 'Pix37'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    assert.deepEqual(post.confirmation.faqLinks, [{ id: faqId, slug: 'changer-de-forfait', title: 'Changer de forfait' }]);
    assert.deepEqual(post.confirmation.assistedBy, [{ id: technicalAdvisor.id, pseudonym: 'Karim' }]);
    assert.equal((await counters(helper.id)).confirmed_count, helperBefore.confirmed_count + 1);
    assert.equal((await counters(other.id)).confirmed_count, otherBefore.confirmed_count + 1);
    assert.equal((await counters(technicalAdvisor.id)).assist_count, assistBefore.assist_count + 1);
    const { confirmed_at: confirmedAt } = await one<{ confirmed_at: Date | null }>('select confirmed_at from threads where id = $1', [server.fixtures.threadId]);
    assert.ok(confirmedAt);
    const thread = await readThread();
    const shown = postIn(thread, post.id);
    assert.deepEqual(shown?.confirmation, post.confirmation);
    assert.equal(shown?.signatureHtml, '<p>Merci !</p>\n');
    assert.equal(postIn(thread, replies.helper)?.confirmation, undefined);
    assert.equal(postIn(thread, replies.helper)?.signatureHtml, undefined);
  });

  it('counts confirmed answers in the rank score', async () => {
    const { other } = server.fixtures.members;
    // The post's own read: thread reads are cached, and this change is written behind the server's back.
    const rankOf = async () => (await server.app.inject({ url: `/api/posts/${replies.other}` })).json<Post>().author.rank.level;
    const before = await rankOf();
    await server.db.query('update members set confirmed_count = confirmed_count + 20 where id = $1', [other.id]);
    assert.ok((await rankOf()) > before);
    await server.db.query('update members set confirmed_count = confirmed_count - 20 where id = $1', [other.id]);
  });
});

describe('advisor signature', { timeout: 600_000 }, () => {
  it('is part of the community and editable by advisors only', async () => {
    const { helper, advisor } = server.fixtures.members;
    assert.equal((await server.app.inject({ url: '/api/community' })).json().advisorSignature, 'Merci !');
    assert.equal((await as(helper, { method: 'PUT', url: '/api/community/signature', payload: { text: 'Hack' } })).statusCode, 403);
    assert.equal((await as(null, { method: 'PUT', url: '/api/community/signature', payload: { text: 'Hack' } })).statusCode, 401);
    assert.equal((await as(advisor, { method: 'PUT', url: '/api/community/signature', payload: { text: 'x'.repeat(1001) } })).statusCode, 400);
    assert.equal((await server.app.inject({ url: '/api/community' })).json().advisorSignature, 'Merci !');
    const response = await as(advisor, { method: 'PUT', url: '/api/community/signature', payload: { text: "L'équipe **Volta**" } });
    assert.deepEqual(response.json(), { advisorSignature: "L'équipe **Volta**", signatureHtml: "<p>L'équipe <strong>Volta</strong></p>\n" });
    const advisorPost = (await readThread()).posts.find((p) => p.author.role === 'advisor');
    assert.equal(advisorPost?.signatureHtml, "<p>L'équipe <strong>Volta</strong></p>\n");
    const audit = await one<{ action: string; before: unknown; after: unknown }>('select action, before, after from audit_log order by id desc limit 1');
    // The audit names the language of the signature changed (one per offered language).
    assert.deepEqual(audit, { action: 'community.signature', before: { locale: 'fr', advisorSignature: 'Merci !' }, after: { locale: 'fr', advisorSignature: "L'équipe **Volta**" } });
  });
});

describe('through the SDK', { timeout: 600_000 }, () => {
  it('gives and takes back kudos, marks the same problem and accepts a solution', async () => {
    const { other, asker } = server.fixtures.members;
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, token: token(other) });
    assert.equal((await client.posts.kudo(replies.asker)).kudosCount, 1);
    assert.equal((await client.posts.unkudo(replies.asker)).given, false);
    assert.equal((await client.threads.markSameProblem(server.fixtures.threadId)).sameProblemCount, 1);
    assert.equal((await client.threads.unmarkSameProblem(server.fixtures.threadId)).marked, false);
    await assert.rejects(client.threads.acceptSolution(server.fixtures.threadId, replies.helper), { status: 403, code: 'forbidden' });
    client.setToken(token(asker));
    assert.equal((await client.threads.acceptSolution(server.fixtures.threadId, replies.helper)).thread.acceptedPostId, replies.helper);
  });
});

describe('demo seed', { timeout: 600_000 }, () => {
  const db = openPglite({});
  before(async () => {
    await migrate(await db);
    await seedDemoCommunity(await db, { now: new Date('2026-03-02T10:00:00Z') });
  });
  after(async () => (await db).close());
  const rows = async <T>(sql: string) => (await db).query<T>(sql);

  it('backs every kudos and same-problem count with rows, never on one’s own post or thread', async () => {
    assert.deepEqual(await rows('select p.id from posts p left join kudos k on k.post_id = p.id group by p.id having p.kudos_count <> count(k.post_id)'), []);
    assert.deepEqual(await rows('select t.id from threads t left join same_problem_marks s on s.thread_id = t.id group by t.id having t.same_problem_count <> count(s.member_id)'), []);
    assert.deepEqual(await rows('select k.post_id from kudos k join posts p on p.id = k.post_id where p.author_id = k.member_id'), []);
    assert.deepEqual(await rows('select s.thread_id from same_problem_marks s join threads t on t.id = s.thread_id where t.author_id = s.member_id'), []);
    const [marks] = await rows<{ n: number }>('select count(*)::int as n from same_problem_marks');
    assert.ok(marks!.n > 20, `${marks!.n} marks`);
  });

  it('makes the change-plan advisor post a confirmation crediting both helpers, with its FAQ link', async () => {
    const cited = await rows<{ pseudonym: string; slug: string | null }>(
      `select m.pseudonym, a.slug from threads t join posts p on p.thread_id = t.id
       join post_citations c on c.post_id = p.id join members m on m.id = c.cited_member_id
       left join post_faq_links l on l.post_id = p.id left join faq_articles a on a.id = l.article_id
       where t.title = 'Changer de forfait : comment faire ?' order by m.pseudonym`,
    );
    assert.deepEqual(cited, [{ pseudonym: 'Kali29', slug: 'changer-de-forfait' }, { pseudonym: 'lavande', slug: 'changer-de-forfait' }]);
  });

  it('keeps confirmation and assist counters equal to the rows', async () => {
    assert.deepEqual(await rows(
      `select m.id from members m
       left join (select cited_member_id as id, count(distinct post_id)::int as n from post_citations group by 1) c on c.id = m.id
       left join (select advisor_id as id, count(*)::int as n from post_assists group by 1) a on a.id = m.id
       where m.confirmed_count <> coalesce(c.n, 0) or m.assist_count <> coalesce(a.n, 0)`,
    ), []);
    const [assists] = await rows<{ n: number }>('select count(*)::int as n from post_assists');
    assert.ok(assists!.n > 0);
  });
});
