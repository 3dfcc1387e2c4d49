/**
 * SQL of the customer's loop (issue 15): follows and mutes, read positions, and notifications
 * (the bell's rows). Notifications are written here inside the transaction of the write that
 * causes them; who gets them is decided in core (`postRecipients`, `incidentRecipients`, …).
 */
import type { FollowState, Notification, ThreadReading } from '../../contract/areas/notify.ts';
import type { FollowLevel, FollowReason, IncidentCandidate, NotificationKind, OwnListState, Recipient } from '../../core/index.ts';
import { prepared, type Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

type Target = 'thread' | 'category';
const COLUMN: Record<Target, 'thread_id' | 'category_id'> = { thread: 'thread_id', category: 'category_id' };

// ------------------------------------------------------------------------------- follows

export async function findFollow(db: Queryable, memberId: number, target: Target, id: number): Promise<FollowState> {
  const [row] = await db.query<{ level: FollowLevel; reason: FollowReason }>(
    `select level, reason from follows where member_id = $1 and ${COLUMN[target]} = $2`, [memberId, id],
  );
  return { target, id, level: row?.level ?? null, reason: row?.reason ?? null };
}

/** Sets the member's follow or mute (the button: reason `chosen`). */
export async function setFollow(tx: Queryable, memberId: number, target: Target, id: number, level: FollowLevel): Promise<void> {
  await tx.query(`delete from follows where member_id = $1 and ${COLUMN[target]} = $2`, [memberId, id]);
  await tx.query(`insert into follows (member_id, ${COLUMN[target]}, level, reason) values ($1, $2, $3, 'chosen')`, [memberId, id, level]);
}

export async function clearFollow(tx: Queryable, memberId: number, target: Target, id: number): Promise<void> {
  await tx.query(`delete from follows where member_id = $1 and ${COLUMN[target]} = $2`, [memberId, id]);
}

/**
 * Follows a thread automatically (asking, replying) unless the member already chose anything
 * there: a mute or an earlier follow stays. Replying follows only with `follow_on_reply` (default on).
 */
export async function autoFollowThread(tx: Queryable, memberId: number, threadId: number, reason: 'asked' | 'replied'): Promise<void> {
  await tx.query(autoFollowSql('$1', '$2', '$3::text'), [memberId, threadId, reason]);
}

/** The insert of `autoFollowThread` over SQL expressions (the reply's statement inlines it). */
export const autoFollowSql = (member: string, thread: string, reason: string, from = '') => `insert into follows (member_id, thread_id, level, reason)
     select ${member}, ${thread}, 'following', ${reason} ${from && `from ${from}`}
     where ${reason} = 'asked' or coalesce((select follow_on_reply from member_preferences where member_id = ${member}), true)
     on conflict (member_id, thread_id) where thread_id is not null do nothing`;

/**
 * Members following the thread, and members who muted it or its category. A choice on the
 * thread wins over the category's: an asker who muted a category still hears about their own question.
 */
export async function threadAudience(db: Queryable, threadId: number, categoryId: number): Promise<{ followers: number[]; muted: number[] }> {
  return toAudience(await db.query<AudienceRow>(threadAudienceSql('$1', '$2'), [threadId, categoryId]));
}

export interface AudienceRow {
  member_id: number;
  level: FollowLevel;
}

/** The rows of `threadAudience` for the thread and category SQL expressions given (the reply's read inlines it). */
export const threadAudienceSql = (thread: string, category: string) => `select member_id, level from follows where thread_id = ${thread}
     union all select f.member_id, f.level from follows f where f.category_id = ${category} and f.level = 'muted'
       and not exists (select 1 from follows g where g.member_id = f.member_id and g.thread_id = ${thread})`;

export function toAudience(rows: readonly AudienceRow[]): { followers: number[]; muted: number[] } {
  return { followers: rows.filter((r) => r.level === 'following').map((r) => r.member_id), muted: rows.filter((r) => r.level === 'muted').map((r) => r.member_id) };
}

/** Members following the category, and those who muted it. */
export async function categoryAudience(db: Queryable, categoryId: number): Promise<{ followers: number[]; muted: number[] }> {
  const rows = await db.query<{ member_id: number; level: FollowLevel }>('select member_id, level from follows where category_id = $1', [categoryId]);
  return { followers: rows.filter((r) => r.level === 'following').map((r) => r.member_id), muted: rows.filter((r) => r.level === 'muted').map((r) => r.member_id) };
}

/** Members of the community named by `names` (lower-cased pseudonyms). */
export async function membersByPseudonyms(db: Queryable, community: CommunityContext, names: readonly string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const rows = await db.query<{ id: number }>('select id from members where community_id = $1 and lower(pseudonym) = any($2::text[])', [community.id, names]);
  return rows.map((row) => row.id);
}

/**
 * Who an incident may concern (bounded): followers of its category, askers of its linked
 * threads, members who marked "same problem" on them; each with a region and whether they muted the category.
 */
export async function incidentCandidates(db: Queryable, community: CommunityContext, incident: { id: number; categoryId: number | null }, limit: number): Promise<IncidentCandidate[]> {
  const rows = await db.query<{ member_id: number; region: string | null; muted: boolean }>(
    `select x.member_id, coalesce(x.region, m.region) as region,
       exists (select 1 from follows f where f.member_id = x.member_id and f.level = 'muted' and f.category_id = $2) as muted
     from (
       select f.member_id, null::text as region, 1 as rank from follows f where f.category_id = $2 and f.level = 'following'
       union all select t.author_id, null, 0 from incident_threads it join threads t on t.id = it.thread_id where it.incident_id = $1
       union all select s.member_id, s.region, 0 from incident_threads it join same_problem_marks s on s.thread_id = it.thread_id where it.incident_id = $1
     ) x join members m on m.id = x.member_id and m.community_id = $3
     order by x.rank, x.member_id limit $4`,
    [incident.id, incident.categoryId, community.id, limit],
  );
  return rows.map((row) => ({ memberId: row.member_id, region: row.region, muted: row.muted }));
}

/** The advisors of a private conversation: who opened it (when not the asker) and who wrote in it. */
export async function conversationAdvisors(db: Queryable, conversationId: number): Promise<{ askerId: number; threadId: number; advisorIds: number[] } | undefined> {
  const [row] = await db.query<{ asker_id: number; thread_id: number; advisor_ids: number[] }>(
    `select c.asker_id, c.thread_id, array(
       select c.opened_by where c.opened_by <> c.asker_id
       union select pm.author_id from private_messages pm where pm.conversation_id = c.id and pm.author_id <> c.asker_id
     ) as advisor_ids from private_conversations c where c.id = $1`,
    [conversationId],
  );
  return row && { askerId: row.asker_id, threadId: row.thread_id, advisorIds: row.advisor_ids };
}

// ------------------------------------------------------------------------- read positions

/** Moves the member's read position forward to `postId` when it is a visible post of the thread; never back. */
export async function advanceReadPosition(tx: Queryable, memberId: number, threadId: number, postId: number): Promise<void> {
  await tx.query(`insert into thread_reads (member_id, thread_id, last_read_post_id)
     select $1, $2, p.id from posts p where p.id = $3 and p.thread_id = $2 and not p.hidden ${READ_POSITION_FORWARD}`, [memberId, threadId, postId]);
}

/** Never back: the conflict clause of every read-position write (the reply's statement writes its own post's). */
export const READ_POSITION_FORWARD = `on conflict (member_id, thread_id) do update set last_read_post_id = excluded.last_read_post_id, read_at = now()
       where thread_reads.last_read_post_id < excluded.last_read_post_id`;

/** Posts member `m` has not read in thread `t` (visible, not deleted, not their own), after their read position (SQL expressions). */
const unreadPosts = (m: string, t: string) => `from posts p where p.thread_id = ${t} and not p.hidden and p.deleted_at is null and p.author_id <> ${m}
  and p.id > coalesce((select last_read_post_id from thread_reads where member_id = ${m} and thread_id = ${t}), 0)`;

type FollowColumns = { level: FollowState['level']; reason: FollowState['reason'] } | null;

/** What `readingColumns` selects. */
export interface ReadingColumns {
  last_read_post_id: number | null;
  unread: number;
  first_unread: number | null;
  thread_follow: FollowColumns;
  category_follow: FollowColumns;
}

/**
 * The select list of member `m`'s reading of thread `t` in category `c` (SQL expressions): their
 * follows, read position and unread posts. `readingOf` selects it alone; the reader's own state on
 * a thread (./viewer.ts) selects it with the rest, in the same statement.
 */
export const readingColumns = (m: string, t: string, c: string) => `(select last_read_post_id from thread_reads where member_id = ${m} and thread_id = ${t}) as last_read_post_id,
       (select count(*)::int ${unreadPosts(m, t)}) as unread, (select min(p.id) ${unreadPosts(m, t)}) as first_unread,
       (select json_build_object('level', level, 'reason', reason) from follows where member_id = ${m} and thread_id = ${t}) as thread_follow,
       (select json_build_object('level', level, 'reason', reason) from follows where member_id = ${m} and category_id = ${c}) as category_follow`;

/** A reading from `readingColumns`' row. */
export function toReading(row: ReadingColumns | undefined, thread: { id: number; categoryId: number }): ThreadReading {
  const follow = (target: Target, id: number, columns: FollowColumns | undefined): FollowState => ({ target, id, level: columns?.level ?? null, reason: columns?.reason ?? null });
  return {
    follow: follow('thread', thread.id, row?.thread_follow),
    categoryFollow: follow('category', thread.categoryId, row?.category_follow),
    lastReadPostId: row?.last_read_post_id ?? null,
    unreadCount: row?.unread ?? 0,
    // A first visit opens at the top, not at the first post not yet read.
    firstUnreadPostId: row?.last_read_post_id ? (row.first_unread ?? null) : null,
  };
}

const READING = prepared(`select ${readingColumns('$1', '$2', '$3')}`);

/** The reader's follows of the thread and its category, read position and unread posts: one statement. */
export async function readingOf(db: Queryable, memberId: number, thread: { id: number; categoryId: number }): Promise<ThreadReading> {
  const [row] = await db.query<ReadingColumns>(READING, [memberId, thread.id, thread.categoryId]);
  return toReading(row, thread);
}

/**
 * Unread counts for the threads of a list that the member has read before or follows (others have
 * none), of category `categoryId` only when given (the ids then come from the reader's request).
 */
export async function unreadCounts(db: Queryable, memberId: number, threadIds: readonly number[], categoryId: number | null = null): Promise<OwnListState> {
  if (threadIds.length === 0) return { threads: [] };
  const rows = await db.query<{ id: number; unread_count: number }>(UNREAD_COUNTS, [memberId, threadIds, categoryId]);
  return { threads: rows.map((row) => ({ id: row.id, unreadCount: row.unread_count })) };
}

const UNREAD_COUNTS = prepared(`select t.id, (select count(*)::int from posts p where p.thread_id = t.id and not p.hidden and p.deleted_at is null
        and p.author_id <> $1 and p.id > coalesce(r.last_read_post_id, 0)) as unread_count
     from threads t left join thread_reads r on r.thread_id = t.id and r.member_id = $1
     where t.id = any($2::int[]) and ($3::int is null or t.category_id = $3)
       and (r.member_id is not null or exists (select 1 from follows f where f.member_id = $1 and f.thread_id = t.id and f.level = 'following'))`);

// -------------------------------------------------------------------------- notifications

/** What a notification is about, besides its kind and recipient. */
export interface NotificationSubject {
  threadId?: number | null;
  postId?: number | null;
  conversationId?: number | null;
  incidentId?: number | null;
  actorId: number | null;
}

/**
 * Writes one notification per recipient; kudos fold into the recipient's unread kudos row of the
 * post (`notifications_kudos_batch`). Returns the ids written or updated.
 */
export async function insertNotifications(tx: Queryable, recipients: readonly Recipient[], about: NotificationSubject): Promise<number[]> {
  if (recipients.length === 0) return [];
  const values = [about.threadId ?? null, about.postId ?? null, about.conversationId ?? null, about.incidentId ?? null, about.actorId];
  const kudos = recipients.filter((r) => r.kind === 'kudos');
  const others = recipients.filter((r) => r.kind !== 'kudos');
  const ids: number[] = [];
  if (others.length) {
    const rows = await tx.query<{ id: number }>(
      `insert into notifications (member_id, kind, thread_id, post_id, conversation_id, incident_id, actor_id)
       select r.member_id, r.kind, $3, $4, $5, $6, $7 from unnest($1::int[], $2::text[]) as r(member_id, kind) returning id`,
      [others.map((r) => r.memberId), others.map((r) => r.kind), ...values],
    );
    ids.push(...rows.map((row) => row.id));
  }
  for (const recipient of kudos) {
    const [row] = await tx.query<{ id: number }>(
      `insert into notifications (member_id, kind, thread_id, post_id, actor_id) values ($1, 'kudos', $2, $3, $4)
       on conflict (member_id, post_id) where kind = 'kudos' and read_at is null
       do update set event_count = notifications.event_count + 1, actor_id = excluded.actor_id, updated_at = now() returning id`,
      [recipient.memberId, about.threadId ?? null, about.postId ?? null, about.actorId],
    );
    if (row) ids.push(row.id);
  }
  return ids;
}

/**
 * Takes one kudos back out of the author's unread kudos batch of the post, when it was counted
 * there: a kudos given before the batch began (`givenAt` earlier) was told in a notification
 * already read, which stays as history. At zero the batch goes; otherwise its actor becomes the
 * latest giver still counted. Returns the batch's id and whether it is gone, or undefined.
 */
export async function takeKudosFromBatch(tx: Queryable, authorId: number, postId: number, givenAt: string): Promise<{ id: number; removed: boolean } | undefined> {
  const [batch] = await tx.query<{ id: number; event_count: number }>(
    `select id, event_count from notifications where member_id = $1 and post_id = $2 and kind = 'kudos' and read_at is null and created_at <= $3::timestamptz for update`,
    [authorId, postId, givenAt],
  );
  if (!batch) return undefined;
  if (batch.event_count <= 1) {
    await tx.query('delete from notifications where id = $1', [batch.id]);
    return { id: batch.id, removed: true };
  }
  await tx.query(
    `update notifications n set event_count = n.event_count - 1,
       actor_id = coalesce((select k.member_id from kudos k where k.post_id = n.post_id and k.created_at >= n.created_at order by k.created_at desc limit 1), n.actor_id)
     where n.id = $1`,
    [batch.id],
  );
  return { id: batch.id, removed: false };
}

interface NotificationRow {
  id: number;
  member_id: number;
  kind: NotificationKind;
  thread_id: number | null;
  category_id: number | null;
  title: string | null;
  post_id: number | null;
  conversation_id: number | null;
  incident_id: number | null;
  incident_title: string | null;
  by_id: number | null;
  by_pseudonym: string | null;
  event_count: number;
  created_at: Date;
  updated_at: Date;
  read_at: Date | null;
}

/**
 * An incident's title in the language the notified member chose (their preference), else the
 * community's default: the bell, its live events and the e-mails say it in the same language.
 */
export const INCIDENT_TITLE_FOR_MEMBER = `coalesce(nullif(i.translations -> (select mp.locale from member_preferences mp where mp.member_id = n.member_id) ->> 'title', ''), i.title)`;

// A post moderation hid since is not linked (nor its thread's title shown when the whole thread went away).
const NOTIFICATION_SELECT = `select n.id, n.member_id, n.kind, n.thread_id, t.category_id, t.title,
    case when p.id is not null and not p.hidden then p.id end as post_id, n.conversation_id, n.incident_id, ${INCIDENT_TITLE_FOR_MEMBER} as incident_title,
    b.id as by_id, b.pseudonym as by_pseudonym, n.event_count, n.created_at, n.updated_at, n.read_at
  from notifications n left join threads t on t.id = n.thread_id left join posts p on p.id = n.post_id
  left join incidents i on i.id = n.incident_id left join members b on b.id = n.actor_id`;

/** Notifications about a post moderation hid are not shown: hiding takes back what they said. */
const VISIBLE = '(n.post_id is null or not exists (select 1 from posts hp where hp.id = n.post_id and hp.hidden))';

function iso(value: Date): string {
  return new Date(value).toISOString();
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    memberId: row.member_id,
    kind: row.kind,
    thread: row.thread_id !== null && row.category_id !== null ? { id: row.thread_id, categoryId: row.category_id, title: row.title ?? '' } : null,
    postId: row.post_id,
    conversationId: row.conversation_id,
    incident: row.incident_id !== null ? { id: row.incident_id, title: row.incident_title ?? '' } : null,
    by: row.by_id !== null ? { id: row.by_id, pseudonym: row.by_pseudonym ?? '' } : null,
    eventCount: row.event_count,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    readAt: row.read_at ? iso(row.read_at) : null,
  };
}

export async function notificationsByIds(db: Queryable, ids: readonly number[]): Promise<Notification[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<NotificationRow>(`${NOTIFICATION_SELECT} where n.id = any($1::int[]) order by n.id`, [ids]);
  return rows.map(toNotification);
}

export async function countUnread(db: Queryable, memberId: number): Promise<number> {
  const [row] = await db.query<{ unread: number }>(`select ${unreadCountSql('$1')} as unread`, [memberId]);
  return row?.unread ?? 0;
}

/** The bell's unread count of the member (an SQL expression) as a subquery. */
export const unreadCountSql = (member: string) => `(select count(*)::int from notifications n where n.member_id = ${member} and n.read_at is null and ${VISIBLE})`;

/** Newest first (by last change: a kudos batch that grew comes back up). */
export async function listNotifications(db: Queryable, memberId: number, query: { unread: boolean; limit: number }): Promise<{ items: Notification[]; unreadCount: number }> {
  const rows = await db.query<NotificationRow>(
    `${NOTIFICATION_SELECT} where n.member_id = $1 and (not $2 or n.read_at is null) and ${VISIBLE} order by n.updated_at desc, n.id desc limit $3`,
    [memberId, query.unread, query.limit],
  );
  return { items: rows.map(toNotification), unreadCount: await countUnread(db, memberId) };
}

/** Marks a member's own notification read (the first read time is kept); undefined when it is not theirs. */
export async function markNotificationRead(db: Queryable, memberId: number, notificationId: number): Promise<Notification | undefined> {
  const [updated] = await db.query<{ id: number }>(
    'update notifications set read_at = coalesce(read_at, now()) where id = $1 and member_id = $2 returning id',
    [notificationId, memberId],
  );
  if (!updated) return undefined;
  const [row] = await notificationsByIds(db, [notificationId]);
  return row;
}

export async function markAllNotificationsRead(db: Queryable, memberId: number): Promise<number> {
  const rows = await db.query<{ id: number }>('update notifications set read_at = now() where member_id = $1 and read_at is null returning id', [memberId]);
  return rows.length;
}
