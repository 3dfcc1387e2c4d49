/**
 * The OpenAPI document, made from the contract alone: each route's name is its operationId,
 * its area its tag, its declared `audience` the roles in its description, its `example` the
 * example of its parameters, body or answer. Whether a token is needed comes from the route as
 * registered (`config.public`, the gate the server enforces), so `security` cannot drift from it.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import { AUDIENCES, ErrorBody, routeAreas, type Audience, type RouteArea, type RouteName, type routes } from '../../contract/index.ts';
import { finishDocument, type OpenApiDocument } from './finish.ts';

export const API_VERSION = '0.1.0';

interface Declared {
  name: RouteName;
  area: RouteArea;
  audience: Audience;
}

/** Each contract route by `METHOD /url` as the contract writes it (`:param`). */
function declaredRoutes(): Map<string, Declared> {
  const byKey = new Map<string, Declared>();
  for (const [area, { routes: areaRoutes }] of Object.entries(routeAreas) as Array<[RouteArea, (typeof routeAreas)[RouteArea]]>) {
    for (const [name, route] of Object.entries(areaRoutes) as Array<[RouteName, (typeof routes)[RouteName]]>) {
      byKey.set(`${route.method} ${route.url}`, { name, area, audience: route.audience });
    }
  }
  return byKey;
}

type SwaggerTransform = (input: { schema: Record<string, unknown>; url: string; route: RouteOptions }) => { schema: Record<string, unknown>; url: string };

/**
 * Documents the contract's routes only (paths relative to `servers`), hiding everything else
 * registered beside them (the document itself, the docs page, rendered pages, static files).
 */
function documentRoute(apiPrefix: string): SwaggerTransform {
  const declared = declaredRoutes();
  return ({ schema, url, route }) => {
    const method = [route.method].flat()[0];
    const relative = url.startsWith(`${apiPrefix}/`) ? url.slice(apiPrefix.length) : undefined;
    const found = relative === undefined ? undefined : declared.get(`${method} ${relative}`);
    if (!found || relative === undefined) return { schema: { ...schema, hide: true }, url };
    const tokenOptional = route.config?.public === true;
    return {
      url: relative,
      schema: {
        ...schema,
        operationId: found.name,
        tags: [found.area],
        // `{}` first: a tool may call without a token; with one, the answer is the member's.
        security: tokenOptional ? [{}, { bearer: [] }] : [{ bearer: [] }],
        'x-audience': AUDIENCES[found.audience].roles,
      },
    };
  };
}

/** Registers @fastify/swagger on the forum's context; `apiPrefix` (`/api`, `/forum/api`) is the document's server. */
export async function registerOpenApi(fastify: FastifyInstance, apiPrefix: string): Promise<void> {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Entraide API',
        version: API_VERSION,
        description: 'Community-first customer-support forum: customers answer each other first; advisors supervise, confirm and credit. Sign-in is a short-lived JWT signed by the brand’s back end, sent as `Authorization: Bearer <token>`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: apiPrefix, description: 'This server' }],
      tags: Object.entries(routeAreas).map(([name, area]) => ({ name, description: area.description })),
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT signed by the brand’s back end (or the demo sign-in), naming the member and their role.' } } },
    },
    transform: documentRoute(apiPrefix) as never,
    transformObject: (built) => ('openapiObject' in built ? (finishDocument(built.openapiObject as OpenApiDocument) as never) : built.swaggerObject),
    // Schemas with an `$id` keep it as their component's name (`ErrorBody`), instead of `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  fastify.addSchema(ErrorBody);
}
