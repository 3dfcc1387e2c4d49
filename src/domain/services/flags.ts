/**
 * Flags, the moderation queue, hide/restore and trusted-member grants. Flag weight comes from
 * the flagger's rank (core `flagWeight`); enough weight hides a post pending review.
 */
import type { FlagResult, MemberGrants, ModerationQueue, ModerationReason, NewFlag, PostModeration, QueueItem, RequiredReason } from '../../contract/areas/moderation.ts';
import {
  ApiError,
  flagWeight,
  guardian,
  isStaff,
  shouldAutoHide,
  type Actor,
  type FlagReason,
  type ModerationPower,
} from '../../core/index.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../repo/audit.ts';
import { publishEvent } from '../repo/events.ts';
import type { CommunityContext } from '../repo/community.ts';
import { authorJson, findAuthor, toAuthor, type AuthorRow } from '../repo/members.ts';
import { findPost } from '../repo/threads.ts';

interface LockedPost {
  id: number;
  thread_id: number;
  category_id: number;
  author_id: number;
  hidden: boolean;
  hidden_reason: string | null;
}

/** Streams drop a post moderation hid (elements showing it remove it); replays give the tombstone too. */
async function publishRemoved(tx: Queryable, community: CommunityContext, post: LockedPost): Promise<void> {
  await publishEvent(tx, community.id, { type: 'post-removed', threadId: post.thread_id, categoryId: post.category_id, postId: post.id });
}

async function lockPost(tx: Queryable, community: CommunityContext, postId: number): Promise<LockedPost> {
  const [post] = await tx.query<LockedPost>(
    `select p.id, p.thread_id, t.category_id, p.author_id, p.hidden, p.hidden_reason from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2 for update of p`,
    [postId, community.id],
  );
  if (!post) throw notFound(`Post ${postId}`);
  return post;
}

const openWeight = async (tx: Queryable, postId: number) =>
  (await tx.query<{ n: number }>('select coalesce(sum(weight), 0)::int as n from post_flags where post_id = $1 and resolved_at is null', [postId]))[0]?.n ?? 0;

export async function powersOf(db: Queryable, memberId: number): Promise<ModerationPower[]> {
  const rows = await db.query<{ power: ModerationPower }>('select power from moderation_grants where member_id = $1 order by power', [memberId]);
  return rows.map((row) => row.power);
}

async function requireReviewer(db: Queryable, actor: Actor): Promise<Extract<Actor, { memberId: number }>> {
  const can = guardian(actor);
  const member = can.ensureSignedIn();
  // Only a plain member's powers matter: staff review flags anyway.
  const powers = isStaff(member.role) ? [] : await powersOf(db, member.memberId);
  return can.moderation.ensureReviewFlags(powers);
}

export async function flagPost(db: Database, community: CommunityContext, actor: Actor, postId: number, input: NewFlag): Promise<FlagResult> {
  const can = guardian(actor);
  const member = can.ensureSignedIn();
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    can.posts.ensureFlag({ authorId: post.author_id });
    const flagger = await findAuthor(tx, member.memberId, community.ladder);
    if (!flagger) throw notFound(`Member ${member.memberId}`);
    const weight = flagWeight(member.role, flagger.rank.level);
    const [flag] = await tx.query<{ id: number; created_at: Date }>(
      `insert into post_flags (post_id, member_id, reason, note, weight) values ($1, $2, $3, $4, $5)
       on conflict (post_id, member_id) do nothing returning id, created_at`,
      [postId, member.memberId, input.reason, input.note ?? null, weight],
    );
    if (!flag) throw new ApiError('conflict', 'You already flagged this post.');
    const totalWeight = await openWeight(tx, postId);
    let hidden = post.hidden;
    if (!hidden && shouldAutoHide(totalWeight)) {
      hidden = true;
      await tx.query(`update posts set hidden = true, hidden_reason = 'flags' where id = $1`, [postId]);
      await writeAudit(tx, {
        actorId: member.memberId,
        action: 'post.auto-hide',
        targetType: 'post',
        targetId: postId,
        reason: 'flags',
        before: { hidden: false, hiddenReason: post.hidden_reason },
        after: { hidden: true, hiddenReason: 'flags', totalWeight },
      });
      await publishRemoved(tx, community, post);
    }
    return {
      flag: { id: flag.id, postId, reason: input.reason, note: input.note ?? null, weight, createdAt: new Date(flag.created_at).toISOString() },
      totalWeight,
      hidden,
    };
  });
}

interface QueueRow {
  post_id: number;
  title: string;
  hidden: boolean;
  hidden_reason: string | null;
  total: number;
}

interface FlagRow {
  id: number;
  post_id: number;
  reason: FlagReason;
  note: string | null;
  weight: number;
  created_at: Date;
  flagger: AuthorRow;
}

const QUEUE_SIZE = 100;

export async function moderationQueue(db: Database, community: CommunityContext, actor: Actor): Promise<ModerationQueue> {
  await requireReviewer(db, actor);
  const rows = await db.query<QueueRow>(
    `select p.id as post_id, t.title, p.hidden, p.hidden_reason, sum(f.weight)::int as total
     from post_flags f join posts p on p.id = f.post_id join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where c.community_id = $1 and f.resolved_at is null
     group by p.id, t.title, p.hidden, p.hidden_reason order by total desc, min(f.created_at), p.id limit $2`,
    [community.id, QUEUE_SIZE],
  );
  const flags = await db.query<FlagRow>(
    `select f.id, f.post_id, f.reason, f.note, f.weight, f.created_at, ${authorJson('m')} as flagger
     from post_flags f join members m on m.id = f.member_id
     where f.post_id = any($1::int[]) and f.resolved_at is null order by f.created_at, f.id`,
    [rows.map((row) => row.post_id)],
  );
  const now = new Date();
  const items: QueueItem[] = [];
  for (const row of rows) {
    const post = await findPost(db, community, row.post_id);
    if (!post) continue;
    items.push({
      post,
      threadTitle: row.title,
      hidden: row.hidden,
      hiddenReason: row.hidden_reason,
      totalWeight: row.total,
      flags: flags
        .filter((flag) => flag.post_id === row.post_id)
        .map((flag) => ({
          id: flag.id,
          postId: flag.post_id,
          reason: flag.reason,
          note: flag.note,
          weight: flag.weight,
          createdAt: new Date(flag.created_at).toISOString(),
          flagger: toAuthor(flag.flagger, community.ladder, now),
        })),
    });
  }
  return { items };
}

async function resolveFlags(tx: Queryable, postId: number, memberId: number, resolution: 'hidden' | 'restored'): Promise<number> {
  const rows = await tx.query(
    'update post_flags set resolved_at = now(), resolved_by = $2, resolution = $3 where post_id = $1 and resolved_at is null returning id',
    [postId, memberId, resolution],
  );
  return rows.length;
}

export async function hidePost(db: Database, community: CommunityContext, actor: Actor, postId: number, input: RequiredReason): Promise<PostModeration> {
  const reviewer = await requireReviewer(db, actor);
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    if (post.hidden && post.hidden_reason === 'moderator') throw new ApiError('conflict', 'This post is already hidden.');
    await tx.query(`update posts set hidden = true, hidden_reason = 'moderator' where id = $1`, [postId]);
    const resolvedFlags = await resolveFlags(tx, postId, reviewer.memberId, 'hidden');
    await writeAudit(tx, {
      actorId: reviewer.memberId,
      action: 'post.hide',
      targetType: 'post',
      targetId: postId,
      reason: input.reason,
      before: { hidden: post.hidden, hiddenReason: post.hidden_reason },
      after: { hidden: true, hiddenReason: 'moderator', resolvedFlags },
    });
    if (!post.hidden) await publishRemoved(tx, community, post);
    return { postId, hidden: true, hiddenReason: 'moderator', resolvedFlags };
  });
}

/** Shows a hidden post again, or dismisses the open flags of a visible one. */
export async function restorePost(db: Database, community: CommunityContext, actor: Actor, postId: number, input: ModerationReason): Promise<PostModeration> {
  const reviewer = await requireReviewer(db, actor);
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    const open = await openWeight(tx, postId);
    if (!post.hidden && open === 0) throw new ApiError('conflict', 'This post is visible and has no open flags.');
    await tx.query('update posts set hidden = false, hidden_reason = null where id = $1', [postId]);
    const resolvedFlags = await resolveFlags(tx, postId, reviewer.memberId, 'restored');
    await writeAudit(tx, {
      actorId: reviewer.memberId,
      action: 'post.restore',
      targetType: 'post',
      targetId: postId,
      reason: input.reason ?? null,
      before: { hidden: post.hidden, hiddenReason: post.hidden_reason },
      after: { hidden: false, hiddenReason: null, resolvedFlags },
    });
    return { postId, hidden: false, hiddenReason: null, resolvedFlags };
  });
}

async function requireGranter(actor: Actor): Promise<Extract<Actor, { memberId: number }>> {
  return guardian(actor).moderation.ensureGrantPowers();
}

async function requireCommunityMember(tx: Queryable, community: CommunityContext, memberId: number): Promise<void> {
  const [row] = await tx.query('select id from members where id = $1 and community_id = $2', [memberId, community.id]);
  if (!row) throw notFound(`Member ${memberId}`);
}

export async function grantPower(db: Database, community: CommunityContext, actor: Actor, memberId: number, power: ModerationPower): Promise<MemberGrants> {
  const moderator = await requireGranter(actor);
  return db.transaction(async (tx) => {
    await requireCommunityMember(tx, community, memberId);
    const before = await powersOf(tx, memberId);
    const inserted = await tx.query('insert into moderation_grants (member_id, power, granted_by) values ($1, $2, $3) on conflict do nothing returning power', [
      memberId, power, moderator.memberId,
    ]);
    if (inserted.length === 0) throw new ApiError('conflict', `Member ${memberId} already holds ${power}.`);
    const powers = await powersOf(tx, memberId);
    await writeAudit(tx, { actorId: moderator.memberId, action: 'grant.add', targetType: 'member', targetId: memberId, reason: null, before: { powers: before }, after: { powers } });
    return { memberId, powers };
  });
}

export async function revokePower(db: Database, community: CommunityContext, actor: Actor, memberId: number, power: ModerationPower): Promise<MemberGrants> {
  const moderator = await requireGranter(actor);
  return db.transaction(async (tx) => {
    await requireCommunityMember(tx, community, memberId);
    const before = await powersOf(tx, memberId);
    const deleted = await tx.query('delete from moderation_grants where member_id = $1 and power = $2 returning power', [memberId, power]);
    if (deleted.length === 0) throw notFound(`Grant ${power} of member ${memberId}`);
    const powers = await powersOf(tx, memberId);
    await writeAudit(tx, { actorId: moderator.memberId, action: 'grant.remove', targetType: 'member', targetId: memberId, reason: null, before: { powers: before }, after: { powers } });
    return { memberId, powers };
  });
}
