/**
 * A use case as an adapter calls it: the contract names the route, the domain answers it. The
 * Fastify adapter (src/server) and the msw adapter (src/mocks) dispatch each contract route to
 * the same `run`, after checking the request against the same schemas, so no rule is written twice.
 */
import type { RouteAnswer, RouteBody, RouteName, RouteParams, RouteQuery } from '../../contract/index.ts';
import type { Actor } from '../../core/index.ts';
import type { DomainContext } from '../context.ts';

export type { DomainContext, RouteName };
/** What a route answers on success, as the contract says. */
export type Answer<N extends RouteName> = RouteAnswer<N>;

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
