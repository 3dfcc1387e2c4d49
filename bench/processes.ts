/**
 * The processes the bench measures, each in its own Node process so the load generator does not
 * share their event loop: the Entraide server (its CLI, on a port chosen here) and the baseline,
 * a bare Fastify hello-world (bench/hello.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Served {
  url: string;
  stop: () => Promise<void>;
}

/** A port free right now: the server is told its port, so that it is known even with logs off. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Sends SIGTERM and resolves once the process has exited. */
function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}

/** Spawns `node <args>` and waits until its stdout says `Ready … on http://…`. */
async function spawnReady(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = stopper(child);
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
    const match = /Ready\b.* on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { url: match[1], stop };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${args.join(' ')} not ready after 180 s`);
}

export interface SpawnedServer extends Served {
  child: ChildProcess;
  /** Milliseconds from spawn to the server's "Ready" log line (at log level info). */
  readyLine: Promise<number>;
  /** Milliseconds from spawn to GET /api/ready answering 200. */
  ready: Promise<number>;
  /** Everything the process wrote on stdout. */
  output: () => string;
}

/** Spawns the server's CLI (`entraide-server`, serve) on a free port; `env` adds to or overrides its settings. */
export async function spawnEntraide(env: NodeJS.ProcessEnv): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  const child = spawn(process.execPath, ['src/server/cli.ts'], {
    // BENCH_SERVER_DIR: measure another checkout's server (e.g. main, for a before/after).
    cwd: process.env.BENCH_SERVER_DIR,
    // The server always measures the embedded database unless told otherwise; DATABASE_URL would switch it.
    // Rendered pages: their canonical links name this very server unless told otherwise.
    env: { ...process.env, DATABASE_URL: '', ENTRAIDE_DEMO: '', ENTRAIDE_PUBLIC_URL: url, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const readyLine = new Promise<number>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"Ready in ')) resolve(performance.now() - spawned);
    });
  });
  const ready = (async () => {
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
      const status = await fetch(`${url}/api/ready`).then((response) => response.status, () => 0);
      if (status === 200) return performance.now() - spawned;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the server was not ready after 180 s');
  })();
  ready.catch(() => child.kill('SIGKILL'));
  return { url, child, readyLine, ready, output: () => output, stop: stopper(child) };
}

/** Whether the HTTP part measures PostgreSQL (BENCH_HTTP_BACKEND=postgres, under scripts/with-postgres.sh). */
export function httpOnPostgres(): boolean {
  if (process.env.BENCH_HTTP_BACKEND !== 'postgres') return false;
  if (!process.env.ENTRAIDE_TEST_DATABASE_URL) throw new Error('BENCH_HTTP_BACKEND=postgres needs ENTRAIDE_TEST_DATABASE_URL (run under scripts/with-postgres.sh)');
  return true;
}

/** The reference server on a fresh embedded database with the demo seed and its server-rendered pages; rate limits and request logs off. */
export async function startEntraide(dataDir: string, staticDir: string): Promise<Served> {
  // Rate limits off: the figures are the server's capacity, not its limits. Logs at warn: the
  // baseline logs nothing either, and a line per request is not what the figures compare.
  const server = await spawnEntraide({
    ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_STATIC_DIR: staticDir, ENTRAIDE_DEMO: '1', ENTRAIDE_LOG_LEVEL: 'warn', ENTRAIDE_PAGES: '1',
    ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0',
    // BENCH_HTTP_BACKEND=postgres: the PostgreSQL server of scripts/with-postgres.sh instead of the embedded database.
    ...(httpOnPostgres() ? { DATABASE_URL: process.env.ENTRAIDE_TEST_DATABASE_URL } : {}),
  });
  await server.ready;
  return server;
}

/** The baseline: `Fastify()` with one JSON route, nothing else. */
export function startHelloWorld(): Promise<Served> {
  return spawnReady(['bench/hello.ts'], {});
}
