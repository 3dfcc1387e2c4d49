/**
 * Starting a server from a config: lock, open, migrate, seed (demo), build, listen. Used by
 * the CLI, the end-to-end tests and the bench, so all three start it the same way.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase, type Database } from './db/open.ts';
import { lockDataDir } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { ensureCommunity, loadCommunity } from '../domain/repo/community.ts';
import { seedDemoCommunity } from '../domain/seed/index.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  stop(): Promise<void>;
}

export type Progress = (message: string) => void;

export async function startServer(config: ServerConfig, progress: Progress = () => undefined): Promise<RunningServer> {
  const release = config.databaseUrl ? () => undefined : await lockDataDir(config.dataDir);
  let db: Database | undefined;
  try {
    if (!config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'))) progress(`Creating the embedded database in ${config.dataDir} …`);
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
    const applied = await migrate(db);
    if (applied.length) progress(`Applied migrations: ${applied.join(', ')}`);
    if (config.demo) {
      await seedDemoCommunity(db, { onProgress: seedProgress(progress) });
    } else {
      await ensureCommunity(db, 'default', 'Entraide');
    }
    const community = await loadCommunity(db, config.demo ? 'volta' : undefined);
    if (!community) throw new Error('No community to serve.');
    const secret = config.jwt.secret ?? (config.demo ? randomBytes(32).toString('base64url') : undefined);
    if (!config.jwt.secret && !config.jwt.jwksUrl) {
      progress(config.demo ? 'Demo mode: tokens are signed with a random secret for this run.' : 'Neither ENTRAIDE_JWT_SECRET nor ENTRAIDE_JWKS_URL is set: everyone is a guest (read only).');
    }
    const app = await buildApp({
      db,
      community,
      config,
      auth: { secret, jwksUrl: config.jwt.jwksUrl, issuer: config.jwt.issuer, audience: config.jwt.audience },
      limits: config.limits,
      webhooks: config.webhooks,
      handoff: config.handoff,
      timeouts: config.timeouts,
      logger: process.env.ENTRAIDE_LOG === '1' ? { level: 'info' } : false,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    const openDb = db;
    return {
      app,
      db: openDb,
      url,
      async stop() {
        await app.close();
        await openDb.close();
        release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    release();
    throw error;
  }
}

function seedProgress(progress: Progress) {
  let lastShown = -1;
  return (done: number, total: number, label: string) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    const step = Math.floor(percent / 20);
    if (step === lastShown) return;
    lastShown = step;
    progress(`Seeding the demo community: ${percent}% (${label})`);
  };
}
