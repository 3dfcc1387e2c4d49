/**
 * SQL of post deletion (../services/deletion.ts): the post locked with what the rules need,
 * the tombstone written, and the counters that posting raised lowered again, the thread's status
 * and the thread's and category's last post time with them.
 */
import type { PostKind, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

export interface DeletablePost {
  id: number;
  kind: PostKind;
  author_id: number;
  hidden: boolean;
  body_md: string;
  deleted_at: Date | null;
  created_at: Date;
  thread_id: number;
  category_id: number;
}

/** The thread a post of this community lives in (undefined when there is no such post). */
export async function threadOfPost(db: Queryable, community: CommunityContext, postId: number): Promise<number | undefined> {
  const [row] = await db.query<{ thread_id: number }>(
    `select p.thread_id from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2`,
    [postId, community.id],
  );
  return row?.thread_id;
}

/** The post, locked; the caller locked its thread first (the order every write to a thread takes). */
export async function lockDeletablePost(tx: Queryable, postId: number, threadId: number): Promise<DeletablePost | undefined> {
  const [post] = await tx.query<DeletablePost>(
    `select p.id, p.kind, p.author_id, p.hidden, p.body_md, p.deleted_at, p.created_at, p.thread_id, t.category_id
     from posts p join threads t on t.id = p.thread_id where p.id = $1 and p.thread_id = $2 for update of p`,
    [postId, threadId],
  );
  return post;
}

/**
 * Empties the post's body and marks it deleted, then lowers the counters its writing raised:
 * the thread's replies, the author's posts, the category's posts (as posting.ts raised them).
 * Search follows: the body's search vector is refilled from the empty body by its trigger.
 */
export async function writeTombstone(tx: Queryable, post: DeletablePost, by: 'author' | 'staff'): Promise<void> {
  await tx.query(`update posts set body_md = '', body_html = '', deleted_at = now(), deleted_by = $2 where id = $1`, [post.id, by]);
  await tx.query('update threads set reply_count = greatest(reply_count - 1, 0) where id = $1', [post.thread_id]);
  await tx.query('update members set post_count = greatest(post_count - 1, 0) where id = $1', [post.author_id]);
  await tx.query('update categories set post_count = greatest(post_count - 1, 0) where id = $1', [post.category_id]);
}

/**
 * The thread's status as this transaction left it, and the replies by someone other than the
 * asker it still has (not deleted): what made it answered (../services/posting.ts), for core
 * `statusAfterDeletion`.
 */
export async function answeredState(tx: Queryable, threadId: number): Promise<{ status: ThreadStatus; answersLeft: number }> {
  const [row] = await tx.query<{ status: ThreadStatus; answers_left: number }>(
    `select t.status, (select count(*)::int from posts p
       where p.thread_id = t.id and p.kind = 'reply' and p.deleted_at is null and p.author_id <> t.author_id) as answers_left
     from threads t where t.id = $1`,
    [threadId],
  );
  if (!row) throw new Error(`thread ${threadId} vanished`);
  return { status: row.status, answersLeft: row.answers_left };
}

export async function setThreadStatus(tx: Queryable, threadId: number, status: ThreadStatus): Promise<void> {
  await tx.query('update threads set status = $2 where id = $1', [threadId, status]);
}

/**
 * When the deleted post was its thread's latest, the thread's last post time goes back to the
 * latest post left (the question is never deleted), and its category's to its latest listed
 * thread's, as merging recomputes it. An older post's deletion changes neither.
 */
export async function rollBackLastPost(tx: Queryable, post: DeletablePost): Promise<void> {
  const [thread] = await tx.query<{ id: number }>(
    `update threads t set last_post_at = coalesce(
       (select max(p.created_at) from posts p where p.thread_id = t.id and p.deleted_at is null), t.created_at)
     where t.id = $1 and t.last_post_at <= $2 returning t.id`,
    [post.thread_id, post.created_at],
  );
  if (!thread) return;
  await tx.query(
    `update categories c set last_post_at = (select max(t.last_post_at) from threads t where t.category_id = c.id and t.merged_into_id is null)
     where c.id = $1`,
    [post.category_id],
  );
}
