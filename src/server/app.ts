/**
 * The reference server's Fastify app: the HTTP server's settings, then the `entraide` plugin.
 * `buildApp` is separate from `listen`, so tests drive it with `app.inject()` or a real port alike.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { LIMITS } from '../core/index.ts';
import type { AuthOptions } from './auth.ts';
import { DEFAULT_TIMEOUTS, fastifyTrustProxy, type Limits, type ServerConfig, type Timeouts, type TrustProxy } from './config.ts';
import type { Database } from '../domain/database.ts';
import { frameworkErrors } from './errors.ts';
import type { LiveHub } from '../domain/live.ts';
import { serverTimeouts } from './timeouts.ts';
import type { CommunityContext } from '../domain/repo/community.ts';
import type { WebhookOptions } from '../domain/services/webhooks.ts';
import type { HandoffOptions } from '../domain/services/handoffs.ts';
import type { EmailOptions } from './email-drainer.ts';
import { entraide } from './plugin.ts';

/** What every route of the forum is given. */
export interface AppContext {
  db: Database;
  /** `staticDir`: the page and scripts to serve; none = the API only. */
  config: { demo: boolean; staticDir?: string; allowedOrigins?: string[] };
  community: CommunityContext;
  auth: AuthOptions;
  live: LiveHub;
  limits: Limits;
  /** Where incident changes are POSTed, signed (advisor area); none = not sent. */
  webhooks?: WebhookOptions;
  /** The brand's back office that opens a case per hand-off; none = hand-offs answer 409. */
  handoff?: HandoffOptions;
  /** Server-rendered pages (see the plugin's `pages` option); none = no pages. */
  pages?: { publicUrl: string; shell?: string; api?: string; sitemapPerFile?: number };
}

/**
 * The HTTP server's settings: a slug-long path parameter, the router's refusals in our error
 * shape, 503 to requests that arrive while closing, the time limits. No plugin timeout: a first
 * start creates the embedded database (and the demo seeds it), which may take longer than 10 s.
 */
export function serverOptions(timeouts: Timeouts, logger: FastifyServerOptions['logger'] = false): FastifyServerOptions {
  return {
    logger, return503OnClosing: true, frameworkErrors, pluginTimeout: 0,
    routerOptions: { maxParamLength: LIMITS.slugMax }, ...serverTimeouts(timeouts),
  };
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
  email?: EmailOptions;
  logger?: FastifyServerOptions['logger'];
  timeouts?: Timeouts;
  pages?: AppContext['pages'];
  /** Fastify's `trustProxy` (see ServerConfig): whose `X-Forwarded-For` gives `request.ip`. */
  trustProxy?: TrustProxy;
}

/** The server on a database the caller opened and closes (tests). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const app = Fastify({ ...serverOptions(timeouts, options.logger), trustProxy: fastifyTrustProxy(options.trustProxy) });
  await app.register(entraide, {
    database: { db: options.db, community: options.community },
    demo: options.config.demo,
    staticDir: options.config.staticDir,
    allowedOrigins: options.config.allowedOrigins,
    auth: options.auth,
    limits: options.limits,
    webhooks: options.webhooks,
    handoff: options.handoff,
    email: options.email,
    pages: options.pages,
    heartbeatMs: timeouts.heartbeatMs,
  });
  return app;
}
