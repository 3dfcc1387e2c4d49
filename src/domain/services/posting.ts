/**
 * The two writes of the walking skeleton. Each is one orchestrator: check → one transaction
 * (rows, counters, live event) → answer. Nothing is written unless everything is.
 */
import type { CreatedThread, NewReply, NewThread, Post } from '../../contract/index.ts';
import { type ThreadStatus, ApiError, guardian, LIMITS, type Actor, type Locale, type PostIntervals } from '../../core/index.ts';
import { markdownToText, renderMarkdown } from '../markdown.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { categoryExists, type CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { enforcePostInterval } from './throttle.ts';
import { findPost, toThread, THREAD_SELECT } from '../repo/threads.ts';

export const EXCERPT_LENGTH = 180;

function requireText(value: string, field: string, min: number): string {
  const text = value.trim();
  if (text.length < min) {
    throw new ApiError('validation_failed', `${field} needs at least ${min} characters that are not spaces.`, [{ path: `/${field}`, message: 'too short' }]);
  }
  return text;
}

async function insertPost(tx: Queryable, input: { threadId: number; authorId: number; kind: 'question' | 'reply'; body: string; at: Date }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, $3, $4, $5, $6) returning id`,
    [input.threadId, input.authorId, input.kind, input.body, renderMarkdown(input.body), input.at],
  );
  if (!row) throw new Error('post insert returned nothing');
  await tx.query('update members set post_count = post_count + 1 where id = $1', [input.authorId]);
  return row.id;
}

export async function createThread(db: Database, community: CommunityContext, actor: Actor, input: NewThread, intervals?: PostIntervals): Promise<CreatedThread> {
  const can = guardian(actor);
  const member = can.ensureSignedIn('Sign in to write on the forum.');
  if (intervals) await enforcePostInterval(db, community, member, intervals);
  can.threads.ensureStartThread();
  const title = requireText(input.title, 'title', LIMITS.titleMin);
  const body = requireText(input.body, 'body', LIMITS.bodyMin);
  if (!(await categoryExists(db, community, input.categoryId))) throw notFound(`Category ${input.categoryId}`);
  const locale: Locale = input.locale ?? community.locale;
  const at = new Date();

  return db.transaction(async (tx) => {
    const [thread] = await tx.query<{ id: number }>(
      `insert into threads (category_id, author_id, title, locale, excerpt, created_at, last_post_at, needs_account)
       values ($1, $2, $3, $4, $5, $6, $6, $7) returning id`,
      [input.categoryId, member.memberId, title, locale, markdownToText(body).slice(0, EXCERPT_LENGTH), at, input.needsAccount ?? false],
    );
    if (!thread) throw new Error('thread insert returned nothing');
    const postId = await insertPost(tx, { threadId: thread.id, authorId: member.memberId, kind: 'question', body, at });
    await tx.query(
      'update categories set thread_count = thread_count + 1, post_count = post_count + 1, last_post_at = $2 where id = $1',
      [input.categoryId, at],
    );
    const [row] = await tx.query<Parameters<typeof toThread>[0]>(`${THREAD_SELECT} where t.id = $1`, [thread.id]);
    const post = await findPost(tx, community, postId);
    if (!row || !post) throw new Error('new thread not found');
    const created = { thread: toThread(row, community), post };
    await publishEvent(tx, community.id, { type: 'thread-created', threadId: thread.id, categoryId: input.categoryId, thread: created.thread });
    return created;
  });
}

export async function replyToThread(db: Database, community: CommunityContext, actor: Actor, threadId: number, input: NewReply, intervals?: PostIntervals): Promise<Post> {
  const can = guardian(actor);
  const member = can.ensureSignedIn('Sign in to write on the forum.');
  if (intervals) await enforcePostInterval(db, community, member, intervals);
  const body = requireText(input.body, 'body', LIMITS.bodyMin);
  const at = new Date();

  return db.transaction(async (tx) => {
    // Lock the thread row: concurrent replies keep counters exact.
    const [thread] = await tx.query<{ id: number; category_id: number; author_id: number; status: ThreadStatus; merged_into_id: number | null }>(
      `select t.id, t.category_id, t.author_id, t.status, t.merged_into_id from threads t join categories c on c.id = t.category_id
       where t.id = $1 and c.community_id = $2 for update of t`,
      [threadId, community.id],
    );
    if (!thread) throw notFound(`Thread ${threadId}`);
    refuseMerged(thread);
    can.threads.ensureReply(thread);
    const postId = await insertPost(tx, { threadId, authorId: member.memberId, kind: 'reply', body, at });
    // A reply from someone other than the asker makes an open thread "answered".
    await tx.query(
      `update threads set reply_count = reply_count + 1, last_post_at = $2,
         status = case when status = 'open' and author_id <> $3 then 'answered' else status end
       where id = $1`,
      [threadId, at, member.memberId],
    );
    await tx.query('update categories set post_count = post_count + 1, last_post_at = $2 where id = $1', [thread.category_id, at]);
    const post = await findPost(tx, community, postId);
    if (!post) throw new Error('new post not found');
    await publishEvent(tx, community.id, { type: 'post-created', threadId, categoryId: thread.category_id, post });
    return post;
  });
}
