import { ApiError, postWaitSeconds, type Actor, type PostIntervals } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from '../repo/community.ts';
import { findAuthor } from '../repo/members.ts';

/** Refuses a post that comes too soon after the member's previous one (429 with Retry-After). */
export async function enforcePostInterval(db: Queryable, community: CommunityContext, actor: Extract<Actor, { memberId: number }>, intervals: PostIntervals): Promise<void> {
  if (intervals.memberSeconds <= 0 && intervals.newMemberSeconds <= 0) return;
  const [last] = await db.query<{ at: Date | null }>('select max(created_at) as at from posts where author_id = $1', [actor.memberId]);
  if (!last?.at) return;
  const author = await findAuthor(db, actor.memberId, community.ladder);
  const wait = postWaitSeconds({ role: actor.role, rankLevel: author?.rank.level ?? 1 }, new Date(last.at), new Date(), intervals);
  if (wait > 0) {
    throw new ApiError('rate_limited', `You are posting too fast: wait ${wait} s before your next post.`, { retryAfterSeconds: wait });
  }
}
