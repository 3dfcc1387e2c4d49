/**
 * The forum's routes on an open database: the API under `<prefix>/api`, the live events, the
 * OpenAPI document and (when a static directory is given) the page and its scripts. Registered
 * in a context of its own by the `entraide` plugin, so its validator, error handler, hooks and
 * compression apply to the forum's routes only, never to a brand's other routes.
 */
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import type { TSchema } from 'typebox';
import { ApiError, isSignedIn, LIMITS, type Actor } from '../core/index.ts';
import { RecentSignIns, resolveActor } from './auth.ts';
import type { AppContext } from './app.ts';
import { closeConnectionsWhenClosing } from './closing.ts';
import { installCompression } from './compress.ts';
import { installCors } from './cors.ts';
import { installErrorHandling } from './errors.ts';
import { installHeaders } from './headers.ts';
import { registerOpenApi } from './openapi/document.ts';
import { docsPageRoutes } from './openapi/docs-page.ts';
import { BODY_LIMIT, requestChecker } from '../domain/validation.ts';
import { installIdempotency } from './idempotency.ts';
import { LiveHub } from '../domain/live.ts';
import { installRateLimit } from './rate-limit.ts';
import { startWebhookDrainer } from './webhook-drainer.ts';
import { startEmailDrainer, type EmailOptions } from './email-drainer.ts';
import { unsubscribePageRoutes } from './routes/unsubscribe.ts';
import { eventRoutes } from './routes/events.ts';
import { operationRoutes } from './routes/operations.ts';
import { readyRoutes } from './routes/ready.ts';
import { sessionRoutes } from './routes/session.ts';
import { staticRoutes } from './routes/static.ts';
import { pageRoutes } from './pages/routes.ts';
import { PageCache } from './pages/cache.ts';
import { ApiCache } from './cache/api-cache.ts';
import { installApiCacheInvalidation } from './cache/invalidation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Guests may call the route; every other route needs a signed-in member. */
    public?: boolean;
  }
}

export type ForumContext = Omit<AppContext, 'live'> & { heartbeatMs?: number; email?: EmailOptions | undefined };

/** Registers every route of the forum on `fastify` (an encapsulated context); resolves to its live hub. */
export async function registerForum(fastify: FastifyInstance, options: ForumContext): Promise<LiveHub> {
  // Each route's own limit: inside a brand's app, the server-wide default is the brand's.
  fastify.addHook('onRoute', (route) => void (route.bodyLimit ??= BODY_LIMIT));
  warnOnShortParams(fastify);
  fastify.setValidatorCompiler(({ schema, httpPart }) => requestChecker(schema as TSchema, httpPart));
  installErrorHandling(fastify);
  installHeaders(fastify, `${fastify.prefix}/api`);
  closeConnectionsWhenClosing(fastify);
  await installCompression(fastify);

  const live = new LiveHub(options.db, options.community, options.heartbeatMs);
  await live.start();
  // Before the server waits for open connections: SSE streams never end on their own.
  fastify.addHook('preClose', () => live.stop());
  // Always: a community's admins may add webhooks at any time (one cheap query a second).
  const stopDrainer = startWebhookDrainer(options.db, options.webhooks ?? {}, (error) => fastify.log.error({ err: error }, 'webhook drain failed'));
  fastify.addHook('onClose', stopDrainer);
  // Always: the community may choose webhooks for notifications; SMTP unset means no e-mail.
  const { email, ...appOptions } = options;
  const stopEmail = startEmailDrainer({ db: options.db, community: options.community, options: email ?? {}, webhooks: options.webhooks, log: fastify.log });
  fastify.addHook('onClose', stopEmail);
  const ctx: AppContext = { ...appOptions, live };
  await registerOpenApi(fastify, `${fastify.prefix}/api`);
  await fastify.register(async (api) => registerApi(api, ctx), { prefix: '/api' });
  if (ctx.pages) await fastify.register(pageRoutesOf(ctx, fastify.prefix));
  if (ctx.config.staticDir) await fastify.register(staticRoutes(ctx.config.staticDir, { pages: Boolean(ctx.pages) }));
  return live;
}

/** The rendered pages, their cache emptied by the live events that change them. */
function pageRoutesOf(ctx: AppContext, prefix: string) {
  const pages = ctx.pages!;
  const shell = pages.shell ?? (ctx.config.staticDir ? join(ctx.config.staticDir, 'index.html') : undefined);
  if (!shell) throw new Error('Rendered pages need a page shell: give pages.shell, or a staticDir with index.html.');
  const cache = new PageCache();
  // Every process hears every event (NOTIFY): a page changed anywhere is dropped here too.
  ctx.live.onEvent(({ event }) => cache.invalidateFor(event));
  return pageRoutes({ db: ctx.db, community: ctx.community, demo: ctx.config.demo, cache }, { ...pages, shell, api: pages.api ?? `${prefix}/api` });
}

async function registerApi(api: FastifyInstance, ctx: AppContext): Promise<void> {
  // First: a preflight is answered before authentication and rate limits.
  await installCors(api, ctx.config.allowedOrigins ?? []);
  // Filled by the hook below on every request; null only until then.
  api.decorateRequest('actor', null as never);
  const countFailedAuth = await installRateLimit(api, ctx.limits.requestsPerMinute, ctx.db);
  const recentSignIns = new RecentSignIns();
  api.addHook('preHandler', async (request) => {
    request.actor = await resolveActor(ctx.db, ctx.community.id, request.headers.authorization, ctx.auth, recentSignIns).catch((error: unknown) => countFailedAuth(request, error));
    if (!request.routeOptions.config.public && !isSignedIn(request.actor)) {
      throw new ApiError('unauthorized', 'Sign in to do this.');
    }
  });
  installIdempotency(api, ctx.db);
  // Public reads kept serialized per audience, emptied by live events and writes (./cache/).
  const cache = new ApiCache();
  await installApiCacheInvalidation(api, { db: ctx.db, live: ctx.live, communityId: ctx.community.id, cache });
  api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => api.swagger());
  await api.register(docsPageRoutes);
  await api.register(operationRoutes(ctx, cache));
  await api.register(sessionRoutes(ctx));
  await api.register(readyRoutes(ctx));
  await api.register(eventRoutes(ctx));
  await api.register(unsubscribePageRoutes(ctx));
}

/** A router that cuts path parameters shorter than the longest slug would answer 414 to valid FAQ links. */
function warnOnShortParams(fastify: FastifyInstance): void {
  const configured = fastify.initialConfig.routerOptions?.maxParamLength ?? 100;
  if (configured < LIMITS.slugMax) {
    fastify.log.warn(`routerOptions.maxParamLength is ${configured}: set it to ${LIMITS.slugMax} or more, or FAQ links with long slugs answer 414.`);
  }
}
