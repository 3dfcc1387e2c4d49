/** When a thread may take expert nudges (study §26–27): a rule about the thread, not about who asks. */
import type { HoldbackState } from './holdback.ts';

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
