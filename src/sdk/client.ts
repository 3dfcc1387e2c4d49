import { LiveConnection, type EventFilter, type EventHandler, type SubscribeOptions } from './events.ts';
import { Http, type ClientOptions } from './http.ts';
import { agentResource, incidentsResource, metricsResource } from './resources/advisor.ts';
import { communityResource, membersResource, sessionResource } from './resources/community.ts';
import { demoResource } from './resources/demo.ts';
import { interactionsResource, kudosResource } from './resources/interactions.ts';
import { faqResource, searchResource } from './resources/knowledge.ts';
import { auditResource, moderationResource, postModerationResource, privateResource, threadModerationResource } from './resources/moderation.ts';
import { postsResource, threadsResource } from './resources/threads.ts';

export type { ThreadListQuery } from './resources/threads.ts';

/** Builds the typed client every element and custom page talks to the API with. */
export function createEntraideClient(options: ClientOptions) {
  const http = new Http(options);
  const live = new LiveConnection(http);
  const { setSignature, ...threadInteractions } = interactionsResource(http);
  const kudos = kudosResource(http);
  return {
    /** Replaces the static token (after the brand's own sign-in); `undefined` signs out. */
    setToken: (token: string | undefined) => http.setToken(token),
    community: { ...communityResource(http), setSignature },
    session: sessionResource(http),
    members: membersResource(http),
    threads: { ...threadsResource(http), ...threadModerationResource(http), ...threadInteractions },
    posts: { ...postsResource(http), ...postModerationResource(http), kudo: kudos.give, unkudo: kudos.takeBack },
    moderation: moderationResource(http),
    audit: auditResource(http),
    private: privateResource(http),
    demo: demoResource(http),
    agent: agentResource(http),
    incidents: incidentsResource(http),
    metrics: metricsResource(http),
    faq: faqResource(http),
    search: searchResource(http),
    events: {
      /** Live events for a thread or a category (all subscriptions share one connection); returns the unsubscribe function. */
      subscribe: (filter: EventFilter, handler: EventHandler, options?: SubscribeOptions) => live.subscribe(filter, handler, options),
    },
  };
}

export type EntraideClient = ReturnType<typeof createEntraideClient>;
