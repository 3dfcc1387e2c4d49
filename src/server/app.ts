/**
 * The server as a Fastify plugin tree built by `buildApp`, separate from `listen`, so tests
 * drive it with `app.inject()` or a real port alike.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import type { TSchema } from 'typebox';
import { ErrorBody } from '../contract/index.ts';
import { ApiError, isSignedIn, LIMITS, type Actor } from '../core/index.ts';
import { resolveActor, type AuthOptions } from './auth.ts';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUTS, type Limits, type ServerConfig, type Timeouts } from './config.ts';
import type { Database } from '../domain/database.ts';
import { installCompression } from './compress.ts';
import { installCors } from './cors.ts';
import { frameworkErrors, installErrorHandling } from './errors.ts';
import { installHeaders } from './headers.ts';
import { BODY_LIMIT, requestChecker } from '../domain/validation.ts';
import { installIdempotency } from './idempotency.ts';
import { LiveHub } from '../domain/live.ts';
import { installRateLimit } from './rate-limit.ts';
import { serverTimeouts } from './timeouts.ts';
import type { CommunityContext } from '../domain/repo/community.ts';
import type { WebhookOptions } from '../domain/services/webhooks.ts';
import { startWebhookDrainer } from './webhook-drainer.ts';
import type { HandoffOptions } from '../domain/services/handoffs.ts';
import { eventRoutes } from './routes/events.ts';
import { operationRoutes } from './routes/operations.ts';
import { readyRoutes } from './routes/ready.ts';
import { sessionRoutes } from './routes/session.ts';
import { staticRoutes } from './routes/static.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** How many SSE clients this process serves (health, tests). */
    liveClients(): number;
  }
  interface FastifyContextConfig {
    /** Guests may call the route; every other route needs a signed-in member. */
    public?: boolean;
  }
}

export interface AppContext {
  db: Database;
  config: Pick<ServerConfig, 'demo' | 'staticDir'> & Partial<Pick<ServerConfig, 'allowedOrigins'>>;
  community: CommunityContext;
  auth: AuthOptions;
  live: LiveHub;
  limits: Limits;
  /** Where incident changes are POSTed, signed (advisor area); none = not sent. */
  webhooks?: WebhookOptions;
  /** The brand's back office that opens a case per hand-off; none = hand-offs answer 409. */
  handoff?: HandoffOptions;
}

export interface BuildAppOptions {
  db: Database;
  community: CommunityContext;
  config: Pick<ServerConfig, 'demo' | 'staticDir'> & Partial<Pick<ServerConfig, 'allowedOrigins'>>;
  auth: AuthOptions;
  /** Rate limits and posting intervals; defaults to DEFAULT_LIMITS. */
  limits?: Limits;
  webhooks?: WebhookOptions;
  handoff?: HandoffOptions;
  logger?: FastifyServerOptions['logger'];
  timeouts?: Timeouts;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const app = Fastify({
    logger: options.logger ?? false, bodyLimit: BODY_LIMIT, return503OnClosing: true, frameworkErrors,
    routerOptions: { maxParamLength: LIMITS.slugMax }, ...serverTimeouts(timeouts),
  });
  app.setValidatorCompiler(({ schema, httpPart }) => requestChecker(schema as TSchema, httpPart));
  installErrorHandling(app);
  installHeaders(app);
  await installCompression(app);

  const live = new LiveHub(options.db, options.community, timeouts.heartbeatMs);
  await live.start();
  // Before the server waits for open connections: SSE streams never end on their own.
  app.addHook('preClose', () => live.stop());
  app.decorate('liveClients', () => live.size);
  // Always: a community's admins may add webhooks at any time (one cheap query a second).
  const stopDrainer = startWebhookDrainer(options.db, options.webhooks ?? {}, (error) => app.log.error({ err: error }, 'webhook drain failed'));
  app.addHook('onClose', stopDrainer);
  const ctx: AppContext = { db: options.db, config: options.config, community: options.community, auth: options.auth, live, limits: options.limits ?? DEFAULT_LIMITS, webhooks: options.webhooks, handoff: options.handoff };

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Entraide API', version: '0.1.0', description: 'Community-first customer-support forum.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  app.addSchema(ErrorBody);

  await app.register(
    async (api) => {
      // First: a preflight is answered before authentication and rate limits.
      await installCors(api, options.config.allowedOrigins ?? []);
      // Filled by the hook below on every request; null only until then.
      api.decorateRequest('actor', null as never);
      const countFailedAuth = await installRateLimit(api, ctx.limits.requestsPerMinute);
      api.addHook('preHandler', async (request) => {
        request.actor = await resolveActor(ctx.db, ctx.community.id, request.headers.authorization, ctx.auth).catch((error: unknown) => countFailedAuth(request, error));
        if (!request.routeOptions.config.public && !isSignedIn(request.actor)) {
          throw new ApiError('unauthorized', 'Sign in to do this.');
        }
      });
      installIdempotency(api, ctx.db);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await api.register(operationRoutes(ctx));
      await api.register(sessionRoutes(ctx));
      await api.register(readyRoutes(ctx));
      await api.register(eventRoutes(ctx));
    },
    { prefix: '/api' },
  );
  await app.register(staticRoutes(ctx));
  return app;
}
