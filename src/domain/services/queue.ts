/**
 * The advisor queue, expert suggestions and collective-problem alerts: reads for advisors.
 * SQL narrows and orders (indexes threads_awaiting_advisor, threads_recent); the holdback
 * and detection rules come from core so the queue and thread pages always agree.
 */
import type { AdvisorQueue, AlertList, ExpertList, QueueItem } from '../../contract/areas/advisor.ts';
import { guardian, type Actor, computeHoldback, detectCollectiveProblems, type Signal, type ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import { authorJson, toAuthor, type AuthorRow } from '../repo/members.ts';

interface QueueRow {
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
const QUEUE_SQL = `
  with ranked as (
    select t.id, t.category_id, t.author_id, t.title, t.status, t.needs_account, t.advisor_now_at, t.reply_count, t.created_at,
      c.holdback_minutes,
      case when t.needs_account or t.advisor_now_at is not null then 0
           when t.created_at + c.holdback_minutes * interval '1 minute' <= $3 then 1 else 2 end as urgency
    from threads t join categories c on c.id = t.category_id
    where c.community_id = $1 and ($2::int is null or t.category_id = $2)
      and t.accepted_post_id is null and t.confirmed_at is null and t.merged_into_id is null and t.status in ('open', 'answered')
      -- When staff wrote last (an answer, a private-message trace), the customer has the next move.
      and coalesce((select lm.role from posts lp join members lm on lm.id = lp.author_id
                    where lp.thread_id = t.id and not lp.hidden order by lp.created_at desc, lp.id desc limit 1), 'member') = 'member'
  )
  select r.*, ${COMMUNITY_ANSWER} as community_answer
  from ranked r
  where case when r.urgency < 2 then true else ${COMMUNITY_ANSWER} end
  order by r.urgency, case when r.urgency = 0 then least(coalesce(r.advisor_now_at, r.created_at), r.created_at) else r.created_at end, r.id
  limit $4`;

function toQueueItem(row: QueueRow, now: Date): QueueItem {
  const holdback = computeHoldback({
    createdAt: new Date(row.created_at), holdbackMinutes: row.holdback_minutes, needsAccount: row.needs_account,
    advisorFlagged: row.advisor_now_at !== null, hasAcceptedOrConfirmedAnswer: false, now,
  });
  const kind = row.urgency === 0 ? 'advisor-now' : row.urgency === 1 ? 'advisor-due' : 'awaiting-confirmation';
  return {
    kind,
    holdback: holdback.state,
    thread: {
      id: row.id, categoryId: row.category_id, title: row.title, status: row.status, needsAccount: row.needs_account,
      replyCount: row.reply_count, createdAt: new Date(row.created_at).toISOString(),
    },
    postId: null,
    flagWeight: null,
    hasCommunityAnswer: row.community_answer,
    dueAt: holdback.dueAt.toISOString(),
    msLeft: holdback.state === 'community-time' ? holdback.msLeft : null,
    msOverdue: holdback.state === 'advisor-due' || holdback.state === 'advisor-now' ? holdback.msOverdue : null,
  };
}

interface FlagRow {
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

/** Posts with open flags, heaviest first. */
async function flaggedPosts(db: Queryable, communityId: number, categoryId: number | null, limit: number, now: Date): Promise<QueueItem[]> {
  const rows = await db.query<FlagRow>(
    `select f.post_id, sum(f.weight)::int as weight, min(f.created_at) as first_at,
       t.id, t.category_id, t.title, t.status, t.needs_account, t.reply_count, t.created_at
     from post_flags f join posts p on p.id = f.post_id join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where f.resolved_at is null and c.community_id = $1 and ($2::int is null or t.category_id = $2)
     group by f.post_id, t.id order by weight desc, first_at, f.post_id limit $3`,
    [communityId, categoryId, limit],
  );
  return rows.map((row) => ({
    kind: 'flagged-post' as const,
    holdback: 'advisor-now' as const,
    thread: {
      id: row.id, categoryId: row.category_id, title: row.title, status: row.status, needsAccount: row.needs_account,
      replyCount: row.reply_count, createdAt: new Date(row.created_at).toISOString(),
    },
    postId: row.post_id,
    flagWeight: row.weight,
    hasCommunityAnswer: false,
    dueAt: new Date(row.first_at).toISOString(),
    msLeft: null,
    msOverdue: Math.max(0, now.getTime() - new Date(row.first_at).getTime()),
  }));
}

export async function advisorQueue(db: Queryable, community: CommunityContext, actor: Actor, query: { categoryId?: number; limit: number }, now = new Date()): Promise<AdvisorQueue> {
  guardian(actor).staff.ensureSeeAdvisorQueue();
  const categoryId = query.categoryId ?? null;
  const rows = await db.query<QueueRow>(QUEUE_SQL, [community.id, categoryId, now, query.limit]);
  const items = rows.map((row) => toQueueItem(row, now));
  // Flags come last and share the cap: the queue stays one bounded page.
  if (items.length < query.limit) items.push(...(await flaggedPosts(db, community.id, categoryId, query.limit - items.length, now)));
  return { generatedAt: now.toISOString(), items };
}

interface ExpertRow {
  author: AuthorRow;
  accepted: number;
  confirmed: number;
  last_post_at: Date;
}

/**
 * Members whose answers were accepted, or cited by an advisor confirmation, in the thread's
 * category, and who posted within `days`: an advisor can leave the question to them.
 */
export async function suggestExperts(db: Queryable, community: CommunityContext, actor: Actor, query: { threadId: number; days: number; limit: number }, now = new Date()): Promise<ExpertList> {
  guardian(actor).staff.ensureTriageThreads('Only staff may see expert suggestions.');
  const [thread] = await db.query<{ category_id: number; author_id: number }>(
    'select t.category_id, t.author_id from threads t join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2',
    [query.threadId, community.id],
  );
  if (!thread) throw notFound(`Thread ${query.threadId}`);
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const rows = await db.query<ExpertRow>(
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
    [thread.category_id, thread.author_id, since, query.limit],
  );
  return {
    categoryId: thread.category_id,
    items: rows.map((row) => ({
      member: toAuthor(row.author, community.ladder, now), acceptedCount: row.accepted, confirmedCount: row.confirmed,
      lastPostAt: new Date(row.last_post_at).toISOString(),
    })),
  };
}

interface SignalRow {
  kind: Signal['kind'];
  thread_id: number;
  category_id: number;
  region: string | null;
  title: string;
  at: Date;
}

/** Alerts computed on demand from the window's new threads and same-problem marks. */
export async function collectiveAlerts(db: Queryable, community: CommunityContext, actor: Actor, query: { threshold: number; windowMinutes: number }, now = new Date()): Promise<AlertList> {
  guardian(actor).staff.ensureTriageThreads('Only staff may see collective-problem alerts.');
  const windowMs = query.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const rows = await db.query<SignalRow>(
    `select 'thread' as kind, t.id as thread_id, t.category_id, m.region, t.title, t.created_at as at
     from threads t join categories c on c.id = t.category_id join members m on m.id = t.author_id
     where c.community_id = $1 and t.created_at >= $2 and t.created_at <= $3 and t.merged_into_id is null
     union all
     select 'same-problem', t.id, t.category_id, coalesce(s.region, m.region), t.title, s.created_at
     from same_problem_marks s join threads t on t.id = s.thread_id join categories c on c.id = t.category_id join members m on m.id = s.member_id
     where c.community_id = $1 and s.created_at >= $2 and s.created_at <= $3`,
    [community.id, since, now],
  );
  const signals: Signal[] = rows.map((row) => ({ kind: row.kind, threadId: row.thread_id, categoryId: row.category_id, region: row.region, title: row.title, at: new Date(row.at) }));
  const alerts = detectCollectiveProblems(signals, { now, threshold: query.threshold, windowMs });
  return {
    generatedAt: now.toISOString(),
    threshold: query.threshold,
    windowMinutes: query.windowMinutes,
    items: alerts.map((alert) => ({ ...alert, firstAt: alert.firstAt.toISOString(), lastAt: alert.lastAt.toISOString() })),
  };
}
