/** The guardian's rules on private (see ../guardian.ts): each exported function is one rule, whether a signed-in actor may. */
import { isAdvisor, type PrivateFacts, type SignedIn } from './common.ts';

/** An advisor opens a private conversation, or the asker asks for one on their own thread. */
export const openPrivate = (actor: SignedIn, thread: { authorId: number }) => isAdvisor(actor) || actor.memberId === thread.authorId;
/** Participants are the thread's asker and the advisors; anyone else must not learn it exists. */
export const seePrivate = (actor: SignedIn, conversation: { askerId: number }) => isAdvisor(actor) || actor.memberId === conversation.askerId;
/** Advisors take part in every conversation; anyone else only in those about their own threads. */
export const seeEveryPrivate = isAdvisor;
export const writePrivate = (actor: SignedIn, conversation: PrivateFacts) => conversation.status === 'open' && (isAdvisor(actor) || actor.memberId === conversation.askerId);
/** Closing asks for the outcome that goes public: the advisor's call. */
export const closePrivate = isAdvisor;

