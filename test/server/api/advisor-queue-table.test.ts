/**
 * The advisor queue's table (migration 027) agrees with the queue's rules computed from scratch,
 * on the demo community and after each kind of write that can change them: replies by members
 * and staff, hiding, an accepted answer, an advisor-now mark, a holdback change, a role change.
 * The reference query is the read-time rule the queue applied before the table existed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../../src/domain/database.ts';
import { seedDemoCommunity } from '../../../src/domain/seed/index.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const FROM_SCRATCH = `
  select t.id as thread_id, t.needs_account or t.advisor_now_at is not null as urgent,
    t.created_at + c.holdback_minutes * interval '1 minute' as due_at,
    exists (select 1 from posts p join members pm on pm.id = p.author_id
      where p.thread_id = t.id and p.kind = 'reply' and not p.hidden and p.author_id <> t.author_id and pm.role = 'member') as community_answer
  from threads t join categories c on c.id = t.category_id
  where t.accepted_post_id is null and t.confirmed_at is null and t.merged_into_id is null and t.status in ('open', 'answered')
    and coalesce((select lm.role from posts lp join members lm on lm.id = lp.author_id
                  where lp.thread_id = t.id and not lp.hidden order by lp.created_at desc, lp.id desc limit 1), 'member') = 'member'
  order by t.id`;
const KEPT = `select thread_id, urgent, due_at, community_answer from advisor_queue order by thread_id`;

type Row = { thread_id: number; urgent: boolean; due_at: Date; community_answer: boolean };
const shown = (rows: Row[]) => rows.map((row) => `${row.thread_id} ${row.urgent} ${new Date(row.due_at).toISOString()} ${row.community_answer}`);

async function assertAgrees(db: Database, step: string): Promise<number> {
  const [expected, kept] = [await db.query<Row>(FROM_SCRATCH), await db.query<Row>(KEPT)];
  assert.deepEqual(shown(kept), shown(expected), `after ${step}`);
  return kept.length;
}

let server: TestServer;
let db: Database;
let waiting: { id: number; author_id: number; category_id: number };
let ids: { member: number; advisor: number };

before(async () => {
  server = await createTestServer();
  db = server.db;
  await seedDemoCommunity(db);
  const [newest] = await db.query<typeof waiting>(
    `select t.id, t.author_id, t.category_id from advisor_queue q join threads t on t.id = q.thread_id
     where not q.urgent order by q.created_at desc, t.id limit 1`);
  waiting = newest!;
  const [member] = await db.query<{ id: number }>(
    `select id from members where role = 'member' and id <> $1 and community_id = (select community_id from categories where id = $2) order by id limit 1`,
    [waiting.author_id, waiting.category_id]);
  const [advisor] = await db.query<{ id: number }>(`select id from members where role = 'advisor' order by id limit 1`);
  ids = { member: member!.id, advisor: advisor!.id };
});
after(() => server.close());

const reply = async (authorId: number) => (await db.query<{ id: number }>(
  `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'x', '<p>x</p>') returning id`,
  [waiting.id, authorId]))[0]!.id;
const queued = async (threadId: number) => (await db.query(`select 1 from advisor_queue where thread_id = $1`, [threadId])).length === 1;

describe('advisor queue table', { timeout: 300_000 }, () => {
  it('holds the demo\'s waiting threads, as the rules computed from scratch say', async () => {
    assert.ok((await assertAgrees(db, 'the demo seed')) > 10);
  });

  it('keeps a waiting thread through its asker\'s reply, a hidden staff post, and one insert into two threads', async () => {
    await reply(waiting.author_id);
    await assertAgrees(db, 'the asker\'s own reply');
    await db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html, hidden) values ($1, $2, 'reply', 'x', '<p>x</p>', true)`, [waiting.id, ids.advisor]);
    await assertAgrees(db, 'a hidden staff reply');
    const [other] = await db.query<{ thread_id: number }>(`select thread_id from advisor_queue where thread_id <> $1 order by thread_id limit 1`, [waiting.id]);
    await db.query(
      `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'x', '<p>x</p>'), ($3, $4, 'reply', 'x', '<p>x</p>')`,
      [waiting.id, ids.member, other!.thread_id, ids.advisor]);
    await assertAgrees(db, 'one insert: a member\'s reply to one waiting thread, staff\'s to another');
    assert.equal(await queued(other!.thread_id), false, 'staff wrote last there');
    assert.equal(await queued(waiting.id), true);
  });

  it('follows replies: a member answer, then staff writing last, then that staff post hidden', async () => {
    await reply(ids.member);
    await assertAgrees(db, 'a member reply');
    const staffPost = await reply(ids.advisor);
    await assertAgrees(db, 'a staff reply');
    assert.equal(await queued(waiting.id), false, 'staff wrote last: the customer has the next move');
    await db.query(`update posts set hidden = true where id = $1`, [staffPost]);
    await assertAgrees(db, 'hiding the staff reply');
    assert.equal(await queued(waiting.id), true);
  });

  it('follows the thread, its category and its members', async () => {
    await db.query(`update threads set advisor_now_at = now() where id = $1`, [waiting.id]);
    await assertAgrees(db, 'an advisor-now mark');
    await db.query(`update categories set holdback_minutes = holdback_minutes + 90 where id = $1`, [waiting.category_id]);
    await assertAgrees(db, 'a holdback change');
    await db.query(`update members set role = 'moderator' where id = $1`, [ids.member]);
    await assertAgrees(db, 'a member made moderator');
    await db.query(`update members set role = 'member' where id = $1`, [ids.member]);
    const answer = await reply(ids.member);
    await db.query(`update threads set accepted_post_id = $2 where id = $1`, [waiting.id, answer]);
    await assertAgrees(db, 'an accepted answer');
    assert.equal(await queued(waiting.id), false);
  });
});
