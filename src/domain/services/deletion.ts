/**
 * A member deletes their own reply; staff any reply, with a reason. One orchestrator: check →
 * one transaction (tombstone, counters, solution withdrawn, status and last post times rolled
 * back, audit, live events) → the post as
 * it now reads. The post stays in its thread as a tombstone, its body emptied for every
 * reader; the audit log keeps the words (before and after) for staff.
 */
import type { Post } from '../../contract/index.ts';
import type { DeletePost } from '../../contract/areas/interactions.ts';
import { ApiError, deletionProblem, guardian, needsEditReason, statusAfterDeletion, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../repo/audit.ts';
import { answeredState, lockDeletablePost, rollBackLastPost, setThreadStatus, threadOfPost, writeTombstone } from '../repo/deletion.ts';
import { publishEvent } from '../repo/events.ts';
import { decoratePosts } from '../repo/interactions.ts';
import { findPost } from '../repo/threads.ts';
import { clearSolution, lockThread, publishThread } from './interactions.ts';

/**
 * Deletes a post: 403 by the guardian's `deletePost` rule (the edit rule), 409 for a question or
 * a post already deleted (core `deletionProblem`: deleting twice is refused, not repeated),
 * 400 when staff delete someone else's post without saying why.
 */
export async function deletePost({ db, community }: ServiceContext, { actor, postId, body: input }: { actor: Actor; postId: number; body: DeletePost }): Promise<Post> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const threadId = await threadOfPost(tx, community, postId);
    if (threadId === undefined) throw notFound(`Post ${postId}`);
    // The thread first, then the post: the order replies and solutions lock them in.
    const thread = await lockThread(tx, community, threadId);
    const post = await lockDeletablePost(tx, postId, threadId);
    if (!post) throw notFound(`Post ${postId}`);
    guardian(member).posts.ensureDeletePost({ authorId: post.author_id, hidden: post.hidden }, { authorId: thread.author_id, status: thread.status });
    const problem = deletionProblem({ kind: post.kind, deleted: post.deleted_at });
    if (problem) throw new ApiError('conflict', problem);
    const reason = input.reason?.trim();
    if (needsEditReason(member, { authorId: post.author_id }) && !reason) {
      throw new ApiError('validation_failed', "Say why you delete someone else's post.", [{ in: 'body', path: '/reason', message: 'is required' }]);
    }
    const by = member.memberId === post.author_id ? 'author' : 'staff';
    await writeTombstone(tx, post, by);
    if (thread.accepted_post_id === postId) await clearSolution(tx, thread, Math.max(thread.reply_count - 1, 0));
    // Open again when it was this reply that made the thread answered; last post times roll back.
    const status = statusAfterDeletion(await answeredState(tx, threadId), post.author_id === thread.author_id);
    if (status) await setThreadStatus(tx, threadId, status);
    await rollBackLastPost(tx, post);
    await writeAudit(tx, {
      actorId: member.memberId, action: 'post.delete', targetType: 'post', targetId: postId, reason: reason || null,
      before: { body: post.body_md }, after: { body: '', deletedBy: by },
    });
    const found = await findPost(tx, community, postId);
    if (!found) throw new Error('deleted post not found');
    const [deleted] = await decoratePosts(tx, community, [found]);
    if (!deleted) throw new Error('deleted post not decorated');
    // Readers get the tombstone as thread reads show it (core `liveView`); a hidden post stays out of the stream.
    if (!post.hidden) await publishEvent(tx, community.id, { type: 'post-updated', threadId, categoryId: post.category_id, post: deleted });
    await publishThread(tx, community, thread);
    return deleted;
  });
}
