/**
 * The forum as a Fastify plugin, for a brand's own Fastify app:
 *
 *   await app.register(entraide, { prefix: '/forum', dataDir: './forum-data', auth: { secret } });
 *
 * It opens the database (PGlite under our lock, or PostgreSQL), applies pending migrations,
 * serves the forum's routes under the prefix, and closes the database when the app closes.
 * `buildApp` and `startServer` register it too: the CLI, the tests and the bench run this path.
 * The HTTP server's own settings (timeouts, logger, 503 while closing) stay the app's.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AuthOptions } from './auth.ts';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUTS, type Limits } from './config.ts';
import type { Database } from '../domain/database.ts';
import type { CommunityContext } from '../domain/repo/community.ts';
import type { HandoffOptions } from '../domain/services/handoffs.ts';
import type { WebhookOptions } from '../domain/services/webhooks.ts';
import type { EmailOptions } from './email-drainer.ts';
import { prepareDatabase, type PrepareOptions } from './db/prepare.ts';
import { registerForum } from './forum.ts';

export interface EntraideOptions {
  /** `postgres://…`; when unset, the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's directory, held under a lock while the app runs. */
  dataDir?: string;
  /** An open database and its community, owned by the caller: neither migrated nor closed here (tests). */
  database?: { db: Database; community: CommunityContext };
  /** The slug of the community to serve; default: the first one. */
  community?: string;
  /** Seeds the demo community and enables the demo sign-in. */
  demo?: boolean;
  /** The brand's JWTs: an HS256 secret (32 characters or more) and/or a JWKS URL. None: everyone reads as a guest. */
  auth?: Partial<AuthOptions>;
  /** The page and scripts to serve under the prefix; none: the API only. */
  staticDir?: string;
  /** Origins of brand pages that call the API from a browser (CORS). */
  allowedOrigins?: string[];
  /**
   * Server-rendered pages of the read path under the prefix (`/`, `/c/<slug>`, `/t/<id>-<slug>`,
   * `/faq/<slug>`, `sitemap.xml`): `publicUrl` is the forum's address as readers see it; `shell`
   * the brand's page around the forum (default: `index.html` of `staticDir`). None: no pages.
   */
  pages?: { publicUrl: string; shell?: string; api?: string; sitemapPerFile?: number };
  limits?: Limits;
  webhooks?: WebhookOptions;
  handoff?: HandoffOptions;
  /** Notifications by e-mail (SMTP), or by the community's webhooks; none = no e-mail. */
  email?: EmailOptions;
  /** How often the event stream sends its keep-alive comment. */
  heartbeatMs?: number;
  onSeedProgress?: PrepareOptions['onSeedProgress'];
  /** Fastify's own option: where the forum is mounted. */
  prefix?: string;
}

/** What the plugin exposes on the app as `app.entraide`. */
export interface EntraideHandle {
  db: Database;
  community: CommunityContext;
  /** How many live-event clients this process serves. */
  liveClients(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    entraide: EntraideHandle;
  }
}

export class EntraideOptionsError extends Error {
  override readonly name = 'EntraideOptionsError';
}

function authOf(options: EntraideOptions, log: FastifyInstance['log']): AuthOptions {
  const { secret, jwksUrl, issuer, audience } = options.auth ?? {};
  if (secret !== undefined && secret.length < 32) throw new EntraideOptionsError('auth.secret must be at least 32 characters long (HS256 needs a 256-bit secret).');
  if (!secret && !jwksUrl) {
    if (options.demo) log.info('Demo mode: tokens are signed with a random secret for this run.');
    else log.warn('No auth.secret nor auth.jwksUrl (ENTRAIDE_JWT_SECRET, ENTRAIDE_JWKS_URL): everyone is a guest (read only).');
  }
  return { secret: secret ?? (options.demo ? randomBytes(32).toString('base64url') : undefined), jwksUrl, issuer, audience };
}

async function openOrUse(fastify: FastifyInstance, options: EntraideOptions) {
  if (options.database) return { ...options.database, close: () => Promise.resolve() };
  if (!options.databaseUrl && !options.dataDir) throw new EntraideOptionsError('Give entraide a databaseUrl (PostgreSQL) or a dataDir (embedded database).');
  const say = (message: string) => fastify.log.info(message);
  return prepareDatabase({ ...options, say });
}

async function plugin(fastify: FastifyInstance, options: EntraideOptions): Promise<void> {
  const auth = authOf(options, fastify.log);
  const opened = await openOrUse(fastify, options);
  const { db, community } = opened;
  // Fastify runs onClose hooks once every request has ended, the forum's own (webhook drainer) first.
  fastify.addHook('onClose', () => opened.close());
  let live: { size: number } = { size: 0 };
  await fastify.register(async (forum) => {
    live = await registerForum(forum, {
      db, community, auth,
      config: { demo: options.demo ?? false, staticDir: options.staticDir, allowedOrigins: options.allowedOrigins },
      pages: options.pages,
      limits: options.limits ?? DEFAULT_LIMITS,
      webhooks: options.webhooks,
      handoff: options.handoff,
      email: options.email,
      heartbeatMs: options.heartbeatMs ?? DEFAULT_TIMEOUTS.heartbeatMs,
    });
  }, { prefix: options.prefix });
  fastify.decorate('entraide', { db, community, liveClients: () => live.size });
}

/**
 * Runs in the app's own context (Fastify's `skip-override`, what `fastify-plugin` sets), so that
 * `app.entraide` and closing the database belong to the app; the routes get a context of their own.
 */
export const entraide: FastifyPluginAsync<EntraideOptions> = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'entraide',
});
