/**
 * SQL of private conversations (../services/private.ts decides who may see and write them).
 * Callers check visibility before answering anything read here.
 */
import type { Locale, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, type AuthorRow } from './members.ts';

export interface ConversationRow {
  id: number;
  thread_id: number;
  title: string;
  status: 'open' | 'closed';
  outcome: string | null;
  asker_id: number;
  created_at: Date;
  closed_at: Date | null;
  last_message_at: Date | null;
  message_count: number;
  asker: AuthorRow;
  opener: AuthorRow;
}

const CONVERSATION_SELECT = `select pc.id, pc.thread_id, t.title, pc.status, pc.outcome, pc.asker_id, pc.created_at, pc.closed_at,
    (select max(pm.created_at) from private_messages pm where pm.conversation_id = pc.id) as last_message_at,
    (select count(*)::int from private_messages pm where pm.conversation_id = pc.id) as message_count,
    ${authorJson('a')} as asker, ${authorJson('o')} as opener
  from private_conversations pc join threads t on t.id = pc.thread_id
  join members a on a.id = pc.asker_id join members o on o.id = pc.opened_by`;

/** The conversation of this community, locked for the transaction when asked; undefined when unknown. */
export async function findConversation(db: Queryable, community: CommunityContext, id: number, lock = false): Promise<ConversationRow | undefined> {
  const [row] = await db.query<ConversationRow>(`${CONVERSATION_SELECT} where pc.id = $1 and pc.community_id = $2${lock ? ' for update of pc' : ''}`, [id, community.id]);
  return row;
}

/** The community's conversations, newest first; only those about the asker's threads when `askerId` is given. */
export async function listConversations(
  db: Queryable, community: CommunityContext, filter: { askerId?: number; status?: 'open' | 'closed' | undefined },
): Promise<ConversationRow[]> {
  const params: unknown[] = [community.id];
  let where = 'pc.community_id = $1';
  if (filter.askerId !== undefined) {
    params.push(filter.askerId);
    where += ` and pc.asker_id = $${params.length}`;
  }
  if (filter.status) {
    params.push(filter.status);
    where += ` and pc.status = $${params.length}`;
  }
  return db.query<ConversationRow>(`${CONVERSATION_SELECT} where ${where} order by pc.created_at desc, pc.id desc limit 200`, params);
}

export interface MessageRow {
  id: number;
  body_html: string;
  created_at: Date;
  author: AuthorRow;
}

export async function messageRows(db: Queryable, conversationId: number): Promise<MessageRow[]> {
  return db.query<MessageRow>(
    `select pm.id, pm.body_html, pm.created_at, ${authorJson('m')} as author from private_messages pm join members m on m.id = pm.author_id
     where pm.conversation_id = $1 order by pm.created_at, pm.id`,
    [conversationId],
  );
}

export async function insertMessage(tx: Queryable, message: { conversationId: number; authorId: number; bodyMd: string; bodyHtml: string }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'insert into private_messages (conversation_id, author_id, body_md, body_html) values ($1, $2, $3, $4) returning id',
    [message.conversationId, message.authorId, message.bodyMd, message.bodyHtml],
  );
  if (!row) throw new Error('message insert returned nothing');
  return row.id;
}

export interface ThreadForPrivate {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  locale: Locale;
  merged_into_id: number | null;
}

/** The thread of this community, locked; undefined when unknown. */
export async function lockThreadForPrivate(tx: Queryable, community: CommunityContext, threadId: number): Promise<ThreadForPrivate | undefined> {
  const [thread] = await tx.query<ThreadForPrivate>(
    `select t.id, t.category_id, t.author_id, t.status, t.locale, t.merged_into_id from threads t join categories c on c.id = t.category_id
     where t.id = $1 and c.community_id = $2 for update of t`,
    [threadId, community.id],
  );
  return thread;
}

/** The thread by id alone, locked (a merged thread's target: already known to be in the community). */
export async function lockThreadById(tx: Queryable, threadId: number): Promise<Omit<ThreadForPrivate, 'author_id' | 'status'> | undefined> {
  const [thread] = await tx.query<Omit<ThreadForPrivate, 'author_id' | 'status'>>(
    'select id, category_id, locale, merged_into_id from threads where id = $1 for update',
    [threadId],
  );
  return thread;
}

export async function hasOpenConversation(tx: Queryable, threadId: number): Promise<boolean> {
  const [open] = await tx.query('select id from private_conversations where thread_id = $1 and status = $2', [threadId, 'open']);
  return open !== undefined;
}

export async function insertConversation(tx: Queryable, community: CommunityContext, conversation: { threadId: number; askerId: number; openedBy: number }): Promise<number> {
  const [created] = await tx.query<{ id: number }>(
    'insert into private_conversations (community_id, thread_id, asker_id, opened_by) values ($1, $2, $3, $4) returning id',
    [community.id, conversation.threadId, conversation.askerId, conversation.openedBy],
  );
  if (!created) throw new Error('conversation insert returned nothing');
  return created.id;
}

export async function closeConversation(tx: Queryable, conversationId: number, outcome: string, closedBy: number): Promise<void> {
  await tx.query(`update private_conversations set status = 'closed', outcome = $2, closed_at = now(), closed_by = $3 where id = $1`, [conversationId, outcome, closedBy]);
}

/** Links the conversation to the public trace written when it opened (the asker's way in from the thread). */
export async function setTracePost(tx: Queryable, conversationId: number, postId: number): Promise<void> {
  await tx.query('update private_conversations set trace_post_id = $2 where id = $1', [conversationId, postId]);
}

/** Which of these conversations have messages by others after the member last read them. */
export async function unreadConversationIds(db: Queryable, memberId: number, conversationIds: readonly number[]): Promise<Set<number>> {
  if (conversationIds.length === 0) return new Set();
  const rows = await db.query<{ id: number }>(
    `select pc.id from private_conversations pc left join private_reads r on r.conversation_id = pc.id and r.member_id = $1
     where pc.id = any($2::int[]) and exists (
       select 1 from private_messages pm where pm.conversation_id = pc.id and pm.author_id <> $1 and pm.id > coalesce(r.last_read_message_id, 0))`,
    [memberId, conversationIds],
  );
  return new Set(rows.map((row) => row.id));
}

/** The member has read the conversation up to `messageId` (never moves back: two tabs may race). */
export async function markConversationRead(db: Queryable, memberId: number, conversationId: number, messageId: number): Promise<void> {
  await db.query(
    `insert into private_reads (member_id, conversation_id, last_read_message_id) values ($1, $2, $3)
     on conflict (member_id, conversation_id) do update
       set last_read_message_id = greatest(private_reads.last_read_message_id, excluded.last_read_message_id), read_at = now()`,
    [memberId, conversationId, messageId],
  );
}

/** The last message the member read in the conversation; null before any. */
export async function lastReadMessageId(db: Queryable, memberId: number, conversationId: number): Promise<number | null> {
  const [row] = await db.query<{ id: number }>('select last_read_message_id as id from private_reads where member_id = $1 and conversation_id = $2', [memberId, conversationId]);
  return row?.id ?? null;
}

export async function isMessageOf(db: Queryable, conversationId: number, messageId: number): Promise<boolean> {
  const [row] = await db.query('select 1 from private_messages where id = $1 and conversation_id = $2', [messageId, conversationId]);
  return row !== undefined;
}

/**
 * Marks read the member's notifications about this conversation made up to the message read (a
 * message and its notifications share their transaction's time), or up to its opening when
 * `messageId` is null; later ones stay unread. Answers how many were marked.
 */
export async function markConversationNotificationsRead(tx: Queryable, memberId: number, conversationId: number, messageId: number | null): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `update notifications n set read_at = now() where n.member_id = $1 and n.conversation_id = $2 and n.read_at is null
       and n.created_at <= coalesce(
         (select pm.created_at from private_messages pm where pm.id = $3::integer and pm.conversation_id = $2),
         (select pc.created_at from private_conversations pc where pc.id = $2))
     returning n.id`,
    [memberId, conversationId, messageId],
  );
  return rows.length;
}
