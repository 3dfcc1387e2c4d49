/**
 * The signed-in reader's own state on public reads (issue 15): unread counts on a thread list,
 * their follow and read position on a thread, their state on one post. Guests get the reads unchanged.
 */
import type { Post, ThreadPage } from '../../contract/index.ts';
import { canSeePost, isSignedIn, withOwnList, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { unreadCounts } from '../repo/notify.ts';
import { findPostsWithState } from '../repo/threads.ts';
import { withViewerOnPosts } from '../repo/viewer.ts';

/** Adds `unreadCount` to the threads the reader has read before or follows. */
export async function withUnreadCounts(db: Queryable, actor: Actor, page: ThreadPage): Promise<ThreadPage> {
  if (!isSignedIn(actor) || page.items.length === 0) return page;
  return { ...page, items: withOwnList(page.items, await unreadCounts(db, actor.memberId, page.items.map((thread) => thread.id))) };
}

/**
 * One post as thread reads show it, with the reader's own state: the public stream carries
 * nobody's, so a page that got the post live asks here (their own post's source to edit it).
 */
export async function readPost({ db, community }: ServiceContext, { actor, postId }: { actor: Actor; postId: number }): Promise<Post> {
  const found = (await findPostsWithState(db, community, [postId])).get(postId);
  if (!found || !canSeePost(actor, found)) throw notFound(`Post ${postId}`);
  if (!isSignedIn(actor)) return found.post;
  const [post] = await withViewerOnPosts(db, actor, [found.post]);
  return post ?? found.post;
}

/** A post its author just wrote, as they read it: with their own state (the source to edit it in place). */
export async function asWrittenBy(db: Queryable, actor: Actor, post: Post): Promise<Post> {
  if (!isSignedIn(actor)) return post;
  const [own] = await withViewerOnPosts(db, actor, [post]);
  return own ?? post;
}
