/**
 * SQL of thread lifecycle by staff: close, reopen, archive, move, merge
 * (../services/moderation.ts applies the core rules and writes the audit log).
 */
import type { ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

export interface LifecycleRow {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  merged_into_id: number | null;
  accepted_post_id: number | null;
  reply_count: number;
  last_post_at: Date;
}

/** Locks the threads of this community in id order, so two merges never deadlock; returns those found. */
export async function lockLifecycleThreads(tx: Queryable, community: { id: number }, ids: readonly number[]): Promise<LifecycleRow[]> {
  return tx.query<LifecycleRow>(
    `select t.id, t.category_id, t.author_id, t.status, t.merged_into_id, t.accepted_post_id, t.reply_count, t.last_post_at
     from threads t join categories c on c.id = t.category_id
     where t.id = any($1::int[]) and c.community_id = $2 order by t.id for update of t`,
    [ids, community.id],
  );
}

export async function setThreadStatus(tx: Queryable, threadId: number, status: ThreadStatus): Promise<void> {
  await tx.query('update threads set status = $2 where id = $1', [threadId, status]);
}

export const postCountOf = async (tx: Queryable, threadId: number) =>
  (await tx.query<{ n: number }>('select count(*)::int as n from posts where thread_id = $1', [threadId]))[0]?.n ?? 0;

/** A category's latest activity, from the threads still listed in it. */
async function refreshLastPost(tx: Queryable, categoryIds: number[]): Promise<void> {
  await tx.query(
    `update categories c set last_post_at = (select max(t.last_post_at) from threads t where t.category_id = c.id and t.merged_into_id is null)
     where c.id = any($1::int[])`,
    [categoryIds],
  );
}

/** Moves the thread and its `posts` to another category, with both categories' counters. */
export async function moveThreadRow(tx: Queryable, move: { threadId: number; fromCategoryId: number; toCategoryId: number; posts: number }): Promise<void> {
  await tx.query('update threads set category_id = $2 where id = $1', [move.threadId, move.toCategoryId]);
  await tx.query('update categories set thread_count = thread_count - 1, post_count = post_count - $2 where id = $1', [move.fromCategoryId, move.posts]);
  await tx.query('update categories set thread_count = thread_count + 1, post_count = post_count + $2 where id = $1', [move.toCategoryId, move.posts]);
  await refreshLastPost(tx, [move.fromCategoryId, move.toCategoryId]);
}

/** Moves "same problem here" marks to the target; a member marked on both counts once. */
async function moveSameProblemMarks(tx: Queryable, fromId: number, intoId: number): Promise<void> {
  const [moved] = await tx.query<{ n: number }>(
    `with moved as (
       insert into same_problem_marks (thread_id, member_id, region, created_at)
       select $2, member_id, region, created_at from same_problem_marks where thread_id = $1
       on conflict do nothing returning 1)
     select count(*)::int as n from moved`,
    [fromId, intoId],
  );
  await tx.query('delete from same_problem_marks where thread_id = $1', [fromId]);
  await tx.query('update threads set same_problem_count = same_problem_count + $2 where id = $1', [intoId, moved?.n ?? 0]);
}

export interface MergeRows {
  from: { id: number; categoryId: number; lastPostAt: Date };
  into: { id: number; categoryId: number };
  /** How many posts move (the caller counted them under the lock). */
  moved: number;
  /** The target's accepted post after the merge: its own, else the merged thread's. */
  acceptedPostId: number | null;
}

/**
 * Moves every post and mark of `from` into `into` and closes `from` as merged, with every
 * counter and both categories' latest activity. The target keeps its own question; the old
 * one becomes a reply, dated as it was.
 */
export async function mergeThreadRows(tx: Queryable, { from, into, moved, acceptedPostId }: MergeRows): Promise<void> {
  await tx.query(`update posts set thread_id = $2, kind = case when kind = 'question' then 'reply' else kind end where thread_id = $1`, [from.id, into.id]);
  await moveSameProblemMarks(tx, from.id, into.id);
  await tx.query(
    `update threads set reply_count = reply_count + $2, last_post_at = greatest(last_post_at, $3::timestamptz), accepted_post_id = $4,
       status = case when $4::int is not null and status in ('open', 'answered') then 'solved'
                     when status = 'open' and exists (select 1 from posts p where p.thread_id = threads.id and p.author_id <> threads.author_id) then 'answered'
                     else status end
     where id = $1`,
    [into.id, moved, from.lastPostAt, acceptedPostId],
  );
  await tx.query(`update threads set merged_into_id = $2, status = 'closed', reply_count = 0, same_problem_count = 0, accepted_post_id = null where id = $1`, [from.id, into.id]);
  await tx.query('update categories set thread_count = thread_count - 1, post_count = post_count - $2 where id = $1', [from.categoryId, moved]);
  await tx.query('update categories set post_count = post_count + $2 where id = $1', [into.categoryId, moved]);
  await refreshLastPost(tx, [from.categoryId, into.categoryId]);
}
