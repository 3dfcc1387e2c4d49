/**
 * Moderation rules without I/O: thread lifecycle transitions, merge rules, flag weights and the
 * public traces of private conversations (study §17–18: private help only starts from a public
 * thread, between its asker and advisors; who may moderate is the guardian's).
 */
import { isStaff, type Role, type ThreadStatus } from './domain.ts';
import { mergedThreadProblem } from './merged.ts';

export const LIFECYCLE_ACTIONS = ['close', 'reopen', 'archive'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const FLAG_REASONS = ['spam', 'abuse', 'off-topic', 'personal-data', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Explicit powers a moderator grants a trusted member; nothing is implied by rank alone. */
export const MODERATION_POWERS = ['review-flags'] as const;
export type ModerationPower = (typeof MODERATION_POWERS)[number];

export const FLAG_RULES = {
  /** Members at this rank level or above weigh more: they know the forum's norms. */
  trustedLevel: 8,
  memberWeight: 1,
  trustedWeight: 3,
  staffWeight: 5,
  /** Total unresolved weight at which a post is hidden until someone decides. */
  hideThreshold: 5,
} as const;

/** What a lifecycle decision needs to know about a thread. */
export interface LifecycleThread {
  id: number;
  status: ThreadStatus;
  mergedIntoId: number | null;
  hasAcceptedAnswer: boolean;
  replyCount: number;
}

export type Transition = { ok: true; status: ThreadStatus } | { ok: false; reason: string };

/** The status a thread has when reopened: what its posts say, not what it was before closing. */
function reopenedStatus(thread: LifecycleThread): ThreadStatus {
  if (thread.hasAcceptedAnswer) return 'solved';
  return thread.replyCount > 0 ? 'answered' : 'open';
}

/** The status after `action`, or why the action makes no sense for this thread. */
export function lifecycleTransition(thread: LifecycleThread, action: LifecycleAction): Transition {
  const merged = mergedThreadProblem(thread);
  if (merged) return { ok: false, reason: merged };
  switch (action) {
    case 'close':
      if (thread.status === 'closed' || thread.status === 'archived') return { ok: false, reason: `This thread is already ${thread.status}.` };
      return { ok: true, status: 'closed' };
    case 'reopen':
      if (thread.status !== 'closed' && thread.status !== 'archived') return { ok: false, reason: 'Only a closed or archived thread can be reopened.' };
      return { ok: true, status: reopenedStatus(thread) };
    case 'archive':
      if (thread.status === 'archived') return { ok: false, reason: 'This thread is already archived.' };
      return { ok: true, status: 'archived' };
  }
}

/** Why `source` cannot be merged into `target`, or null when it can. */
export function mergeProblem(source: LifecycleThread, target: LifecycleThread): string | null {
  if (source.id === target.id) return 'A thread cannot be merged into itself.';
  if (source.mergedIntoId !== null) return `Thread ${source.id} was already merged into thread ${source.mergedIntoId}.`;
  if (target.mergedIntoId !== null) return `Thread ${target.id} was merged into thread ${target.mergedIntoId}: merge into that one.`;
  if (target.status === 'archived') return `Thread ${target.id} is archived.`;
  return null;
}

/** Why a thread cannot move to `categoryId`, or null when it can. */
export function moveProblem(thread: LifecycleThread & { categoryId: number }, categoryId: number): string | null {
  const merged = mergedThreadProblem(thread);
  if (merged) return merged;
  if (thread.categoryId === categoryId) return 'The thread is already in this category.';
  return null;
}

/** How much one flag counts, from the flagger's role and rank level. */
export function flagWeight(role: Role, level: number): number {
  if (isStaff(role)) return FLAG_RULES.staffWeight;
  return level >= FLAG_RULES.trustedLevel ? FLAG_RULES.trustedWeight : FLAG_RULES.memberWeight;
}

export function shouldAutoHide(totalWeight: number): boolean {
  return totalWeight >= FLAG_RULES.hideThreshold;
}

/** The public trace texts, in the thread's locale (study §17: "un conseiller prend en charge…"). */
export const TRACE_TEXTS = {
  open: {
    fr: 'Un conseiller prend en charge votre demande par message privé.',
    en: 'An advisor is taking over your request by private message.',
  },
  requested: {
    fr: 'Le demandeur a demandé un échange privé avec un conseiller.',
    en: 'The asker asked for a private conversation with an advisor.',
  },
  outcome: {
    fr: 'Échange privé terminé. Résultat : ',
    en: 'Private conversation closed. Outcome: ',
  },
} as const;
