/**
 * The database a one-shot command works on, named the way its output names it. The drivers are
 * loaded when a command opens it, so that `--help` and `token` answer at once.
 */
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/open.ts';
import { warn } from './command.ts';

/** "PostgreSQL at host:port/name" (never the password) or "PGlite in <dir>". */
export function describeDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

/** Runs `work` on the configured database, under the data-directory lock (PGlite), and closes it. */
export async function withDatabase<T>(config: ServerConfig, work: (db: Database) => Promise<T>): Promise<T> {
  const { openLockedDatabase } = await import('../db/prepare.ts');
  const opened = await openLockedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, warn);
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}
