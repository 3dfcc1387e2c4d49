/** A throwaway database on the PostgreSQL server of a parity run (scripts/with-postgres.sh). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database next to `adminUrl`'s; `drop()` removes it, connections and all. */
export async function scratchPostgresDatabase(adminUrl: string, prefix = 'entraide_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `drop database if exists ${name} with (force)`) };
}
