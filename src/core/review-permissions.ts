/**
 * Who may use colleague review, quality review and back-office hand-offs. Drafts are the
 * advisors' backstage (study §44, §52): only their author and the colleagues they are shared
 * with ever see them — not members, not moderators, not other advisors.
 */
import { isStaff, type Actor } from './domain.ts';

export interface DraftFacts {
  authorId: number;
  /** Colleagues the draft is shared with. */
  sharedWith: readonly number[];
  posted: boolean;
}

/** Writing drafts and sharing them: advisors sign public replies, so advisors only. */
export function canWriteDrafts(actor: Actor): boolean {
  return actor.role === 'advisor';
}

export function canSeeDraft(actor: Actor, draft: DraftFacts): boolean {
  if (actor.role !== 'advisor') return false;
  return actor.memberId === draft.authorId || draft.sharedWith.includes(actor.memberId);
}

/** Editing, sharing and posting: the author, until it is posted. */
export function canEditDraft(actor: Actor, draft: DraftFacts): boolean {
  return actor.role === 'advisor' && actor.memberId === draft.authorId && !draft.posted;
}

/** Commenting and approving: a colleague it is shared with, never its author. */
export function canReviewDraft(actor: Actor, draft: DraftFacts): boolean {
  if (actor.role !== 'advisor' || actor.memberId === draft.authorId) return false;
  return draft.sharedWith.includes(actor.memberId);
}

/** A draft is shared with other advisors only: they are the colleagues who sign public replies. */
export function canShareDraftWith(authorId: number, colleague: { id: number; role: Actor['role'] }): boolean {
  return colleague.role === 'advisor' && colleague.id !== authorId;
}

/** The monthly quality review is the managers' (moderator role). */
export function canReviewQuality(actor: Actor): boolean {
  return actor.role === 'moderator';
}

/** Handing a customer's case to the back office opens their account: advisors only. */
export function canHandOff(actor: Actor): boolean {
  return actor.role === 'advisor';
}

/** Back-office case references are staff-only facts, never shown to customers. */
export function canSeeHandoffs(actor: Actor): boolean {
  return isStaff(actor.role);
}
