/**
 * Starting the reference server from a config: the HTTP server and its logger, the `entraide`
 * plugin (lock, open, migrate, seed in demo mode), listen. Used by the CLI's `serve`, the
 * end-to-end tests and the bench, so all three start it the same way.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serverOptions } from './app.ts';
import { fastifyTrustProxy, type ServerConfig } from './config.ts';
import type { Database } from './db/open.ts';
import type { PrepareOptions } from './db/prepare.ts';
import { loggerOptions } from './logging.ts';
import { entraide } from './plugin.ts';
import { lineProgress } from './progress.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** Closes the app: live streams told to retry, in-flight requests finished, database closed, lock released. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Progress of the demo seed (a first start in demo mode). */
  onSeedProgress?: PrepareOptions['onSeedProgress'];
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const app = Fastify({ ...serverOptions(config.timeouts), ...loggerOptions(config.logLevel), trustProxy: fastifyTrustProxy(config.trustProxy) });
  const seedLines = lineProgress('Seeding the demo community', (line) => app.log.info(line), 20);
  let url: string;
  try {
    await app.register(entraide, {
      databaseUrl: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      community: config.community,
      demo: config.demo,
      auth: config.jwt,
      staticDir: config.staticDir,
      allowedOrigins: config.allowedOrigins,
      pages: config.pages,
      limits: config.limits,
      webhooks: config.webhooks,
      handoff: config.handoff,
      email: config.email,
      heartbeatMs: config.timeouts.heartbeatMs,
      onSeedProgress: options.onSeedProgress ?? ((done, total, label) => seedLines.update(done, total, label)),
    });
    const address = await app.listen({ port: config.port, host: config.host });
    url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return { app, db: app.entraide.db, url, stop: () => app.close() };
}
