import type {
  Community, CreatedThread, DemoMembers, DemoToken, NewReply, NewThread, Post, Session, ThreadDetail, ThreadPage,
} from '../contract/index.ts';
import type { Locale } from '../core/index.ts';
import { subscribe, type EventFilter, type EventHandler } from './events.ts';
import { Http, type ClientOptions, type RequestOptions } from './http.ts';

export interface ThreadListQuery {
  categoryId: number;
  cursor?: string | null;
  limit?: number;
}

/** Builds the typed client every element and custom page talks to the API with. */
export function createEntraideClient(options: ClientOptions) {
  const http = new Http(options);
  return {
    /** Replaces the static token (after the brand's own sign-in); `undefined` signs out. */
    setToken: (token: string | undefined) => http.setToken(token),

    community: {
      get: (query: { locale?: Locale } = {}, request: RequestOptions = {}) =>
        http.request<Community>({ method: 'GET', path: '/community', query, ...request }),
    },

    threads: {
      list: ({ categoryId, cursor, limit }: ThreadListQuery, request: RequestOptions = {}) =>
        http.request<ThreadPage>({ method: 'GET', path: '/threads', query: { categoryId, cursor: cursor ?? undefined, limit }, ...request }),
      get: (threadId: number, request: RequestOptions = {}) =>
        http.request<ThreadDetail>({ method: 'GET', path: `/threads/${threadId}`, ...request }),
      create: (input: NewThread, request: RequestOptions = {}) =>
        http.request<CreatedThread>({ method: 'POST', path: '/threads', body: input, ...request }),
    },

    posts: {
      reply: (threadId: number, input: NewReply, request: RequestOptions = {}) =>
        http.request<Post>({ method: 'POST', path: `/threads/${threadId}/posts`, body: input, ...request }),
    },

    session: {
      get: (request: RequestOptions = {}) => http.request<Session>({ method: 'GET', path: '/session', ...request }),
    },

    demo: {
      members: (request: RequestOptions = {}) => http.request<DemoMembers>({ method: 'GET', path: '/demo/members', ...request }),
      signIn: (memberId: number, request: RequestOptions = {}) =>
        http.request<DemoToken>({ method: 'POST', path: '/demo/sign-in', body: { memberId }, ...request }),
    },

    events: {
      /** Live events for a thread or a category; returns the function that unsubscribes. */
      subscribe: (filter: EventFilter, handler: EventHandler) => subscribe(http, filter, handler),
    },
  };
}

export type EntraideClient = ReturnType<typeof createEntraideClient>;
