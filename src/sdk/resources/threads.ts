import type { Post, ThreadSummary } from '../../contract/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import { getThread, listThreadPosts, listThreads } from '../routes/index.ts';

export interface ThreadListQuery {
  categoryId: number;
  cursor?: string | null;
  limit?: number;
  /** `mine`: the threads I asked. */
  filter?: 'all' | 'unanswered' | 'solved' | 'mine';
  /** `activity` (default) or `newest`. */
  sort?: 'activity' | 'newest';
}

export const threadsResource = (http: Http) => {
  const list = ({ cursor, ...query }: ThreadListQuery, request: RequestOptions = {}) =>
    http.call(listThreads, { query: { ...query, cursor: cursor ?? undefined } }, request);
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
    /** A thread and the first page of its posts (`limit`, default 50); `posts()` gives the next pages. */
    get: (threadId: number, { limit, ...request }: RequestOptions & { limit?: number } = {}) =>
      http.call(getThread, { params: { threadId }, query: { limit } }, request),
    /** The page of posts after `cursor` (a thread's or a page's `nextCursor`), oldest first. */
    posts: (threadId: number, query: { cursor: string; limit?: number }, request: RequestOptions = {}) =>
      http.call(listThreadPosts, { params: { threadId }, query }, request),
    /** Every post of a thread, page after page, as an async iterator. */
    async *iteratePosts(threadId: number, { limit, ...request }: RequestOptions & { limit?: number } = {}): AsyncGenerator<Post> {
      const first = await http.call(getThread, { params: { threadId }, query: { limit } }, request);
      yield* first.posts;
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await http.call(listThreadPosts, { params: { threadId }, query: { cursor, limit } }, request);
        yield* page.items;
        cursor = page.nextCursor;
      }
    },
  };
};
