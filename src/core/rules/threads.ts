/** The guardian's rules on threads (see ../guardian.ts): each exported function is one rule, whether a signed-in actor may. */
import { isAdvisor, isFrozen, isMerged, isStaffActor, type ThreadFacts, type ThreadState, type SignedIn } from './common.ts';

export const startThread = (_actor: SignedIn) => true;
/** Closed and archived threads take no new replies; staff may still write on closed ones. */
export const reply = (actor: SignedIn, thread: ThreadState) => {
  if (isMerged(thread) || thread.status === 'archived') return false;
  return thread.status !== 'closed' || isStaffActor(actor);
};
/** The asker decides what solved their problem; advisors and moderators may do it for them (§32). */
export const acceptSolution = (actor: SignedIn, thread: ThreadFacts) => {
  if (isFrozen(thread.status)) return false;
  if (isStaffActor(actor)) return true;
  return actor.memberId === thread.authorId && thread.status !== 'closed';
};
/** "Same problem here" is for other signed-in members: the asker already has the problem. */
export const markSameProblem = (actor: SignedIn, thread: ThreadFacts) => actor.memberId !== thread.authorId && !isFrozen(thread.status);
/** Only advisors confirm: the confirmation is the brand's word on a community answer (§32–33). */
export const confirm = (actor: SignedIn, thread?: ThreadFacts) => isAdvisor(actor) && (thread === undefined || !isFrozen(thread.status));

