import type { Post, PostPage, ThreadDetail, ThreadPage, ThreadSummary } from '../../contract/index.ts';
import type { Http, RequestOptions } from '../http.ts';

export interface ThreadListQuery {
  categoryId: number;
  cursor?: string | null;
  limit?: number;
  /** `mine`: threads I asked or answered in. */
  filter?: 'all' | 'unanswered' | 'solved' | 'mine';
  /** `activity` (default) or `newest`. */
  sort?: 'activity' | 'newest';
}

export const threadsResource = (http: Http) => ({
  /** One page of a category's threads, most recent activity first. */
  list: ({ cursor, ...query }: ThreadListQuery, request: RequestOptions = {}) =>
    http.request<ThreadPage>({ method: 'GET', path: '/threads', query: { ...query, cursor: cursor ?? undefined }, ...request }),
  /** Every thread of a category, page after page, as an async iterator. */
  async *iterate(query: Omit<ThreadListQuery, 'cursor'>, request: RequestOptions = {}): AsyncGenerator<ThreadSummary> {
    let cursor: string | null = null;
    do {
      const page: ThreadPage = await http.request<ThreadPage>({ method: 'GET', path: '/threads', query: { ...query, cursor: cursor ?? undefined }, ...request });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  },
  /** A thread and the first page of its posts (`limit`, default 50); `posts()` gives the next pages. */
  get: (threadId: number, { limit, ...request }: RequestOptions & { limit?: number } = {}) =>
    http.request<ThreadDetail>({ method: 'GET', path: `/threads/${threadId}`, query: { limit }, ...request }),
  /** The page of posts after `cursor` (a thread's or a page's `nextCursor`), oldest first. */
  posts: (threadId: number, query: { cursor: string; limit?: number }, request: RequestOptions = {}) =>
    http.request<PostPage>({ method: 'GET', path: `/threads/${threadId}/posts`, query: { ...query }, ...request }),
  /** Every post of a thread, page after page, as an async iterator. */
  async *iteratePosts(threadId: number, { limit, ...request }: RequestOptions & { limit?: number } = {}): AsyncGenerator<Post> {
    const first = await http.request<ThreadDetail>({ method: 'GET', path: `/threads/${threadId}`, query: { limit }, ...request });
    yield* first.posts;
    let cursor = first.nextCursor;
    while (cursor) {
      const page: PostPage = await http.request<PostPage>({ method: 'GET', path: `/threads/${threadId}/posts`, query: { cursor, limit }, ...request });
      yield* page.items;
      cursor = page.nextCursor;
    }
  },
});
