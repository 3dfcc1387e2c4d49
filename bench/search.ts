/**
 * Search latency on a generated corpus (bench/corpus.ts): forum searches and FAQ suggestions
 * with varied queries, and the advisor queue, p50/p99, on PGlite (a data directory on disk) and, when
 * ENTRAIDE_TEST_DATABASE_URL names a PostgreSQL server (scripts/with-postgres.sh), on a fresh
 * database of it. Sizes: BENCH_THREADS (default 20000; 100000 gives the 1M-post corpus, ten
 * minutes or more per backend), BENCH_POSTS_PER_THREAD (10), BENCH_SEARCHES (200 timed calls of
 * each kind, advisor queue included; percentiles from fewer than 200 are not printed);
 * BENCH_BACKENDS=pglite|postgres runs one side only. BENCH_DATABASE_URL names a PostgreSQL database
 * kept between runs instead (PostgreSQL only): it is migrated, the corpus is generated the first
 * time only, so the 1M-post corpus is built once and measured before and after a migration.
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
import { EN_WORDS, FR_WORDS, generateCorpus, RARE_WORDS, type Corpus } from './corpus.ts';

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

/**
 * Searches by how common their words are: common (1–3 words of the lists, each in about a fifth
 * of the posts), rare (a RARE_WORDS word: 10 to 200 posts), mixed (a common word and a rare one),
 * absent (a word no post has).
 */
function searchKinds(common: string[]): Record<string, string[]> {
  return {
    common: common,
    rare: common.map((_q, i) => RARE_WORDS[i % RARE_WORDS.length]!),
    mixed: common.map((q, i) => `${q.split(' ')[0]!} ${RARE_WORDS[i % RARE_WORDS.length]!}`),
    absent: common.map((_q, i) => `xylo${i.toString(36)}`),
  };
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

/** The corpus of a kept database (BENCH_DATABASE_URL), generated there on its first run only. */
async function keptCorpus(db: Database, options: Required<SearchBenchOptions>): Promise<Corpus> {
  const [community] = await db.query<{ id: number }>(`select id from communities where slug = 'bench'`);
  if (!community) return generateCorpus(db, { threads: options.threads, postsPerThread: options.postsPerThread, label: 'postgres (kept)' });
  const categoryIds = (await db.query<{ id: number }>('select id from categories where community_id = $1 order by id', [community.id])).map((row) => row.id);
  const [counts] = await db.query<{ threads: number; posts: number }>(
    'select (select count(*)::int from threads) as threads, (select count(*)::int from posts) as posts');
  return { communityId: community.id, categoryIds, threads: counts!.threads, posts: counts!.posts, ms: 0 };
}

async function benchBackend(kind: 'pglite' | 'postgres', options: Required<SearchBenchOptions>): Promise<SearchBenchRow[]> {
  const kept = kind === 'postgres' ? process.env.BENCH_DATABASE_URL : undefined;
  const { db, drop } = kept ? { db: await openDatabase({ databaseUrl: kept }), drop: async () => undefined } : await openBackend(kind);
  try {
    const migrating = performance.now();
    const applied = await migrate(db);
    if (kept && applied.length > 0) console.log(`  ${kind}: migrations ${applied.join(', ')} applied in ${((performance.now() - migrating) / 1000).toFixed(1)} s`);
    const corpus = kept ? await keptCorpus(db, options) : await generateCorpus(db, { threads: options.threads, postsPerThread: options.postsPerThread, label: kind });
    console.log(`  ${kind}: ${corpus.ms ? 'generated' : 'kept'} ${corpus.threads} threads / ${corpus.posts} posts${corpus.ms ? ` in ${(corpus.ms / 1000).toFixed(1)} s` : ''}`);
    const community = await loadCommunity(db, 'bench');
    if (!community) throw new Error('bench community missing');
    const forum = queries(options.searches, 3);
    const typed = queries(options.searches, 8).map((words) => `Bonjour, ${words} ?`);
    const rows: SearchBenchRow[] = [];
    for (const [name, inputs] of Object.entries(searchKinds(forum))) {
      rows.push(await time(`forum search, ${name} (10 hits)`, kind, inputs, (q) =>
        searchForum(db, community, { tsquery: toTsQuery(q, 'all')!, offset: 0, limit: 10 })));
      rows.push(await time(`forum search, ${name}, category + solved`, kind, inputs, (q) =>
        searchForum(db, community, { tsquery: toTsQuery(q, 'all')!, categoryId: corpus.categoryIds[1], solved: true, offset: 0, limit: 10 })));
    }
    rows.push(
      await time('faq suggest (any word, articles + solved threads)', kind, typed, (text) => suggest({ db, community }, { body: { text } })),
      await time('advisor queue (all categories, 50 items)', kind, forum, () => advisorQueue({ db, community }, { actor: STAFF, query: { limit: 50 } })),
      await time('advisor queue (one category, 50 items)', kind, forum, () => advisorQueue({ db, community }, { actor: STAFF, query: { categoryId: corpus.categoryIds[1], limit: 50 } })),
    );
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
  const corpus = process.env.BENCH_DATABASE_URL ? 'the corpus kept in BENCH_DATABASE_URL' : `a generated corpus of ${size} (BENCH_THREADS=${resolved.threads})`;
  console.log(`\nSearch latency on ${corpus}, ${resolved.searches} timed calls each`);
  const available: ('pglite' | 'postgres')[] = process.env.BENCH_DATABASE_URL ? ['postgres']
    : process.env.ENTRAIDE_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
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
