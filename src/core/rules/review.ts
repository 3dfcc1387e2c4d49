/**
 * The guardian's rules on review (see ../guardian.ts): colleague review, quality review and
 * back-office hand-offs. Drafts are the advisors' backstage (study §44, §52): only their author
 * and the colleagues they are shared with ever see them — not members, not moderators, not other
 * advisors. Each exported function is one rule, whether a signed-in actor may.
 */
import type { Role } from '../domain.ts';
import { isAdvisor, isModerator, isStaffActor, type DraftFacts, type SignedIn } from './common.ts';

/** Writing drafts and sharing them: advisors sign public replies, so advisors only. */
export const writeDrafts = isAdvisor;
export const seeDraft = (actor: SignedIn, draft: DraftFacts) => isAdvisor(actor) && (actor.memberId === draft.authorId || draft.sharedWith.includes(actor.memberId));
/** Editing, sharing and posting: the author, until it is posted. */
export const editDraft = (actor: SignedIn, draft: DraftFacts) => isAdvisor(actor) && actor.memberId === draft.authorId && !draft.posted;
/** Commenting and approving: a colleague it is shared with, never its author. */
export const reviewDraft = (actor: SignedIn, draft: DraftFacts) => isAdvisor(actor) && actor.memberId !== draft.authorId && draft.sharedWith.includes(actor.memberId);
/** The author shares a draft with other advisors only: they are the colleagues who sign public replies. */
export const shareDraftWith = (actor: SignedIn, colleague: { id: number; role: Role | 'guest' }) => colleague.role === 'advisor' && colleague.id !== actor.memberId;
/** The monthly quality review is the managers' (moderator role). */
export const reviewQuality = isModerator;
/** Handing a customer's case to the back office opens their account: advisors only. */
export const handOff = isAdvisor;
/** Back-office case references are staff-only facts, never shown to customers. */
export const seeHandoffs = isStaffActor;

