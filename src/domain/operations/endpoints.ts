/**
 * Every route as both adapters register it: the contract's method, url and schemas, the use
 * case that answers it, and its success status. The Fastify adapter and the msw adapter loop over
 * the same list, so neither keeps a route table of its own.
 */
import { routes } from '../../contract/routes.ts';
import { bareBodyIsEmpty, operations, type AdapterRoute, type Operation, type OperationName } from './index.ts';

export interface Endpoint {
  name: OperationName;
  route: (typeof routes)[OperationName];
  operation: Operation<OperationName>;
  /** 201 for a route that creates, 200 otherwise. */
  status: 200 | 201;
  /** A bare request (no body) means `{}` (every field optional). */
  bareBodyIsEmpty: boolean;
}

/** The routes answered by an operation; demo-only ones (the demo member list) in demo mode only. */
export function endpoints({ demo }: { demo: boolean }): Endpoint[] {
  return (Object.keys(operations) as OperationName[])
    .map((name) => ({ name, route: routes[name], operation: operations[name] as Operation<OperationName> }))
    .filter(({ operation }) => demo || !operation.demoOnly)
    .map((endpoint) => ({ ...endpoint, status: 201 in endpoint.route.schema.response ? 201 : 200, bareBodyIsEmpty: bareBodyIsEmpty.has(endpoint.name) }));
}

/** The routes only an adapter answers (the event stream, the demo sign-in, readiness), with their contract. */
export const adapterRoutes: Pick<typeof routes, AdapterRoute> = { events: routes.events, demoSignIn: routes.demoSignIn, ready: routes.ready };
