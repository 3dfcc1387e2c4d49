/**
 * Search latency on a generated corpus (bench/corpus.ts): forum searches and FAQ suggestions
 * with varied queries, and the advisor queue, p50/p99, on PGlite (a data directory on disk) and, when
 * ENTRAIDE_TEST_DATABASE_URL names a PostgreSQL server (scripts/with-postgres.sh), on a fresh
 * database of it. Sizes: BENCH_THREADS (default 20000; 100000 gives the 1M-post corpus, ten
 * minutes or more per backend), BENCH_POSTS_PER_THREAD (10), BENCH_SEARCHES (200 timed calls of
 * each kind, advisor queue included; percentiles from fewer than 200 are not printed);
 * BENCH_BACKENDS=pglite|postgres runs one side only.
 *   node bench/search.ts                         # PGlite only
 *   bash scripts/with-postgres.sh node bench/search.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toTsQuery, type Actor } from '../src/core/index.ts';
import { openDatabase, type Database } from '../src/server/db/open.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadCommunity } from '../src/domain/repo/community.ts';
import { searchForum } from '../src/domain/repo/search.ts';
import { suggest } from '../src/domain/services/knowledge.ts';
import { advisorQueue } from '../src/domain/services/queue.ts';
import { scratchPostgresDatabase } from '../test/helpers/postgres.ts';

/** The advisor queue is staff-only; the guardian asks only the role. */
const STAFF: Actor = { role: 'advisor', memberId: 1 };
import { EN_WORDS, FR_WORDS, generateCorpus } from './corpus.ts';

export interface SearchBenchOptions {
  threads?: number;
  postsPerThread?: number;
  searches?: number;
}

export interface SearchBenchRow {
  backend: string;
  label: string;
  p50: number;
  p99: number;
  count: number;
}

const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

/** Deterministic varied queries: one to three words, French mostly, some English. */
function queries(count: number, words: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const list: readonly string[] = i % 5 === 0 ? EN_WORDS : FR_WORDS;
    return Array.from({ length: 1 + (i % words) }, (_w, j) => list[(i * 37 + j * 11) % list.length]).join(' ');
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(label: string, backend: string, inputs: string[], run: (input: string) => Promise<unknown>): Promise<SearchBenchRow> {
  for (const input of inputs.slice(0, 5)) await run(input); // warm caches
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { backend, label, p50: percentile(times, 50), p99: percentile(times, 99), count: times.length };
}

async function openBackend(kind: 'pglite' | 'postgres'): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'entraide-search-bench-'));
    const db = await openDatabase({ dataDir });
    return { db, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const scratch = await scratchPostgresDatabase(process.env.ENTRAIDE_TEST_DATABASE_URL!, 'entraide_bench');
  return { db: await openDatabase({ databaseUrl: scratch.url }), drop: scratch.drop };
}

async function benchBackend(kind: 'pglite' | 'postgres', options: Required<SearchBenchOptions>): Promise<SearchBenchRow[]> {
  const { db, drop } = await openBackend(kind);
  try {
    await migrate(db);
    const corpus = await generateCorpus(db, { threads: options.threads, postsPerThread: options.postsPerThread, label: kind });
    console.log(`  ${kind}: generated ${corpus.threads} threads / ${corpus.posts} posts in ${(corpus.ms / 1000).toFixed(1)} s`);
    const community = await loadCommunity(db, 'bench');
    if (!community) throw new Error('bench community missing');
    const forum = queries(options.searches, 3);
    const typed = queries(options.searches, 8).map((words) => `Bonjour, ${words} ?`);
    const rows = [
      await time('forum search (all words, 10 hits)', kind, forum, (q) =>
        searchForum(db, community, { tsquery: toTsQuery(q, 'all')!, offset: 0, limit: 10 })),
      await time('forum search, category + solved', kind, forum, (q) =>
        searchForum(db, community, { tsquery: toTsQuery(q, 'all')!, categoryId: corpus.categoryIds[1], solved: true, offset: 0, limit: 10 })),
      await time('faq suggest (any word, articles + solved threads)', kind, typed, (text) => suggest({ db, community }, { body: { text } })),
      await time('advisor queue (all categories, 50 items)', kind, forum, () => advisorQueue({ db, community }, { actor: STAFF, query: { limit: 50 } })),
      await time('advisor queue (one category, 50 items)', kind, forum, () => advisorQueue({ db, community }, { actor: STAFF, query: { categoryId: corpus.categoryIds[1], limit: 50 } })),
    ];
    return rows;
  } finally {
    await db.close();
    await drop();
  }
}

/** Runs the bench on PGlite, then on PostgreSQL when available; prints and returns the rows. */
export async function runSearchBench(options: SearchBenchOptions = {}): Promise<SearchBenchRow[]> {
  const resolved: Required<SearchBenchOptions> = {
    threads: options.threads ?? envNumber('BENCH_THREADS', 20_000),
    postsPerThread: options.postsPerThread ?? envNumber('BENCH_POSTS_PER_THREAD', 10),
    searches: options.searches ?? envNumber('BENCH_SEARCHES', 200),
  };
  const size = `${resolved.threads.toLocaleString('en')} threads / ${(resolved.threads * resolved.postsPerThread).toLocaleString('en')} posts`;
  console.log(`\nSearch latency on a generated corpus of ${size} (BENCH_THREADS=${resolved.threads}), ${resolved.searches} timed calls each`);
  const available: ('pglite' | 'postgres')[] = process.env.ENTRAIDE_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  // BENCH_BACKENDS=postgres (or pglite) runs one side only.
  const only = process.env.BENCH_BACKENDS?.split(',');
  const backends = available.filter((kind) => !only || only.includes(kind));
  const rows: SearchBenchRow[] = [];
  for (const kind of backends) rows.push(...(await benchBackend(kind, resolved)));
  console.log(`  ${'backend'.padEnd(9)} ${'query'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'samples'.padStart(8)}`);
  for (const row of rows) {
    const shown = (ms: number) => (row.count >= 200 ? ms.toFixed(1) : 'n<200');
    console.log(`  ${row.backend.padEnd(9)} ${row.label.padEnd(52)} ${shown(row.p50).padStart(8)} ${shown(row.p99).padStart(8)} ${String(row.count).padStart(8)}`);
  }
  return rows;
}

if (import.meta.main) await runSearchBench();
