/**
 * The two writes of the walking skeleton. Each is one orchestrator: check → one transaction
 * (rows, counters, live event) → answer. Nothing is written unless everything is.
 */
import type { CreatedThread, NewReply, NewThread, Post } from '../../contract/index.ts';
import { ApiError, guardian, LIMITS, needsAccount, type Actor, type Locale } from '../../core/index.ts';
import { markdownToText, renderMarkdown } from '../markdown.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { categoryForQuestion } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import {
  countAuthorPost, countCategoryPost, countCategoryThread, countThreadReply, insertPost, insertThread, lockReplyTarget,
} from '../repo/posting.ts';
import { notifyNewThread, notifyReply } from './notify.ts';
import { enforcePostInterval } from './throttle.ts';
import { findPost, findThreadRow, toThread } from '../repo/threads.ts';

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

export async function replyToThread(ctx: ServiceContext<'postIntervals'>, { actor, threadId, body: input }: { actor: Actor; threadId: number; body: NewReply }): Promise<Post> {
  const { db, community } = ctx;
  const can = guardian(actor);
  const member = can.ensureSignedIn('Sign in to write on the forum.');
  await enforcePostInterval(ctx, member);
  const body = requireText(input.body, 'body', LIMITS.bodyMin);
  const at = new Date();

  return db.transaction(async (tx) => {
    const thread = await lockReplyTarget(tx, community, threadId);
    if (!thread) throw notFound(`Thread ${threadId}`);
    refuseMerged(thread);
    can.threads.ensureReply(thread);
    const postId = await insertCountedPost(tx, { threadId, authorId: member.memberId, kind: 'reply', body, at });
    await countThreadReply(tx, { threadId, authorId: member.memberId, at });
    await countCategoryPost(tx, thread.category_id, at);
    const post = await findPost(tx, community, postId);
    if (!post) throw new Error('new post not found');
    await publishEvent(tx, community.id, { type: 'post-created', threadId, categoryId: thread.category_id, post });
    await notifyReply(tx, community, { thread: { id: threadId, categoryId: thread.category_id }, post: { id: postId, authorId: member.memberId, markdown: body } });
    return post;
  });
}
