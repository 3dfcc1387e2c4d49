/**
 * How forum search reads each side (thread titles, post bodies), chosen by how common the words
 * are (issue 17, item 4). The planner's row estimate for the match alone comes from ANALYZE's
 * statistics of the lexemes (pg_stats.most_common_elems); a word outside them is estimated at
 * about half the rarest listed frequency, so rare and absent words land under ALL_MATCHES_MAX.
 * - few matches: every match is read through the GIN index and ranked;
 * - very many (a window of at most WINDOW_MAX newest rows should hold `candidates` of them):
 *   only that window is read, so a word in a fifth of a million posts reads a few thousand rows
 *   instead of 200,000;
 * - in between: for one word, the newest `candidates` matches from the RUM index, without
 *   reading the rows (PostgreSQL with RUM); otherwise every match through GIN (see rumFits).
 * When a plan's hits fall short of the page, the caller falls back to the next one, ending with
 * every match, so no hit is ever lost to a window.
 * The same SQL runs on PGlite and PostgreSQL; only the numbers differ.
 */
import type { Queryable } from '../database.ts';

/** `alias.search_vector` matches the to_tsquery string in parameter `$param`. */
export function matchSql(alias: string, param: number): string {
  return `((${alias}.search_config = 'french'::regconfig and ${alias}.search_vector @@ to_tsquery('french', $${param}))
    or (${alias}.search_config = 'english'::regconfig and ${alias}.search_vector @@ to_tsquery('english', $${param})))`;
}

/** Up to this many estimated matches, a side reads them all (a GIN lookup and that many rows). */
export const ALL_MATCHES_MAX = 10_000;
/** A window is sized for this many times the candidates wanted: estimates are rough. */
const MARGIN = 1.5;
/** The widest window walked row by row; a word too rare to fill one goes to the RUM index. */
const WINDOW_MAX = 30_000;

/**
 * How a side reads its matches: `all` of them (GIN), the `recent` rows above `floor` (a walk of
 * the primary key, for very common words), or the newest `ordered` by the RUM index (posts only,
 * PostgreSQL with RUM: migration 026).
 */
export type SidePlan = { mode: 'all' } | { mode: 'recent'; floor: number } | { mode: 'ordered' };

interface SideFacts { estimate: number; rows: number; maxId: number }

async function sideFacts(db: Queryable, table: 'posts' | 'threads', tsquery: string): Promise<SideFacts> {
  const [plan] = await db.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
    `explain (format json) select 1 from ${table} x where ${matchSql('x', 1)}`, [tsquery]);
  const [size] = await db.query<{ rows: number; max_id: number | null }>(
    `select greatest(reltuples, 0)::float8 as rows, (select max(id) from ${table}) as max_id from pg_class where oid = '${table}'::regclass`);
  const maxId = size?.max_id ?? 0;
  // A table never analyzed (a new PGlite forum) has no row count yet: its newest id stands in.
  return { estimate: plan?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0, rows: size && size.rows > 0 ? size.rows : maxId, maxId };
}

const rumByDatabase = new WeakMap<object, Promise<boolean>>();

/** Whether migration 026 could build the RUM index, asked once per database. */
export function hasRum(db: Queryable): Promise<boolean> {
  let known = rumByDatabase.get(db);
  if (!known) {
    known = db.query<{ found: boolean }>(`select to_regclass('posts_search_rum') is not null as found`)
      .then(([row]) => row?.found === true, () => false);
    rumByDatabase.set(db, known);
  }
  return known;
}

export interface PlanThresholds {
  /** Estimated matches up to which a side reads them all (default ALL_MATCHES_MAX). */
  allMatches?: number;
  /** The widest window of newest rows (default WINDOW_MAX). */
  window?: number;
}

/** The plan of one side for a query wanting about `candidates` matches. */
export async function sidePlan(
  db: Queryable, table: 'posts' | 'threads', tsquery: string, candidates: number, thresholds: PlanThresholds = {},
): Promise<SidePlan> {
  const facts = await sideFacts(db, table, tsquery);
  if (facts.estimate <= (thresholds.allMatches ?? ALL_MATCHES_MAX) || facts.rows <= 0 || facts.estimate <= 0) return { mode: 'all' };
  const share = Math.min(1, facts.estimate / facts.rows);
  // Ids are dense enough here (identity columns; deletions are rare), so ids stand for rows.
  const width = Math.ceil((candidates * MARGIN) / share);
  if (width <= (thresholds.window ?? WINDOW_MAX)) return { mode: 'recent', floor: Math.max(0, facts.maxId - width) };
  return (await rumFits(db, table, tsquery)) ? { mode: 'ordered' } : { mode: 'all' };
}

/**
 * RUM's ordered scan reads and sorts every match in the index (it does not stop at the limit),
 * which beats reading every matching row for one word (measured 3–10× on a million posts) but
 * not GIN's intersection of several common words: only one-word queries (or one word's variants
 * and synonyms) take it.
 */
async function rumFits(db: Queryable, table: 'posts' | 'threads', tsquery: string): Promise<boolean> {
  return table === 'posts' && !tsquery.includes('&') && (await hasRum(db));
}

/** The next plan of a side whose hits fell short of the page: the RUM index, then every match. */
export async function fallback(db: Queryable, table: 'posts' | 'threads', plan: SidePlan, tsquery: string): Promise<SidePlan> {
  if (plan.mode === 'recent' && (await rumFits(db, table, tsquery))) return { mode: 'ordered' };
  return { mode: 'all' };
}
