/**
 * `npm run bench`: figures measured side by side in one run, on this machine.
 * - gzip size of each browser bundle and lazy chunk;
 * - in Chromium: navigation → 50-post thread beside static HTML, a 2,000-post thread's first
 *   render, and Lighthouse's Total Blocking Time of the demo page (bench/browser.ts);
 * - search latency on a generated 100k-thread / 1M-post corpus, on PGlite and (when
 *   ENTRAIDE_TEST_DATABASE_URL is set, e.g. under scripts/with-postgres.sh) PostgreSQL;
 * - GET-thread and POST-reply throughput and latency against the real server (demo seed on a
 *   fresh embedded database, in its own process), beside a minimal JSON route of the same
 *   Fastify instance at the same concurrency: the ratio is the figure to compare.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runBrowserBench } from './browser.ts';
import { runSearchBench } from './search.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);

const BUNDLES: Array<[string, string]> = [
  ['dist/entraide.min.js', 'entraide.min.js — read path: forum, lists, thread, posts, SDK, Lit'],
  ['dist/entraide-sdk.min.js', 'entraide/sdk'],
  ['dist/size/core.min.js', 'entraide/core (ranks, permissions, limits)'],
  ['dist/size/mocks.min.js', 'entraide/mocks (msw itself excluded)'],
];

function bundleSizes(): void {
  console.log('\nBundle sizes (gzip -9)');
  for (const [file, label] of BUNDLES) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:web first`);
    const raw = readFileSync(file);
    console.log(`  ${label.padEnd(66)} ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB gzip  (${(raw.length / 1024).toFixed(1)} KB min)`);
  }
  // The lazy chunks the read path loads on demand (composer, search…), next to the entry.
  for (const file of readdirSync('dist').filter((name) => /^entraide-.+\.min\.js$/.test(name) && name !== 'entraide-sdk.min.js').sort()) {
    const raw = readFileSync(join('dist', file));
    console.log(`  ${`  lazy chunk ${file}`.padEnd(66)} ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB gzip  (${(raw.length / 1024).toFixed(1)} KB min)`);
  }
}

async function startServer(dataDir: string, staticDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['src/server/cli.ts'], {
    // Rate limits off: the figures are the server's capacity, not its limits.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_STATIC_DIR: staticDir, ENTRAIDE_DEMO: '1', ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    const match = /Ready in .* on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { child, url: match[1] };
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server not ready');
}

interface Row {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(label: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

function printRows(rows: Row[], baseline: Row): void {
  console.log(`\nHTTP on loopback, ${CONNECTIONS} connections, ${DURATION_S} s each (server and load generator share this machine's cores)`);
  console.log(`  ${'route'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'vs /health'.padStart(11)} ${'errors'.padStart(7)}`);
  for (const row of rows) {
    const ratio = row === baseline ? '1.00' : (row.rps / baseline.rps).toFixed(2);
    console.log(`  ${row.label.padEnd(40)} ${row.rps.toFixed(0).padStart(8)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)} ${ratio.padStart(11)} ${String(row.errors).padStart(7)}`);
  }
}

async function main(): Promise<void> {
  console.log(`Entraide bench — ${new Date().toISOString()} — Node ${process.version}`);
  bundleSizes();
  const dataDir = mkdtempSync(join(tmpdir(), 'entraide-bench-'));
  // The demo page, plus the static comparison page the browser bench writes next to it.
  const staticDir = mkdtempSync(join(tmpdir(), 'entraide-bench-static-'));
  cpSync('dist/demo', staticDir, { recursive: true });
  const server = await startServer(dataDir, staticDir);
  try {
    const api = `${server.url}/api`;
    const community = (await (await fetch(`${api}/community`)).json()) as { categories: Array<{ id: number }> };
    const page = (await (await fetch(`${api}/threads?categoryId=${community.categories[0]!.id}&limit=1`)).json()) as { items: Array<{ id: number; replyCount: number }> };
    const thread = page.items[0]!;
    const members = (await (await fetch(`${api}/demo/members`)).json()) as { items: Array<{ id: number; role: string }> };
    const member = members.items.find((m) => m.role === 'member')!;
    const { token } = (await (await fetch(`${api}/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: member.id }) })).json()) as { token: string };

    await load('warm-up', { url: `${api}/threads/${thread.id}`, duration: 2 });
    const health = await load('GET /api/health (minimal JSON)', { url: `${api}/health` });
    const getThread = await load(`GET /api/threads/:id (${thread.replyCount + 1} posts)`, { url: `${api}/threads/${thread.id}` });
    const reply = await load('POST /api/threads/:id/posts (reply)', {
      url: `${api}/threads/${thread.id}/posts`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: 'Je confirme, **même souci** ici : https://volta.example/faq/reseau' }),
    });
    printRows([health, getThread, reply], health);
    if (process.env.BENCH_BROWSER !== '0') await runBrowserBench({ url: server.url, token }, staticDir);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  }
  // Search on a generated 100,000-thread / 1,000,000-post corpus (minutes; BENCH_THREADS shrinks it).
  if (process.env.BENCH_SEARCH !== '0') await runSearchBench();
}

await main();
