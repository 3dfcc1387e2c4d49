/**
 * Every route by name, for the full client's `call(name, …)`: the staff half of the client
 * only, so the read path keeps just the routes it calls (./routes/ has one module per route).
 */
import type { RouteName, RouteRef } from '../contract/index.ts';
import * as refs from './routes/index.ts';

/** A route missing from ./routes/ fails the type check here (`npm run generate:routes`). */
export const routeTable: { readonly [N in RouteName]: RouteRef<N> } = refs;
