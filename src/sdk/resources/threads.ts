import type { CreatedThread, NewReply, NewThread, Post, ThreadDetail, ThreadPage, ThreadSummary } from '../../contract/index.ts';
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
  /** A thread and its posts. */
  get: (threadId: number, request: RequestOptions = {}) =>
    http.request<ThreadDetail>({ method: 'GET', path: `/threads/${threadId}`, ...request }),
  /** Asks a question: the thread and its first post. */
  create: (input: NewThread, request: RequestOptions = {}) =>
    http.request<CreatedThread>({ method: 'POST', path: '/threads', body: input, ...request }),
});

export const postsResource = (http: Http) => ({
  /** Replies to a thread. */
  reply: (threadId: number, input: NewReply, request: RequestOptions = {}) =>
    http.request<Post>({ method: 'POST', path: `/threads/${threadId}/posts`, body: input, ...request }),
});
