/**
 * Writes of new posts and the counters they raise: the thread's replies, the author's posts,
 * the category's posts. Every kind of post (question, reply, advisor confirmation, trace) goes
 * through these, so the counters deletion lowers again (./deletion.ts) are raised in one place.
 */
import type { Locale, PostKind, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

export interface NewPostRow {
  threadId: number;
  authorId: number;
  kind: PostKind;
  bodyMd: string;
  bodyHtml: string;
  at: Date;
}

/** Inserts the post row only; the caller raises the counters its kind raises. */
export async function insertPost(tx: Queryable, post: NewPostRow): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, $3, $4, $5, $6) returning id',
    [post.threadId, post.authorId, post.kind, post.bodyMd, post.bodyHtml, post.at],
  );
  if (!row) throw new Error(`${post.kind} insert returned nothing`);
  return row.id;
}

export async function countAuthorPost(tx: Queryable, memberId: number): Promise<void> {
  await tx.query('update members set post_count = post_count + 1 where id = $1', [memberId]);
}

export async function countCategoryPost(tx: Queryable, categoryId: number, at: Date): Promise<void> {
  await tx.query('update categories set post_count = post_count + 1, last_post_at = $2 where id = $1', [categoryId, at]);
}

/**
 * Counts a reply on the thread. A reply from someone other than the asker makes an open thread
 * "answered"; an advisor's confirmation also dates the thread's first confirmation.
 */
export async function countThreadReply(tx: Queryable, reply: { threadId: number; authorId: number; at: Date; confirms?: boolean }): Promise<void> {
  await tx.query(
    `update threads set reply_count = reply_count + 1, last_post_at = $2,
       confirmed_at = case when $4 then coalesce(confirmed_at, $2) else confirmed_at end,
       status = case when status = 'open' and author_id <> $3 then 'answered' else status end
     where id = $1`,
    [reply.threadId, reply.at, reply.authorId, reply.confirms ?? false],
  );
}

/** A trace is counted as a reply but changes no status. */
export async function countThreadTrace(tx: Queryable, threadId: number, at: Date): Promise<void> {
  await tx.query('update threads set reply_count = reply_count + 1, last_post_at = $2 where id = $1', [threadId, at]);
}

export async function insertThread(
  tx: Queryable, thread: { categoryId: number; authorId: number; title: string; locale: Locale; excerpt: string; at: Date; needsAccount: boolean },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into threads (category_id, author_id, title, locale, excerpt, created_at, last_post_at, needs_account)
     values ($1, $2, $3, $4, $5, $6, $6, $7) returning id`,
    [thread.categoryId, thread.authorId, thread.title, thread.locale, thread.excerpt, thread.at, thread.needsAccount],
  );
  if (!row) throw new Error('thread insert returned nothing');
  return row.id;
}

/** A new thread raises its category's threads and posts (its question). */
export async function countCategoryThread(tx: Queryable, categoryId: number, at: Date): Promise<void> {
  await tx.query('update categories set thread_count = thread_count + 1, post_count = post_count + 1, last_post_at = $2 where id = $1', [categoryId, at]);
}

export interface ReplyTarget {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  merged_into_id: number | null;
}

/** When the member last posted (for the posting interval), null when never. */
export async function lastPostAt(db: Queryable, memberId: number): Promise<Date | null> {
  const [last] = await db.query<{ at: Date | null }>('select max(created_at) as at from posts where author_id = $1', [memberId]);
  return last?.at ? new Date(last.at) : null;
}
