/**
 * `npm run bench`: every figure below comes from this one run, on this machine, and is printed
 * between a header (UTC date and time, Node, cores, load average) and a footer (load average at
 * the end, duration, budgets and errors). The run fails (exit code 1) when a bundle is over its
 * budget or an HTTP route answered anything but 2xx — after printing everything.
 * - bundle sizes on the wire, gzip -9, with budgets (bench/bundles.ts);
 * - start-up of the server process (first start on an empty data directory, warm restart: to the
 *   "Ready" line and to /api/ready answering 200; the stop), and the read path's bytes as the
 *   server sends them with brotli/gzip (bench/start.ts);
 * - HTTP: a bare Fastify hello-world (own process) beside GET of a 50-post thread (JSON, and its
 *   server-rendered page) and POST of a reply on the Entraide server (own process, demo seed,
 *   fresh embedded database, rendered pages on, rate limits off), same concurrency and duration:
 *   req/s, p50, p99, ratio to hello-world (bench/http.ts);
 * - in Chromium, on that thread: FCP and LCP of static HTML, the server-rendered page and the
 *   client-rendered forum side by side, the bytes before the first post, the rendered page's
 *   layout shift through hydration and a live reply, Total Blocking Time (in the page and by
 *   Lighthouse, with SEO and accessibility scores), a 2,000-post thread's first render (bench/browser.ts);
 * - the live fan-out: 10 replies at once to 10,000 and 19,500 SSE readers held by another process,
 *   delivery p50/p99 and health p99 meanwhile (bench/sse.ts), on the PGlite server above and again
 *   on PostgreSQL; one and two processes on one PostgreSQL behind nginx, GET and POST ratios to
 *   hello-world (bench/scale.ts);
 * - search and advisor-queue latency on a generated corpus, on PGlite and (when
 *   ENTRAIDE_TEST_DATABASE_URL is set, e.g. under scripts/with-postgres.sh) PostgreSQL (bench/search.ts).
 *
 * Environment (defaults in brackets):
 *   BENCH_CONNECTIONS [10]       autocannon connections per HTTP route
 *   BENCH_DURATION [20]          seconds per HTTP route (after a 2 s warm-up of each server); long enough
 *                                for 200 answers, the fewest a printed percentile comes from, on a loaded machine
 *   BENCH_START=0                skips the start-up part; BENCH_START_RUNS [3] starts of each kind
 *   BENCH_BROWSER=0              skips the browser part; BENCH_BROWSER_RUNS [5] navigations per figure
 *   BENCH_SHIFT_RUNS [3]         loads per width for the layout shift; 0 skips it
 *   BENCH_LIGHTHOUSE_RUNS [3]    Lighthouse and in-page TBT runs of each page; 0 skips them
 *   BENCH_SSE=0                  skips the live fan-out; BENCH_SSE_SUBSCRIBERS [10000,19500] reader counts
 *   BENCH_SCALE=0                skips the processes-behind-nginx part (it starts PostgreSQL and nginx)
 *   BENCH_SEARCH=0               skips the search part
 *   BENCH_THREADS [20000]        search corpus threads; 100000 is the 1,000,000-post corpus (~10 min per backend)
 *   BENCH_POSTS_PER_THREAD [10]  search corpus posts per thread
 *   BENCH_SEARCHES [200]         timed calls per search row (percentiles need at least 200)
 *   BENCH_BACKENDS               pglite or postgres: one search backend only (and one write-path backend)
 *   BENCH_WRITES=0               skips the write path and event-loop part (bench/writes.ts: BENCH_WRITE_CONNECTIONS [50],
 *                                BENCH_WRITE_DURATION [10] s, BENCH_WRITE_RUNS [3]; PostgreSQL too under scripts/with-postgres.sh)
 *   BENCH_DATABASE_URL           a PostgreSQL database kept between runs for the search part (migrated, corpus built once)
 *   BENCH_HTTP_BACKEND=postgres  the HTTP part on PostgreSQL (ENTRAIDE_TEST_DATABASE_URL, under scripts/with-postgres.sh)
 *                                instead of a fresh embedded database
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInMember } from './api.ts';
import { runBrowserBench } from './browser.ts';
import { runBundleBench } from './bundles.ts';
import { runHttpBench } from './http.ts';
import { startEntraide, startHelloWorld } from './processes.ts';
import { runScaleBench } from './scale.ts';
import { runSearchBench } from './search.ts';
import { runSseBench } from './sse.ts';
import { runStartBench } from './start.ts';
import { runWriteBench } from './writes.ts';

const load = () => loadavg().map((n) => n.toFixed(2)).join(' / ');

function header(): void {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`Entraide bench — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} (UTC) — Node ${process.version}`);
  console.log(`Machine: ${availableParallelism()} cores (${cpu}); load average 1 / 5 / 15 min at start: ${load()}`);
}

function footer(started: number, failures: string[]): void {
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(`\nEnd ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} (UTC), ${minutes} min; load average 1 / 5 / 15 min at end: ${load()}`);
  if (failures.length === 0) console.log('Budgets and HTTP answers: all pass');
  else for (const failure of failures) console.log(`FAIL ${failure}`);
}

/** The HTTP and browser parts, against one server and one hello-world started for them. */
async function serverParts(failures: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entraide-bench-'));
  // The demo page, plus the static comparison page the browser bench writes next to it.
  const staticDir = mkdtempSync(join(tmpdir(), 'entraide-bench-static-'));
  cpSync('dist/demo', staticDir, { recursive: true });
  const hello = await startHelloWorld();
  const server = await startEntraide(dataDir, staticDir).catch(async (error: unknown) => {
    await hello.stop();
    throw error;
  });
  try {
    const api = await signInMember(server.url);
    const http = await runHttpBench(api, hello);
    failures.push(...http.failures);
    await hello.stop();
    if (process.env.BENCH_SSE !== '0') await runSseBench(api);
    if (process.env.BENCH_BROWSER !== '0') await runBrowserBench(api, staticDir, http.fiftyPostThread);
  } finally {
    await hello.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const failures: string[] = [];
  header();
  try {
    failures.push(...runBundleBench());
    if (process.env.BENCH_START !== '0') failures.push(...(await runStartBench()));
    await serverParts(failures);
    if (process.env.BENCH_WRITES !== '0') failures.push(...(await runWriteBench()));
    if (process.env.BENCH_SCALE !== '0') failures.push(...(await runScaleBench()));
    if (process.env.BENCH_SEARCH !== '0') await runSearchBench();
  } catch (error) {
    console.error(error);
    failures.push(`the run stopped early: ${(error as Error).message}`);
  }
  footer(started, failures);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
