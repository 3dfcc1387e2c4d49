/**
 * A reply in two round trips and no transaction held open across them (issue 17): one read that
 * gathers what the rules need (the thread, the replier, the thread's audience, the mentioned
 * members, the new post's id), then one statement that writes everything, so the thread's row is
 * locked for that statement only. The statement writes only if the thread is still as it was
 * read (status, merge, category): otherwise it writes nothing and the caller reads and decides
 * again. The author's and category's counters go through deltas (./counters.ts).
 */
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { COUNTER_DELTA_INSERT, PENDING_POSTS } from './counters.ts';
import { EVENTS_CHANNEL } from './events.ts';
import { authorJson, type AuthorRow } from './members.ts';
import { autoFollowSql, READ_POSITION_FORWARD, threadAudienceSql, unreadCountSql, type AudienceRow } from './notify.ts';
import type { ReplyTarget } from './posting.ts';

export interface ReplyPlan {
  thread: ReplyTarget & { title: string };
  /** The replier as their next post will show them: counts include deltas not yet folded. */
  author: AuthorRow;
  audience: AudienceRow[];
  mentioned: number[];
  /** Taken from the posts' sequence now, so the live event can be written in the same statement as the post. */
  postId: number;
}

/** What a reply needs to decide and to write, in one read; undefined when the thread is not in this community. */
export async function readReplyPlan(
  db: Queryable, community: CommunityContext, reply: { threadId: number; authorId: number; mentionedNames: readonly string[] },
): Promise<ReplyPlan | undefined> {
  const [row] = await db.query<Omit<ReplyPlan, 'thread'> & ReplyTarget & { title: string }>(
    `select t.id, t.category_id, t.author_id, t.status, t.merged_into_id, t.title,
       ${authorJson('m')}::jsonb || jsonb_build_object('postCount', m.post_count + ${PENDING_POSTS('m.id')}) as author,
       coalesce((select json_agg(a) from (${threadAudienceSql('t.id', 't.category_id')}) a), '[]') as audience,
       array(select x.id from members x where x.community_id = $2 and lower(x.pseudonym) = any($4::text[])) as mentioned,
       nextval(pg_get_serial_sequence('posts', 'id'))::int as "postId"
     from threads t join categories c on c.id = t.category_id join members m on m.id = $3
     where t.id = $1 and c.community_id = $2`,
    [reply.threadId, community.id, reply.authorId, reply.mentionedNames],
  );
  if (!row) return undefined;
  const { author, audience, mentioned, postId, ...thread } = row;
  return { thread, author, audience, mentioned, postId };
}

export interface ReplyWrite {
  plan: ReplyPlan;
  bodyMd: string;
  bodyHtml: string;
  at: Date;
  recipients: ReadonlyArray<{ memberId: number; kind: string }>;
  /** The `post-created` live event, complete (its post was built from the plan). */
  postEvent: unknown;
  /** Each notification as the bell shows it, less what the insert gives (id, memberId, kind). */
  notificationTemplate: Record<string, unknown>;
}

/**
 * The reply's one statement: the thread's counters and status, the post, the counter delta, the
 * notifications, the replier's follow and read position, the live events and their NOTIFY.
 * Returns false when the thread changed since the plan was read (nothing written).
 */
export async function writeReply(db: Queryable, communityId: number, write: ReplyWrite): Promise<boolean> {
  const { plan, at } = write;
  const [row] = await db.query<{ written: number }>(
    `with t as (
       update threads set reply_count = reply_count + 1, last_post_at = $9,
         status = case when status = 'open' and author_id <> $5 then 'answered' else status end
       where id = $1 and status = $2 and merged_into_id is not distinct from $3::int and category_id = $4
       returning id, category_id
     ), p as (
       insert into posts (id, thread_id, author_id, kind, body_md, body_html, created_at) overriding system value
       select $6, t.id, $5, 'reply', $7, $8, $9 from t returning id, thread_id
     ), counted as (
       ${COUNTER_DELTA_INSERT} select $5, t.category_id, 1, $9 from t join p on p.thread_id = t.id
     ), notes as (
       insert into notifications (member_id, kind, thread_id, post_id, actor_id, created_at, updated_at)
       select r.member_id, r.kind, p.thread_id, p.id, $5, $9, $9 from p, unnest($12::int[], $13::text[]) as r(member_id, kind)
       returning id, member_id, kind
     ), followed as (
       ${autoFollowSql('$5', 't.id', "'replied'::text", 't')}
     ), was_read as (
       insert into thread_reads (member_id, thread_id, last_read_post_id) select $5, p.thread_id, p.id from p ${READ_POSITION_FORWARD}
     ), ev as (
       insert into events (community_id, type, thread_id, category_id, payload)
       select $11, x.type, x.thread_id, x.category_id, x.payload from (
         select 0 as ord, 'post-created' as type, t.id as thread_id, t.category_id, $10::jsonb as payload from t
         union all
         -- The new notification is not in this statement's snapshot: the unread count adds it.
         select notes.id, 'notification', null, null, jsonb_build_object('type', 'notification', 'threadId', null, 'categoryId', null,
           'memberId', notes.member_id, 'unreadCount', ${unreadCountSql('notes.member_id')} + 1,
           'notification', $14::jsonb || jsonb_build_object('id', notes.id, 'memberId', notes.member_id, 'kind', notes.kind))
         from notes
       ) x order by x.ord
       returning id
     )
     select (select count(*)::int from t) as written, (select count(pg_notify('${EVENTS_CHANNEL}', e.id::text)) from (select id from ev order by id) e) as notified`,
    [
      plan.thread.id, plan.thread.status, plan.thread.merged_into_id, plan.thread.category_id, plan.author.id, plan.postId, write.bodyMd, write.bodyHtml, at,
      JSON.stringify(write.postEvent), communityId, write.recipients.map((r) => r.memberId), write.recipients.map((r) => r.kind), JSON.stringify(write.notificationTemplate),
    ],
  );
  return (row?.written ?? 0) > 0;
}
