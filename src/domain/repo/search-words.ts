/**
 * "Did you mean": the community's own words (thread and FAQ titles, kept by migration 019's
 * triggers) closest to a word that found nothing, by pg_trgm similarity. A PostgreSQL without
 * pg_trgm answers no suggestion: search itself never depends on it.
 */
import { correctableTerms, correctedQuery } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

/** pg_trgm's own default threshold: "forfiat" ↔ "forfait" is 0.33; unrelated words stay below. */
const SIMILARITY_MIN = 0.3;

const trigramsByDatabase = new WeakMap<object, Promise<boolean>>();

/** Whether the database has pg_trgm, asked once per database (the extension comes with the migration). */
export function hasTrigrams(db: Queryable): Promise<boolean> {
  let known = trigramsByDatabase.get(db);
  if (!known) {
    known = db.query<{ found: boolean }>(`select exists (select 1 from pg_extension where extname = 'pg_trgm') as found`)
      .then(([row]) => row?.found === true, () => false);
    trigramsByDatabase.set(db, known);
  }
  return known;
}

/** The query with its unknown words replaced by the closest known ones, or null. */
export async function suggestQuery(db: Queryable, communityId: number, text: string): Promise<string | null> {
  const terms = correctableTerms(text);
  if (terms.length === 0 || !(await hasTrigrams(db))) return null;
  const rows = await db.query<{ term: string; word: string }>(
    `select distinct on (term) term, word from unnest($2::text[]) as term
     cross join lateral (
       select w.word, similarity(w.word, term) as score, w.uses from search_words w
       where w.community_id = $1 and similarity(w.word, term) >= $3
       order by score desc, w.uses desc, w.word limit 1
     ) best
     where not exists (select 1 from search_words k where k.community_id = $1 and k.word = term)
     order by term`,
    [communityId, terms, SIMILARITY_MIN],
  );
  return correctedQuery(text, new Map(rows.map((row) => [row.term, row.word])));
}
