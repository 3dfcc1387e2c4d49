import type { Post, PostPage, ThreadDetail, ThreadPage, ThreadSummary } from '../../contract/index.ts';
import { ownStateKeys, withOwnList, withOwnPosts, withOwnThread } from '../../core/own-state.ts';
import type { Http, RequestOptions } from '../http.ts';
import { getCategoryViewer, getThread, getThreadViewer, listThreadPosts, listThreads } from '../routes/index.ts';

export interface ThreadListQuery {
  categoryId: number;
  cursor?: string | null;
  limit?: number;
  /** `mine`: the threads I asked. */
  filter?: 'all' | 'unanswered' | 'solved' | 'mine';
  /** `activity` (default) or `newest`. */
  sort?: 'activity' | 'newest';
}

/**
 * Thread reads and lists for a signed-in reader come in two requests: the bytes every reader of
 * their audience shares (`viewer=apart`: kept by the server, revalidated by their browser), then
 * their own state on those posts or threads, added back here as the server would have.
 */
const readsApart = (http: Http) => {
  const ownState = (threadId: number, postIds: number[], request: RequestOptions) =>
    http.call(getThreadViewer, { params: { threadId }, query: { posts: postIds.join(',') } }, request);
  return {
    async list({ cursor, ...query }: ThreadListQuery, request: RequestOptions): Promise<ThreadPage> {
      const { answer, signedIn } = await http.callApart(listThreads, { query: { ...query, cursor: cursor ?? undefined } }, request);
      if (!signedIn || answer.items.length === 0) return answer;
      const threads = answer.items.map((thread) => thread.id).join(',');
      return { ...answer, items: withOwnList(answer.items, await http.call(getCategoryViewer, { params: { categoryId: query.categoryId }, query: { threads } }, request)) };
    },
    async thread(threadId: number, limit: number | undefined, withOwnState: boolean, request: RequestOptions): Promise<ThreadDetail> {
      const { answer, signedIn } = await http.callApart(getThread, { params: { threadId }, query: { limit } }, request);
      // A guest's read is whole (so is one whose token was refused meanwhile).
      return signedIn && withOwnState ? withOwnThread(answer, await ownState(threadId, ownStateKeys(answer), request)) : answer;
    },
    async posts(threadId: number, query: { cursor: string; limit?: number }, request: RequestOptions): Promise<PostPage> {
      const { answer, signedIn } = await http.callApart(listThreadPosts, { params: { threadId }, query }, request);
      if (!signedIn || answer.items.length === 0) return answer;
      return { ...answer, items: withOwnPosts(answer.items, await ownState(threadId, answer.items.map((post) => post.id), request)) };
    },
  };
};

export const threadsResource = (http: Http) => {
  const apart = readsApart(http);
  const list = (query: ThreadListQuery, request: RequestOptions = {}) => apart.list(query, request);
  return {
    /** One page of a category's threads, most recent activity first. */
    list,
    /** Every thread of a category, page after page, as an async iterator. */
    async *iterate(query: Omit<ThreadListQuery, 'cursor'>, request: RequestOptions = {}): AsyncGenerator<ThreadSummary> {
      let cursor: string | null = null;
      do {
        const page = await list({ ...query, cursor }, request);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },
    /**
     * A thread and the first page of its posts (`limit`, default 50); `posts()` gives the next pages.
     * `ownState: false` leaves out the signed-in reader's own state (one request, the bytes their audience shares).
     */
    get: (threadId: number, { limit, ownState = true, ...request }: RequestOptions & { limit?: number; ownState?: boolean } = {}) =>
      apart.thread(threadId, limit, ownState, request),
    /** The page of posts after `cursor` (a thread's or a page's `nextCursor`), oldest first. */
    posts: (threadId: number, query: { cursor: string; limit?: number }, request: RequestOptions = {}) => apart.posts(threadId, query, request),
    /** Every post of a thread, page after page, as an async iterator. */
    async *iteratePosts(threadId: number, { limit, ...request }: RequestOptions & { limit?: number } = {}): AsyncGenerator<Post> {
      const first = await apart.thread(threadId, limit, true, request);
      yield* first.posts;
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await apart.posts(threadId, { cursor, limit }, request);
        yield* page.items;
        cursor = page.nextCursor;
      }
    },
  };
};
