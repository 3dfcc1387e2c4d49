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

/** `alias.search_vector` matches the to_tsquery string in parameter `$param`. */
export function matchSql(alias: string, param: number): string {
  return `((${alias}.search_config = 'french'::regconfig and ${alias}.search_vector @@ to_tsquery('french', $${param}))
    or (${alias}.search_config = 'english'::regconfig and ${alias}.search_vector @@ to_tsquery('english', $${param})))`;
}

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
  /** At most this many most recent matches per side are ranked (default 5,000), so a very common word stays fast on a large forum. */
  candidates?: number;
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
  params.push(search.limit + 1, search.offset, search.candidates ?? 5000);
  const [limit, offset, candidates] = [`$${params.length - 2}`, `$${params.length - 1}`, `$${params.length}`];
  const rows = await db.query<HitRow>(
    `with title_hits as (
       select t.id as thread_id, ts_rank(t.search_vector, ${querySql('t', 1)}) as score
       from threads t join categories c on c.id = t.category_id
       where ${where}${titleAuthor} and ${matchSql('t', 1)}
       order by t.id desc limit ${candidates}
     ), post_matches as (
       select p.thread_id, p.id as post_id, ts_rank(p.search_vector, ${querySql('p', 1)}) as score
       from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
       where ${where}${postAuthor} and not p.hidden${search.questionsOnly ? ` and p.kind = 'question'` : ''} and ${matchSql('p', 1)}
       order by p.id desc limit ${candidates}
     ), post_hits as (
       select distinct on (thread_id) thread_id, post_id, score from post_matches order by thread_id, score desc, post_id
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
  const page = rows.slice(0, search.limit);
  return { hits: await toHits(db, community, page), more: rows.length > search.limit };
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
