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
  PrivateWithTrace,
} from '../../contract/areas/moderation.ts';
import type { Post } from '../../contract/index.ts';
import { isAdvisor, ApiError, guardian, TRACE_TEXTS, type Actor, type Locale, type ThreadStatus } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import { writeAudit } from '../repo/audit.ts';
import type { CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import { authorJson, toAuthor, type AuthorRow } from '../repo/members.ts';
import { findPost } from '../repo/threads.ts';

type Member = Extract<Actor, { memberId: number }>;

interface ConversationRow {
  id: number;
  thread_id: number;
  title: string;
  status: 'open' | 'closed';
  outcome: string | null;
  asker_id: number;
  created_at: Date;
  closed_at: Date | null;
  asker: AuthorRow;
  opener: AuthorRow;
}

const CONVERSATION_SELECT = `select pc.id, pc.thread_id, t.title, pc.status, pc.outcome, pc.asker_id, pc.created_at, pc.closed_at,
    ${authorJson('a')} as asker, ${authorJson('o')} as opener
  from private_conversations pc join threads t on t.id = pc.thread_id
  join members a on a.id = pc.asker_id join members o on o.id = pc.opened_by`;

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
  };
}

/** The conversation if `member` may see it; 404 otherwise, the same as when it does not exist. */
async function visibleConversation(db: Queryable, community: CommunityContext, member: Member, id: number, lock = false): Promise<ConversationRow> {
  const [row] = await db.query<ConversationRow>(`${CONVERSATION_SELECT} where pc.id = $1 and pc.community_id = $2${lock ? ' for update of pc' : ''}`, [id, community.id]);
  if (!row || !guardian(member).private.canSeePrivate({ askerId: row.asker_id })) throw notFound(`Private conversation ${id}`);
  return row;
}

async function messagesOf(db: Queryable, community: CommunityContext, conversationId: number): Promise<PrivateMessage[]> {
  const rows = await db.query<{ id: number; body_html: string; created_at: Date; author: AuthorRow }>(
    `select pm.id, pm.body_html, pm.created_at, ${authorJson('m')} as author from private_messages pm join members m on m.id = pm.author_id
     where pm.conversation_id = $1 order by pm.created_at, pm.id`,
    [conversationId],
  );
  const now = new Date();
  return rows.map((row) => ({ id: row.id, conversationId, author: toAuthor(row.author, community.ladder, now), bodyHtml: row.body_html, createdAt: new Date(row.created_at).toISOString() }));
}

async function insertMessage(tx: Queryable, conversationId: number, authorId: number, body: string): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'insert into private_messages (conversation_id, author_id, body_md, body_html) values ($1, $2, $3, $4) returning id',
    [conversationId, authorId, body, renderMarkdown(body)],
  );
  if (!row) throw new Error('message insert returned nothing');
  return row.id;
}

/** The public trace: a post of kind `trace`, counted in the thread and category, sent live. */
export async function writeTrace(tx: Queryable, community: CommunityContext, thread: { id: number; categoryId: number }, authorId: number, text: string): Promise<Post> {
  const at = new Date();
  const [row] = await tx.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'trace', $3, $4, $5) returning id`,
    [thread.id, authorId, text, renderMarkdown(text), at],
  );
  if (!row) throw new Error('trace insert returned nothing');
  await tx.query('update threads set reply_count = reply_count + 1, last_post_at = $2 where id = $1', [thread.id, at]);
  await tx.query('update categories set post_count = post_count + 1, last_post_at = $2 where id = $1', [thread.categoryId, at]);
  const post = await findPost(tx, community, row.id);
  if (!post) throw new Error('trace not found');
  await publishEvent(tx, community.id, { type: 'post-created', threadId: thread.id, categoryId: thread.categoryId, post });
  return post;
}

interface ThreadForPrivate {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  locale: Locale;
  merged_into_id: number | null;
}

export async function openPrivate(db: Database, community: CommunityContext, actor: Actor, threadId: number, input: OpenPrivate): Promise<PrivateWithTrace> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const [thread] = await tx.query<ThreadForPrivate>(
      `select t.id, t.category_id, t.author_id, t.status, t.locale, t.merged_into_id from threads t join categories c on c.id = t.category_id
       where t.id = $1 and c.community_id = $2 for update of t`,
      [threadId, community.id],
    );
    if (!thread) throw notFound(`Thread ${threadId}`);
    guardian(member).private.ensureOpenPrivate({ authorId: thread.author_id });
    refuseMerged(thread);
    if (thread.status === 'archived') throw new ApiError('conflict', 'This thread is archived.');
    const [open] = await tx.query('select id from private_conversations where thread_id = $1 and status = $2', [threadId, 'open']);
    if (open) throw new ApiError('conflict', 'A private conversation is already open for this thread.');
    const [created] = await tx.query<{ id: number }>(
      'insert into private_conversations (community_id, thread_id, asker_id, opened_by) values ($1, $2, $3, $4) returning id',
      [community.id, threadId, thread.author_id, member.memberId],
    );
    if (!created) throw new Error('conversation insert returned nothing');
    if (input.message !== undefined && input.message.trim()) await insertMessage(tx, created.id, member.memberId, input.message.trim());
    const text = isAdvisor(member.role) ? TRACE_TEXTS.open[thread.locale] : TRACE_TEXTS.requested[thread.locale];
    const trace = await writeTrace(tx, community, { id: threadId, categoryId: thread.category_id }, member.memberId, text);
    await writeAudit(tx, { actorId: member.memberId, action: 'private.open', targetType: 'private', targetId: created.id, reason: null, before: null, after: { threadId, status: 'open' } });
    const row = await visibleConversation(tx, community, member, created.id);
    return { conversation: toConversation(row, community), messages: await messagesOf(tx, community, created.id), trace };
  });
}

export async function listPrivate(db: Database, community: CommunityContext, actor: Actor, query: { status?: 'open' | 'closed' }): Promise<PrivateList> {
  const member = guardian(actor).ensureSignedIn();
  const params: unknown[] = [community.id];
  let where = 'pc.community_id = $1';
  // Advisors take part in every conversation; anyone else sees only those about their threads.
  if (!guardian(member).private.canSeeEveryPrivate()) {
    params.push(member.memberId);
    where += ` and pc.asker_id = $${params.length}`;
  }
  if (query.status) {
    params.push(query.status);
    where += ` and pc.status = $${params.length}`;
  }
  const rows = await db.query<ConversationRow>(`${CONVERSATION_SELECT} where ${where} order by pc.created_at desc, pc.id desc limit 200`, params);
  const now = new Date();
  return { items: rows.map((row) => toConversation(row, community, now)) };
}

export async function getPrivate(db: Database, community: CommunityContext, actor: Actor, conversationId: number): Promise<PrivateDetail> {
  const member = guardian(actor).ensureSignedIn();
  const row = await visibleConversation(db, community, member, conversationId);
  return { conversation: toConversation(row, community), messages: await messagesOf(db, community, conversationId) };
}

export async function postPrivateMessage(db: Database, community: CommunityContext, actor: Actor, conversationId: number, input: NewPrivateMessage): Promise<PrivateMessage> {
  const member = guardian(actor).ensureSignedIn();
  const body = input.body.trim();
  if (body.length < 2) throw new ApiError('validation_failed', 'body needs at least 2 characters that are not spaces.', [{ path: '/body', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const row = await visibleConversation(tx, community, member, conversationId, true);
    if (!guardian(member).private.canWritePrivate({ askerId: row.asker_id, status: row.status })) throw new ApiError('conflict', 'This private conversation is closed.');
    const id = await insertMessage(tx, conversationId, member.memberId, body);
    const message = (await messagesOf(tx, community, conversationId)).find((m) => m.id === id);
    if (!message) throw new Error('new message not found');
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
    const [thread] = await tx.query<{ id: number; category_id: number; locale: Locale; merged_into_id: number | null }>(
      'select id, category_id, locale, merged_into_id from threads where id = $1 for update',
      [id],
    );
    if (!thread) throw notFound(`Thread ${id}`);
    if (thread.merged_into_id === null) return thread;
    id = thread.merged_into_id;
  }
  throw new ApiError('conflict', `Thread ${threadId} was merged too many times over to find where it lives now.`);
}

export async function closePrivate(db: Database, community: CommunityContext, actor: Actor, conversationId: number, input: ClosePrivate): Promise<{ conversation: PrivateConversation; trace: Post }> {
  const member = guardian(actor).ensureSignedIn();
  const outcome = input.outcome.trim();
  if (outcome.length < 2) throw new ApiError('validation_failed', 'outcome needs at least 2 characters that are not spaces.', [{ path: '/outcome', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const row = await visibleConversation(tx, community, member, conversationId, true);
    guardian(member).private.ensureClosePrivate();
    if (row.status === 'closed') throw new ApiError('conflict', 'This private conversation is already closed.');
    const thread = await traceThread(tx, row.thread_id);
    await tx.query(`update private_conversations set status = 'closed', outcome = $2, closed_at = now(), closed_by = $3 where id = $1`, [conversationId, outcome, member.memberId]);
    const trace = await writeTrace(tx, community, { id: thread.id, categoryId: thread.category_id }, member.memberId, `${TRACE_TEXTS.outcome[thread.locale]}${outcome}`);
    await writeAudit(tx, { actorId: member.memberId, action: 'private.close', targetType: 'private', targetId: conversationId, reason: outcome, before: { status: 'open' }, after: { status: 'closed', outcome } });
    const closed = await visibleConversation(tx, community, member, conversationId);
    return { conversation: toConversation(closed, community), trace };
  });
}
