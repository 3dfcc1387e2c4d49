/**
 * SQL of community metrics (../services/metrics.ts): aggregates over the threads asked in a date
 * range, and for each its first answer by someone other than the asker. Core turns counts into shares.
 */
import { CORE_MIN_REPLIES } from '../../core/metrics.ts';
import type { Queryable } from '../database.ts';

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

export interface CategoryRow { category_id: number; threads: number; solved: number; fa_members: number; fa_advisors: number }
export interface MedianRow { by_member: boolean; median_ms: number }
export interface AcceptedRow { by_members: number; by_advisors: number }
export interface AdvisorRow { id: number; pseudonym: string; posts: number; accepted: number; assisted: number }
export interface CircleRow { core: number; occasional: number; askers: number }

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

export interface MetricsRows {
  categories: CategoryRow[];
  medians: MedianRow[];
  accepted: AcceptedRow | undefined;
  circles: CircleRow | undefined;
  advisors: AdvisorRow[];
}

/** Every figure of the range, one query each; `categoryId` null means every category. */
export async function readMetricsRows(db: Queryable, range: { communityId: number; from: Date; to: Date; categoryId: number | null }): Promise<MetricsRows> {
  const params = [range.communityId, range.from, range.to, range.categoryId];
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
  return { categories, medians, accepted, circles, advisors };
}
