/**
 * How often a member may post (in the spirit of Discourse's defaults): newcomers wait longer
 * between posts than established members, staff never wait.
 */
import { isStaff, type Role } from './domain.ts';

export interface PostIntervals {
  /** Seconds between two posts of an established member. */
  memberSeconds: number;
  /** Seconds between two posts of a newcomer (rank level 1). */
  newMemberSeconds: number;
}

export const DEFAULT_POST_INTERVALS: PostIntervals = { memberSeconds: 5, newMemberSeconds: 30 };

/** Seconds left before this member may post again; 0 when they may post now. */
export function postWaitSeconds(
  poster: { role: Role; rankLevel: number },
  lastPostAt: Date | null,
  now: Date,
  intervals: PostIntervals = DEFAULT_POST_INTERVALS,
): number {
  if (isStaff(poster.role) || !lastPostAt) return 0;
  const interval = poster.rankLevel <= 1 ? intervals.newMemberSeconds : intervals.memberSeconds;
  const elapsed = (now.getTime() - lastPostAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(interval - elapsed));
}
