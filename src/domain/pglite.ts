import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable } from './database.ts';

export interface PgliteOptions {
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** A dump of a migrated PGlite database to start from (tests and mocks clone a template this way). */
  loadDataDir?: Blob | File;
}

const parsers = { [types.INT8]: (value: string) => Number(value) };

/**
 * A Date the way node-postgres writes it, so both drivers store the same instant. PGlite's own
 * `toISOString()` writes year 0 as `0000` (PostgreSQL has no year 0: 1 BC) and years past 9999
 * as `+010000`, which PostgreSQL refuses: an early `from` in a query answered 500 on PGlite only.
 */
export function instantText(value: unknown): string {
  if (!(value instanceof Date)) return String(value);
  const iso = value.toISOString();
  const afterYear = iso.slice(iso.indexOf('-', 1)).replace(/Z$/, '+00:00');
  const year = value.getUTCFullYear();
  return year < 1 ? `${String(1 - year).padStart(4, '0')}${afterYear} BC` : `${String(year).padStart(4, '0')}${afterYear}`;
}

const serializers = { [types.TIMESTAMPTZ]: instantText, [types.TIMESTAMP]: instantText, [types.DATE]: instantText, [types.TEXT]: instantText };

export interface PgliteDatabase extends Database {
  /** The data directory as a tar file (`loadDataDir` reads it back). */
  dump(): Promise<Blob | File>;
  /** The same, gzip-compressed (what ships with the mocks). */
  dumpCompressed(): Promise<Blob | File>;
}

export async function openPglite(options: PgliteOptions): Promise<PgliteDatabase> {
  const db = await PGlite.create(options.dataDir, {
    parsers, serializers, loadDataDir: options.loadDataDir,
    // Trigram similarity for "did you mean" (migration 019); loaded here, created by the migration.
    extensions: { pg_trgm },
  });
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(db),
    transaction: (fn) => db.transaction((tx) => fn(asQueryable(tx))),
    exec: async (script) => {
      await db.exec(script);
    },
    listen: async (channel, onMessage) => {
      const stop = await db.listen(channel, onMessage);
      return () => stop();
    },
    close: () => db.close(),
    dump: () => db.dumpDataDir('none'),
    dumpCompressed: () => db.dumpDataDir('gzip'),
  };
}
