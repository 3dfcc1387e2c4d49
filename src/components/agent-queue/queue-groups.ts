/**
 * How the console orders the advisor queue: by urgency group (the study's routine, §17–§20),
 * then within a group the longest wait first. Each group carries its own count and paging
 * from the server. Pure, so the order is tested without a browser.
 */
import { QUEUE_GROUPS, type QueueGroup } from '../../core/index.ts';
import type { QueueGroupPage, QueueItem } from '../../sdk/types.ts';

/** Most urgent first: act now, overdue, answered by the community, then the flags. */
export const GROUP_ORDER: readonly QueueGroup[] = QUEUE_GROUPS;

export interface QueueGroupView {
  kind: QueueGroup;
  items: QueueItem[];
  /** The server's count of the whole group (in the categories the query asked). */
  total: number;
  /** The group's next page; null once all of it is loaded. */
  nextCursor: string | null;
}

const waitedSince = (item: QueueItem) => Date.parse(item.kind === 'flagged-post' ? item.dueAt : item.thread.createdAt);

/** Every group in urgency order, oldest first inside each, each with its count and cursor. */
export function groupQueue(items: readonly QueueItem[], pages: readonly QueueGroupPage[]): QueueGroupView[] {
  return GROUP_ORDER.map((kind) => {
    const inGroup = items.filter((item) => item.kind === kind).sort((a, b) => waitedSince(a) - waitedSince(b) || a.thread.id - b.thread.id);
    const page = pages.find((candidate) => candidate.kind === kind);
    return { kind, items: inGroup, total: Math.max(page?.total ?? 0, inGroup.length), nextCursor: page?.nextCursor ?? null };
  });
}

/** Adds a group's next page to what is loaded (dropping an item the page repeats after a shift). */
export function withNextPage(
  loaded: { items: QueueItem[]; groups: QueueGroupPage[] }, page: { items: QueueItem[]; groups: QueueGroupPage[] },
): { items: QueueItem[]; groups: QueueGroupPage[] } {
  const known = new Set(loaded.items.map(itemKey));
  const groups = loaded.groups.map((group) => page.groups.find((next) => next.kind === group.kind) ?? group);
  return { items: [...loaded.items, ...page.items.filter((item) => !known.has(itemKey(item)))], groups };
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

/** What each advisor chose for "my categories now", kept in this browser across reloads. */
const choiceKey = (memberId: number) => `entraide:agent-queue:my-categories:${memberId}`;

export function recallMyCategories(memberId: number): boolean | undefined {
  try {
    const stored = localStorage.getItem(choiceKey(memberId));
    return stored === null ? undefined : stored === 'on';
  } catch {
    return undefined; // storage blocked: the plan decides
  }
}

export function rememberMyCategories(memberId: number, on: boolean): void {
  try {
    localStorage.setItem(choiceKey(memberId), on ? 'on' : 'off');
  } catch {
    // Storage blocked or full: the choice lasts until the page goes.
  }
}
