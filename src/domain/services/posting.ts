/**
 * The two writes of the walking skeleton. Each is one orchestrator: check → one transaction
 * (rows, counters, live event) → answer. Nothing is written unless everything is.
 */
import type { CreatedThread, NewReply, NewThread, Post } from '../../contract/index.ts';
import type { Notification } from '../../contract/areas/notify.ts';
import { ApiError, guardian, LIMITS, mentionedNames, needsAccount, postRecipients, type Actor, type Locale } from '../../core/index.ts';
import { markdownToText, renderMarkdown } from '../markdown.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { categoryForQuestion } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { foldCounterDeltasSoon } from '../repo/counters.ts';
import { toAudience } from '../repo/notify.ts';
import { countAuthorPost, countCategoryThread, insertPost, insertThread } from '../repo/posting.ts';
import { readReplyPlan, writeReply, type ReplyPlan } from '../repo/reply-write.ts';
import { notifyNewThread } from './notify.ts';
import { enforcePostInterval } from './throttle.ts';
import { findPost, findThreadRow, toPost, toThread } from '../repo/threads.ts';

export const EXCERPT_LENGTH = 180;

function requireText(value: string, field: string, min: number): string {
  const text = value.trim();
  if (text.length < min) {
    throw new ApiError('validation_failed', `${field} needs at least ${min} characters that are not spaces.`, [{ path: `/${field}`, message: 'too short' }]);
  }
  return text;
}

/** The question or reply row, with its author's post count; the thread's and category's counters are the caller's. */
async function insertCountedPost(tx: Queryable, post: { threadId: number; authorId: number; kind: 'question' | 'reply'; body: string; at: Date }): Promise<number> {
  const postId = await insertPost(tx, { ...post, bodyMd: post.body, bodyHtml: renderMarkdown(post.body) });
  await countAuthorPost(tx, post.authorId);
  return postId;
}

export async function createThread(ctx: ServiceContext<'postIntervals'>, { actor, body: input }: { actor: Actor; body: NewThread }): Promise<CreatedThread> {
  const { db, community } = ctx;
  const can = guardian(actor);
  const member = can.ensureSignedIn('Sign in to write on the forum.');
  await enforcePostInterval(ctx, member);
  can.threads.ensureStartThread();
  const title = requireText(input.title, 'title', LIMITS.titleMin);
  const body = requireText(input.body, 'body', LIMITS.bodyMin);
  const category = await categoryForQuestion(db, community, input.categoryId);
  if (!category) throw notFound(`Category ${input.categoryId}`);
  if (category.archived) throw new ApiError('conflict', 'This category is archived: it takes no new questions.');
  const locale: Locale = input.locale ?? community.locale;
  const at = new Date();

  return db.transaction(async (tx) => {
    const threadId = await insertThread(tx, {
      categoryId: input.categoryId, authorId: member.memberId, title, locale, excerpt: markdownToText(body).slice(0, EXCERPT_LENGTH), at, needsAccount: needsAccount(category.accountAccess, input.needsAccount),
    });
    const postId = await insertCountedPost(tx, { threadId, authorId: member.memberId, kind: 'question', body, at });
    await countCategoryThread(tx, input.categoryId, at);
    const row = await findThreadRow(tx, community, threadId);
    const post = await findPost(tx, community, postId);
    if (!row || !post) throw new Error('new thread not found');
    const created = { thread: toThread(row, community), post };
    await publishEvent(tx, community.id, { type: 'thread-created', threadId, categoryId: input.categoryId, thread: created.thread });
    await notifyNewThread(tx, community, { thread: { id: threadId, categoryId: input.categoryId }, post: { id: postId, authorId: member.memberId, markdown: body } });
    return created;
  });
}

/** A thread changed under a reply this many times in a row: the member is told to send it again (409). */
const REPLY_ATTEMPTS = 3;

/**
 * A reply in as few round trips as correctness allows (issue 17): read what the rules need, ask
 * them, write everything in one statement that holds the thread's row for that statement only,
 * then fold the author's and category's counters (../repo/counters.ts). When the thread changed
 * between the read and the write (closed, merged, moved, answered), nothing was written: decide again.
 */
export async function replyToThread(ctx: ServiceContext<'postIntervals'>, { actor, threadId, body: input }: { actor: Actor; threadId: number; body: NewReply }): Promise<Post> {
  const { db, community } = ctx;
  const can = guardian(actor);
  const member = can.ensureSignedIn('Sign in to write on the forum.');
  await enforcePostInterval(ctx, member);
  const body = requireText(input.body, 'body', LIMITS.bodyMin);
  const bodyHtml = renderMarkdown(body);
  for (let attempt = 1; ; attempt++) {
    const at = new Date();
    const plan = await readReplyPlan(db, community, { threadId, authorId: member.memberId, mentionedNames: mentionedNames(body) });
    if (!plan) throw notFound(`Thread ${threadId}`);
    refuseMerged(plan.thread);
    can.threads.ensureReply(plan.thread);
    const post = toPost({
      id: plan.postId, thread_id: threadId, kind: 'reply', body_html: bodyHtml, kudos_count: 0, created_at: at, edited_at: null, deleted_at: null, deleted_by: null,
      author: { ...plan.author, postCount: plan.author.postCount + 1 },
    }, community, at);
    const recipients = postRecipients({ actorId: member.memberId, kind: 'reply', ...toAudience(plan.audience), mentioned: plan.mentioned });
    const written = await writeReply(db, community.id, {
      plan, bodyMd: body, bodyHtml, at, recipients, postEvent: { type: 'post-created', threadId, categoryId: plan.thread.category_id, post }, notificationTemplate: replyNotification(plan, at),
    });
    if (written) {
      // Committed with the reply, a delta left here by a failed fold is folded by the next one (or at start-up).
      await foldCounterDeltasSoon(db).catch(() => 0);
      // Its writer's own state needs no read: nobody could give kudos to or report a post that did
      // not exist, and its source is what they just wrote (the live event above carries none).
      return { ...post, viewer: { kudos: false, flagged: false, source: body } };
    }
    if (attempt === REPLY_ATTEMPTS) throw new ApiError('conflict', 'This thread changed while your reply was being written: send it again.');
  }
}

/** A reply's notification as the bell shows it (../repo/notify.ts `toNotification`), less its id, recipient and kind. */
function replyNotification(plan: ReplyPlan, at: Date): Omit<Notification, 'id' | 'memberId' | 'kind'> {
  const { thread, author, postId } = plan;
  return {
    thread: { id: thread.id, categoryId: thread.category_id, title: thread.title }, postId, conversationId: null, incident: null,
    by: { id: author.id, pseudonym: author.pseudonym }, eventCount: 1, createdAt: at.toISOString(), updatedAt: at.toISOString(), readAt: null,
  };
}
