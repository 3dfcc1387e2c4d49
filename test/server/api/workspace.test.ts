/** The workspace area against the real server: weekly plans, staff notes, expert nudges, notifications. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { TeamNow } from '../../../src/contract/areas/workspace.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

type Who = 'asker' | 'helper' | 'other' | 'advisor' | 'technicalAdvisor' | 'moderator';
let server: TestServer;
const tokens = {} as Record<Who, string>;

before(async () => {
  server = await createTestServer();
  for (const who of ['asker', 'helper', 'other', 'advisor', 'technicalAdvisor', 'moderator'] as const) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(() => server.close());

const as = (who: Who | 'guest', options: InjectOptions): InjectOptions =>
  who === 'guest' ? options : { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } };
const call = (who: Who | 'guest', options: InjectOptions) => server.app.inject(as(who, options));
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

async function insertThread(options: { minutesAgo?: number; replies?: number; needsAccount?: boolean } = {}): Promise<number> {
  const { asker, helper } = server.fixtures.members;
  const at = new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000);
  const [thread] = await server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, created_at, last_post_at, needs_account, reply_count) values ($1, $2, 'Ma carte SIM', $3, $3, $4, $5) returning id`,
    [server.fixtures.categories.network, asker.id, at, options.needsAccount ?? false, options.replies ?? 0],
  );
  await server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'question', 'Q ?', '<p>Q ?</p>', $3)`, [thread!.id, asker.id, at]);
  for (let reply = 0; reply < (options.replies ?? 0); reply += 1) {
    await server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'reply', 'R.', '<p>R.</p>', $3)`, [thread!.id, helper.id, at]);
  }
  return thread!.id;
}

describe('weekly plans', { timeout: 600_000 }, () => {
  const morning = () => ({ weekday: 0, startMinute: 540, endMinute: 750, categoryIds: [server.fixtures.categories.billing] });
  const afternoon = () => ({ weekday: 0, startMinute: 810, endMinute: 1050, categoryIds: [server.fixtures.categories.network, server.fixtures.categories.billing] });

  it('starts empty, and saves an advisor plan sorted by weekday and start', async () => {
    const empty = await call('advisor', { url: '/api/agent/plan' });
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(empty.json().slots, []);
    assert.equal(empty.json().timeZone, 'Europe/Paris');
    const saved = await call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [afternoon(), morning()] } });
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json().advisor.id, server.fixtures.members.advisor.id);
    assert.deepEqual(saved.json().slots.map((slot: { startMinute: number }) => slot.startMinute), [540, 810]);
    assert.deepEqual((await call('advisor', { url: '/api/agent/plan' })).json().slots, saved.json().slots);
  });

  it('replaces the whole plan on each save', async () => {
    const saved = await call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [morning()] } });
    assert.equal(saved.json().slots.length, 1);
    assert.equal(await count('weekly_plan_slots'), 1);
  });

  it('keeps one whole plan when several saves race', async () => {
    const save = (slot: ReturnType<typeof morning>) => call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [slot] } });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => save(index % 2 ? afternoon() : morning())));
    assert.ok(answers.every((answer) => answer.statusCode === 200));
    const [slots] = await server.db.query<{ n: number }>('select count(*)::int as n from weekly_plan_slots where member_id = $1', [server.fixtures.members.advisor.id]);
    assert.equal(slots?.n, 1);
    await save(morning());
  });

  it('refuses guests, members and moderators their own plan', async () => {
    assert.equal((await call('guest', { url: '/api/agent/plan' })).statusCode, 401);
    assert.equal((await call('asker', { url: '/api/agent/plan' })).statusCode, 403);
    assert.equal((await call('moderator', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [] } })).statusCode, 403);
  });

  it('refuses overlapping slots, unknown categories and malformed slots, writing nothing', async () => {
    const before = await count('weekly_plan_slot_categories');
    const overlapping = await call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [morning(), { ...morning(), startMinute: 600 }] } });
    assert.equal(overlapping.statusCode, 400);
    assert.equal(overlapping.json().error.details[0].path, '/slots/1');
    const unknown = await call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [{ ...morning(), categoryIds: [999999] }] } });
    assert.equal(unknown.statusCode, 400);
    const malformed = await call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [{ ...morning(), weekday: 7 }] } });
    assert.equal(malformed.statusCode, 400);
    assert.equal((await call('advisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [{ ...morning(), endMinute: 500 }] } })).statusCode, 400);
    assert.equal(await count('weekly_plan_slot_categories'), before);
  });

  it('shows every advisor plan to staff, and 403 to members', async () => {
    const team = await call('moderator', { url: '/api/agent/team/plans' });
    assert.equal(team.statusCode, 200);
    const advisorIds = team.json().items.map((plan: { advisor: { id: number } }) => plan.advisor.id);
    assert.deepEqual(new Set(advisorIds), new Set([server.fixtures.members.advisor.id, server.fixtures.members.technicalAdvisor.id]));
    assert.equal((await call('other', { url: '/api/agent/team/plans' })).statusCode, 403);
  });

  it('says who is on which category at a moment, in Paris time (summer and winter)', async () => {
    const { categories, members } = server.fixtures;
    await call('technicalAdvisor', { method: 'PUT', url: '/api/agent/plan', payload: { slots: [{ weekday: 0, startMinute: 540, endMinute: 600, categoryIds: [categories.network] }] } });
    // Monday 30 March 2026, 09:30 in Paris (summer time, UTC+2).
    const summer = await call('advisor', { url: '/api/agent/team/now?at=2026-03-30T07:30:00.000Z' });
    assert.equal(summer.statusCode, 200);
    const onDuty = (response: typeof summer, categoryId: number): number[] => {
      const { categories: rows } = response.json<TeamNow>();
      return rows.find((row) => row.categoryId === categoryId)?.advisors.map((advisor) => advisor.id) ?? [];
    };
    assert.deepEqual(onDuty(summer, categories.network), [members.technicalAdvisor.id]);
    assert.deepEqual(onDuty(summer, categories.billing), [members.advisor.id]);
    assert.deepEqual(summer.json().myCategoryIds, [categories.billing]);
    assert.deepEqual([summer.json().weekday, summer.json().minute], [0, 570]);
    // Monday 23 March 2026, 09:30 in Paris is 08:30 UTC (winter time).
    const winter = await call('technicalAdvisor', { url: '/api/agent/team/now?at=2026-03-23T08:30:00.000Z' });
    assert.deepEqual(winter.json().myCategoryIds, [categories.network]);
    const later = await call('moderator', { url: '/api/agent/team/now?at=2026-03-30T08:30:00.000Z' });
    assert.deepEqual(onDuty(later, categories.network), []);
    assert.deepEqual(later.json().myCategoryIds, []);
  });

  it('refuses a bad `at` and members on the team view', async () => {
    assert.equal((await call('advisor', { url: '/api/agent/team/now?at=lundi' })).statusCode, 400);
    assert.equal((await call('asker', { url: '/api/agent/team/now' })).statusCode, 403);
    assert.equal((await call('guest', { url: '/api/agent/team/now' })).statusCode, 401);
  });
});

describe('staff notes', { timeout: 600_000 }, () => {
  const SECRET = 'Le client a déjà appelé trois fois';
  const notesUrl = () => `/api/threads/${server.fixtures.threadId}/staff-notes`;

  it('lets advisors and moderators add and list notes, rendered from markdown', async () => {
    const added = await call('advisor', { method: 'POST', url: notesUrl(), payload: { body: `**${SECRET}** <img src=x onerror=alert(1)>` } });
    assert.equal(added.statusCode, 201);
    assert.match(added.json().bodyHtml, /<strong>Le client a déjà appelé trois fois<\/strong>/);
    assert.doesNotMatch(added.json().bodyHtml, /<img/);
    assert.equal(added.json().author.id, server.fixtures.members.advisor.id);
    await call('moderator', { method: 'POST', url: notesUrl(), payload: { body: 'Vu, je surveille.' } });
    const listed = await call('moderator', { url: notesUrl() });
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json().items.map((note: { author: { id: number } }) => note.author.id), [server.fixtures.members.advisor.id, server.fixtures.members.moderator.id]);
  });

  it('never shows notes to members or guests', async () => {
    assert.equal((await call('asker', { url: notesUrl() })).statusCode, 403);
    assert.equal((await call('guest', { url: notesUrl() })).statusCode, 401);
    assert.equal((await call('other', { method: 'POST', url: notesUrl(), payload: { body: 'Je veux écrire.' } })).statusCode, 403);
  });

  it('keeps note text out of every public thread read', async () => {
    for (const who of ['asker', 'guest'] as const) {
      const thread = await call(who, { url: `/api/threads/${server.fixtures.threadId}` });
      assert.equal(thread.statusCode, 200);
      assert.doesNotMatch(thread.body, /appelé trois fois|je surveille/);
    }
    const list = await call('asker', { url: `/api/threads?categoryId=${server.fixtures.categories.billing}` });
    assert.doesNotMatch(list.body, /appelé trois fois/);
  });

  it('answers 404 for an unknown thread and 400 for a blank or unknown-field body, writing nothing', async () => {
    const before = await count('staff_notes');
    assert.equal((await call('advisor', { url: '/api/threads/999999/staff-notes' })).statusCode, 404);
    assert.equal((await call('advisor', { method: 'POST', url: '/api/threads/999999/staff-notes', payload: { body: 'Une note.' } })).statusCode, 404);
    assert.equal((await call('advisor', { method: 'POST', url: notesUrl(), payload: { body: '   ' } })).statusCode, 400);
    assert.equal((await call('advisor', { method: 'POST', url: notesUrl(), payload: { body: 'Note', pinned: true } })).statusCode, 400);
    assert.equal(await count('staff_notes'), before);
  });
});

describe('expert nudges and notifications', { timeout: 600_000 }, () => {
  const nudge = (threadId: number, memberIds: number[], who: Who = 'advisor') =>
    call(who, { method: 'POST', url: `/api/threads/${threadId}/expert-nudges`, payload: { memberIds } });

  it('notifies the chosen members once, and they read and mark their notifications', async () => {
    const { helper, other, advisor } = server.fixtures.members;
    const threadId = await insertThread({ minutesAgo: 20, replies: 1 });
    const nudged = await nudge(threadId, [helper.id, other.id]);
    assert.equal(nudged.statusCode, 201);
    assert.deepEqual(nudged.json().items.map((item: { member: { id: number } }) => item.member.id).sort(), [helper.id, other.id].sort());
    assert.equal(nudged.json().items[0].by.id, advisor.id);

    const inbox = await call('helper', { url: '/api/notifications' });
    assert.equal(inbox.statusCode, 200);
    assert.equal(inbox.json().unreadCount, 1);
    const [notification] = inbox.json().items;
    assert.deepEqual([notification.kind, notification.thread.id, notification.by.id, notification.readAt], ['expert-nudge', threadId, advisor.id, null]);

    const read = await call('helper', { method: 'POST', url: `/api/notifications/${notification.id}/read` });
    assert.equal(read.statusCode, 200);
    assert.notEqual(read.json().readAt, null);
    const after = await call('helper', { url: '/api/notifications?unread=true' });
    assert.deepEqual([after.json().unreadCount, after.json().items.length], [0, 0]);
    const listed = await call('advisor', { url: `/api/threads/${threadId}/expert-nudges` });
    assert.equal(listed.json().items.length, 2);
  });

  it('answers 409 when a member was already nudged on the thread, writing no other nudge', async () => {
    const { helper, other } = server.fixtures.members;
    const threadId = await insertThread();
    assert.equal((await nudge(threadId, [helper.id])).statusCode, 201);
    const before = await count('notifications');
    const again = await nudge(threadId, [other.id, helper.id], 'technicalAdvisor');
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().error.details.memberIds, [helper.id]);
    assert.equal(await count('notifications'), before);
  });

  it('answers 409 with the reason once the thread no longer waits for the community', async () => {
    const { helper } = server.fixtures.members;
    const overdueAnswered = await insertThread({ minutesAgo: 240, replies: 1 });
    const refused = await nudge(overdueAnswered, [helper.id]);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /already has answers/);
    assert.equal((await nudge(await insertThread({ needsAccount: true }), [helper.id])).statusCode, 409);
    // Overdue but still unanswered: members may still help.
    assert.equal((await nudge(await insertThread({ minutesAgo: 240 }), [helper.id])).statusCode, 201);
  });

  it('refuses guests, members and moderators', async () => {
    const threadId = await insertThread();
    assert.equal((await call('guest', { method: 'POST', url: `/api/threads/${threadId}/expert-nudges`, payload: { memberIds: [1] } })).statusCode, 401);
    assert.equal((await nudge(threadId, [server.fixtures.members.helper.id], 'other')).statusCode, 403);
    assert.equal((await nudge(threadId, [server.fixtures.members.helper.id], 'moderator')).statusCode, 403);
    assert.equal((await call('asker', { url: `/api/threads/${threadId}/expert-nudges` })).statusCode, 403);
  });

  it('answers 404 for unknown threads and members, 400 for staff, the asker or a bad body, writing nothing', async () => {
    const { asker, technicalAdvisor, helper } = server.fixtures.members;
    const threadId = await insertThread();
    const before = await count('notifications');
    assert.equal((await nudge(999999, [helper.id])).statusCode, 404);
    assert.equal((await nudge(threadId, [helper.id, 999999])).statusCode, 404);
    assert.equal((await nudge(threadId, [technicalAdvisor.id])).statusCode, 400);
    assert.equal((await nudge(threadId, [asker.id])).statusCode, 400);
    assert.equal((await nudge(threadId, [])).statusCode, 400);
    assert.equal((await nudge(threadId, [helper.id, helper.id])).statusCode, 400);
    assert.equal(await count('notifications'), before);
  });

  it("hides someone else's notification behind 404, and refuses guests", async () => {
    const threadId = await insertThread();
    await nudge(threadId, [server.fixtures.members.other.id]);
    const [mine] = (await call('other', { url: '/api/notifications' })).json().items;
    assert.equal((await call('helper', { method: 'POST', url: `/api/notifications/${mine.id}/read` })).statusCode, 404);
    assert.equal((await call('other', { method: 'POST', url: '/api/notifications/999999/read' })).statusCode, 404);
    assert.equal((await call('guest', { url: '/api/notifications' })).statusCode, 401);
    const [unchanged] = await server.db.query<{ read_at: Date | null }>('select read_at from notifications where id = $1', [mine.id]);
    assert.equal(unchanged?.read_at, null);
  });
});
