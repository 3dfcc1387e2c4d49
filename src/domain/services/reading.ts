/**
 * The signed-in reader's own state on public reads (issue 15): unread counts on a thread list,
 * their follow and read position on a thread. Guests get the reads unchanged.
 */
import type { ThreadDetail, ThreadPage } from '../../contract/index.ts';
import { isSignedIn, type Actor } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { readingOf, unreadCounts } from '../repo/notify.ts';

/** Adds `unreadCount` to the threads the reader has read before or follows. */
export async function withUnreadCounts(db: Queryable, actor: Actor, page: ThreadPage): Promise<ThreadPage> {
  if (!isSignedIn(actor) || page.items.length === 0) return page;
  const counts = await unreadCounts(db, actor.memberId, page.items.map((thread) => thread.id));
  return { ...page, items: page.items.map((thread) => (counts.has(thread.id) ? { ...thread, unreadCount: counts.get(thread.id)! } : thread)) };
}

/** Adds the reader's `reading` (follow levels, read position, first unread post) to a thread read. */
export async function withReaderState(db: Queryable, actor: Actor, detail: ThreadDetail): Promise<ThreadDetail> {
  if (!isSignedIn(actor)) return detail;
  return { ...detail, reading: await readingOf(db, actor.memberId, { id: detail.thread.id, categoryId: detail.thread.categoryId }) };
}
