/**
 * The demo community in an in-memory PGlite, for the mocks: loaded from the dump that
 * `npm run build:demo-data` writes next to this file, moved to the present, and put back as it
 * was loaded by `reset()` between tests, so each test starts from the same community without
 * paying for a new database.
 */
import type { Database, Queryable } from '../../domain/database.ts';
import { openPglite } from '../../domain/pglite.ts';
import { DEMO_DATA_TIME } from '../../domain/seed/index.ts';

export interface DemoDatabase extends Database {
  /** Puts every table back as it was loaded (nothing to do when nothing was written since). */
  reset(): Promise<void>;
}

/** Where the dump lives: beside this module, in the sources and in the package alike. */
export const DEMO_DATA_URL = new URL('./community.tar.gz', import.meta.url);

const SNAPSHOT = 'entraide_snapshot';

async function readDump(source: URL): Promise<Blob> {
  if (source.protocol !== 'file:') {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`entraide mocks: the demo data at ${source.href} answered ${response.status} (run \`npm run build:demo-data\`).`);
    return response.blob();
  }
  // Node's fetch reads no file: URLs. The module name is a variable so that browser bundlers leave it alone.
  const fs = 'node:fs/promises';
  const { readFile } = (await import(/* @vite-ignore */ fs)) as { readFile: (path: URL) => Promise<Uint8Array<ArrayBuffer>> };
  return new Blob([await readFile(source)]);
}

interface Table {
  name: string;
  columns: string[];
  times: string[];
}

async function tablesOf(db: Database): Promise<Table[]> {
  // The snapshot's copies live in their own schema: only the public tables count.
  const rows = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `select c.table_name, c.column_name, c.data_type from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
      order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Table>();
  for (const row of rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [], times: [] };
    table.columns.push(`"${row.column_name}"`);
    if (row.data_type === 'timestamp with time zone') table.times.push(`"${row.column_name}"`);
    tables.set(row.table_name, table);
  }
  return [...tables.values()];
}

/** Every stored time moves by the same distance, so "2 hours ago" in the seed stays 2 hours ago. */
function shiftScript(tables: Table[], seconds: number): string {
  const updates = tables
    .filter((table) => table.times.length > 0)
    .map((table) => `update public."${table.name}" set ${table.times.map((column) => `${column} = ${column} + interval '${seconds} seconds'`).join(', ')};`);
  return ['set session_replication_role = replica;', ...updates, 'set session_replication_role = origin;'].join('\n');
}

/** The copy `reset()` restores from, made once when the dump is built (`npm run build:demo-data`). */
export async function snapshotDemoData(db: Database): Promise<void> {
  const tables = await tablesOf(db);
  await db.exec(snapshotScript(tables));
}

function snapshotScript(tables: Table[]): string {
  return [
    `create schema ${SNAPSHOT};`,
    ...tables.map((table) => `create table ${SNAPSHOT}."${table.name}" as table public."${table.name}";`),
    ...tables.filter(hasId).map((table) => `create index on ${SNAPSHOT}."${table.name}" (id);`),
  ].join('\n');
}

const hasId = (table: Table): boolean => table.columns.includes('"id"');

/**
 * Puts back only what changed: rows written since the snapshot carry a newer transaction id
 * (`xmin`), so they go, and the snapshot's rows that are missing come back. Rebuilding whole
 * tables would recompute every post's search vector (about 200 ms a test).
 */
function restoreScript(tables: Table[], snapshotXid: number, seconds: number): string {
  const restoreTable = (table: Table): string[] => {
    const target = `public."${table.name}"`;
    const columns = table.columns.join(', ');
    // The snapshot keeps the dump's times: they move to the present on the way back, as the tables did when loaded.
    const shifted = table.columns.map((column) => (table.times.includes(column) ? `${column} + interval '${seconds} seconds'` : column)).join(', ');
    const copy = `insert into ${target} (${columns}) overriding system value select ${shifted} from ${SNAPSHOT}."${table.name}" s`;
    if (!hasId(table)) return [`delete from ${target};`, `${copy};`];
    return [`delete from ${target} where xmin::text::bigint > ${snapshotXid};`, `${copy} where not exists (select 1 from ${target} x where x.id = s.id);`];
  };
  return [
    // Replica mode skips triggers and foreign-key checks: the tables come back whole, in any order.
    'set session_replication_role = replica;',
    ...tables.flatMap(restoreTable),
    'set session_replication_role = origin;',
  ].join('\n');
}

const WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+(?:public\.)?"?([a-z_][a-z0-9_]*)/gi;

/** The tables a statement writes to, read from its text (names that are no table, like `do update set`, are dropped later). */
const writtenBy = (sql: string): string[] => [...sql.matchAll(WRITE)].map((match) => match[1]!.toLowerCase());

/** For each table, the tables a delete in it also changes through `on delete cascade | set null | set default`. */
async function cascadesOf(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.query<{ referenced: string; referencing: string }>(
    `select confrelid::regclass::text as referenced, conrelid::regclass::text as referencing
       from pg_constraint where contype = 'f' and confdeltype in ('c', 'n', 'd')`,
  );
  const cascades = new Map<string, string[]>();
  for (const row of rows) cascades.set(row.referenced, [...(cascades.get(row.referenced) ?? []), row.referencing]);
  return cascades;
}

async function sequencesScript(db: Database): Promise<string> {
  const sequences = await db.query<{ name: string; value: number | null }>(
    "select sequencename as name, last_value as value from pg_sequences where schemaname = 'public'",
  );
  return sequences.map((sequence) => `select setval('public."${sequence.name}"', ${sequence.value ?? 1}, ${sequence.value !== null});`).join('\n');
}

/** Opens the demo community (from `source`, the built dump by default), with times moved to now. */
export async function openDemoDatabase(source: URL | Blob = DEMO_DATA_URL): Promise<DemoDatabase> {
  const db = await openPglite({ loadDataDir: source instanceof Blob ? source : await readDump(source) });
  const tables = await tablesOf(db);
  const seconds = Math.round((Date.now() - DEMO_DATA_TIME.getTime()) / 1000);
  await db.exec(shiftScript(tables, seconds));
  const [{ xid } = { xid: 0 }] = await db.query<{ xid: number }>('select (txid_current() % 4294967296)::int as xid');
  const sequences = await sequencesScript(db);
  const cascades = await cascadesOf(db);
  const byName = new Map(tables.map((table) => [table.name, table]));
  const written = new Set<string>();
  const note = (sql: string): void => {
    const pending = writtenBy(sql);
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (written.has(name) || !byName.has(name)) continue;
      written.add(name);
      pending.push(...(cascades.get(name) ?? []));
    }
  };
  const noting = (target: Queryable): Queryable => ({
    query(sql, params) {
      note(sql);
      return target.query(sql, params);
    },
  });
  return {
    kind: db.kind,
    ...noting(db),
    transaction: (fn) => db.transaction((tx) => fn(noting(tx))),
    exec(script) {
      note(script);
      return db.exec(script);
    },
    listen: (channel, onMessage) => db.listen(channel, onMessage),
    close: () => db.close(),
    async reset() {
      if (written.size === 0) return;
      const changed = [...written].map((name) => byName.get(name)!);
      written.clear();
      await db.exec(`${restoreScript(changed, xid, seconds)}\n${sequences}`);
    },
  };
}
