/** Opens the server's database: PostgreSQL when a URL is given, embedded PGlite otherwise. */
import type { Database } from '../../domain/database.ts';
import type { PgliteOptions } from '../../domain/pglite.ts';

export type { Database };

export interface DatabaseOptions extends PgliteOptions {
  /** `postgres://…` selects PostgreSQL. */
  databaseUrl?: string;
  /** PGlite runs in a worker thread (default), off the event loop; `false` keeps it on this thread. */
  pgliteInWorker?: boolean;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl);
  }
  if (options.pgliteInWorker === false) {
    const { openPglite } = await import('../../domain/pglite.ts');
    return openPglite(options);
  }
  const { openPgliteInWorker } = await import('./pglite-worker.ts');
  return openPgliteInWorker({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
}
