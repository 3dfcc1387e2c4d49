/**
 * SQL of the advisor queue, expert suggestions and collective-problem signals
 * (../services/queue.ts applies core's holdback and detection rules to these rows).
 * The queue reads advisor_queue (migration 027, kept by triggers); threads_recent serves the signals.
 */
import type { Signal, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, type AuthorRow } from './members.ts';

export interface QueueRow {
  id: number;
  category_id: number;
  title: string;
  status: ThreadStatus;
  needs_account: boolean;
  advisor_now_at: Date | null;
  reply_count: number;
  created_at: Date;
  holdback_minutes: number;
  community_answer: boolean;
  urgency: number;
}

// Urgency 0: advisor-now, 1: advisor-due, 2: community answer awaiting confirmation. Threads
// still in community time without a member's answer are the community's: not listed.
// Migration 027's triggers keep advisor_queue (one row per waiting thread, with its urgency's
// inputs) in every writing transaction, so a page or a count reads a few index entries, the
// same for all categories as for one. Time alone moves a thread from 2 to 1: `due_at <= now`.
const URGENCY_SQL = `case when q.urgent then 0 when q.due_at <= $3 then 1 else 2 end`;
const IN_SCOPE = `q.community_id = $1 and ($2::int[] is null or q.category_id = any($2::int[]))`;
/** Each group's rows, by the partial index that serves it. */
const GROUP_WHERE = [
  'q.urgent',
  'not q.urgent and q.due_at <= $3',
  'not q.urgent and q.due_at > $3 and q.community_answer',
] as const;
const GROUP_ORDER = ['q.waiting_since, q.thread_id', 'q.created_at, q.thread_id', 'q.created_at, q.thread_id'] as const;

function pageSql(urgency: number): string {
  return `select t.id, t.category_id, t.title, t.status, t.needs_account, t.advisor_now_at, t.reply_count, t.created_at,
      c.holdback_minutes, q.community_answer, ${URGENCY_SQL} as urgency
    from (select * from advisor_queue q where ${IN_SCOPE} and ${GROUP_WHERE[urgency]} order by ${GROUP_ORDER[urgency]} limit $4 offset $5) q
    join threads t on t.id = q.thread_id join categories c on c.id = t.category_id
    order by ${GROUP_ORDER[urgency]}`;
}

const COUNT_SQL = GROUP_WHERE.map((where, urgency) =>
  `select ${urgency} as urgency, count(*)::int as total from advisor_queue q where ${IN_SCOPE} and ${where}`).join(' union all ');

/** One urgency group's page of threads awaiting an advisor, the longest wait first. */
export async function advisorQueueRows(
  db: Queryable, community: CommunityContext, query: { categoryIds: number[] | null; now: Date; urgency: number; limit: number; offset: number },
): Promise<QueueRow[]> {
  const sql = pageSql(query.urgency);
  return db.query<QueueRow>(sql, [community.id, query.categoryIds, query.now, query.limit, query.offset]);
}

/** How many threads each urgency group holds (0: advisor-now, 1: advisor-due, 2: awaiting confirmation). */
export async function advisorQueueCounts(db: Queryable, community: CommunityContext, query: { categoryIds: number[] | null; now: Date }): Promise<Map<number, number>> {
  const rows = await db.query<{ urgency: number; total: number }>(COUNT_SQL, [community.id, query.categoryIds, query.now]);
  return new Map(rows.map((row) => [row.urgency, row.total]));
}

export interface FlagRow {
  post_id: number;
  weight: number;
  first_at: Date;
  id: number;
  category_id: number;
  title: string;
  status: ThreadStatus;
  needs_account: boolean;
  reply_count: number;
  created_at: Date;
}

const OPEN_FLAGS = `from post_flags f join posts p on p.id = f.post_id join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
  where f.resolved_at is null and c.community_id = $1 and ($2::int[] is null or t.category_id = any($2::int[]))`;

/** A page of posts with open flags, heaviest first. */
export async function flaggedPostRows(db: Queryable, communityId: number, categoryIds: number[] | null, page: { limit: number; offset: number }): Promise<FlagRow[]> {
  return db.query<FlagRow>(
    `select f.post_id, sum(f.weight)::int as weight, min(f.created_at) as first_at,
       t.id, t.category_id, t.title, t.status, t.needs_account, t.reply_count, t.created_at
     ${OPEN_FLAGS}
     group by f.post_id, t.id order by weight desc, first_at, f.post_id limit $3 offset $4`,
    [communityId, categoryIds, page.limit, page.offset],
  );
}

/** How many posts have open flags. */
export async function flaggedPostCount(db: Queryable, communityId: number, categoryIds: number[] | null): Promise<number> {
  const [row] = await db.query<{ total: number }>(`select count(distinct f.post_id)::int as total ${OPEN_FLAGS}`, [communityId, categoryIds]);
  return row?.total ?? 0;
}

/** The thread's category and asker; undefined when the thread is not in this community. */
export async function findThreadAsker(db: Queryable, community: CommunityContext, threadId: number): Promise<{ category_id: number; author_id: number } | undefined> {
  const [thread] = await db.query<{ category_id: number; author_id: number }>(
    'select t.category_id, t.author_id from threads t join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2',
    [threadId, community.id],
  );
  return thread;
}

export interface ExpertRow {
  author: AuthorRow;
  accepted: number;
  confirmed: number;
  last_post_at: Date;
}

/** Members credited (accepted or cited) in the thread's category who posted since `since`, asker excluded; most credited first. */
export async function expertRows(db: Queryable, thread: { category_id: number; author_id: number }, query: { since: Date; limit: number }): Promise<ExpertRow[]> {
  return db.query<ExpertRow>(
    `with credits as (
       select p.author_id as member_id, 1 as accepted, 0 as confirmed
       from threads t join posts p on p.id = t.accepted_post_id where t.category_id = $1
       union all
       select pc.cited_member_id, 0, 1
       from post_citations pc join posts cp on cp.id = pc.cited_post_id join threads t on t.id = cp.thread_id where t.category_id = $1
     ), totals as (
       select member_id, sum(accepted)::int as accepted, sum(confirmed)::int as confirmed from credits group by member_id
     )
     select ${authorJson('m')} as author, totals.accepted, totals.confirmed, recent.last_post_at
     from totals join members m on m.id = totals.member_id
     cross join lateral (select max(p.created_at) as last_post_at from posts p where p.author_id = m.id) recent
     where m.role = 'member' and m.id <> $2 and recent.last_post_at >= $3
     order by totals.accepted + totals.confirmed desc, recent.last_post_at desc, m.id
     limit $4`,
    [thread.category_id, thread.author_id, query.since, query.limit],
  );
}

export interface SignalRow {
  kind: Signal['kind'];
  thread_id: number;
  category_id: number;
  region: string | null;
  title: string;
  at: Date;
}

/** New threads and same-problem marks of the window, each a signal. */
export async function signalRows(db: Queryable, community: CommunityContext, since: Date, now: Date): Promise<SignalRow[]> {
  return db.query<SignalRow>(
    `select 'thread' as kind, t.id as thread_id, t.category_id, m.region, t.title, t.created_at as at
     from threads t join categories c on c.id = t.category_id join members m on m.id = t.author_id
     where c.community_id = $1 and t.created_at >= $2 and t.created_at <= $3 and t.merged_into_id is null
     union all
     select 'same-problem', t.id, t.category_id, coalesce(s.region, m.region), t.title, s.created_at
     from same_problem_marks s join threads t on t.id = s.thread_id join categories c on c.id = t.category_id join members m on m.id = s.member_id
     where c.community_id = $1 and s.created_at >= $2 and s.created_at <= $3`,
    [community.id, since, now],
  );
}
