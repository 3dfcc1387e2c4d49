/**
 * What a live stream gives each reader. A stored event keeps the payload of its write; what a
 * reader gets is decided when it is delivered, from the post and thread as they are now, by
 * the rule thread reads follow: an edit is sent as it reads now, a post moderation took away
 * becomes a `post-removed` tombstone. Server and mocks both deliver through `liveView`.
 */
import { isStaff, type Actor } from './domain.ts';
import { can, isSignedIn } from './rules/common.ts';
import { seePrivate } from './rules/private.ts';

/** What a stream follows: a thread, a category, or everything. */
export interface LiveFilter {
  threadId?: number;
  categoryId?: number;
}

/** What happened to a private conversation, as its live event says. */
export const PRIVATE_CHANGES = ['opened', 'message', 'closed'] as const;
export type PrivateChange = (typeof PRIVATE_CHANGES)[number];

/** The events of the stream, over the post, thread, incident, notification and private message shapes of the contract. */
export type LiveEventOf<P, T, I, N = unknown, M = unknown> =
  | { type: 'post-created'; threadId: number; categoryId: number; post: P }
  | { type: 'post-updated'; threadId: number; categoryId: number; post: P }
  | { type: 'post-removed'; threadId: number; categoryId: number; postId: number }
  | { type: 'kudos-changed'; threadId: number; categoryId: number; postId: number; kudosCount: number }
  | { type: 'thread-created'; threadId: number; categoryId: number; thread: T }
  | { type: 'thread-updated'; threadId: number; categoryId: number; thread: T }
  | { type: 'incident-updated'; threadId: null; categoryId: number | null; incident: I }
  | { type: 'notification'; threadId: null; categoryId: null; memberId: number; unreadCount: number; notification: N | null }
  | { type: 'private-updated'; threadId: null; categoryId: null; conversationId: number; askerId: number; change: PrivateChange; message: M | null };

interface LivePost {
  id: number;
  threadId: number;
  kudosCount: number;
}

interface LiveThread {
  id: number;
  categoryId: number;
}

/** A post as it is now: where it lives and whether moderation hid it. */
export interface LivePostNow<P> {
  post: P;
  categoryId: number;
  hidden: boolean;
}

/** The current state of what events refer to; absent means gone from this community. */
export interface LiveState<P, T> {
  posts: { get(postId: number): LivePostNow<P> | undefined };
  threads: { get(threadId: number): T | undefined };
}

/** Whom a view is computed for: `liveView` looks at the reader only through this. */
export type LiveAudience = 'guest' | 'member' | 'staff';

export function liveAudience(actor: Actor): LiveAudience {
  if (!isSignedIn(actor)) return 'guest';
  return isStaff(actor.role) ? 'staff' : 'member';
}

/**
 * Whether thread reads show a post to this reader. A hidden post leaves them for every reader,
 * staff included (staff review it in the moderation queue). The server's post reads
 * (`not p.hidden`) and the mocks' post pages are this rule.
 */
export function canSeePost(_actor: Actor, post: { hidden: boolean }): boolean {
  return !post.hidden;
}

/** The events every stream carries whatever its filter: they concern every page (banners, the reader's own notifications and inbox). */
const UNFILTERED: ReadonlySet<string> = new Set(['incident-updated', 'notification', 'private-updated']);

/** The filter of the server's and the mocks' streams. Incident banners, the reader's own notifications and private conversations concern every page. */
export function liveMatches(filter: LiveFilter, event: { type: string; threadId: number | null; categoryId: number | null }): boolean {
  if (UNFILTERED.has(event.type)) return true;
  if (filter.threadId !== undefined && filter.threadId !== event.threadId) return false;
  return filter.categoryId === undefined || filter.categoryId === event.categoryId;
}

/** The ids an event refers to, so a batch of events is re-read in one go. */
export function liveRefs(event: LiveEventOf<{ id: number }, unknown, unknown, unknown, unknown>): { postId?: number; threadId?: number } {
  switch (event.type) {
    case 'post-created':
    case 'post-updated':
      return { postId: event.post.id };
    case 'post-removed':
    case 'kudos-changed':
      return { postId: event.postId };
    case 'thread-created':
    case 'thread-updated':
      return { threadId: event.threadId };
    default:
      return {};
  }
}

type PostEvent<P, T, I, N, M> = Extract<LiveEventOf<P, T, I, N, M>, { type: 'post-created' | 'post-updated' | 'post-removed' | 'kudos-changed' }>;

/** Whether this reader may get a private conversation's event: its asker and the advisors, as `GET /private/:id` answers (guardian rule `seePrivate`). */
function seesPrivate(actor: Actor, event: { askerId: number }): boolean {
  return can(actor, seePrivate, { askerId: event.askerId });
}

/**
 * The event as this reader may get it now: located where the post or thread lives now (a
 * `thread-updated` where it was published), with its current content, a tombstone for a post
 * the reader may no longer see, or nothing for a thread that is gone. Filter with
 * `liveMatches` after this, on the location it gives.
 */
export function liveView<P extends LivePost, T extends LiveThread, I, N, M>(
  actor: Actor, event: LiveEventOf<P, T, I, N, M>, now: LiveState<P, T>,
): LiveEventOf<P, T, I, N, M> | undefined {
  switch (event.type) {
    case 'incident-updated':
      return event;
    case 'notification':
      // A member's notifications reach their own streams only: never another member's, never a guest's.
      return isSignedIn(actor) && actor.memberId === event.memberId ? event : undefined;
    case 'private-updated':
      // A private conversation's events reach its participants' streams only, like its reads.
      return seesPrivate(actor, event) ? event : undefined;
    case 'thread-created': {
      const thread = now.threads.get(event.threadId);
      return thread && { ...event, categoryId: thread.categoryId, thread };
    }
    case 'thread-updated': {
      // Sent where it was published, as it is now: a thread that moved away reaches the list it
      // left with its new category, and that list drops it (a move publishes one per category).
      const thread = now.threads.get(event.threadId);
      return thread && { ...event, thread };
    }
    default:
      return postEventView(actor, event, now);
  }
}

function postEventView<P extends LivePost, T, I, N, M>(actor: Actor, event: PostEvent<P, T, I, N, M>, now: LiveState<P, T>): LiveEventOf<P, T, I, N, M> {
  const postId = 'post' in event ? event.post.id : event.postId;
  const current = now.posts.get(postId);
  if (!current || !canSeePost(actor, current)) {
    const where = current ? { threadId: current.post.threadId, categoryId: current.categoryId } : { threadId: event.threadId, categoryId: event.categoryId };
    return { type: 'post-removed', ...where, postId };
  }
  const where = { threadId: current.post.threadId, categoryId: current.categoryId };
  switch (event.type) {
    case 'kudos-changed':
      return { ...event, ...where, kudosCount: current.post.kudosCount };
    case 'post-removed':
      // Restored since: the reader gets it back as it reads now.
      return { type: 'post-updated', ...where, post: current.post };
    default:
      return { ...event, ...where, post: current.post };
  }
}

/**
 * Readers who get the same view of `event`: one audience for shared events, but a notification
 * is computed per member and a private event per participant or not, so a view cached for
 * one reader never reaches another who may not see it.
 */
export function liveViewKey(actor: Actor, event: { type: string; askerId?: number }): string {
  if (event.type === 'notification') return isSignedIn(actor) ? `member:${actor.memberId}` : 'guest';
  // Everyone who may see a private event gets it whole; everyone else gets nothing.
  if (event.type === 'private-updated') return seesPrivate(actor, { askerId: event.askerId ?? 0 }) ? 'private:participant' : 'private:outsider';
  return liveAudience(actor);
}
