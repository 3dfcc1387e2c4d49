/**
 * A signed-in member's thread list, kept current live (issue 15): each thread's new state as it
 * arrives, with the member's own "3 new" kept; a thread moved to another category or merged
 * leaves it (a move's `thread-updated` reaches the category it left, core `liveView`). The
 * public stream carries nobody's state, so a `thread-updated` summary has no `unreadCount`: the
 * one on screen stays, and a reply by someone else to a thread the member read before (or
 * follows) counts one more. Rides in the interactions chunk, which members' lists load anyway
 * for `<entraide-follow>`: the read path stays small.
 */
import type { LiveEvent, ThreadSummary } from '../../sdk/types.ts';
import { LiveSubscription } from '../internal/live-subscription.ts';
import type { EntraideThreadList } from './thread-list.ts';

/** `thread` as `event` leaves it for the member `memberId`; the same object when the event is about another thread. */
export function threadAfterEvent(thread: ThreadSummary, event: LiveEvent, memberId: number | undefined): ThreadSummary {
  if (event.threadId !== thread.id) return thread;
  if (event.type === 'thread-updated') {
    const { unreadCount: _public, ...summary } = event.thread;
    return thread.unreadCount === undefined ? summary : { ...summary, unreadCount: thread.unreadCount };
  }
  if (event.type !== 'post-created' || event.post.kind === 'question') return thread;
  // A reply sends no new summary: the count and the activity follow here.
  const replied = { ...thread, replyCount: thread.replyCount + (event.post.kind === 'reply' ? 1 : 0), lastPostAt: event.post.createdAt };
  // Only threads with a count are the member's (read before or followed); their own posts are never new to them.
  if (thread.unreadCount === undefined || event.post.author.id === memberId) return replied;
  return { ...replied, unreadCount: thread.unreadCount + 1 };
}

/**
 * Whether `thread`, as it is now, still belongs in the list of `categoryId`: one that staff moved
 * to another category or merged into another thread leaves it (the server lists neither).
 */
export function belongsInList(thread: ThreadSummary, categoryId: number): boolean {
  return thread.categoryId === categoryId && thread.mergedIntoId === undefined;
}

/** The threads of the list of `categoryId` as `event` leaves them for the member `memberId`. */
export function listAfterEvent(threads: ThreadSummary[], event: LiveEvent, memberId: number | undefined, categoryId: number): ThreadSummary[] {
  return threads.map((thread) => threadAfterEvent(thread, event, memberId)).filter((thread) => belongsInList(thread, categoryId));
}

const followed = new WeakSet<EntraideThreadList>();

/** Keeps `list` current live from now on (once per list). */
export function followList(list: EntraideThreadList): void {
  if (followed.has(list)) return;
  followed.add(list);
  // One subscription per list, to its category, replaced when the category or client changes.
  new LiveSubscription(list, () => (list.categoryId ? { categoryId: list.categoryId } : undefined), (event: LiveEvent) => {
    const memberId = list.session.member?.id;
    list.patch((threads) => listAfterEvent(threads, event, memberId, list.categoryId));
  });
}
