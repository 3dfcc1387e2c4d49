/**
 * The reader's half of the client (see ./client.ts for the whole): small enough for the embedded
 * forum's first load.
 */
import type { EventFilter, EventHandler, LiveConnection, SubscribeOptions } from './events.ts';
import { Http, type ClientOptions } from './http.ts';
import { categoriesResource, communityResource, sessionResource } from './resources/community.ts';
import { threadsResource } from './resources/threads.ts';

/**
 * Live events: the stream's module (./events.ts) loads with the first subscription, so the read
 * path's first render goes without it. All subscriptions share one connection, as before; one
 * ended before the module came never opens it.
 */
function liveEvents(http: Http) {
  let connection: Promise<LiveConnection> | undefined;
  return {
    /** Live events for a thread or a category (all subscriptions share one connection); returns the unsubscribe function. */
    subscribe(filter: EventFilter, handler: EventHandler, options?: SubscribeOptions): () => void {
      let stop: (() => void) | undefined;
      let stopped = false;
      connection ??= import('./events.ts').then(({ LiveConnection }) => new LiveConnection(http));
      // Not loaded (offline): the next subscription asks for the module again.
      connection.then((live) => void (stopped || (stop = live.subscribe(filter, handler, options))), () => (connection = undefined));
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}

/** Where a reader client keeps its transport, so staff resources can be added to it later. */
export const HTTP = Symbol('entraide.http');

/**
 * What a reader's first page reads: the forum, its threads and posts, and live events. Incident
 * banners, FAQ and search come from ./reading.ts, writes (asking, replying, kudos, solutions,
 * staff tools) from ./staff.ts: the chunks that use them install them; `createEntraideClient`
 * always adds both.
 */
export function createReaderClient(options: ClientOptions) {
  const http = new Http(options);
  const client = {
    /** Replaces the static token (after the brand's own sign-in); `undefined` signs out. */
    setToken: (token: string | undefined) => http.setToken(token),
    community: communityResource(http),
    categories: categoriesResource(http),
    session: sessionResource(http),
    threads: threadsResource(http),
    // Posting, kudos and solutions are written from chunks only: ./staff.ts adds them.
    posts: {},
    events: liveEvents(http),
  };
  Object.defineProperty(client, HTTP, { value: http });
  return client;
}

export type ReaderClient = ReturnType<typeof createReaderClient>;

