/** Advisor-area pieces of thread reads: the holdback every thread summary carries. */
import type { ThreadSummary } from '../../contract/index.ts';
import { computeHoldback, type ThreadStatus } from '../../core/index.ts';

/** Columns THREAD_SELECT adds for the holdback; optional so older row shapes still type. */
export interface HoldbackColumns {
  status: ThreadStatus;
  created_at: Date;
  accepted_post_id: number | null;
  merged_into_id?: number | null;
  needs_account?: boolean;
  advisor_now_at?: Date | null;
  confirmed_at?: Date | null;
  holdback_minutes?: number | null;
}

export const HOLDBACK_SELECT = `t.needs_account, t.advisor_now_at, t.confirmed_at,
  (select hc.holdback_minutes from categories hc where hc.id = t.category_id) as holdback_minutes`;

export function holdbackOf(row: HoldbackColumns, now: Date): Pick<ThreadSummary, 'holdback'> {
  if (row.holdback_minutes === undefined) return {};
  const holdback = computeHoldback({
    createdAt: new Date(row.created_at),
    holdbackMinutes: row.holdback_minutes,
    needsAccount: row.needs_account ?? false,
    advisorFlagged: Boolean(row.advisor_now_at),
    hasAcceptedOrConfirmedAnswer: row.accepted_post_id !== null || Boolean(row.confirmed_at),
    closed: row.status === 'closed' || row.status === 'archived' || Boolean(row.merged_into_id),
    now,
  });
  return { holdback: { state: holdback.state, dueAt: holdback.dueAt.toISOString() } };
}
