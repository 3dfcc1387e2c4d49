/**
 * Who may do what: the one place where roles meet actions. The server refuses with these,
 * the elements hide what a person may not do with the same predicates.
 */
import type { Actor, ThreadStatus } from './domain.ts';

export interface ThreadState {
  status: ThreadStatus;
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
  if (!isSignedIn(actor)) return false;
  if (thread.status === 'archived') return false;
  if (thread.status === 'closed') return actor.role === 'advisor' || actor.role === 'moderator';
  return true;
}
