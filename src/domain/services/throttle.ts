import { ApiError, postWaitSeconds, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { findAuthor } from '../repo/members.ts';
import { lastPostAt } from '../repo/posting.ts';

/** Refuses a post that comes too soon after the member's previous one (429 with Retry-After). */
export async function enforcePostInterval({ db, community, postIntervals }: ServiceContext<'postIntervals'>, actor: Extract<Actor, { memberId: number }>): Promise<void> {
  if (postIntervals.memberSeconds <= 0 && postIntervals.newMemberSeconds <= 0) return;
  const last = await lastPostAt(db, actor.memberId);
  if (!last) return;
  const author = await findAuthor(db, actor.memberId, community.ladder);
  const wait = postWaitSeconds({ role: actor.role, rankLevel: author?.rank.level ?? 1 }, last, new Date(), postIntervals);
  if (wait > 0) {
    throw new ApiError('rate_limited', `You are posting too fast: wait ${wait} s before your next post.`, { retryAfterSeconds: wait });
  }
}
