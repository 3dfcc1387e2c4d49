/**
 * The real `entraide-server` command in child processes, on a fresh database: an embedded one
 * in a temporary directory, or a new database on the PostgreSQL server of a parity run
 * (ENTRAIDE_TEST_DATABASE_URL, scripts/with-postgres.sh).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchPostgresDatabase } from './postgres.ts';

export const CLI = new URL('../../src/server/cli.ts', import.meta.url).pathname;
export const EXAMPLE_COMMUNITY = new URL('../../examples/import/community.json', import.meta.url).pathname;
export const TEST_SECRET = 'cli-test-secret-that-is-at-least-32-characters';

/** Settings a developer's shell may hold that would change what a test runs on. */
const NEUTRAL_ENV = { DATABASE_URL: '', ENTRAIDE_DATA_DIR: '', ENTRAIDE_DEMO: '', ENTRAIDE_JWT_SECRET: '', ENTRAIDE_JWKS_URL: '', ENTRAIDE_COMMUNITY: '', ENTRAIDE_LOG_LEVEL: '', ENTRAIDE_STATIC_DIR: '/nonexistent' };

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `entraide-server <args>` to its end. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Finished> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...NEUTRAL_ENV, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export interface Serving {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** The exit code, once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `entraide-server` (serve) on an ephemeral port and waits for its "Ready … on <url>" log line. */
export async function serve(env: Record<string, string>): Promise<Serving> {
  const child = spawn(process.execPath, [CLI], {
    env: { ...process.env, ...NEUTRAL_ENV, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const url = /Ready in .* on (http:\/\/\S+)/.exec(text)?.[1];
    if (url) return { child, url, output: () => text, exited };
    if (child.exitCode !== null) throw new Error(`the server exited: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not ready after 60 s: ${text}`);
}

/** A port free right now, for a server that must be told its port (its logs may be off). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Backend {
  kind: 'pglite' | 'postgres';
  /** What the commands are given: DATABASE_URL, or ENTRAIDE_DATA_DIR. */
  env: Record<string, string>;
  /** The embedded database's directory (PGlite only). */
  dataDir?: string;
  drop(): Promise<void>;
}

/** An empty database for one test: PostgreSQL in a parity run, else a new PGlite directory. */
export async function freshBackend(): Promise<Backend> {
  const adminUrl = process.env.ENTRAIDE_TEST_DATABASE_URL;
  if (adminUrl) {
    const scratch = await scratchPostgresDatabase(adminUrl, 'entraide_cli');
    return { kind: 'postgres', env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'entraide-cli-')), 'data');
  return { kind: 'pglite', env: { ENTRAIDE_DATA_DIR: dataDir }, dataDir, drop: async () => rmSync(join(dataDir, '..'), { recursive: true, force: true }) };
}
