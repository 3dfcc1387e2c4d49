/**
 * HTTP figures: autocannon against the Entraide server (its own process) and, as the baseline, a
 * bare Fastify hello-world (bench/hello.ts, its own process), at the same concurrency and for the
 * same duration. Routes: GET of a 50-post thread written through the API for this run (as JSON,
 * and as its server-rendered page from the page cache; the page's first, rendering request is timed
 * once apart), and POST of
 * a reply (each with its own Idempotency-Key, as the SDK sends them) to another fresh thread.
 * Latency percentiles come from autocannon's histogram of the 2xx answers; a percentile from fewer
 * than 200 answers is not printed. Non-2xx answers, errors and timeouts are counted apart and fail the bench.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { threadPath } from '../src/core/seo.ts';
import { call, firstCategoryId, makeThread, THREAD_TITLE, type Api } from './api.ts';
import { httpOnPostgres, type Served } from './processes.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
/** Fewer samples than this and a p99 is the maximum of a handful: no percentile printed. */
export const MIN_P99_SAMPLES = 200;
const THREAD_POSTS = 50;

export interface Row {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  samples: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** `revalidation`: a conditional GET, whose 304 answers are the expected ones (counted and timed like 2xx). */
export async function load(label: string, options: autocannon.Options, { revalidation = false } = {}): Promise<Row> {
  // excludeErrorStats: latencies of 2xx answers only (autocannon mixes the others in by default).
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, excludeErrorStats: !revalidation, ...options });
  // totalCount (missing from autocannon's types): how many latencies the histogram holds.
  const samples = (result.latency as { totalCount?: number }).totalCount ?? result['2xx'];
  const non2xx = revalidation ? result.non2xx - result['3xx'] : result.non2xx;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, samples, non2xx, errors: result.errors, timeouts: result.timeouts };
}

const failed = (row: Row) => row.non2xx + row.errors + row.timeouts > 0;

export function printRows(rows: Row[], baseline: Row): void {
  console.log(`  ${'route'.padEnd(44)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'samples'.padStart(8)} ${'vs hello'.padStart(9)} ${'non2xx'.padStart(7)} ${'errors'.padStart(7)} ${'timeouts'.padStart(9)}`);
  for (const row of rows) {
    const percentile = (ms: number) => (row.samples >= MIN_P99_SAMPLES ? ms.toFixed(0) : 'n<200');
    const ratio = (row.rps / baseline.rps).toFixed(3);
    console.log(`  ${row.label.padEnd(44)} ${row.rps.toFixed(0).padStart(7)} ${percentile(row.p50).padStart(7)} ${percentile(row.p99).padStart(7)} ${String(row.samples).padStart(8)} ${ratio.padStart(9)} ${String(row.non2xx).padStart(7)} ${String(row.errors).padStart(7)} ${String(row.timeouts).padStart(9)}`);
  }
  console.log('  req/s counts every answer; latencies in whole ms over the 2xx answers (samples; 304 too on the If-None-Match row); errors include timeouts');
}

/** Milliseconds until the whole answer of one GET has arrived; anything but 200 stops the bench. */
async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

/** The thread the GET rows read: exactly THREAD_POSTS posts, checked through the API. */
async function fiftyPostThread(api: Api, categoryId: number): Promise<number> {
  const id = await makeThread(api, categoryId, THREAD_POSTS);
  const detail = await call<{ posts: unknown[]; thread: { replyCount: number } }>(api, `/threads/${id}`);
  if (detail.posts.length !== THREAD_POSTS || detail.thread.replyCount !== THREAD_POSTS - 1) throw new Error(`thread ${id} has ${detail.posts.length} posts, not ${THREAD_POSTS}`);
  return id;
}

/** Measures hello-world, GET thread, POST reply; prints the table; returns the 50-post thread and the failures. */
export async function runHttpBench(api: Api, hello: Served): Promise<{ fiftyPostThread: number; failures: string[] }> {
  const categoryId = await firstCategoryId(api);
  process.stdout.write(`\nHTTP on loopback, ${httpOnPostgres() ? 'PostgreSQL' : 'embedded PGlite'}, ${CONNECTIONS} connections, ${DURATION_S} s per route (servers and load generator share the cores)\n  writing a ${THREAD_POSTS}-post thread through the API…`);
  const thread = await fiftyPostThread(api, categoryId);
  const replyTarget = await makeThread(api, categoryId, 1);
  console.log(' done');
  const threadUrl = `${api.url}/api/threads/${thread}`;
  // The same thread's server-rendered page: its first request renders it, later ones come from the page cache.
  const pageUrl = `${api.url}${threadPath(thread, THREAD_TITLE(THREAD_POSTS))}`;
  const rendering = await timedGet(pageUrl);
  const cached = await timedGet(pageUrl);
  await load('warm-up', { url: `${hello.url}/`, duration: 2 });
  await load('warm-up', { url: threadUrl, duration: 2 });
  // What a guest's browser revalidates with: 304 when the server keeps ETags, else a full 200 (both count as answers).
  const threadEtag = (await fetch(threadUrl)).headers.get('etag') ?? '"none"';
  // What the SDK asks for a signed-in reader: the shared bytes, then their own state on the page's posts.
  const postIds = (await call<{ posts: Array<{ id: number }> }>(api, `/threads/${thread}`)).posts.map((post) => post.id).join(',');
  const member = { 'accept-encoding': 'br, gzip', authorization: `Bearer ${api.token}` };
  const listUrl = `${api.url}/api/threads?categoryId=${categoryId}`;
  const listIds = (await call<{ items: Array<{ id: number }> }>(api, `/threads?categoryId=${categoryId}`)).items.map((item) => item.id).join(',');
  const baseline = await load('GET / (bare Fastify hello-world, own process)', { url: `${hello.url}/` });
  const rows = [
    baseline,
    await load(`GET /api/threads/:id (${THREAD_POSTS} posts)`, { url: threadUrl }),
    // As browsers and the SDK ask: compressed; a signed-in member (their own state added per request); a revalidation.
    await load(`GET /api/threads/:id (${THREAD_POSTS} posts, br)`, { url: threadUrl, headers: { 'accept-encoding': 'br, gzip' } }),
    await load(`GET /api/threads/:id (${THREAD_POSTS} posts, member, br)`, { url: threadUrl, headers: member }),
    await load(`GET /api/threads/:id?viewer=apart (member, br)`, { url: `${threadUrl}?viewer=apart`, headers: member }),
    await load(`GET /api/threads/:id/viewer?posts= (member's state on ${THREAD_POSTS} posts)`, { url: `${threadUrl}/viewer?posts=${postIds}`, headers: member }),
    await load(`GET /api/threads/:id (${THREAD_POSTS} posts, If-None-Match)`, { url: threadUrl, headers: { 'if-none-match': threadEtag } }, { revalidation: true }),
    await load('GET /api/threads?categoryId= (list of 20, br)', { url: listUrl, headers: { 'accept-encoding': 'br, gzip' } }),
    await load('GET /api/threads?categoryId= (list of 20, member, br)', { url: listUrl, headers: member }),
    await load('GET /api/threads?categoryId=&viewer=apart (list, member, br)', { url: `${listUrl}&viewer=apart`, headers: member }),
    await load(`GET /api/categories/:id/viewer?threads= (member's unread counts)`, { url: `${api.url}/api/categories/${categoryId}/viewer?threads=${listIds}`, headers: member }),
    // As a browser asks for it: compressed (the server compresses each answer; the cache keeps the HTML).
    await load('GET /t/<id>-<slug> (rendered page, cached, br)', { url: pageUrl, headers: { 'accept-encoding': 'br, gzip' } }),
    await load('POST /api/threads/:id/posts (reply)', {
      url: `${api.url}/api/threads/${replyTarget}/posts`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body: JSON.stringify({ body: 'Je confirme, **même souci** ici : https://volta.example/faq/reseau' }),
      // A fresh Idempotency-Key for every request, as the SDK sends them.
      requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
    }),
  ];
  printRows(rows, baseline);
  console.log(`  the rendered page's first request (renders ${THREAD_POSTS} posts) ${rendering.toFixed(0)} ms, the next (from the page cache) ${cached.toFixed(0)} ms`);
  const failures = rows.filter(failed).map((row) => `${row.label}: ${row.non2xx} non-2xx, ${row.errors} errors, ${row.timeouts} timeouts`);
  return { fiftyPostThread: thread, failures };
}
