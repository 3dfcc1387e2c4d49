import type { Post, PostPage, ThreadDetail, ThreadSummary } from '../../contract/index.ts';
import { ID_MAX, LIMITS, type LivePostNow, type Locale, type PostKind, type ThreadStatus } from '../../core/index.ts';
import { prepared, type Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, toAuthor, type AuthorRow } from './members.ts';
import { decoratePosts } from './interactions.ts';
import { HOLDBACK_SELECT, holdbackOf, type HoldbackColumns } from './advisor.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';

export interface ThreadRow extends HoldbackColumns {
  id: number;
  category_id: number;
  title: string;
  status: ThreadStatus;
  locale: Locale;
  excerpt: string;
  reply_count: number;
  same_problem_count: number;
  accepted_post_id: number | null;
  created_at: Date;
  last_post_at: Date;
  merged_into_id?: number | null;
  author: AuthorRow;
}

export interface PostRow {
  id: number;
  thread_id: number;
  kind: PostKind;
  body_html: string;
  kudos_count: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  deleted_by: 'author' | 'staff' | null;
  author: AuthorRow;
}

export const THREAD_SELECT = `select t.id, t.category_id, t.title, t.status, t.locale, t.excerpt, t.reply_count, t.same_problem_count,
  t.accepted_post_id, t.created_at, t.last_post_at, t.merged_into_id, ${HOLDBACK_SELECT}, ${authorJson('m')} as author
  from threads t join members m on m.id = t.author_id`;

const POST_COLUMNS = `p.id, p.thread_id, p.kind, p.body_html, p.kudos_count, p.created_at, p.edited_at, p.deleted_at, p.deleted_by,
  ${authorJson('m')} as author`;

export const POST_SELECT = `select ${POST_COLUMNS} from posts p join members m on m.id = p.author_id`;

/** The posts of thread `$1` a thread read shows (core `canSeePost`: none hidden); also what page counts count. */
export const VISIBLE_POSTS_OF_THREAD = 'p.thread_id = $1 and not p.hidden';

export function toThread(row: ThreadRow, community: CommunityContext, now = new Date()): ThreadSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    status: row.status,
    locale: row.locale,
    excerpt: row.excerpt,
    author: toAuthor(row.author, community.ladder, now),
    replyCount: row.reply_count,
    sameProblemCount: row.same_problem_count,
    acceptedPostId: row.accepted_post_id,
    createdAt: new Date(row.created_at).toISOString(),
    lastPostAt: new Date(row.last_post_at).toISOString(),
    ...(row.merged_into_id ? { mergedIntoId: row.merged_into_id } : {}),
    ...holdbackOf(row, now),
  };
}

export function toPost(row: PostRow, community: CommunityContext, now = new Date()): Post {
  return {
    id: row.id,
    threadId: row.thread_id,
    kind: row.kind,
    author: toAuthor(row.author, community.ladder, now),
    bodyHtml: row.body_html,
    kudosCount: row.kudos_count,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    // A deleted post's body was emptied when it was deleted (see ../repo/deletion.ts).
    ...(row.deleted_at && row.deleted_by ? { deleted: { by: row.deleted_by, at: new Date(row.deleted_at).toISOString() } } : {}),
  };
}

export async function findThreadRow(db: Queryable, community: CommunityContext, threadId: number): Promise<ThreadRow | undefined> {
  const [row] = await db.query<ThreadRow>(
    prepared(`${THREAD_SELECT} join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2`),
    [threadId, community.id],
  );
  return row;
}

/**
 * A thread and its first `limit` posts (or those after the first `offset`: the rendered pages'
 * `?page=N`), plus the accepted solution when it lies on no page given.
 */
export async function getThread(
  db: Queryable, community: CommunityContext, threadId: number, limit: number = LIMITS.postPageDefault, offset = 0,
): Promise<ThreadDetail | undefined> {
  const row = await findThreadRow(db, community, threadId);
  if (!row) return undefined;
  const now = new Date();
  const page = await readPostPage(db, community, threadId, { limit, offset }, now);
  const acceptedId = row.accepted_post_id;
  const solution = acceptedId && !page.items.some((post) => post.id === acceptedId) ? await findVisiblePost(db, community, acceptedId) : undefined;
  return { thread: toThread(row, community, now), posts: page.items, nextCursor: page.nextCursor, ...(solution ? { solution } : {}) };
}

export class BadPostCursorError extends Error {}

/** The cursor names the last post given: pages stay exact even when posts share a timestamp. */
function encodePostCursor(postId: number): string {
  return toBase64Url(`p:${postId}`);
}

function decodePostCursor(cursor: string): number {
  const match = /^p:(\d{1,10})$/.exec(fromBase64Url(cursor));
  // Post ids are PostgreSQL integers: a bigger one is a forged cursor, not a query to run.
  if (!match || Number(match[1]) > ID_MAX) throw new BadPostCursorError();
  return Number(match[1]);
}

/**
 * Visible posts of a thread (core `canSeePost`: none hidden), oldest first, `limit` at a time after
 * the cursor's post, or after the first `offset` ones (rendered pages number their pages; the API pages by cursor).
 */
export async function readPostPage(
  db: Queryable, community: CommunityContext, threadId: number, query: { cursor?: string; offset?: number; limit: number }, now = new Date(),
): Promise<PostPage> {
  const params: unknown[] = [threadId, query.limit + 1];
  let after = '';
  if (query.cursor !== undefined) {
    const afterId = decodePostCursor(query.cursor);
    // A cursor naming a post of another thread (or none) is not one this thread gave out.
    const [known] = await db.query<{ id: number }>('select id from posts where id = $1 and thread_id = $2', [afterId, threadId]);
    if (!known) throw new BadPostCursorError();
    params.push(afterId);
    after = ` and (p.created_at, p.id) > (select c.created_at, c.id from posts c where c.id = $3 and c.thread_id = $1)`;
  }
  let skip = '';
  if (query.offset) {
    params.push(query.offset);
    skip = ` offset $${params.length}`;
  }
  const rows = await db.query<PostRow>(prepared(`${POST_SELECT} where ${VISIBLE_POSTS_OF_THREAD}${after} order by p.created_at, p.id limit $2${skip}`), params);
  const page = rows.slice(0, query.limit);
  const items = await decoratePosts(db, community, page.map((post) => toPost(post, community, now)));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodePostCursor(last.id) : null };
}

async function findVisiblePost(db: Queryable, community: CommunityContext, postId: number): Promise<Post | undefined> {
  const [row] = await db.query<PostRow>(`${POST_SELECT} where p.id = $1 and not p.hidden`, [postId]);
  if (!row) return undefined;
  const [post] = await decoratePosts(db, community, [toPost(row, community)]);
  return post;
}

export async function findPost(db: Queryable, community: CommunityContext, postId: number): Promise<Post | undefined> {
  const [row] = await db.query<PostRow>(`${POST_SELECT} where p.id = $1`, [postId]);
  return row && toPost(row, community);
}

/** Threads of the community by id, in one query whatever their number. */
export async function findThreadRows(db: Queryable, community: CommunityContext, threadIds: readonly number[]): Promise<ThreadRow[]> {
  if (threadIds.length === 0) return [];
  return db.query<ThreadRow>(
    `${THREAD_SELECT} join categories c on c.id = t.category_id where t.id = any($1::int[]) and c.community_id = $2`,
    [threadIds, community.id],
  );
}

/** Posts of the community by id as thread reads show them, hidden ones included, with their category and hidden flag. */
export async function findPostsWithState(db: Queryable, community: CommunityContext, postIds: readonly number[]): Promise<Map<number, LivePostNow<Post>>> {
  const found = new Map<number, LivePostNow<Post>>();
  if (postIds.length === 0) return found;
  const rows = await db.query<PostRow & { category_id: number; hidden: boolean }>(
    `select ${POST_COLUMNS}, t.category_id, p.hidden from posts p join members m on m.id = p.author_id
     join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = any($1::int[]) and c.community_id = $2`,
    [postIds, community.id],
  );
  const now = new Date();
  const facts = new Map(rows.map((row) => [row.id, row]));
  for (const post of await decoratePosts(db, community, rows.map((row) => toPost(row, community, now)))) {
    const row = facts.get(post.id);
    if (row) found.set(post.id, { post, categoryId: row.category_id, hidden: row.hidden });
  }
  return found;
}

/** Sets or clears the thread's advisor-now mark (the first mark's time is kept); undefined when the thread is not in this community. */
export async function setAdvisorNow(tx: Queryable, community: CommunityContext, threadId: number, urgent: boolean): Promise<{ id: number; merged_into_id: number | null } | undefined> {
  const [updated] = await tx.query<{ id: number; merged_into_id: number | null }>(
    `update threads t set advisor_now_at = case when $3 then coalesce(t.advisor_now_at, now()) else null end
     from categories c where c.id = t.category_id and t.id = $1 and c.community_id = $2 returning t.id, t.merged_into_id`,
    [threadId, community.id, urgent],
  );
  return updated;
}

/** Which of these thread ids exist in this community. */
export async function communityThreadIds(db: Queryable, community: CommunityContext, threadIds: readonly number[]): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    'select t.id from threads t join categories c on c.id = t.category_id where t.id = any($1::int[]) and c.community_id = $2',
    [threadIds, community.id],
  );
  return rows.map((row) => row.id);
}
