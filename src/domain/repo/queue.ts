/**
 * SQL of the advisor queue, expert suggestions and collective-problem signals
 * (../services/queue.ts applies core's holdback and detection rules to these rows).
 * Indexes threads_awaiting_advisor and threads_recent serve the narrowing and ordering.
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
// still in community time without a member's answer are the community's: not listed. The
// CASE keeps the per-thread reply lookup to threads still in community time (few: recent ones).
const COMMUNITY_ANSWER = `exists (select 1 from posts p join members pm on pm.id = p.author_id
  where p.thread_id = r.id and p.kind = 'reply' and not p.hidden and p.author_id <> r.author_id and pm.role = 'member')`;
/** Threads awaiting an advisor with their urgency (before the community-answer filter of group 2). */
const RANKED = `
  with ranked as (
    select t.id, t.category_id, t.author_id, t.title, t.status, t.needs_account, t.advisor_now_at, t.reply_count, t.created_at,
      c.holdback_minutes,
      case when t.needs_account or t.advisor_now_at is not null then 0
           when t.created_at + c.holdback_minutes * interval '1 minute' <= $3 then 1 else 2 end as urgency
    from threads t join categories c on c.id = t.category_id
    where c.community_id = $1 and ($2::int[] is null or t.category_id = any($2::int[]))
      and t.accepted_post_id is null and t.confirmed_at is null and t.merged_into_id is null and t.status in ('open', 'answered')
      -- When staff wrote last (an answer, a private-message trace), the customer has the next move.
      and coalesce((select lm.role from posts lp join members lm on lm.id = lp.author_id
                    where lp.thread_id = t.id and not lp.hidden order by lp.created_at desc, lp.id desc limit 1), 'member') = 'member'
  ), queued as (
    select r.*, ${COMMUNITY_ANSWER} as community_answer
    from ranked r
    where case when r.urgency < 2 then true else ${COMMUNITY_ANSWER} end
  )`;

const PAGE_SQL = `${RANKED}
  select * from queued q where q.urgency = $4
  order by case when q.urgency = 0 then least(coalesce(q.advisor_now_at, q.created_at), q.created_at) else q.created_at end, q.id
  limit $5 offset $6`;

const COUNT_SQL = `${RANKED} select urgency, count(*)::int as total from queued group by urgency`;

/** One urgency group's page of threads awaiting an advisor, the longest wait first. */
export async function advisorQueueRows(
  db: Queryable, community: CommunityContext, query: { categoryIds: number[] | null; now: Date; urgency: number; limit: number; offset: number },
): Promise<QueueRow[]> {
  return db.query<QueueRow>(PAGE_SQL, [community.id, query.categoryIds, query.now, query.urgency, query.limit, query.offset]);
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
