/**
 * What the server-rendered pages read (issue 16): a thread's public state (redirect, gone or
 * shown), the sitemap's threads, categories and FAQ articles, and a numbered page of a thread
 * as a guest reads it. Guests only: nothing here knows who asks.
 *
 * "Hidden thread": the schema has no thread-level flag, so a thread is hidden when moderation
 * hid its question post. Such threads, archived ones, merged ones and those of an archived
 * category stay out of the sitemap.
 */
import type { ThreadDetail } from '../../contract/index.ts';
import { LIMITS, type Locale, type ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { getThread, VISIBLE_POSTS_OF_THREAD } from './threads.ts';

export interface PublicThreadState {
  id: number;
  status: ThreadStatus;
  title: string;
  categoryId: number;
  /** Set when staff merged the thread into another: its posts live there now. */
  mergedIntoId: number | null;
  /** Moderation hid its question post: the thread is gone for the public (410). */
  openingHidden: boolean;
  /** Its category is archived: still readable, but listed nowhere (not in the sitemap). */
  categoryArchived: boolean;
}

interface StateRow {
  id: number;
  status: ThreadStatus;
  title: string;
  category_id: number;
  merged_into_id: number | null;
  opening_hidden: boolean;
  category_archived: boolean;
}

const OPENING_HIDDEN = `exists (select 1 from posts q where q.thread_id = t.id and q.kind = 'question' and q.hidden)`;

/** A thread of this community as the pages see it; undefined when unknown here. */
export async function publicThreadState(db: Queryable, community: CommunityContext, threadId: number): Promise<PublicThreadState | undefined> {
  const [row] = await db.query<StateRow>(
    `select t.id, t.status, t.title, t.category_id, t.merged_into_id, ${OPENING_HIDDEN} as opening_hidden, c.archived_at is not null as category_archived
     from threads t join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2`,
    [threadId, community.id],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    categoryId: row.category_id,
    mergedIntoId: row.merged_into_id,
    openingHidden: row.opening_hidden,
    categoryArchived: row.category_archived,
  };
}

/** How many merges the pages follow before giving up (a longer chain is a data error, not a redirect loop to serve). */
export const MAX_MERGE_HOPS = 5;

/**
 * The thread a merged thread's readers end up on: itself when not merged, else the target of its
 * merges, at most `MAX_MERGE_HOPS` away. Undefined when unknown, on a cycle or past the hops.
 */
export async function canonicalThread(db: Queryable, community: CommunityContext, threadId: number): Promise<PublicThreadState | undefined> {
  const seen = new Set<number>();
  let state = await publicThreadState(db, community, threadId);
  while (state?.mergedIntoId != null) {
    seen.add(state.id);
    if (seen.size > MAX_MERGE_HOPS || seen.has(state.mergedIntoId)) return undefined;
    state = await publicThreadState(db, community, state.mergedIntoId);
  }
  return state;
}

/** Threads a search engine may list: of this community, in a live category, neither archived, merged nor hidden. */
const PUBLIC_THREADS = `from threads t join categories c on c.id = t.category_id
  where c.community_id = $1 and c.archived_at is null and t.status <> 'archived' and t.merged_into_id is null and not ${OPENING_HIDDEN}`;

export interface SitemapThread {
  id: number;
  title: string;
  lastPostAt: string;
}

/** Public threads by id, `limit` after `afterId` (keyset: file N of the sitemap starts after file N-1's last id). */
export async function sitemapThreads(
  db: Queryable, community: CommunityContext, { afterId = 0, limit }: { afterId?: number; limit: number },
): Promise<SitemapThread[]> {
  const rows = await db.query<{ id: number; title: string; last_post_at: Date }>(
    `select t.id, t.title, t.last_post_at ${PUBLIC_THREADS} and t.id > $2 order by t.id limit $3`,
    [community.id, afterId, limit],
  );
  return rows.map((row) => ({ id: row.id, title: row.title, lastPostAt: new Date(row.last_post_at).toISOString() }));
}

export async function countSitemapThreads(db: Queryable, community: CommunityContext): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n ${PUBLIC_THREADS}`, [community.id]);
  return row?.n ?? 0;
}

/**
 * The id after which file `index` (0-based) of the threads' sitemap starts, `perFile` threads a
 * file: a route serving `/sitemaps/threads-N.xml` finds its start in one indexed query.
 */
export async function sitemapThreadsStart(db: Queryable, community: CommunityContext, index: number, perFile: number): Promise<number | undefined> {
  if (index === 0) return 0;
  const [row] = await db.query<{ id: number }>(`select t.id ${PUBLIC_THREADS} order by t.id offset $2 limit 1`, [community.id, index * perFile - 1]);
  return row?.id;
}

export interface SitemapCategory {
  slug: string;
  /** Null while the category has no post. */
  lastPostAt: string | null;
}

export interface SitemapArticle {
  slug: string;
  /** The languages this slug is written in, in a stable order (one page each, `hreflang` between them). */
  locales: Locale[];
  /** The latest edit of any of its languages. */
  updatedAt: string;
}

/** The sitemap's other pages: live categories in their order, and FAQ articles by slug with their languages. */
export async function sitemapPages(db: Queryable, community: CommunityContext): Promise<{ categories: SitemapCategory[]; articles: SitemapArticle[] }> {
  const categories = await db.query<{ slug: string; last_post_at: Date | null }>(
    'select c.slug, c.last_post_at from categories c where c.community_id = $1 and c.archived_at is null order by c.position, c.id',
    [community.id],
  );
  // json_agg, not array_agg: both drivers read JSON the same way.
  const articles = await db.query<{ slug: string; locales: Locale[]; updated_at: Date }>(
    `select a.slug, json_agg(a.locale order by a.locale) as locales, max(a.updated_at) as updated_at
     from faq_articles a where a.community_id = $1 group by a.slug order by a.slug`,
    [community.id],
  );
  return {
    categories: categories.map((row) => ({ slug: row.slug, lastPostAt: row.last_post_at ? new Date(row.last_post_at).toISOString() : null })),
    articles: articles.map((row) => ({ slug: row.slug, locales: row.locales, updatedAt: new Date(row.updated_at).toISOString() })),
  };
}

/** Posts on a rendered thread page: the API's first page size, so page 1 is exactly what the elements load. */
export const THREAD_PAGE_SIZE = LIMITS.postPageDefault;

export interface GuestThreadPage {
  /** `getThread`'s answer to a guest, with the posts of the page asked for (and `solution` when it is on no page given). */
  detail: ThreadDetail;
  /** At least 1, even for a thread showing no post. */
  pageCount: number;
}

/**
 * Page `page` (1-based) of a thread as a guest reads it through the API: the same repository read
 * (hidden posts left out, tombstones, confirmations), after `(page - 1) * THREAD_PAGE_SIZE` posts.
 * Undefined when the thread is unknown here or the page is past the last.
 */
export async function readGuestThreadPage(
  ctx: { db: Queryable; community: CommunityContext }, threadId: number, page: number,
): Promise<GuestThreadPage | undefined> {
  if (!Number.isSafeInteger(page) || page < 1) return undefined;
  const [counted] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from posts p where ${VISIBLE_POSTS_OF_THREAD}`, [threadId]);
  const pageCount = Math.max(1, Math.ceil((counted?.n ?? 0) / THREAD_PAGE_SIZE));
  if (page > pageCount) return undefined;
  const detail = await getThread(ctx.db, ctx.community, threadId, THREAD_PAGE_SIZE, (page - 1) * THREAD_PAGE_SIZE);
  return detail && { detail, pageCount };
}
