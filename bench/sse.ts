/**
 * Live fan-out (issue 17, item 6): `count` SSE readers of one thread, held by a separate process
 * (bench/sse-subscribers.ts), get the events of 10 replies posted at once. Printed: the delivery
 * latency of every (reader, event) pair from the moment the replies were sent (p50, p99, max),
 * the deliveries missing after 30 s, readers the server dropped, and GET /api/health latency
 * polled every 10 ms meanwhile (other requests waiting behind the fan-out).
 * Standalone: `node bench/sse.ts` starts its own server (demo seed, fresh PGlite); with
 * BENCH_SERVER_DIR=/path/to/other/checkout it measures that checkout's server (before/after).
 * BENCH_SSE_SUBSCRIBERS [10000,19500] the reader counts, comma-separated. Each stream is a file
 * descriptor in the server: a process whose limit (ulimit -n) is 20,000 holds a little under that.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, firstCategoryId, makeThread, signInMember, type Api } from './api.ts';
import { spawnEntraide } from './processes.ts';

const REPLIES = 10;
const COUNTS = (process.env.BENCH_SSE_SUBSCRIBERS ?? '10000,19500').split(',').map(Number);

interface Report { arrivals: Record<string, number[]>; dropped: number }

const percentile = (sorted: number[], p: number) => sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(0));

function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (answer: Record<string, unknown>) => {
      if (!(key in answer)) return;
      child.off('message', listener);
      resolve(answer as T);
    };
    child.on('message', listener);
    child.send(message);
  });
}

/** GET /api/health one after another (10 ms apart) until `stop()`; resolves to the latencies. */
function pollHealth(url: string): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/api/health`).then((response) => response.arrayBuffer());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return { stop: async () => { running = false; await loop; return latencies; } };
}

async function measure(api: Api, threadId: number, count: number): Promise<void> {
  const child = spawn(process.execPath, ['bench/sse-subscribers.ts'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { connected } = await ask<{ connected: number }>(child, { url: `${api.url}/api/events?threadId=${threadId}`, count }, 'connected');
    const idle = pollHealth(api.url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleLatencies = (await idle.stop()).sort((a, b) => a - b);
    const health = pollHealth(api.url);
    const sent = performance.timeOrigin + performance.now();
    await Promise.all(Array.from({ length: REPLIES }, (_, n) => call(api, `/threads/${threadId}/posts`, { body: `Panne en cours, réponse ${n} : même souci ici depuis 9 h.` })));
    // The write path's share of the delay: when the last of the replies was acknowledged.
    const acknowledged = performance.timeOrigin + performance.now() - sent;
    let report: Report = { arrivals: {}, dropped: 0 };
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
      report = await ask<Report>(child, { report: true }, 'arrivals');
      const lists = Object.values(report.arrivals);
      if (lists.length >= REPLIES && lists.every((list) => list.length >= connected)) break;
    }
    const healthLatencies = (await health.stop()).sort((a, b) => a - b);
    const delays = Object.values(report.arrivals).flat().map((at) => at - sent).sort((a, b) => a - b);
    // The fan-out's own share: how long after the first reader of an event the others got it.
    const spread = Object.values(report.arrivals).flatMap((list) => {
      const first = list.reduce((min, at) => Math.min(min, at), Infinity);
      return list.map((at) => at - first);
    }).sort((a, b) => a - b);
    const events = Object.keys(report.arrivals).length;
    console.log(`  ${String(count).padStart(6)} ${String(connected).padStart(9)} ${String(events).padStart(6)} ${String(delays.length).padStart(10)} ${String(events * connected - delays.length).padStart(7)} ${ms(percentile(delays, 0.5)).padStart(7)} ${ms(percentile(delays, 0.99)).padStart(7)} ${ms(delays.at(-1) ?? NaN).padStart(7)} ${ms(percentile(healthLatencies, 0.5)).padStart(6)} ${ms(percentile(healthLatencies, 0.99)).padStart(6)} ${ms(healthLatencies.at(-1) ?? NaN).padStart(6)} ${String(healthLatencies.length).padStart(5)} ${ms(percentile(idleLatencies, 0.99)).padStart(8)} ${String(report.dropped).padStart(7)} ${ms(acknowledged).padStart(8)} ${ms(percentile(spread, 0.5)).padStart(6)} ${ms(percentile(spread, 0.99)).padStart(6)}`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ stop: true });
    await exited;
    // The server notices thousands of closed streams: let it settle before the next row.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

/** Prints the table for each reader count, against the server behind `api`. */
export async function runSseBench(api: Api): Promise<void> {
  const threadId = await makeThread(api, await firstCategoryId(api), 1);
  console.log(`\nLive fan-out: ${REPLIES} replies at once to N SSE readers of one thread (readers in their own process; load ${loadavg().map((n) => n.toFixed(2)).join(' / ')})`);
  console.log(`  ${'N'.padStart(6)} ${'connected'.padStart(9)} ${'events'.padStart(6)} ${'deliveries'.padStart(10)} ${'missing'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'health'.padStart(6)} ${'p99'.padStart(6)} ${'max'.padStart(6)} ${'polls'.padStart(5)} ${'idle p99'.padStart(8)} ${'dropped'.padStart(7)} ${'acked ms'.padStart(8)} ${'spread'.padStart(6)} ${'p99'.padStart(6)}`);
  for (const count of COUNTS) await measure(api, threadId, count);
  console.log('  delivery: from sending the replies to each reader reading each event; health: GET /api/health p50/p99/max during the fan-out (idle p99: the second before); acked: when the last reply’s POST was answered (the write path’s share); spread p50/p99: each delivery after the first reader of the same event got it (the fan-out’s own share)');
}

if (import.meta.main) {
  const dataDir = mkdtempSync(join(tmpdir(), 'entraide-bench-sse-'));
  const server = await spawnEntraide({ ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_DEMO: '1', ENTRAIDE_LOG_LEVEL: 'warn', ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0' });
  try {
    await server.ready;
    server.child.once('exit', (code) => code && console.error(`the server exited (${code}): ${server.output().slice(-3000)}`));
    console.log(`Server: ${process.env.BENCH_SERVER_DIR ?? 'this checkout'}; ${new Date().toISOString()}`);
    await runSseBench(await signInMember(server.url));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
