import type { Post, ThreadDetail, ThreadSummary } from '../../contract/index.ts';
import type { Locale, PostKind, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, toAuthor, type AuthorRow } from './members.ts';
import { decoratePosts } from './interactions.ts';
import { HOLDBACK_SELECT, holdbackOf, type HoldbackColumns } from './advisor.ts';

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

interface PostRow {
  id: number;
  thread_id: number;
  kind: PostKind;
  body_html: string;
  kudos_count: number;
  created_at: Date;
  edited_at: Date | null;
  author: AuthorRow;
}

export const THREAD_SELECT = `select t.id, t.category_id, t.title, t.status, t.locale, t.excerpt, t.reply_count, t.same_problem_count,
  t.accepted_post_id, t.created_at, t.last_post_at, t.merged_into_id, ${HOLDBACK_SELECT}, ${authorJson('m')} as author
  from threads t join members m on m.id = t.author_id`;

export const POST_SELECT = `select p.id, p.thread_id, p.kind, p.body_html, p.kudos_count, p.created_at, p.edited_at, ${authorJson('m')} as author
  from posts p join members m on m.id = p.author_id`;

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
  };
}

export async function findThreadRow(db: Queryable, community: CommunityContext, threadId: number): Promise<ThreadRow | undefined> {
  const [row] = await db.query<ThreadRow>(
    `${THREAD_SELECT} join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2`,
    [threadId, community.id],
  );
  return row;
}

export async function getThread(db: Queryable, community: CommunityContext, threadId: number): Promise<ThreadDetail | undefined> {
  const row = await findThreadRow(db, community, threadId);
  if (!row) return undefined;
  const posts = await db.query<PostRow>(`${POST_SELECT} where p.thread_id = $1 and not p.hidden order by p.created_at, p.id`, [threadId]);
  const now = new Date();
  return { thread: toThread(row, community, now), posts: await decoratePosts(db, community, posts.map((post) => toPost(post, community, now))) };
}

export async function findPost(db: Queryable, community: CommunityContext, postId: number): Promise<Post | undefined> {
  const [row] = await db.query<PostRow>(`${POST_SELECT} where p.id = $1`, [postId]);
  return row && toPost(row, community);
}
