/**
 * Community-first holdback (study §27): members get the first hours of a question; advisors
 * step in once the category's holdback has passed without an accepted or confirmed answer, or
 * at once when the asker needs someone to look at their account or an advisor marks it urgent.
 */

export const HOLDBACK_STATES = ['community-time', 'advisor-due', 'advisor-now', 'done'] as const;
export type HoldbackState = (typeof HOLDBACK_STATES)[number];

export const DEFAULT_HOLDBACK_MINUTES = 180;
const MINUTE = 60_000;

export interface HoldbackInput {
  createdAt: Date;
  /** The category's holdback; null/undefined means the default (3 hours). */
  holdbackMinutes?: number | null;
  /** The asker ticked "needs access to my account": only an advisor can help. */
  needsAccount: boolean;
  /** An advisor marked the thread advisor-now. */
  advisorFlagged: boolean;
  hasAcceptedOrConfirmedAnswer: boolean;
  /** Closed, archived or merged threads wait for nobody. */
  closed?: boolean;
  now: Date;
}

export type Holdback =
  | { state: 'community-time'; dueAt: Date; msLeft: number }
  | { state: 'advisor-due' | 'advisor-now'; dueAt: Date; msOverdue: number }
  | { state: 'done'; dueAt: Date };

export function holdbackDueAt(createdAt: Date, holdbackMinutes?: number | null): Date {
  const minutes = holdbackMinutes ?? DEFAULT_HOLDBACK_MINUTES;
  return new Date(createdAt.getTime() + Math.max(0, minutes) * MINUTE);
}

export function computeHoldback(input: HoldbackInput): Holdback {
  const now = input.now.getTime();
  if (input.hasAcceptedOrConfirmedAnswer || input.closed) return { state: 'done', dueAt: holdbackDueAt(input.createdAt, input.holdbackMinutes) };
  if (input.needsAccount || input.advisorFlagged) {
    // Urgent threads were due the moment they were asked.
    return { state: 'advisor-now', dueAt: input.createdAt, msOverdue: Math.max(0, now - input.createdAt.getTime()) };
  }
  const dueAt = holdbackDueAt(input.createdAt, input.holdbackMinutes);
  const left = dueAt.getTime() - now;
  // The due instant itself belongs to the advisors: "after 3 hours" starts at 3:00:00.
  if (left > 0) return { state: 'community-time', dueAt, msLeft: left };
  return { state: 'advisor-due', dueAt, msOverdue: now - dueAt.getTime() };
}

/**
 * The advisor queue's groups, most urgent first (study §17–§20): act now (account access or
 * marked urgent), overdue, community answers awaiting confirmation, then flagged posts. Each
 * group is counted and paged on its own, so a long first group never hides the others.
 */
export const QUEUE_GROUPS = ['advisor-now', 'advisor-due', 'awaiting-confirmation', 'flagged-post'] as const;
export type QueueGroup = (typeof QUEUE_GROUPS)[number];
