/**
 * Private conversations (study §17–18): they start only from a public thread, between its asker
 * and the advisors, and leave public traces on that thread when they open and when they close,
 * so the community sees the question was handled. Anyone else gets 404: not even their
 * existence is revealed.
 */
import type {
  ClosePrivate,
  NewPrivateMessage,
  OpenPrivate,
  PrivateConversation,
  PrivateDetail,
  PrivateList,
  PrivateMessage,
  PrivateReadInput,
  PrivateReadState,
  PrivateWithTrace,
} from '../../contract/areas/moderation.ts';
import type { Post } from '../../contract/index.ts';
import { isAdvisor, ApiError, guardian, TRACE_TEXTS, type Actor, type Locale, type PrivateChange } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { writeAudit } from '../repo/audit.ts';
import type { CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { toAuthor } from '../repo/members.ts';
import { countCategoryPost, countThreadTrace, insertPost } from '../repo/posting.ts';
import {
  closeConversation, findConversation, hasOpenConversation, insertConversation, insertMessage, isMessageOf, lastReadMessageId, listConversations, lockThreadById,
  lockThreadForPrivate, markConversationNotificationsRead, markConversationRead, messageRows, setTracePost, unreadConversationIds, type ConversationRow,
} from '../repo/private.ts';
import { countUnread } from '../repo/notify.ts';
import { findPost } from '../repo/threads.ts';
import { announceUnread, notifyMembers, notifyPrivateMessage } from './notify.ts';

type Member = Extract<Actor, { memberId: number }>;

function toConversation(row: ConversationRow, community: CommunityContext, now = new Date()): PrivateConversation {
  return {
    id: row.id,
    threadId: row.thread_id,
    threadTitle: row.title,
    status: row.status,
    outcome: row.outcome,
    asker: toAuthor(row.asker, community.ladder, now),
    openedBy: toAuthor(row.opener, community.ladder, now),
    createdAt: new Date(row.created_at).toISOString(),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
    messageCount: row.message_count,
  };
}

/** The conversation if `member` may see it; 404 otherwise, the same as when it does not exist. */
async function visibleConversation(db: Queryable, community: CommunityContext, member: Member, id: number, lock = false): Promise<ConversationRow> {
  const row = await findConversation(db, community, id, lock);
  if (!row || !guardian(member).private.canSeePrivate({ askerId: row.asker_id })) throw notFound(`Private conversation ${id}`);
  return row;
}

async function messagesOf(db: Queryable, community: CommunityContext, conversationId: number): Promise<PrivateMessage[]> {
  const rows = await messageRows(db, conversationId);
  const now = new Date();
  return rows.map((row) => ({ id: row.id, conversationId, author: toAuthor(row.author, community.ladder, now), bodyHtml: row.body_html, createdAt: new Date(row.created_at).toISOString() }));
}

async function writeMessage(tx: Queryable, conversationId: number, authorId: number, body: string): Promise<number> {
  return insertMessage(tx, { conversationId, authorId, bodyMd: body, bodyHtml: renderMarkdown(body) });
}

/** The public trace: a post of kind `trace`, counted in the thread and category, sent live. */
export async function writeTrace(tx: Queryable, community: CommunityContext, thread: { id: number; categoryId: number }, authorId: number, text: string): Promise<Post> {
  const at = new Date();
  const postId = await insertPost(tx, { threadId: thread.id, authorId, kind: 'trace', bodyMd: text, bodyHtml: renderMarkdown(text), at });
  await countThreadTrace(tx, thread.id, at);
  await countCategoryPost(tx, thread.categoryId, at);
  const post = await findPost(tx, community, postId);
  if (!post) throw new Error('trace not found');
  await publishEvent(tx, community.id, { type: 'post-created', threadId: thread.id, categoryId: thread.categoryId, post });
  return post;
}

type ConversationRequest = { actor: Actor; conversationId: number };

/**
 * Tells the conversation's participants' open inboxes what changed, in the write's transaction.
 * The live stream gives it to the asker and the advisors only (core `liveView`), never to
 * anyone else, live or on replay; the public thread only ever gets the traces.
 */
async function publishPrivate(
  tx: Queryable, community: CommunityContext, conversation: { id: number; askerId: number }, change: PrivateChange, message: PrivateMessage | null = null,
): Promise<void> {
  await publishEvent(tx, community.id, { type: 'private-updated', threadId: null, categoryId: null, conversationId: conversation.id, askerId: conversation.askerId, change, message });
}

export async function openPrivate({ db, community }: ServiceContext, { actor, threadId, body: input }: { actor: Actor; threadId: number; body: OpenPrivate }): Promise<PrivateWithTrace> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const thread = await lockThreadForPrivate(tx, community, threadId);
    if (!thread) throw notFound(`Thread ${threadId}`);
    guardian(member).private.ensureOpenPrivate({ authorId: thread.author_id });
    refuseMerged(thread);
    if (thread.status === 'archived') throw new ApiError('conflict', 'This thread is archived.');
    if (await hasOpenConversation(tx, threadId)) throw new ApiError('conflict', 'A private conversation is already open for this thread.');
    const conversationId = await insertConversation(tx, community, { threadId, askerId: thread.author_id, openedBy: member.memberId });
    if (input.message !== undefined && input.message.trim()) await writeMessage(tx, conversationId, member.memberId, input.message.trim());
    const text = isAdvisor(member.role) ? TRACE_TEXTS.open[thread.locale] : TRACE_TEXTS.requested[thread.locale];
    const trace = await writeTrace(tx, community, { id: threadId, categoryId: thread.category_id }, member.memberId, text);
    await setTracePost(tx, conversationId, trace.id);
    await notifyMembers(tx, community, 'private-opened', [thread.author_id], { threadId, conversationId, actorId: member.memberId });
    if (input.message !== undefined && input.message.trim()) await notifyPrivateMessage(tx, community, conversationId, member.memberId);
    await writeAudit(tx, { actorId: member.memberId, action: 'private.open', targetType: 'private', targetId: conversationId, reason: null, before: null, after: { threadId, status: 'open' } });
    await publishPrivate(tx, community, { id: conversationId, askerId: thread.author_id }, 'opened');
    const row = await visibleConversation(tx, community, member, conversationId);
    return { conversation: toConversation(row, community), messages: await messagesOf(tx, community, conversationId), trace };
  });
}

export async function listPrivate({ db, community }: ServiceContext, { actor, query }: { actor: Actor; query: { status?: 'open' | 'closed' } }): Promise<PrivateList> {
  const member = guardian(actor).ensureSignedIn();
  // Advisors take part in every conversation; anyone else sees only those about their threads.
  const askerId = guardian(member).private.canSeeEveryPrivate() ? undefined : member.memberId;
  const rows = await listConversations(db, community, { askerId, status: query.status });
  const unread = await unreadConversationIds(db, member.memberId, rows.map((row) => row.id));
  const now = new Date();
  return { items: rows.map((row) => ({ ...toConversation(row, community, now), unread: unread.has(row.id) })) };
}

export async function getPrivate({ db, community }: ServiceContext, { actor, conversationId }: ConversationRequest): Promise<PrivateDetail> {
  const member = guardian(actor).ensureSignedIn();
  const row = await visibleConversation(db, community, member, conversationId);
  // A read changes nothing: the inbox says what the reader saw with `markPrivateRead`.
  return { conversation: toConversation(row, community), messages: await messagesOf(db, community, conversationId) };
}

/**
 * The reader saw the conversation up to `lastMessageId` (null: it had no message yet): their read
 * position moves forward only, and their notifications about it made up to then are read; their
 * open pages are told live (the bell's count, the header's unread conversations). Idempotent; a message of another conversation is refused, nothing written.
 */
export async function markPrivateRead(
  { db, community }: ServiceContext, { actor, conversationId, body }: ConversationRequest & { body: PrivateReadInput },
): Promise<PrivateReadState> {
  const member = guardian(actor).ensureSignedIn();
  const { lastMessageId } = body;
  return db.transaction(async (tx) => {
    await visibleConversation(tx, community, member, conversationId);
    if (lastMessageId !== null && !(await isMessageOf(tx, conversationId, lastMessageId))) {
      throw new ApiError('validation_failed', `Message ${lastMessageId} is not in private conversation ${conversationId}.`, [{ path: '/lastMessageId', message: 'not a message of this conversation' }]);
    }
    const before = await lastReadMessageId(tx, member.memberId, conversationId);
    if (lastMessageId !== null) await markConversationRead(tx, member.memberId, conversationId, lastMessageId);
    const after = await lastReadMessageId(tx, member.memberId, conversationId);
    const marked = await markConversationNotificationsRead(tx, member.memberId, conversationId, lastMessageId);
    // The reader's other pages (bell, the header's unread conversations) follow when anything moved.
    if (marked || after !== before) await announceUnread(tx, community, member.memberId);
    return {
      conversationId,
      lastReadMessageId: after,
      unread: (await unreadConversationIds(tx, member.memberId, [conversationId])).has(conversationId),
      unreadNotifications: await countUnread(tx, member.memberId),
    };
  });
}

/** The member's notifications about the conversation up to `messageId` are read; their open bells follow when any was unread. */
async function readNotificationsOf(tx: Queryable, community: CommunityContext, memberId: number, conversationId: number, messageId: number | null): Promise<void> {
  if (await markConversationNotificationsRead(tx, memberId, conversationId, messageId)) await announceUnread(tx, community, memberId);
}

export async function postPrivateMessage({ db, community }: ServiceContext, { actor, conversationId, body: input }: ConversationRequest & { body: NewPrivateMessage }): Promise<PrivateMessage> {
  const member = guardian(actor).ensureSignedIn();
  const body = input.body.trim();
  if (body.length < 2) throw new ApiError('validation_failed', 'body needs at least 2 characters that are not spaces.', [{ path: '/body', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const row = await visibleConversation(tx, community, member, conversationId, true);
    if (!guardian(member).private.canWritePrivate({ askerId: row.asker_id, status: row.status })) throw new ApiError('conflict', 'This private conversation is closed.');
    const id = await writeMessage(tx, conversationId, member.memberId, body);
    // Who answers has read what they answer.
    await markConversationRead(tx, member.memberId, conversationId, id);
    await readNotificationsOf(tx, community, member.memberId, conversationId, id);
    await notifyPrivateMessage(tx, community, conversationId, member.memberId);
    const message = (await messagesOf(tx, community, conversationId)).find((m) => m.id === id);
    if (!message) throw new Error('new message not found');
    await publishPrivate(tx, community, { id: conversationId, askerId: row.asker_id }, 'message', message);
    return message;
  });
}

/**
 * Where the outcome goes public: the conversation's thread, or the thread it was merged into
 * (a merged thread takes no posts: they all live in the target now). Locked for the trace.
 */
async function traceThread(tx: Queryable, threadId: number): Promise<{ id: number; category_id: number; locale: Locale }> {
  let id = threadId;
  for (let hops = 0; hops < 20; hops += 1) {
    const thread = await lockThreadById(tx, id);
    if (!thread) throw notFound(`Thread ${id}`);
    if (thread.merged_into_id === null) return thread;
    id = thread.merged_into_id;
  }
  throw new ApiError('conflict', `Thread ${threadId} was merged too many times over to find where it lives now.`);
}

export async function closePrivate(
  { db, community }: ServiceContext, { actor, conversationId, body: input }: ConversationRequest & { body: ClosePrivate },
): Promise<{ conversation: PrivateConversation; trace: Post }> {
  const member = guardian(actor).ensureSignedIn();
  const outcome = input.outcome.trim();
  if (outcome.length < 2) throw new ApiError('validation_failed', 'outcome needs at least 2 characters that are not spaces.', [{ path: '/outcome', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const row = await visibleConversation(tx, community, member, conversationId, true);
    guardian(member).private.ensureClosePrivate();
    if (row.status === 'closed') throw new ApiError('conflict', 'This private conversation is already closed.');
    const thread = await traceThread(tx, row.thread_id);
    await closeConversation(tx, conversationId, outcome, member.memberId);
    const trace = await writeTrace(tx, community, { id: thread.id, categoryId: thread.category_id }, member.memberId, `${TRACE_TEXTS.outcome[thread.locale]}${outcome}`);
    await publishPrivate(tx, community, { id: conversationId, askerId: row.asker_id }, 'closed');
    await writeAudit(tx, { actorId: member.memberId, action: 'private.close', targetType: 'private', targetId: conversationId, reason: outcome, before: { status: 'open' }, after: { status: 'closed', outcome } });
    const closed = await visibleConversation(tx, community, member, conversationId);
    return { conversation: toConversation(closed, community), trace };
  });
}
