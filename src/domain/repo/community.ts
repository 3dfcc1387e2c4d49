import type { Category, Community } from '../../contract/index.ts';
import { DEFAULT_RANK_LADDER, ladderProblems, pickLocale, type Locale, type RankLadder } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

/** What every request needs to know about the community, loaded once at start. */
export interface CommunityContext {
  id: number;
  slug: string;
  name: string;
  locale: Locale;
  ladder: RankLadder;
}

interface CommunityRow {
  id: number;
  slug: string;
  name: string;
  locale: string;
  rank_ladder: RankLadder | null;
}

export async function loadCommunity(db: Queryable, slug?: string): Promise<CommunityContext | undefined> {
  const [row] = await db.query<CommunityRow>(
    `select id, slug, name, locale, rank_ladder from communities ${slug ? 'where slug = $1' : ''} order by id limit 1`,
    slug ? [slug] : [],
  );
  if (!row) return undefined;
  const ladder = row.rank_ladder ?? DEFAULT_RANK_LADDER;
  const problems = ladderProblems(ladder);
  if (problems.length) throw new Error(`The rank ladder of community "${row.slug}" cannot be used: ${problems.join('; ')}.`);
  return { id: row.id, slug: row.slug, name: row.name, locale: pickLocale(row.locale), ladder };
}

/** A server started without the demo still needs one community to serve. */
export async function ensureCommunity(db: Queryable, slug: string, name: string): Promise<void> {
  await db.query('insert into communities (slug, name) values ($1, $2) on conflict (slug) do nothing', [slug, name]);
}

interface CategoryRow {
  id: number;
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
  thread_count: number;
  post_count: number;
  last_post_at: Date | null;
}

const localised = (labels: Record<string, string>, locale: Locale, fallback: Locale) =>
  labels[locale] ?? labels[fallback] ?? Object.values(labels)[0] ?? '';

export async function listCategories(db: Queryable, community: CommunityContext, locale: Locale): Promise<Category[]> {
  const rows = await db.query<CategoryRow>(
    `select id, slug, name, description, thread_count, post_count, last_post_at
     from categories where community_id = $1 order by position, id`,
    [community.id],
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: localised(row.name, locale, community.locale),
    description: localised(row.description, locale, community.locale),
    threadCount: row.thread_count,
    postCount: row.post_count,
    lastPostAt: row.last_post_at ? new Date(row.last_post_at).toISOString() : null,
  }));
}

export async function getCommunity(db: Queryable, community: CommunityContext, locale: Locale, demo: boolean): Promise<Community> {
  const [signature] = await db.query<{ advisor_signature: string }>('select advisor_signature from communities where id = $1', [community.id]);
  return { id: community.id, name: community.name, locale: community.locale, demo, categories: await listCategories(db, community, locale), advisorSignature: signature?.advisor_signature ?? '' };
}

export async function categoryExists(db: Queryable, community: CommunityContext, categoryId: number): Promise<boolean> {
  const rows = await db.query('select 1 from categories where id = $1 and community_id = $2', [categoryId, community.id]);
  return rows.length > 0;
}
