/**
 * A throwaway PostgreSQL server for tests and the bench that need one of their own (several
 * server processes on one database): the recipe of scripts/with-postgres.sh, from Node. When a
 * parity run already gives one (ENTRAIDE_TEST_DATABASE_URL), a scratch database on it instead.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './cli.ts';
import { scratchPostgresDatabase } from './postgres.ts';

export interface PostgresDatabase {
  url: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

function pgBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('PostgreSQL server binaries not found: run scripts/install-test-deps.sh');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
function asPostgres(binary: string, args: string[]): void {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(command, argv, { stdio: 'ignore' });
}

export async function startPostgres(): Promise<PostgresDatabase> {
  const adminUrl = process.env.ENTRAIDE_TEST_DATABASE_URL;
  if (adminUrl) {
    const scratch = await scratchPostgresDatabase(adminUrl, 'entraide_processes');
    return { url: scratch.url, stop: scratch.drop };
  }
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'entraide-pg-'));
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  else chownSync(dir, process.getuid!(), process.getgid!());
  const port = await freePort();
  asPostgres(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-t', '30', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
