/** Who may use the advisor workspace: weekly plans, staff notes, expert nudges, notifications. */
import { isStaff, type Actor } from './domain.ts';
import type { HoldbackState } from './holdback.ts';

/** Only advisors work to a weekly plan (study §11); moderators are volunteers or managers. */
export function canKeepWeeklyPlan(actor: Actor): boolean {
  return actor.role === 'advisor';
}

/** Advisors and moderators see who is on which category (the team view). */
export function canSeeTeamPlans(actor: Actor): boolean {
  return isStaff(actor.role);
}

/** Staff notes are staff only: customers never see them, not even the asker. */
export function canSeeStaffNotes(actor: Actor): boolean {
  return isStaff(actor.role);
}

export function canWriteStaffNotes(actor: Actor): boolean {
  return isStaff(actor.role);
}

/** Nudging experts is the brand asking members for help: advisors only (study §26). */
export function canNudgeExperts(actor: Actor): boolean {
  return actor.role === 'advisor';
}

/** Anyone signed in reads their own notifications. */
export function canReadNotifications(actor: Actor): boolean {
  return actor.role !== 'guest';
}

export interface NudgeableThread {
  holdback: HoldbackState;
  replyCount: number;
  needsAccount: boolean;
}

/**
 * Why a thread cannot take expert nudges, or null when it can: members are asked while the
 * question is still the community's (community time) or nobody has answered yet. A question
 * that needs the customer's account is the advisors' alone (study §27), and a thread that is
 * solved, confirmed or closed needs nobody.
 */
export function expertNudgeRefusal(thread: NudgeableThread): string | null {
  if (thread.holdback === 'done') return 'The thread is solved, confirmed or closed: it needs no more answers.';
  if (thread.needsAccount) return "The question needs the customer's account: only an advisor can answer it.";
  if (thread.holdback === 'community-time' || thread.replyCount === 0) return null;
  return 'Community time is over and the thread already has answers: confirm or answer it instead.';
}

export function canNudgeOnThread(thread: NudgeableThread): boolean {
  return expertNudgeRefusal(thread) === null;
}
