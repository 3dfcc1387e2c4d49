/**
 * A use case as an adapter calls it: the contract names the route, the domain answers it. The
 * Fastify adapter (src/server) and the msw adapter (src/mocks) dispatch each contract route to
 * the same `run`, after checking the request against the same schemas, so no rule is written twice.
 */
import type { RouteAnswer, RouteBody, RouteName, RouteParams, RouteQuery } from '../../contract/index.ts';
import type { Actor, PostIntervals } from '../../core/index.ts';
import type { Database } from '../database.ts';
import type { CommunityContext } from '../repo/community.ts';
import type { HandoffOptions } from '../services/handoffs.ts';
import type { WebhookOptions } from '../services/webhooks.ts';

export type { RouteName };
/** What a route answers on success, as the contract says. */
export type Answer<N extends RouteName> = RouteAnswer<N>;

/** Everything a use case needs that does not come with the request. */
export interface DomainContext {
  db: Database;
  community: CommunityContext;
  /** Minimum seconds between a member's posts. */
  postIntervals: PostIntervals;
  /** Demo mode: the demo sign-in is offered. */
  demo: boolean;
  /** Where incident changes are POSTed, signed; none = not sent. */
  webhooks?: WebhookOptions;
  /** The brand's back office that opens a case per hand-off; none = hand-offs answer 409. */
  handoff?: HandoffOptions;
}

/** One request, checked against the contract: who asks and what they send. */
export interface Call<N extends RouteName> {
  actor: Actor;
  params: RouteParams<N>;
  query: RouteQuery<N>;
  body: RouteBody<N>;
  /** The reader's `Accept-Language`, for reads that pick a locale. */
  acceptLanguage?: string;
}

export interface Operation<N extends RouteName> {
  /** Guests may call it; every other operation needs a signed-in member (checked by the adapters' one gate). */
  public?: true;
  /** Offered only in demo mode (the demo sign-in's list). */
  demoOnly?: true;
  run(ctx: DomainContext, call: Call<N>): Promise<Answer<N>>;
}

export type Operations<Names extends RouteName> = { [N in Names]: Operation<N> };
