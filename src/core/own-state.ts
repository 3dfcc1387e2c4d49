/**
 * The signed-in reader's own state on a thread read, apart from the answer every reader of their
 * audience shares (issue 17): the server adds it to that answer, and the SDK adds the state it
 * fetched apart (`GET /threads/:id/viewer`) the same way, so both give the same read.
 */

/** What only this reader did to one post, or may open from it. */
export interface OwnPostState<V> {
  id: number;
  viewer: V;
}

/** The reader's state on some posts of a thread, and on the thread itself (absent for a guest). */
export interface OwnThreadState<V, R> {
  posts: Array<OwnPostState<V>>;
  viewer?: { sameProblem: boolean };
  reading?: R;
}

/** The posts with their reader's state; a post without one is left as it is. */
export function withOwnPosts<P extends { id: number }, V>(posts: readonly P[], state: Pick<OwnThreadState<V, unknown>, 'posts'>): Array<P & { viewer?: V }> {
  if (state.posts.length === 0) return [...posts];
  const byPost = new Map(state.posts.map((own) => [own.id, own.viewer]));
  return posts.map((post) => (byPost.has(post.id) ? { ...post, viewer: byPost.get(post.id)! } : post));
}

/** A thread read (its page of posts and pinned solution) with its reader's state; a guest's state changes nothing. */
export function withOwnThread<P extends { id: number }, D extends { posts: P[]; solution?: P }, V, R>(detail: D, state: OwnThreadState<V, R>): D {
  const [solution] = detail.solution ? withOwnPosts([detail.solution], state) : [];
  return {
    ...detail,
    posts: withOwnPosts(detail.posts, state),
    ...(solution ? { solution } : {}),
    ...(state.viewer ? { viewer: state.viewer } : {}),
    ...(state.reading ? { reading: state.reading } : {}),
  };
}

/** The ids whose state a thread read needs: its page's posts and its pinned solution. */
export function ownStateKeys(detail: { posts: ReadonlyArray<{ id: number }>; solution?: { id: number } }): number[] {
  return [...detail.posts.map((post) => post.id), ...(detail.solution ? [detail.solution.id] : [])];
}

/** The reader's unread counts on threads of a list: those they read before or follow. */
export interface OwnListState {
  threads: Array<{ id: number; unreadCount: number }>;
}

/** A list's threads with their reader's unread counts; a thread without one is left as it is. */
export function withOwnList<T extends { id: number }>(items: readonly T[], state: OwnListState): Array<T & { unreadCount?: number }> {
  const counts = new Map(state.threads.map((own) => [own.id, own.unreadCount]));
  return items.map((thread) => (counts.has(thread.id) ? { ...thread, unreadCount: counts.get(thread.id)! } : thread));
}
