import { readdir, readFile } from 'node:fs/promises';
import type { Database } from '../../domain/database.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** Every migration this build ships, in the order they apply. */
export async function shippedMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((file) => file.endsWith('.sql')).sort();
}

/** The migrations this build ships that the database has not applied (all of them before the first `migrate`). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [table] = await db.query<{ name: string | null }>("select to_regclass('schema_migrations')::text as name");
  const applied = new Set(table?.name ? (await db.query<{ name: string }>('select name from schema_migrations')).map((row) => row.name) : []);
  return (await shippedMigrations()).filter((file) => !applied.has(file));
}

/** Applies the migrations not yet applied, each in its own transaction; returns their names. */
export async function migrate(db: Database, options: { onApplied?: (name: string) => void } = {}): Promise<string[]> {
  await db.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
  const applied = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((row) => row.name));
  const files = await shippedMigrations();
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const script = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
    try {
      await db.exec(`begin;\n${script}\ninsert into schema_migrations (name) values ('${file}');\ncommit;`);
    } catch (error) {
      await db.exec('rollback').catch(() => undefined);
      throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
    }
    done.push(file);
    options.onApplied?.(file);
  }
  return done;
}
