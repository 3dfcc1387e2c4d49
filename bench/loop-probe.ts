/**
 * Loaded into the measured server with `NODE_OPTIONS=--import ./bench/loop-probe.ts` (bench/writes.ts):
 * watches the server's own event loop without any change to the server. A 5 ms timer notes every
 * gap longer than it should be (a block: the loop ran something else for that long), and Node's
 * event-loop delay histogram gives the percentiles. SIGUSR2 starts a new window; the window's
 * figures are written as JSON to BENCH_LOOP_FILE four times a second.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_LOOP_FILE;
const TICK_MS = 5;
const BLOCK_MS = 20;

// `--import` also runs in worker threads (the server's PGlite thread): only the server's own loop is watched.
if (file && isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let blocks = 0;
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    const blocked = now - last - TICK_MS;
    last = now;
    if (blocked > BLOCK_MS) blocks += 1;
    longest = Math.max(longest, blocked);
  }, TICK_MS);
  tick.unref();
  process.on('SIGUSR2', () => {
    histogram.reset();
    blocks = 0;
    longest = 0;
  });
  const report = setInterval(() => {
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    // Written aside, then renamed: the bench never reads half a report.
    writeFileSync(`${file}.part`, JSON.stringify({ blocksOver20: blocks, longestBlock: Math.round(longest), delayP99: ms(histogram.percentile(99)), delayMax: ms(histogram.max) }));
    renameSync(`${file}.part`, file);
  }, 250);
  report.unref();
}
