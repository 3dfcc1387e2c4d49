import { createHash } from 'node:crypto';
import pg from 'pg';
import { isPrepared, type Database, type Queryable } from '../../domain/database.ts';
import { PgListener } from './pg-listener.ts';

// Same row types as PGlite: bigint counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

const statementNames = new Map<string, string>();

/** A prepared statement's name from its text: each connection parses it once, then only binds and executes it. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `entraide_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`));
  return name;
}

export async function openPostgres(connectionString: string): Promise<Database> {
  // JIT off: it compiles any statement the planner costs above 100,000 (a search on a million
  // posts), 100–150 ms each time, for queries that run in a few milliseconds without it.
  const pool = new pg.Pool({ connectionString, max: 10, options: '-c jit=off' });
  await pool.query('select 1');
  // LISTEN on a connection of its own, reconnected when it drops (./pg-listener.ts).
  const listener = new PgListener({ connectionString });
  const asQueryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const values = params as unknown[];
      // Hot reads marked `prepared` (src/domain/database.ts) by name; the rest as they come.
      const result = isPrepared(sql) ? await target.query({ name: statementName(sql), text: sql, values }) : await target.query(sql, values);
      return result.rows as Row[];
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(asQueryable(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    listen: (channel, onMessage, onResume) => listener.listen(channel, onMessage, onResume),
    close: async () => {
      // pool.end() resolves before its connections have closed: wait for each one's 'remove'.
      let open = pool.totalCount;
      const closed = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on('remove', () => (open -= 1) === 0 && resolve());
      });
      await listener.close();
      await pool.end();
      await closed;
    },
  };
}
