/**
 * Start-up figures of the reference server's CLI in its own process, no demo, embedded database:
 * - first start on an empty data directory (creates the database, applies every migration);
 * - warm restart on that directory;
 * each from spawn to the "Ready" log line and to GET /api/ready answering 200, and the stop
 * (SIGTERM to exit). BENCH_START_RUNS [3] runs of each; printed as min–max and median.
 * Then the read path's bytes on the wire as this server sends them to a browser that accepts
 * `br, gzip`: the entry /entraide.min.js (goal 25 KB) and each lazy chunk next to it.
 * Returns the failures (the entry over its goal).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEntraide } from './processes.ts';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const STATIC_DIR = 'dist/demo';
const ENTRY = 'entraide.min.js';
const ENTRY_GOAL_KB = 25;

interface Sample {
  readyLine: number;
  ready: number;
  stop: number;
}

/** One start on `dataDir`: until /api/ready answers 200, then SIGTERM until exit. */
async function startOnce(dataDir: string): Promise<Sample> {
  const server = await spawnEntraide({ ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_STATIC_DIR: STATIC_DIR, ENTRAIDE_LOG_LEVEL: 'info' });
  const [readyLine, ready] = await Promise.all([server.readyLine, server.ready]);
  const stopping = performance.now();
  await server.stop();
  if (server.child.exitCode !== 0) throw new Error(`the server exited with ${server.child.exitCode} on SIGTERM`);
  return { readyLine, ready, stop: performance.now() - stopping };
}

function range(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `${seconds(sorted[0] ?? NaN)}–${seconds(sorted.at(-1) ?? NaN)} s (median ${seconds(median)} s)`;
}

function printStarts(label: string, samples: Sample[]): void {
  console.log(`  ${`${label}: spawn → "Ready" log line`.padEnd(58)} ${range(samples.map((s) => s.readyLine))}`);
  console.log(`  ${`${label}: spawn → /api/ready answers 200`.padEnd(58)} ${range(samples.map((s) => s.ready))}`);
  console.log(`  ${`${label}: SIGTERM → exit`.padEnd(58)} ${range(samples.map((s) => s.stop))}`);
}

async function measureStarts(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'entraide-bench-start-'));
  try {
    const first: Sample[] = [];
    let dataDir = '';
    for (let run = 1; run <= RUNS; run += 1) {
      dataDir = join(root, `data-${run}`);
      first.push(await startOnce(dataDir));
    }
    const warm: Sample[] = [];
    for (let run = 1; run <= RUNS; run += 1) warm.push(await startOnce(dataDir));
    console.log(`\nStart-up of the server process (no demo, embedded database, logs at info; ${RUNS} runs each, min–max)`);
    printStarts('first start, empty data directory', first);
    printStarts('warm restart', warm);
    return dataDir;
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** The bytes of `path`'s answer as sent (compressed, not decoded), and its encoding. */
function onTheWire(url: string, path: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(`${url}/${path}`, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => (response.statusCode === 200 ? resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'none') }) : reject(new Error(`${path}: HTTP ${response.statusCode}`))));
    }).on('error', reject).end();
  });
}

async function measureWire(dataDir: string): Promise<string[]> {
  const server = await spawnEntraide({ ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_STATIC_DIR: STATIC_DIR, ENTRAIDE_LOG_LEVEL: 'warn' });
  const failures: string[] = [];
  try {
    await server.ready;
    const chunks = readdirSync(STATIC_DIR).filter((name) => /^entraide-.+\.min\.js$/.test(name)).sort();
    console.log('\nThe read path on the wire, as this server sends it (GET, accept-encoding: br, gzip)');
    for (const name of [ENTRY, ...chunks]) {
      const { bytes, encoding } = await onTheWire(server.url, name);
      const kb = bytes / 1024;
      const raw = statSync(join(STATIC_DIR, name)).size / 1024;
      const verdict = name === ENTRY ? `  goal ${ENTRY_GOAL_KB} KB: ${kb <= ENTRY_GOAL_KB ? 'pass' : 'FAIL'}` : '';
      const label = name === ENTRY ? `${name} — read path (entry)` : `lazy chunk ${name}`;
      console.log(`  ${label.padEnd(58)} ${kb.toFixed(1).padStart(6)} KB ${encoding.padEnd(4)} ${`(${raw.toFixed(1)} KB file)`.padStart(16)}${verdict}`);
      if (name === ENTRY && kb > ENTRY_GOAL_KB) failures.push(`${name} on the wire: ${kb.toFixed(1)} KB ${encoding} > ${ENTRY_GOAL_KB} KB goal`);
    }
  } finally {
    await server.stop();
  }
  return failures;
}

/** Prints the start-up rows, then the bytes on the wire; returns the failures. */
export async function runStartBench(): Promise<string[]> {
  const dataDir = await measureStarts();
  try {
    return await measureWire(dataDir);
  } finally {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
}
