/**
 * A migrated, empty PGlite database dumped once per set of migrations and shared by every test
 * file: loading the dump takes a fraction of creating and migrating a new database.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/domain/pglite.ts';
import type { Database } from '../../src/domain/database.ts';

const MIGRATIONS = new URL('../../src/server/db/migrations/', import.meta.url);

function templatePath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).sort()) hash.update(file).update(readFileSync(new URL(file, MIGRATIONS)));
  return join(tmpdir(), `entraide-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** A fresh, migrated in-memory PGlite database. */
export async function migratedPglite(): Promise<Database> {
  const path = templatePath();
  if (existsSync(path)) {
    return openPglite({ loadDataDir: new Blob([readFileSync(path)]) });
  }
  const db = await openPglite({});
  await migrate(db);
  const dump = await db.dump();
  // Written aside then renamed: test files starting together never read half a template.
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return db;
}
