/**
 * Generates a large forum into a fresh, migrated database for the search bench: SQL-side rows
 * from word lists with generate_series, in batches of threads, with a progress bar on stderr when
 * it is a terminal.
 * Deterministic: row i always gets the same words. One French thread in five is English.
 * The search indexes are dropped during the load and rebuilt once at the end (much faster than
 * maintaining them row by row); the posts trigger still fills every vector.
 */
import type { Database } from '../src/domain/database.ts';
import { seedFaq } from '../src/domain/seed/faq.ts';

export interface CorpusOptions {
  threads?: number;
  postsPerThread?: number;
  members?: number;
  /** Threads per INSERT batch. */
  batch?: number;
  label?: string;
}

export interface Corpus {
  communityId: number;
  categoryIds: number[];
  threads: number;
  posts: number;
  ms: number;
}

export const FR_WORDS = [
  'forfait', 'forfaits', 'réseau', 'antenne', 'facture', 'factures', 'remboursement', 'portabilité', 'code', 'rio', 'carte', 'sim',
  'esim', 'activation', 'téléphone', 'mobile', 'appel', 'appels', 'coupé', 'coupure', 'internet', 'data', 'débit', 'lent', '5g', '4g',
  'messagerie', 'vocale', 'sms', 'mms', 'étranger', 'roaming', 'espagne', 'italie', 'option', 'options', 'prélèvement', 'paiement',
  'résiliation', 'résilier', 'changer', 'passer', 'offre', 'famille', 'contrôle', 'parental', 'panne', 'incident', 'couverture',
  'maison', 'bureau', 'campagne', 'ville', 'lyon', 'paris', 'nantes', 'depuis', 'hier', 'matin', 'soir', 'semaine', 'bonjour',
  'merci', 'aide', 'problème', 'solution', 'redémarrer', 'paramètres', 'apn', 'wifi', 'volte', 'désimlocker', 'vol', 'perte',
] as const;

export const EN_WORDS = [
  'plan', 'plans', 'network', 'mast', 'bill', 'bills', 'refund', 'porting', 'code', 'sim', 'esim', 'activation', 'phone', 'mobile',
  'call', 'calls', 'dropped', 'outage', 'internet', 'data', 'speed', 'slow', '5g', '4g', 'voicemail', 'text', 'abroad', 'roaming',
  'spain', 'italy', 'addon', 'payment', 'cancel', 'change', 'switch', 'offer', 'family', 'parental', 'coverage', 'home', 'office',
  'since', 'yesterday', 'morning', 'evening', 'week', 'hello', 'thanks', 'help', 'problem', 'solution', 'restart', 'settings', 'wifi',
] as const;

/**
 * Words the lists above never produce, sprinkled so that searches can be rare: each of the first
 * five in one post in a thousand (and one title in two thousand), the last in one post in 100,000.
 */
export const RARE_WORDS = ['sablier', 'carillon', 'boussole', 'girouette', 'lanterne', 'kaléidoscope'] as const;

/** Appends RARE_WORDS to a few posts and titles; run once per corpus (generateCorpus does). */
export async function sprinkleRareWords(db: Database): Promise<void> {
  await db.query(
    `update posts p set body_md = p.body_md || ' ' || ($1::text[])[1 + (p.id / 1000) % 5]
     where p.id % 1000 = 7 and p.thread_id in (select t.id from threads t where t.locale = 'fr')`,
    [RARE_WORDS]);
  await db.query(`update posts set body_md = body_md || ' ' || $1 where id % 100000 = 11`, [RARE_WORDS[5]]);
  await db.query(`update threads set title = title || ' ' || ($1::text[])[1 + (id / 2000) % 5] where id % 2000 = 3 and locale = 'fr'`, [RARE_WORDS]);
}

const CATEGORY_SLUGS = ['activation-forfait', 'facturation', 'portabilite', 'offres-options', 'assistance-technique', 'reseau', 'telephones-mobiles', 'international-roaming'];

/** `n` words of the list chosen by a hash of `seed` (a SQL expression), joined by spaces. */
function wordsSql(list: string, seed: string, n: number): string {
  return `array_to_string(array(select ${list}[(1 + ((${seed} * 2654435761 + j * 40503) % cardinality(${list})))::int]
    from generate_series(1, ${n}) j), ' ')`;
}

/** On a terminal only: a captured run's output keeps its figures, not a hundred redrawn bars. */
function progressBar(label: string, done: number, total: number, started: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stderr.write(`\r  ${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${done}/${total} threads, ${seconds} s`);
}

export async function generateCorpus(db: Database, options: CorpusOptions = {}): Promise<Corpus> {
  const threads = options.threads ?? 100_000;
  const perThread = options.postsPerThread ?? 10;
  const members = options.members ?? 20_000;
  const batch = options.batch ?? 2_000;
  const started = performance.now();
  const [community] = await db.query<{ id: number }>(`insert into communities (slug, name) values ('bench', 'Bench Mobile') returning id`);
  const communityId = community!.id;
  const categoryIds = (await db.query<{ id: number }>(
    `insert into categories (community_id, slug, name, position)
     select $1, s, jsonb_build_object('fr', s, 'en', s), o from unnest($2::text[]) with ordinality as c(s, o) returning id`,
    [communityId, CATEGORY_SLUGS],
  )).map((row) => row.id);
  await db.query(
    `insert into members (community_id, external_id, pseudonym, joined_at)
     select $1, 'bench:' || i, 'membre' || i, now() - i * interval '1 minute' from generate_series(1, $2::int) i`,
    [communityId, members],
  );
  // The demo FAQ (same category slugs), so suggestions find articles too.
  await seedFaq(db, communityId);
  const [range] = await db.query<{ first: number }>('select min(id)::int as first from members where community_id = $1', [communityId]);
  // The search indexes (GIN, and RUM where migration 026 made one) are rebuilt once at the end.
  const searchIndexes = (await db.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes where indexname in ('posts_search', 'threads_search', 'posts_search_rum')`));
  for (const index of searchIndexes) await db.exec(`drop index ${index.name}`);

  for (let from = 0; from < threads; from += batch) {
    const to = Math.min(threads, from + batch) - 1;
    // Thread i: category i % 8, author hashed, English when i % 5 = 0, solved when i % 3 = 0.
    await db.query(
      `with w as (select $5::text[] as fr, $6::text[] as en)
       insert into threads (category_id, author_id, title, status, locale, excerpt, reply_count, created_at, last_post_at)
       select ($3::int[])[1 + i % 8], $4::int + (i * 7919) % $7::int,
         case when i % 5 = 0 then ${wordsSql('w.en', 'i', 6)} else ${wordsSql('w.fr', 'i', 6)} end,
         case when i % 3 = 0 then 'solved' when i % 3 = 1 then 'answered' else 'open' end,
         case when i % 5 = 0 then 'en' else 'fr' end, '', $8::int - 1,
         now() - (${threads} - i) * interval '1 minute', now() - (${threads} - i) * interval '1 minute'
       from w, generate_series($1::int, $2::int) i`,
      [from, to, categoryIds, range!.first, FR_WORDS, EN_WORDS, members, perThread],
    );
    await db.query(
      `with w as (select $4::text[] as fr, $5::text[] as en),
            t as (select id, locale, row_number() over (order by id) + $1::int - 1 as i from threads
                  where id > (select coalesce(max(thread_id), 0) from posts) order by id)
       insert into posts (thread_id, author_id, kind, body_md, body_html, created_at)
       select t.id, $3::int + ((t.i * 31 + k) * 7919) % $6::int, case when k = 1 then 'question' else 'reply' end, b.body, '<p>' || b.body || '</p>',
         now() - (${threads} - t.i) * interval '1 minute' + k * interval '1 second'
       from w, t cross join generate_series(1, $2::int) k
       cross join lateral (select case when t.locale = 'en' then ${wordsSql('w.en', 't.i * 16 + k', 18)}
                                   else ${wordsSql('w.fr', 't.i * 16 + k', 18)} end as body) b`,
      [from, perThread, range!.first, FR_WORDS, EN_WORDS, members],
    );
    progressBar(options.label ?? 'corpus', to + 1, threads, started);
  }
  await sprinkleRareWords(db);
  if (process.stderr.isTTY) process.stderr.write(`\n  ${options.label ?? 'corpus'}: building search indexes…\n`);
  for (const index of searchIndexes) await db.exec(index.definition);
  await db.exec('analyze');
  return { communityId, categoryIds, threads, posts: threads * perThread, ms: performance.now() - started };
}
