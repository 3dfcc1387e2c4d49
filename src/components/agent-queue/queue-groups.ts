/**
 * How the console orders the advisor queue: by urgency group (the study's routine, §17–§20),
 * then within a group the longest wait first. Pure, so the order is tested without a browser.
 */
import type { QueueItem } from '../../sdk/types.ts';
import type { QueueGroup } from '../agent-console/strings.ts';

/** Most urgent first: act now, overdue, answered by the community, then the flags. */
export const GROUP_ORDER: readonly QueueGroup[] = ['advisor-now', 'advisor-due', 'awaiting-confirmation', 'flagged-post'];

export interface QueueGroupView {
  kind: QueueGroup;
  items: QueueItem[];
}

const waitedSince = (item: QueueItem) => Date.parse(item.kind === 'flagged-post' ? item.dueAt : item.thread.createdAt);

/** Non-empty groups in urgency order, oldest first inside each; `categoryIds` narrows to those categories. */
export function groupQueue(items: readonly QueueItem[], categoryIds?: readonly number[]): QueueGroupView[] {
  const kept = categoryIds ? items.filter((item) => categoryIds.includes(item.thread.categoryId)) : items;
  return GROUP_ORDER.map((kind) => ({
    kind,
    items: kept.filter((item) => item.kind === kind).sort((a, b) => waitedSince(a) - waitedSince(b) || a.thread.id - b.thread.id),
  })).filter((group) => group.items.length > 0);
}

/** A thread an advisor marked urgent (not one that needs the customer's account, which stays urgent). */
export function isMarkedUrgent(item: QueueItem): boolean {
  return item.kind === 'advisor-now' && !item.thread.needsAccount;
}

/** Milliseconds of community time left at `now`, from the item's due date; null once it is over. */
export function communityTimeLeft(item: QueueItem, now: number): number | null {
  if (item.holdback !== 'community-time') return null;
  return Math.max(0, Date.parse(item.dueAt) - now);
}

/** A stable key for an item: a thread may be both waiting and hold a flagged post. */
export const itemKey = (item: QueueItem) => `${item.kind}:${item.thread.id}:${item.postId ?? ''}`;
