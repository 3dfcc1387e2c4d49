/**
 * Thread lifecycle by staff: close, reopen, archive, move, merge. Each is one transaction that
 * locks the thread rows, applies the core rule, fixes the counters exactly, writes the audit
 * log and publishes `thread-updated` for every category whose list changed (live streams and
 * the page cache), so a refused or failed action leaves nothing behind, not even an event.
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
} from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { BadAuditCursorError, listAudit, writeAudit } from '../repo/audit.ts';
import { categoryForQuestion, type CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { lockLifecycleThreads, mergeThreadRows, moveThreadRow, postCountOf, setThreadStatus } from '../repo/lifecycle.ts';
import { findThreadRow, toThread } from '../repo/threads.ts';

interface LockedThread extends LifecycleThread {
  categoryId: number;
  authorId: number;
  acceptedPostId: number | null;
  lastPostAt: Date;
}

export function requireModerator(actor: Actor): Extract<Actor, { memberId: number }> {
  return guardian(actor).moderation.ensureModerate();
}

/** The audit log, newest first, for staff; a cursor this server did not give out is a 400. */
export async function readAudit({ db, community }: ServiceContext, { actor, query }: { actor: Actor; query: Parameters<typeof listAudit>[2] }): Promise<AuditPage> {
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
  const rows = await lockLifecycleThreads(tx, community, ids);
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

/**
 * The thread as it is now, published to the streams of `categoryId` (by default where it lives
 * now). A stream gets a `thread-updated` where it was published (core `liveView`): a move
 * publishes one for the category it left, whose list drops it, and one for the one it joined.
 */
async function publishSummary(tx: Queryable, community: CommunityContext, threadId: number, categoryId?: number): Promise<ThreadSummary> {
  const thread = await threadSummary(tx, community, threadId);
  await publishEvent(tx, community.id, { type: 'thread-updated', threadId, categoryId: categoryId ?? thread.categoryId, thread });
  return thread;
}

type ThreadRequest = { actor: Actor; threadId: number };

export async function changeLifecycle(
  { db, community }: ServiceContext, { actor, threadId, action, body: input }: ThreadRequest & { action: LifecycleAction; body: ModerationReason },
): Promise<ThreadSummary> {
  const staff = requireModerator(actor);
  return db.transaction(async (tx) => {
    await applyLifecycle(tx, community, { actorId: staff.memberId, threadId, action, reason: input.reason });
    return publishSummary(tx, community, threadId);
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
  await setThreadStatus(tx, input.threadId, transition.status);
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

export async function moveThread({ db, community }: ServiceContext, { actor, threadId, body: input }: ThreadRequest & { body: MoveThread }): Promise<ThreadSummary> {
  const staff = requireModerator(actor);
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    const target = await categoryForQuestion(tx, community, input.categoryId);
    if (!target) throw notFound(`Category ${input.categoryId}`);
    if (target.archived) throw new ApiError('conflict', 'That category is archived: move the thread to a category the forum lists.');
    const problem = moveProblem(thread, input.categoryId);
    if (problem) throw new ApiError('conflict', problem);
    const posts = await postCountOf(tx, threadId);
    await moveThreadRow(tx, { threadId, fromCategoryId: thread.categoryId, toCategoryId: input.categoryId, posts });
    await writeAudit(tx, {
      actorId: staff.memberId,
      action: 'thread.move',
      targetType: 'thread',
      targetId: threadId,
      reason: input.reason ?? null,
      before: { categoryId: thread.categoryId },
      after: { categoryId: input.categoryId },
    });
    await publishSummary(tx, community, threadId, thread.categoryId);
    return publishSummary(tx, community, threadId);
  });
}

export async function mergeThread({ db, community }: ServiceContext, { actor, threadId, body: input }: ThreadRequest & { body: MergeThread }): Promise<MergeResult> {
  const staff = requireModerator(actor);
  return db.transaction(async (tx) => {
    const movedPosts = await applyMerge(tx, community, { actorId: staff.memberId, threadId, intoThreadId: input.intoThreadId, reason: input.reason });
    // The source's readers follow `mergedIntoId` to the target, whose counts and solution changed.
    return { from: await publishSummary(tx, community, threadId), into: await publishSummary(tx, community, input.intoThreadId), movedPosts };
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

  const moved = await postCountOf(tx, threadId);
  const acceptedPostId = into.acceptedPostId ?? from.acceptedPostId;
  await mergeThreadRows(tx, { from, into, moved, acceptedPostId });
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
