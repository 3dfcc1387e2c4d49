/**
 * The guardian's rules on threads that the read path asks (see ../threads.ts): asking, replying,
 * and whether the reply form is an advisor's. Each exported function is one rule, whether a signed-in actor may.
 */
import { isAdvisor, isFrozen, isMerged, isStaffActor, type ThreadFacts, type ThreadState, type SignedIn } from '../common.ts';

export const startThread = (_actor: SignedIn) => true;
/** Closed and archived threads take no new replies; staff may still write on closed ones. */
export const reply = (actor: SignedIn, thread: ThreadState) => {
  if (isMerged(thread) || thread.status === 'archived') return false;
  return thread.status !== 'closed' || isStaffActor(actor);
};
/** Only advisors confirm: the confirmation is the brand's word on a community answer (§32–33). */
export const confirm = (actor: SignedIn, thread?: ThreadFacts) => isAdvisor(actor) && (thread === undefined || !isFrozen(thread.status));
