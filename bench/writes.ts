/**
 * The write path and the embedded database under load (issue 17, items 2 and 3): 50 connections
 * (BENCH_WRITE_CONNECTIONS) replying to ONE thread, then reading a 50-post thread, on PGlite and,
 * when ENTRAIDE_TEST_DATABASE_URL is set (scripts/with-postgres.sh), on PostgreSQL. Each backend
 * gets its own server process with bench/loop-probe.ts loaded, which reports the server's own
 * event loop: blocks over 20 ms, the longest block, the delay's p99. A bare Fastify hello-world
 * is measured at the same concurrency in the same run: the ratio is the figure that holds on a
 * shared machine. Each row runs BENCH_WRITE_RUNS times (default 3) and prints the range.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstCategoryId, makeThread, signInMember, type Api } from './api.ts';
import { spawnEntraide, startHelloWorld } from './processes.ts';

const CONNECTIONS = Number(process.env.BENCH_WRITE_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_WRITE_DURATION ?? 10);
const RUNS = Number(process.env.BENCH_WRITE_RUNS ?? 3);

interface Loop { blocksOver20: number; longestBlock: number; delayP99: number; delayMax: number }
interface Sample { rps: number; p50: number; p99: number; ratio: number; loop: Loop | null; bad: number }

async function hammer(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: CONNECTIONS, duration: DURATION_S, excludeErrorStats: true, ...options });
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' / ');
const range = (values: number[], digits = 0) => {
  const low = Math.min(...values).toFixed(digits);
  const high = Math.max(...values).toFixed(digits);
  return low === high ? low : `${low}–${high}`;
};

interface Backend { name: 'pglite' | 'postgres'; env: NodeJS.ProcessEnv }

function backends(): Backend[] {
  const chosen = process.env.BENCH_BACKENDS;
  const list: Backend[] = [{ name: 'pglite', env: {} }];
  const url = process.env.ENTRAIDE_TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', env: { DATABASE_URL: url } });
  return chosen ? list.filter((backend) => backend.name === chosen) : list;
}

function replyOptions(api: Api, threadId: number): autocannon.Options {
  return {
    url: `${api.url}/api/threads/${threadId}/posts`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ body: 'Je confirme, **même souci** ici : https://volta.example/faq/reseau' }),
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
  };
}

async function measureBackend(backend: Backend, helloRps: () => Promise<number>): Promise<Map<string, Sample[]>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entraide-bench-writes-'));
  const loopFile = join(dataDir, 'loop.json');
  const server = await spawnEntraide({
    ENTRAIDE_DATA_DIR: join(dataDir, 'db'), ENTRAIDE_DEMO: '1', ENTRAIDE_LOG_LEVEL: 'warn',
    ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ./bench/loop-probe.ts`.trim(), BENCH_LOOP_FILE: loopFile, ...backend.env,
  });
  const rows = new Map<string, Sample[]>();
  try {
    await server.ready;
    const api = await signInMember(server.url);
    const categoryId = await firstCategoryId(api);
    const readTarget = await makeThread(api, categoryId, 50);
    const replyTarget = await makeThread(api, categoryId, 1);
    const routes: Array<[string, () => autocannon.Options]> = [
      [`POST reply, ${CONNECTIONS} connections, one thread`, () => replyOptions(api, replyTarget)],
      [`GET 50-post thread, ${CONNECTIONS} connections`, () => ({ url: `${api.url}/api/threads/${readTarget}` })],
    ];
    await hammer({ url: `${api.url}/api/threads/${readTarget}`, duration: 2 });
    for (let run = 0; run < RUNS; run++) {
      for (const [label, options] of routes) {
        const baseline = await helloRps();
        server.child.kill('SIGUSR2');
        const result = await hammer(options());
        await new Promise((resolve) => setTimeout(resolve, 400));
        const loop = JSON.parse(readFileSync(loopFile, 'utf8')) as Loop;
        const sample = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ratio: result.requests.average / baseline, loop, bad: result.non2xx + result.errors + result.timeouts };
        rows.set(label, [...(rows.get(label) ?? []), sample]);
      }
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

function print(backend: string, rows: Map<string, Sample[]>): void {
  for (const [label, samples] of rows) {
    const loops = samples.map((s) => s.loop).filter((l): l is Loop => l !== null);
    console.log(`  ${backend.padEnd(9)}${label.padEnd(42)} req/s ${range(samples.map((s) => s.rps)).padStart(9)}  p50 ${range(samples.map((s) => s.p50)).padStart(9)}  p99 ${range(samples.map((s) => s.p99)).padStart(11)} ms  ÷hello ${range(samples.map((s) => s.ratio), 4).padStart(13)}`
      + `  loop: blocks>20ms ${range(loops.map((l) => l.blocksOver20)).padStart(7)}, longest ${range(loops.map((l) => l.longestBlock)).padStart(9)} ms, delay p99 ${range(loops.map((l) => l.delayP99), 1).padStart(11)} ms  non2xx/errors ${samples.reduce((n, s) => n + s.bad, 0)}`);
  }
}

/** Runs every backend; returns the failures (any answer but 2xx). */
export async function runWriteBench(): Promise<string[]> {
  console.log(`\nWrite path and event loop: ${CONNECTIONS} connections, ${DURATION_S} s per row, ${RUNS} runs (ranges), load at start ${load()}`);
  const hello = await startHelloWorld();
  const failures: string[] = [];
  try {
    const helloRps = async () => (await hammer({ url: `${hello.url}/`, duration: Math.min(DURATION_S, 5) })).requests.average;
    for (const backend of backends()) {
      const rows = await measureBackend(backend, helloRps);
      print(backend.name, rows);
      for (const [label, samples] of rows) if (samples.some((s) => s.bad > 0)) failures.push(`${backend.name} ${label}: non-2xx or errors`);
    }
  } finally {
    await hello.stop();
  }
  console.log(`  hello-world measured before each row, same connections; load at end ${load()}`);
  return failures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const failures = await runWriteBench();
  for (const failure of failures) console.log(`FAIL ${failure}`);
  if (failures.length) process.exitCode = 1;
}
