import { PGlite, types } from '@electric-sql/pglite';
import type { Database, DatabaseOptions, Queryable } from './database.ts';

const parsers = { [types.INT8]: (value: string) => Number(value) };

export async function openPglite(options: DatabaseOptions): Promise<Database & { dump(): Promise<Blob | File> }> {
  const db = await PGlite.create(options.dataDir, { parsers, loadDataDir: options.loadDataDir });
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
  };
}
