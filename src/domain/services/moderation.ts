/**
 * Thread lifecycle by staff: close, reopen, archive, move, merge. Each is one transaction that
 * locks the thread rows, applies the core rule, fixes the counters exactly and writes the
 * audit log, so a refused or failed action leaves nothing behind.
 */
import type { AuditPage, MergeResult, MergeThread, ModerationReason, MoveThread } from '../../contract/areas/moderation.ts';
import type { ThreadSummary } from '../../contract/index.ts';
import {
  ApiError,
  guardian,
  lifecycleTransition,
  mergeProblem,
  moveProblem,
  type Actor,
  type LifecycleAction,
  type LifecycleThread,
  type ThreadStatus,
} from '../../core/index.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { BadAuditCursorError, listAudit, writeAudit } from '../repo/audit.ts';
import { categoryExists, type CommunityContext } from '../repo/community.ts';
import { findThreadRow, toThread } from '../repo/threads.ts';

interface LockedThread extends LifecycleThread {
  categoryId: number;
  authorId: number;
  acceptedPostId: number | null;
  lastPostAt: Date;
}

interface LockedRow {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  merged_into_id: number | null;
  accepted_post_id: number | null;
  reply_count: number;
  last_post_at: Date;
}

export function requireModerator(actor: Actor): Extract<Actor, { memberId: number }> {
  return guardian(actor).moderation.ensureModerate();
}

/** The audit log, newest first, for staff; a cursor this server did not give out is a 400. */
export async function readAudit(db: Queryable, community: CommunityContext, actor: Actor, query: Parameters<typeof listAudit>[2]): Promise<AuditPage> {
  guardian(actor).moderation.ensureReadAudit();
  try {
    return await listAudit(db, community, query);
  } catch (error) {
    if (error instanceof BadAuditCursorError) throw new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ path: '/cursor', message: 'unknown cursor' }]);
    throw error;
  }
}

/** Locks the threads (in id order, so two merges never deadlock) and returns those found. */
async function lockThreads(tx: Queryable, community: { id: number }, ids: number[]): Promise<Map<number, LockedThread>> {
  const rows = await tx.query<LockedRow>(
    `select t.id, t.category_id, t.author_id, t.status, t.merged_into_id, t.accepted_post_id, t.reply_count, t.last_post_at
     from threads t join categories c on c.id = t.category_id
     where t.id = any($1::int[]) and c.community_id = $2 order by t.id for update of t`,
    [ids, community.id],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        categoryId: row.category_id,
        authorId: row.author_id,
        status: row.status,
        mergedIntoId: row.merged_into_id,
        acceptedPostId: row.accepted_post_id,
        hasAcceptedAnswer: row.accepted_post_id !== null,
        replyCount: row.reply_count,
        lastPostAt: row.last_post_at,
      },
    ]),
  );
}

async function lockThread(tx: Queryable, community: { id: number }, threadId: number): Promise<LockedThread> {
  const thread = (await lockThreads(tx, community, [threadId])).get(threadId);
  if (!thread) throw notFound(`Thread ${threadId}`);
  return thread;
}

export async function threadSummary(db: Queryable, community: CommunityContext, threadId: number): Promise<ThreadSummary> {
  const row = await findThreadRow(db, community, threadId);
  if (!row) throw new Error(`thread ${threadId} vanished`);
  return toThread(row, community);
}

/** A category's latest activity, from the threads still listed in it. */
async function refreshLastPost(tx: Queryable, categoryIds: number[]): Promise<void> {
  await tx.query(
    `update categories c set last_post_at = (select max(t.last_post_at) from threads t where t.category_id = c.id and t.merged_into_id is null)
     where c.id = any($1::int[])`,
    [categoryIds],
  );
}

const postCount = async (tx: Queryable, threadId: number) =>
  (await tx.query<{ n: number }>('select count(*)::int as n from posts where thread_id = $1', [threadId]))[0]?.n ?? 0;

export async function changeLifecycle(
  db: Database,
  community: CommunityContext,
  actor: Actor,
  threadId: number,
  action: LifecycleAction,
  input: ModerationReason,
): Promise<ThreadSummary> {
  const staff = requireModerator(actor);
  return db.transaction(async (tx) => {
    await applyLifecycle(tx, community, { actorId: staff.memberId, threadId, action, reason: input.reason });
    return threadSummary(tx, community, threadId);
  });
}

/** A checked lifecycle change inside the caller's transaction (the demo seed uses it too). */
export async function applyLifecycle(
  tx: Queryable,
  community: { id: number },
  input: { actorId: number; threadId: number; action: LifecycleAction; reason?: string | undefined; at?: Date },
): Promise<void> {
  const thread = await lockThread(tx, community, input.threadId);
  const transition = lifecycleTransition(thread, input.action);
  if (!transition.ok) throw new ApiError('conflict', transition.reason);
  await tx.query('update threads set status = $2 where id = $1', [input.threadId, transition.status]);
  await writeAudit(tx, {
    actorId: input.actorId,
    action: `thread.${input.action}`,
    targetType: 'thread',
    targetId: input.threadId,
    reason: input.reason ?? null,
    before: { status: thread.status },
    after: { status: transition.status },
    createdAt: input.at,
  });
}

export async function moveThread(db: Database, community: CommunityContext, actor: Actor, threadId: number, input: MoveThread): Promise<ThreadSummary> {
  const staff = requireModerator(actor);
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    if (!(await categoryExists(tx, community, input.categoryId))) throw notFound(`Category ${input.categoryId}`);
    const problem = moveProblem(thread, input.categoryId);
    if (problem) throw new ApiError('conflict', problem);
    const posts = await postCount(tx, threadId);
    await tx.query('update threads set category_id = $2 where id = $1', [threadId, input.categoryId]);
    await tx.query('update categories set thread_count = thread_count - 1, post_count = post_count - $2 where id = $1', [thread.categoryId, posts]);
    await tx.query('update categories set thread_count = thread_count + 1, post_count = post_count + $2 where id = $1', [input.categoryId, posts]);
    await refreshLastPost(tx, [thread.categoryId, input.categoryId]);
    await writeAudit(tx, {
      actorId: staff.memberId,
      action: 'thread.move',
      targetType: 'thread',
      targetId: threadId,
      reason: input.reason ?? null,
      before: { categoryId: thread.categoryId },
      after: { categoryId: input.categoryId },
    });
    return threadSummary(tx, community, threadId);
  });
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

export async function mergeThread(db: Database, community: CommunityContext, actor: Actor, threadId: number, input: MergeThread): Promise<MergeResult> {
  const staff = requireModerator(actor);
  return db.transaction(async (tx) => {
    const movedPosts = await applyMerge(tx, community, { actorId: staff.memberId, threadId, intoThreadId: input.intoThreadId, reason: input.reason });
    return { from: await threadSummary(tx, community, threadId), into: await threadSummary(tx, community, input.intoThreadId), movedPosts };
  });
}

/** A checked merge inside the caller's transaction; returns how many posts moved (the demo seed uses it too). */
export async function applyMerge(
  tx: Queryable,
  community: { id: number },
  input: { actorId: number; threadId: number; intoThreadId: number; reason?: string | undefined; at?: Date },
): Promise<number> {
  const { threadId } = input;
  const locked = await lockThreads(tx, community, [threadId, input.intoThreadId]);
  const from = locked.get(threadId);
  const into = locked.get(input.intoThreadId);
  if (!from) throw notFound(`Thread ${threadId}`);
  if (!into) throw notFound(`Thread ${input.intoThreadId}`);
  const problem = mergeProblem(from, into);
  if (problem) throw new ApiError('conflict', problem);

  const moved = await postCount(tx, threadId);
  // The target keeps its own question; the old one becomes a reply, dated as it was.
  await tx.query(`update posts set thread_id = $2, kind = case when kind = 'question' then 'reply' else kind end where thread_id = $1`, [threadId, into.id]);
  await moveSameProblemMarks(tx, threadId, into.id);
  const acceptedPostId = into.acceptedPostId ?? from.acceptedPostId;
  await tx.query(
    `update threads set reply_count = reply_count + $2, last_post_at = greatest(last_post_at, $3::timestamptz), accepted_post_id = $4,
       status = case when $4::int is not null and status in ('open', 'answered') then 'solved'
                     when status = 'open' and exists (select 1 from posts p where p.thread_id = threads.id and p.author_id <> threads.author_id) then 'answered'
                     else status end
     where id = $1`,
    [into.id, moved, from.lastPostAt, acceptedPostId],
  );
  await tx.query(`update threads set merged_into_id = $2, status = 'closed', reply_count = 0, same_problem_count = 0, accepted_post_id = null where id = $1`, [threadId, into.id]);
  await tx.query('update categories set thread_count = thread_count - 1, post_count = post_count - $2 where id = $1', [from.categoryId, moved]);
  await tx.query('update categories set post_count = post_count + $2 where id = $1', [into.categoryId, moved]);
  await refreshLastPost(tx, [from.categoryId, into.categoryId]);
  await writeAudit(tx, {
    actorId: input.actorId,
    action: 'thread.merge',
    targetType: 'thread',
    targetId: threadId,
    reason: input.reason ?? null,
    before: { status: from.status, categoryId: from.categoryId, mergedIntoId: null },
    after: { status: 'closed', mergedIntoId: into.id, movedPosts: moved },
    createdAt: input.at,
  });
  return moved;
}
