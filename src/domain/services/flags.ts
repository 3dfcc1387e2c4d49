/**
 * Flags, the moderation queue, hide/restore and trusted-member grants. Flag weight comes from
 * the flagger's rank (core `flagWeight`); enough weight hides a post pending review.
 */
import type { FlagResult, MemberGrants, ModerationQueue, ModerationReason, NewFlag, PostModeration, QueueItem, RequiredReason } from '../../contract/areas/moderation.ts';
import { ApiError, flagWeight, guardian, isStaff, shouldAutoHide, type Actor, type ModerationPower } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../repo/audit.ts';
import { publishEvent } from '../repo/events.ts';
import type { CommunityContext } from '../repo/community.ts';
import {
  deleteGrant, hidePostRow, insertFlag, insertGrant, isCommunityMember, lockFlaggablePost, openFlagWeight, powersOf, readFlagQueue, resolveFlags, showPostRow,
  type FlaggablePost,
} from '../repo/flags.ts';
import { findAuthor, toAuthor } from '../repo/members.ts';
import { findPost } from '../repo/threads.ts';

/** Streams drop a post moderation hid (elements showing it remove it); replays give the tombstone too. */
async function publishRemoved(tx: Queryable, community: CommunityContext, post: FlaggablePost): Promise<void> {
  await publishEvent(tx, community.id, { type: 'post-removed', threadId: post.thread_id, categoryId: post.category_id, postId: post.id });
}

/**
 * Streams get a restored post back as `post-updated`, the event a tombstone turns back into
 * (core `liveView`): elements that showed it show it again. Only when it was hidden: dismissing
 * the flags of a visible post changes nothing a reader sees.
 */
async function publishRestored(tx: Queryable, community: CommunityContext, post: FlaggablePost): Promise<void> {
  const restored = await findPost(tx, community, post.id);
  if (restored) await publishEvent(tx, community.id, { type: 'post-updated', threadId: post.thread_id, categoryId: post.category_id, post: restored });
}

async function lockPost(tx: Queryable, community: CommunityContext, postId: number): Promise<FlaggablePost> {
  const post = await lockFlaggablePost(tx, community, postId);
  if (!post) throw notFound(`Post ${postId}`);
  return post;
}

async function requireReviewer(db: Queryable, actor: Actor): Promise<Extract<Actor, { memberId: number }>> {
  const can = guardian(actor);
  const member = can.ensureSignedIn();
  // Only a plain member's powers matter: staff review flags anyway.
  const powers = isStaff(member.role) ? [] : await powersOf(db, member.memberId);
  return can.moderation.ensureReviewFlags(powers);
}

type PostRequest = { actor: Actor; postId: number };
type GrantRequest = { actor: Actor; memberId: number; power: ModerationPower };

export async function flagPost({ db, community }: ServiceContext, { actor, postId, body: input }: PostRequest & { body: NewFlag }): Promise<FlagResult> {
  const can = guardian(actor);
  const member = can.ensureSignedIn();
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    can.posts.ensureFlag({ authorId: post.author_id });
    const flagger = await findAuthor(tx, member.memberId, community.ladder);
    if (!flagger) throw notFound(`Member ${member.memberId}`);
    const weight = flagWeight(member.role, flagger.rank.level);
    const flag = await insertFlag(tx, { postId, memberId: member.memberId, reason: input.reason, note: input.note ?? null, weight });
    if (!flag) throw new ApiError('conflict', 'You already flagged this post.');
    const totalWeight = await openFlagWeight(tx, postId);
    let hidden = post.hidden;
    if (!hidden && shouldAutoHide(totalWeight)) {
      hidden = true;
      await hidePostRow(tx, postId, 'flags');
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

const QUEUE_SIZE = 100;

export async function moderationQueue({ db, community }: ServiceContext, { actor }: { actor: Actor }): Promise<ModerationQueue> {
  await requireReviewer(db, actor);
  const { posts: rows, flags } = await readFlagQueue(db, community, QUEUE_SIZE);
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

export async function hidePost({ db, community }: ServiceContext, { actor, postId, body: input }: PostRequest & { body: RequiredReason }): Promise<PostModeration> {
  const reviewer = await requireReviewer(db, actor);
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    if (post.hidden && post.hidden_reason === 'moderator') throw new ApiError('conflict', 'This post is already hidden.');
    await hidePostRow(tx, postId, 'moderator');
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
export async function restorePost({ db, community }: ServiceContext, { actor, postId, body: input }: PostRequest & { body: ModerationReason }): Promise<PostModeration> {
  const reviewer = await requireReviewer(db, actor);
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    const open = await openFlagWeight(tx, postId);
    if (!post.hidden && open === 0) throw new ApiError('conflict', 'This post is visible and has no open flags.');
    await showPostRow(tx, postId);
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
    if (post.hidden) await publishRestored(tx, community, post);
    return { postId, hidden: false, hiddenReason: null, resolvedFlags };
  });
}

async function requireGranter(actor: Actor): Promise<Extract<Actor, { memberId: number }>> {
  return guardian(actor).moderation.ensureGrantPowers();
}

async function requireCommunityMember(tx: Queryable, community: CommunityContext, memberId: number): Promise<void> {
  if (!(await isCommunityMember(tx, community, memberId))) throw notFound(`Member ${memberId}`);
}

export async function grantPower({ db, community }: ServiceContext, { actor, memberId, power }: GrantRequest): Promise<MemberGrants> {
  const moderator = await requireGranter(actor);
  return db.transaction(async (tx) => {
    await requireCommunityMember(tx, community, memberId);
    const before = await powersOf(tx, memberId);
    if (!(await insertGrant(tx, { memberId, power, grantedBy: moderator.memberId }))) throw new ApiError('conflict', `Member ${memberId} already holds ${power}.`);
    const powers = await powersOf(tx, memberId);
    await writeAudit(tx, { actorId: moderator.memberId, action: 'grant.add', targetType: 'member', targetId: memberId, reason: null, before: { powers: before }, after: { powers } });
    return { memberId, powers };
  });
}

export async function revokePower({ db, community }: ServiceContext, { actor, memberId, power }: GrantRequest): Promise<MemberGrants> {
  const moderator = await requireGranter(actor);
  return db.transaction(async (tx) => {
    await requireCommunityMember(tx, community, memberId);
    const before = await powersOf(tx, memberId);
    if (!(await deleteGrant(tx, memberId, power))) throw notFound(`Grant ${power} of member ${memberId}`);
    const powers = await powersOf(tx, memberId);
    await writeAudit(tx, { actorId: moderator.memberId, action: 'grant.remove', targetType: 'member', targetId: memberId, reason: null, before: { powers: before }, after: { powers } });
    return { memberId, powers };
  });
}
