import { subscribe, type EventFilter, type EventHandler } from './events.ts';
import { Http, type ClientOptions } from './http.ts';
import { communityResource, sessionResource } from './resources/community.ts';
import { demoResource } from './resources/demo.ts';
import { postsResource, threadsResource } from './resources/threads.ts';

export type { ThreadListQuery } from './resources/threads.ts';

/** Builds the typed client every element and custom page talks to the API with. */
export function createEntraideClient(options: ClientOptions) {
  const http = new Http(options);
  return {
    /** Replaces the static token (after the brand's own sign-in); `undefined` signs out. */
    setToken: (token: string | undefined) => http.setToken(token),
    community: communityResource(http),
    session: sessionResource(http),
    threads: threadsResource(http),
    posts: postsResource(http),
    demo: demoResource(http),
    events: {
      /** Live events for a thread or a category; returns the function that unsubscribes. */
      subscribe: (filter: EventFilter, handler: EventHandler) => subscribe(http, filter, handler),
    },
  };
}

export type EntraideClient = ReturnType<typeof createEntraideClient>;
