/**
 * A use case as an adapter calls it: the contract names the route, the domain answers it. The
 * Fastify adapter (src/server) and the msw adapter (src/mocks) dispatch each contract route to
 * the same `run`, after checking the request against the same schemas, so no rule is written twice.
 */
import type { Static, TSchema } from 'typebox';
import type { routes } from '../../contract/index.ts';
import type { Actor, PostIntervals } from '../../core/index.ts';
import type { Database } from '../database.ts';
import type { CommunityContext } from '../repo/community.ts';
import type { HandoffOptions } from '../services/handoffs.ts';
import type { WebhookOptions } from '../services/webhooks.ts';

type Routes = typeof routes;
export type RouteName = keyof Routes;
type SchemaOf<N extends RouteName> = Routes[N]['schema'];
type Part<N extends RouteName, K extends string> = SchemaOf<N> extends { [P in K]: infer S extends TSchema } ? Static<S> : undefined;
type Responses<N extends RouteName> = SchemaOf<N> extends { response: infer R } ? R : never;

/** Whether a route answers 201 (a creation) rather than 200. */
export type Creates<N extends RouteName> = 201 extends keyof Responses<N> ? true : false;
/** What a route answers on success, as the contract says. */
export type Answer<N extends RouteName> = Responses<N> extends { 201: infer S extends TSchema } ? Static<S> : Responses<N> extends { 200: infer S extends TSchema } ? Static<S> : void;

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
  params: Part<N, 'params'>;
  query: Part<N, 'querystring'>;
  body: Part<N, 'body'>;
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
