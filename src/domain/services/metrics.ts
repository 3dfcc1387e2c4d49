/**
 * Community metrics over a date range (study §17–§20: about 90 % of answers come from
 * members). SQL aggregates over the threads asked in the range; core turns counts into shares.
 */
import type { Metrics } from '../../contract/areas/advisor.ts';
import { guardian, type Actor, ApiError } from '../../core/index.ts';
import { CORE_MIN_REPLIES, share } from '../../core/metrics.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from '../repo/community.ts';

const DAY = 86_400_000;

// Threads asked in the range and, for each, its first answer by someone other than the asker.
const SCOPE = `with scope as (
    select t.id, t.category_id, t.author_id, t.created_at, t.accepted_post_id, t.confirmed_at
    from threads t join categories c on c.id = t.category_id
    where c.community_id = $1 and t.created_at >= $2 and t.created_at < $3 and t.merged_into_id is null
      and ($4::int is null or t.category_id = $4)
  ), first_answers as (
    select distinct on (s.id) s.id as thread_id, m.role = 'member' as by_member,
      extract(epoch from (p.created_at - s.created_at)) * 1000 as delay_ms
    from scope s join posts p on p.thread_id = s.id and p.kind = 'reply' and p.author_id <> s.author_id and not p.hidden
    join members m on m.id = p.author_id
    order by s.id, p.created_at, p.id
  )`;

interface CategoryRow { category_id: number; threads: number; solved: number; fa_members: number; fa_advisors: number }
interface MedianRow { by_member: boolean; median_ms: number }
interface AcceptedRow { by_members: number; by_advisors: number }
interface AdvisorRow { id: number; pseudonym: string; posts: number; accepted: number; assisted: number }
interface CircleRow { core: number; occasional: number; askers: number }

function figures(byMembers: number, byAdvisors: number) {
  return { total: byMembers + byAdvisors, byMembers, byAdvisors, memberShare: share(byMembers, byMembers + byAdvisors) };
}

async function hasTable(db: Queryable, name: string): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>('select to_regclass($1) is not null as present', [name]);
  return row?.present ?? false;
}

async function advisorFigures(db: Queryable, params: unknown[]): Promise<AdvisorRow[]> {
  // "Assisted by" credit comes from the interactions area's post_assists when it is installed.
  const assisted = (await hasTable(db, 'post_assists'))
    ? `(select count(*) from post_assists pa join posts ap on ap.id = pa.post_id join threads at on at.id = ap.thread_id
        where pa.advisor_id = m.id and ap.created_at >= $2 and ap.created_at < $3 and ($4::int is null or at.category_id = $4))::int`
    : '0';
  return db.query<AdvisorRow>(
    `${SCOPE}
     select m.id, m.pseudonym,
       (select count(*) from posts p join threads pt on pt.id = p.thread_id
        where p.author_id = m.id and p.created_at >= $2 and p.created_at < $3 and ($4::int is null or pt.category_id = $4))::int as posts,
       (select count(*) from scope s join posts p on p.id = s.accepted_post_id where p.author_id = m.id)::int as accepted,
       ${assisted} as assisted
     from members m where m.community_id = $1 and m.role = 'advisor'
     order by posts desc, m.id`,
    params,
  );
}

export async function communityMetrics(db: Queryable, community: CommunityContext, actor: Actor, query: { from?: string; to?: string; categoryId?: number }, now = new Date()): Promise<Metrics> {
  guardian(actor).staff.ensureSeeMetrics();
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
  if (!(from < to)) throw new ApiError('validation_failed', '`from` must be before `to`.', [{ in: 'querystring', path: '/from', message: 'after to' }]);
  const params = [community.id, from, to, query.categoryId ?? null];

  const categories = await db.query<CategoryRow>(
    `${SCOPE}
     select s.category_id, count(*)::int as threads,
       count(*) filter (where s.accepted_post_id is not null or s.confirmed_at is not null)::int as solved,
       count(fa.thread_id) filter (where fa.by_member)::int as fa_members,
       count(fa.thread_id) filter (where not fa.by_member)::int as fa_advisors
     from scope s left join first_answers fa on fa.thread_id = s.id
     group by s.category_id order by s.category_id`,
    params,
  );
  const medians = await db.query<MedianRow>(
    `${SCOPE} select by_member, percentile_cont(0.5) within group (order by delay_ms) as median_ms from first_answers group by by_member`,
    params,
  );
  const [accepted] = await db.query<AcceptedRow>(
    `${SCOPE}
     select count(*) filter (where m.role = 'member')::int as by_members, count(*) filter (where m.role <> 'member')::int as by_advisors
     from scope s join posts p on p.id = s.accepted_post_id join members m on m.id = p.author_id`,
    params,
  );
  // Circles over everyone who posted in the range; thresholds from core/metrics.ts.
  const [circles] = await db.query<CircleRow>(
    `select count(*) filter (where replies >= $5)::int as core,
            count(*) filter (where replies between 1 and $5 - 1)::int as occasional,
            count(*) filter (where replies = 0 and asked >= 1)::int as askers
     from (select p.author_id,
             count(*) filter (where p.kind = 'reply' and p.author_id <> t.author_id) as replies,
             count(*) filter (where p.kind = 'question') as asked
           from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id join members m on m.id = p.author_id
           where c.community_id = $1 and p.created_at >= $2 and p.created_at < $3 and ($4::int is null or t.category_id = $4) and m.role = 'member'
           group by p.author_id) activity`,
    [...params, CORE_MIN_REPLIES],
  );
  const advisors = await advisorFigures(db, params);

  const sum = (pick: (row: CategoryRow) => number) => categories.reduce((total, row) => total + pick(row), 0);
  const threads = sum((row) => row.threads);
  const solved = sum((row) => row.solved);
  const medianOf = (byMember: boolean) => {
    const row = medians.find((median) => median.by_member === byMember);
    return row ? Math.round(Number(row.median_ms)) : null;
  };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    threads,
    solved,
    solvedRate: share(solved, threads),
    firstAnswers: figures(sum((row) => row.fa_members), sum((row) => row.fa_advisors)),
    acceptedAnswers: figures(accepted?.by_members ?? 0, accepted?.by_advisors ?? 0),
    medianFirstAnswerMs: { members: medianOf(true), advisors: medianOf(false) },
    categories: categories.map((row) => ({
      categoryId: row.category_id, threads: row.threads, solved: row.solved,
      firstAnswersByMembers: row.fa_members, firstAnswersByAdvisors: row.fa_advisors,
    })),
    advisors: advisors.map((row) => ({ advisor: { id: row.id, pseudonym: row.pseudonym }, posts: row.posts, accepted: row.accepted, assisted: row.assisted })),
    circles: { core: circles?.core ?? 0, occasional: circles?.occasional ?? 0, 'one-time-asker': circles?.askers ?? 0 },
  };
}
