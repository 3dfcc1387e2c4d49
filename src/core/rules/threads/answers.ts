/**
 * The guardian's rules on a thread's answers (see ../threads.ts), asked from the post actions'
 * chunk only: the solution and "same problem here". Each exported function is one rule, whether a signed-in actor may.
 */
import { isFrozen, isStaffActor, type ThreadFacts, type SignedIn } from '../common.ts';

/** The asker decides what solved their problem; advisors and moderators may do it for them (§32). */
export const acceptSolution = (actor: SignedIn, thread: ThreadFacts) => {
  if (isFrozen(thread.status)) return false;
  if (isStaffActor(actor)) return true;
  return actor.memberId === thread.authorId && thread.status !== 'closed';
};
/** "Same problem here" is for other signed-in members: the asker already has the problem. */
export const markSameProblem = (actor: SignedIn, thread: ThreadFacts) => actor.memberId !== thread.authorId && !isFrozen(thread.status);
