/** The guardian's rules on posts (see ../guardian.ts): each exported function is one rule, whether a signed-in actor may. */
import { isFrozen, isStaffActor, type PostFacts, type ThreadFacts, type SignedIn } from './common.ts';

/** Kudos thank someone else: never on one's own post, never on a hidden or deleted one. */
export const giveKudos = (actor: SignedIn, post: PostFacts) => actor.memberId !== post.authorId && !post.hidden && !post.deleted;
/**
 * Editing a post: its author while the thread takes replies from them (not closed, not
 * archived) and the post is not hidden; advisors and moderators any post (their edits of
 * someone else's post are audited and need a reason, see `needsEditReason`).
 */
export const editPost = (actor: SignedIn, post: PostFacts, thread: ThreadFacts) => {
  if (isStaffActor(actor)) return true;
  if (actor.memberId !== post.authorId) return false;
  return !post.hidden && thread.status !== 'closed' && !isFrozen(thread.status);
};
/**
 * Deleting a post: the edit rule — its author while the thread takes edits from them (not
 * hidden, not closed, not archived); staff any post (someone else's with a reason, audited,
 * see `needsEditReason`). Which posts can be deleted at all is `deletionProblem` (core/interactions.ts).
 */
export const deletePost = (actor: SignedIn, post: PostFacts, thread: ThreadFacts) => editPost(actor, post, thread);
/** Any signed-in member flags a post, never their own. */
export const flag = (actor: SignedIn, post: { authorId: number }) => actor.memberId !== post.authorId;

/** Earlier texts of edited posts are for staff, who judge edits; nobody else learns they exist. */
export const seeRevisions = (actor: SignedIn) => isStaffActor(actor);
