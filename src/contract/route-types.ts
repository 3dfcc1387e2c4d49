/**
 * What one route of `routes` takes and answers, by name: the types clients are written
 * against. Type-only: the SDK imports them with `import type`, so no schema reaches a browser.
 */
import type { Static, TSchema } from 'typebox';
import type { RouteName, routes } from './routes.ts';

type Route<N extends RouteName> = (typeof routes)[N];
type Schema<N extends RouteName> = Route<N>['schema'];
type Part<N extends RouteName, K extends string> = Schema<N> extends { readonly [P in K]: infer S extends TSchema } ? Static<S> : undefined;
type Responses<N extends RouteName> = Schema<N> extends { readonly response: infer R } ? R : Record<never, never>;
type SuccessStatus = 200 | 201 | 204;

export type RouteParams<N extends RouteName> = Part<N, 'params'>;
export type RouteQuery<N extends RouteName> = Part<N, 'querystring'>;
export type RouteBody<N extends RouteName> = Part<N, 'body'>;

/** A part the route has is required, unless every field in it is optional; one it lacks is absent. */
type Field<K extends string, T> = [T] extends [undefined] ? unknown : Record<never, never> extends T ? { [P in K]?: T } : { [P in K]: T };

/** What a call of route `N` sends: `params` fill the URL's `:names`, `query` its search, `body` the JSON body. */
export type RouteInput<N extends RouteName> = Field<'params', RouteParams<N>> & Field<'query', RouteQuery<N>> & Field<'body', RouteBody<N>>;

/** What route `N` answers on success (its 2xx response); `never` for a stream (`events`). */
export type RouteAnswer<N extends RouteName> = {
  [S in keyof Responses<N>]: S extends SuccessStatus ? Static<Responses<N>[S] & TSchema> : never;
}[keyof Responses<N>];

/** The HTTP status codes of route `N`'s refusals (each answered with an `ErrorBody`). */
export type RouteErrorStatus<N extends RouteName> = Exclude<keyof Responses<N>, SuccessStatus>;

/** Routes answered with JSON: every route but the live stream. */
export type JsonRouteName = { [N in RouteName]: [RouteAnswer<N>] extends [never] ? never : N }[RouteName];

declare const routeName: unique symbol;

/**
 * A route at run time, without its schemas: `'GET /threads/:threadId'`, its method and URL
 * exactly as `routes` has them (`src/sdk/routes/` is generated with one per route, each
 * declared a `RouteRef` so a drift fails the type check). The name is in the type only, for
 * inference: a browser bundle carries one short string per route it calls.
 */
export type RouteRef<N extends RouteName = RouteName> = `${Route<N>['method']} ${Route<N>['url']}` & { readonly [routeName]?: N };
