/**
 * The reader's half of the client (see ./client.ts for the whole): small enough for the embedded
 * forum's first load.
 */
import { LiveConnection, type EventFilter, type EventHandler, type SubscribeOptions } from './events.ts';
import { Http, type ClientOptions } from './http.ts';
import { incidentsResource } from './resources/incidents.ts';
import { categoriesResource, communityResource, sessionResource } from './resources/community.ts';
import { faqResource, searchResource } from './resources/knowledge.ts';
import { threadsResource } from './resources/threads.ts';

/** Where a reader client keeps its transport, so staff resources can be added to it later. */
export const HTTP = Symbol('entraide.http');

/**
 * What a reader's page reads: the forum, its threads and posts, FAQ and search, incidents and
 * live events. Writes (asking, replying, kudos, solutions, staff tools) come from ./staff.ts,
 * which the chunks that write install; `createEntraideClient` always adds it.
 */
export function createReaderClient(options: ClientOptions) {
  const http = new Http(options);
  const live = new LiveConnection(http);
  const client = {
    /** Replaces the static token (after the brand's own sign-in); `undefined` signs out. */
    setToken: (token: string | undefined) => http.setToken(token),
    community: communityResource(http),
    categories: categoriesResource(http),
    session: sessionResource(http),
    threads: threadsResource(http),
    // Posting, kudos and solutions are written from chunks only: ./staff.ts adds them.
    posts: {},
    incidents: incidentsResource(http),
    faq: faqResource(http),
    search: searchResource(http),
    events: {
      /** Live events for a thread or a category (all subscriptions share one connection); returns the unsubscribe function. */
      subscribe: (filter: EventFilter, handler: EventHandler, options?: SubscribeOptions) => live.subscribe(filter, handler, options),
    },
  };
  Object.defineProperty(client, HTTP, { value: http });
  return client;
}

export type ReaderClient = ReturnType<typeof createReaderClient>;

