/**
 * Who may do what: the one place where roles meet actions. The server refuses with these,
 * the elements hide what a person may not do with the same predicates.
 */
import type { Actor, ThreadStatus } from './domain.ts';

export interface ThreadState {
  status: ThreadStatus;
  /** Set once the thread was merged into another (absent or null otherwise). */
  mergedIntoId?: number | null;
}

/**
 * A merged thread only points at the thread it was merged into: nothing is written to it any
 * more (replies, confirmations, traces, solutions, same-problem marks), or its counters and its
 * category's would count posts no listed thread holds. The reason to give is `mergedThreadProblem`.
 */
export function isMerged(thread: Pick<ThreadState, 'mergedIntoId'>): boolean {
  return thread.mergedIntoId !== undefined && thread.mergedIntoId !== null;
}

export function isSignedIn(actor: Actor): actor is Extract<Actor, { memberId: number }> {
  return actor.role !== 'guest';
}

/** Close, reopen, archive, move, merge, hide, restore: advisors and moderators. */
export function canModerate(actor: Actor): boolean {
  return actor.role === 'advisor' || actor.role === 'moderator';
}

export function canStartThread(actor: Actor): boolean {
  return isSignedIn(actor);
}

/** Closed and archived threads take no new replies; staff may still write on closed ones. */
export function canReply(actor: Actor, thread: ThreadState): boolean {
  if (!isSignedIn(actor) || isMerged(thread)) return false;
  if (thread.status === 'archived') return false;
  if (thread.status === 'closed') return actor.role === 'advisor' || actor.role === 'moderator';
  return true;
}
