/**
 * The processes the bench measures, each in its own Node process so the load generator does not
 * share their event loop: the Entraide server (demo seed, fresh embedded database) and the
 * baseline, a bare Fastify hello-world (bench/hello.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Served {
  url: string;
  stop: () => Promise<void>;
}

/** Spawns `node <args>` and waits until its stdout says `Ready … on http://…`. */
async function spawnReady(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
    const match = /Ready\b.* on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { url: match[1], stop };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${args.join(' ')} not ready after 180 s`);
}

/** The reference server on a fresh embedded database with the demo seed; rate limits off. */
export function startEntraide(dataDir: string, staticDir: string): Promise<Served> {
  // Rate limits off: the figures are the server's capacity, not its limits.
  return spawnReady(['src/server/cli.ts'], {
    PORT: '0', HOST: '127.0.0.1', ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_STATIC_DIR: staticDir, ENTRAIDE_DEMO: '1',
    ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0',
    // The server always measures the embedded database; DATABASE_URL would switch it.
    DATABASE_URL: '',
  });
}

/** The baseline: `Fastify()` with one JSON route, nothing else. */
export function startHelloWorld(): Promise<Served> {
  return spawnReady(['bench/hello.ts'], {});
}
