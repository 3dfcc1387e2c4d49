/**
 * A real server on a fresh database for each test file: PGlite in memory by default, or a
 * new database on the PostgreSQL server named by ENTRAIDE_TEST_DATABASE_URL (parity runs).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Limits, Timeouts, TrustProxy } from '../../src/server/config.ts';
import { signToken } from '../../src/server/auth.ts';
import type { Role } from '../../src/core/index.ts';
import { openDatabase, type Database } from '../../src/server/db/open.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadCommunity, type CommunityContext } from '../../src/domain/repo/community.ts';
import type { WebhookOptions } from '../../src/domain/services/webhooks.ts';
import { insertFixtures, type Fixtures } from './fixtures.ts';
import { scratchPostgresDatabase } from './postgres.ts';
import { migratedPglite } from './template.ts';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  community: CommunityContext;
  fixtures: Fixtures;
  /** Base URL of the real HTTP listener (only after `listen: true`). */
  url: string;
  /** The PostgreSQL database's URL, for a second connection (another process's); none on PGlite. */
  databaseUrl?: string;
  tokenFor(member: { externalId: string; pseudonym: string; role: Role }): Promise<string>;
  close(): Promise<void>;
}

async function freshDatabase(): Promise<{ db: Database; drop: () => Promise<void>; url?: string }> {
  const adminUrl = process.env.ENTRAIDE_TEST_DATABASE_URL;
  if (!adminUrl) return { db: await migratedPglite(), drop: () => Promise.resolve() };
  const scratch = await scratchPostgresDatabase(adminUrl);
  return { db: await openDatabase({ databaseUrl: scratch.url }), drop: scratch.drop, url: scratch.url };
}

/** Tests post fast: limits are off unless a test asks for them. */
export const NO_LIMITS: Limits = { requestsPerMinute: 0, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 } };

/** `webhooks`: the server's endpoint and sender settings; tests may name loopback receivers unless they say otherwise. */
export async function createTestServer(options: { demo?: boolean; listen?: boolean; limits?: Limits; timeouts?: Timeouts; staticDir?: string; allowedOrigins?: string[]; webhooks?: WebhookOptions; pages?: { publicUrl: string; shell?: string; sitemapPerFile?: number }; trustProxy?: TrustProxy } = {}): Promise<TestServer> {
  const { db, drop, url: databaseUrl } = await freshDatabase();
  await migrate(db);
  const fixtures = await insertFixtures(db);
  const community = await loadCommunity(db);
  if (!community) throw new Error('fixtures made no community');
  const app = await buildApp({ db, community, config: { demo: options.demo ?? false, staticDir: options.staticDir ?? '/nonexistent', allowedOrigins: options.allowedOrigins }, auth: { secret: TEST_SECRET }, limits: options.limits ?? NO_LIMITS, timeouts: options.timeouts, webhooks: { privateHosts: 'loopback', ...options.webhooks }, pages: options.pages, trustProxy: options.trustProxy });
  const url = options.listen ? await app.listen({ port: 0, host: '127.0.0.1' }) : '';
  return {
    app,
    db,
    community,
    fixtures,
    url,
    ...(databaseUrl ? { databaseUrl } : {}),
    tokenFor: async (member) => (await signToken(TEST_SECRET, { sub: member.externalId, name: member.pseudonym, role: member.role })).token,
    async close() {
      await app.close();
      await db.close();
      await drop();
    },
  };
}

export const isPostgres = () => Boolean(process.env.ENTRAIDE_TEST_DATABASE_URL);

/** A server on a fresh database and a bearer token for each fixture member, by fixture name. */
export async function serverWithTokens(options?: Parameters<typeof createTestServer>[0]): Promise<{ server: TestServer; tokens: Record<string, string> }> {
  const server = await createTestServer(options);
  const tokens: Record<string, string> = {};
  for (const [name, member] of Object.entries(server.fixtures.members)) tokens[name] = await server.tokenFor(member);
  return { server, tokens };
}
