/**
 * Forum search over thread titles (weight A) and visible post bodies. Each row is matched with
 * the configuration of its own language, so the one query string is parsed twice (French,
 * English) and each side only meets rows of its language; both sides can use the GIN indexes.
 */
import type { SearchHit, SearchPage } from '../../contract/areas/knowledge.ts';
import { ANGLE_STANDINS, HEADLINE_OPTIONS, highlightToHtml, TITLE_HEADLINE_OPTIONS } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { THREAD_SELECT, toThread } from './threads.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { fallback, matchSql, sidePlan, type PlanThresholds, type SidePlan } from './search-plan.ts';

export { matchSql };

/** The tsquery parsed in the row's own configuration, for ts_rank and ts_headline. */
export function querySql(alias: string, param: number): string {
  return `(case when ${alias}.search_config = 'english'::regconfig then to_tsquery('english', $${param}) else to_tsquery('french', $${param}) end)`;
}

/** `expr` with `<` and `>` swapped for stand-ins that ts_headline keeps (see core ANGLE_STANDINS). */
export function angles(expr: string): string {
  return `translate(${expr}, '<>', '${ANGLE_STANDINS}')`;
}

export interface ForumSearch {
  /** A to_tsquery expression built by core `toTsQuery`. */
  tsquery: string;
  categoryId?: number;
  solved?: boolean;
  authorId?: number;
  /** Suggestions compare a question with questions: titles and first posts only. */
  questionsOnly?: boolean;
  offset: number;
  limit: number;
  /**
   * About this many most recent matches per side are ranked (default 1,000), so a very common
   * word stays fast on a large forum (search-plan.ts); words rarer than that are ranked in full.
   */
  candidates?: number;
  /** The plan's thresholds (search-plan.ts); tests lower them to try every plan on a small forum. */
  thresholds?: PlanThresholds;
}

interface HitRow {
  thread_id: number;
  post_id: number | null;
  score: number;
  title_hl: string;
  snippet: string;
}

function threadFilters(search: ForumSearch, params: unknown[]): string {
  let where = 'c.community_id = $2 and t.merged_into_id is null';
  if (search.categoryId !== undefined) {
    params.push(search.categoryId);
    where += ` and t.category_id = $${params.length}`;
  }
  if (search.solved !== undefined) where += search.solved ? ` and t.status = 'solved'` : ` and t.status <> 'solved'`;
  return where;
}

/** One hit per thread: title rank plus its best post's rank; a title match (A) outweighs bodies (D). */
export async function searchForum(db: Queryable, community: CommunityContext, search: ForumSearch): Promise<{ hits: SearchHit[]; more: boolean }> {
  const candidates = search.candidates ?? 1000;
  let plans = {
    titles: await sidePlan(db, 'threads', search.tsquery, candidates, search.thresholds),
    posts: await sidePlan(db, 'posts', search.tsquery, candidates, search.thresholds),
  };
  for (;;) {
    const rows = await searchWith(db, community, search, plans, candidates);
    // A plan that reads only the newest matches and filled less than this page may hide older
    // hits: fall back to the next plan (at last every match).
    const short = rows.length <= search.limit;
    if (!short || (plans.titles.mode === 'all' && plans.posts.mode === 'all')) {
      return { hits: await toHits(db, community, rows.slice(0, search.limit)), more: rows.length > search.limit };
    }
    plans = { titles: await fallback(db, 'threads', plans.titles, search.tsquery), posts: await fallback(db, 'posts', plans.posts, search.tsquery) };
  }
}

/** The FROM of the post side: every post, or the newest matches in the RUM index's id order. */
function postSource(plan: SidePlan, cap: string): string {
  if (plan.mode !== 'ordered') return 'posts p';
  // One ordered scan per language: RUM cannot order the union of two conditions.
  const newest = (config: string) => `(select id from posts where search_config = '${config}'::regconfig
    and search_vector @@ to_tsquery('${config}', $1) order by id <=| 2147483647 limit ${cap})`;
  return `(${newest('french')} union all ${newest('english')}) newest join posts p on p.id = newest.id`;
}

const floorSql = (plan: SidePlan, column: string) => (plan.mode === 'recent' ? ` and ${column} > ${plan.floor}` : '');

/**
 * The page's ranked hits under these plans, and one more when there are more. Each side's
 * matches sit in a materialized CTE ranked outside it, so PostgreSQL reads them as the plan says
 * and never walks the whole primary key backwards looking for matches that may not exist.
 */
async function searchWith(
  db: Queryable, community: CommunityContext, search: ForumSearch, plans: { titles: SidePlan; posts: SidePlan }, candidates: number,
): Promise<HitRow[]> {
  const params: unknown[] = [search.tsquery, community.id];
  const where = threadFilters(search, params);
  let titleAuthor = '';
  let postAuthor = '';
  if (search.authorId !== undefined) {
    params.push(search.authorId);
    titleAuthor = ` and t.author_id = $${params.length}`;
    postAuthor = ` and p.author_id = $${params.length}`;
  }
  params.push(HEADLINE_OPTIONS, TITLE_HEADLINE_OPTIONS);
  const [options, titleOptions] = [`$${params.length - 1}`, `$${params.length}`];
  params.push(search.limit + 1, search.offset, candidates);
  const [limit, offset, cap] = [`$${params.length - 2}`, `$${params.length - 1}`, `$${params.length}`];
  return db.query<HitRow>(
    `with title_matches as materialized (
       select t.id as thread_id, ts_rank(t.search_vector, ${querySql('t', 1)}) as score
       from threads t join categories c on c.id = t.category_id
       where ${where}${titleAuthor}${floorSql(plans.titles, 't.id')} and ${matchSql('t', 1)}
     ), title_hits as (
       select * from title_matches order by thread_id desc limit ${cap}
     ), post_matches as materialized (
       -- The thread of each match is looked up by its key (offset 0 keeps the lookup per row):
       -- a hash join would read every thread to filter a thousand posts.
       select p.thread_id, p.id as post_id, ts_rank(p.search_vector, ${querySql('p', 1)}) as score
       from ${postSource(plans.posts, cap)} cross join lateral (
         select 1 from threads t join categories c on c.id = t.category_id where t.id = p.thread_id and ${where} offset 0
       ) visible
       where not p.hidden${floorSql(plans.posts, 'p.id')}${postAuthor}${search.questionsOnly ? ` and p.kind = 'question'` : ''} and ${matchSql('p', 1)}
     ), post_hits as (
       select distinct on (thread_id) thread_id, post_id, score
       from (select * from post_matches order by post_id desc limit ${cap}) recent order by thread_id, score desc, post_id
     ), ranked as (
       select coalesce(th.thread_id, ph.thread_id) as thread_id, ph.post_id, coalesce(th.score, 0) + coalesce(ph.score, 0) as score
       from title_hits th full join post_hits ph on ph.thread_id = th.thread_id
       order by score desc, thread_id desc limit ${limit} offset ${offset}
     )
     select r.thread_id, r.post_id, r.score::float8 as score,
       ts_headline(t.search_config, ${angles('t.title')}, ${querySql('t', 1)}, ${titleOptions}) as title_hl,
       case when p.id is null then ts_headline(t.search_config, ${angles('t.excerpt')}, ${querySql('t', 1)}, ${options})
            else ts_headline(p.search_config, ${angles('p.body_md')}, ${querySql('p', 1)}, ${options}) end as snippet
     from ranked r join threads t on t.id = r.thread_id left join posts p on p.id = r.post_id
     order by r.score desc, r.thread_id desc`,
    params,
  );
}

async function toHits(db: Queryable, community: CommunityContext, rows: HitRow[]): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const threads = await db.query<Parameters<typeof toThread>[0]>(`${THREAD_SELECT} where t.id = any($1::int[])`, [rows.map((row) => row.thread_id)]);
  const byId = new Map(threads.map((row) => [row.id, row]));
  const now = new Date();
  return rows.flatMap((row) => {
    const thread = byId.get(row.thread_id);
    if (!thread) return [];
    return [{
      thread: toThread(thread, community, now),
      postId: row.post_id,
      titleHtml: highlightToHtml(row.title_hl),
      snippetHtml: highlightToHtml(row.snippet),
      score: Number(row.score),
    }];
  });
}

/** Opaque offset cursor: ranked results have no stable key to page on. */
export function encodeSearchCursor(offset: number): string {
  return toBase64Url(`o:${offset}`);
}

export function decodeSearchCursor(cursor: string): number | undefined {
  const match = /^o:(\d{1,7})$/.exec(fromBase64Url(cursor));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export type { SearchPage };
