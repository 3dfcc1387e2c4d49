import type { Category, Community } from '../../contract/index.ts';
import { DEFAULT_RANK_LADDER, labelIn, ladderProblems, pickLocale, type AccountAccess, type Locale, type RankLadder } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

/**
 * What every request needs to know about the community, loaded once at start. The admin
 * services refresh it in place after a change (`refreshCommunity`), so every request of the
 * process sees the new settings at once.
 */
export interface CommunityContext {
  id: number;
  slug: string;
  name: string;
  locale: Locale;
  /** The locales the forum offers; `locale` is one of them. */
  locales: Locale[];
  ladder: RankLadder;
  /** The admin's jargon list; null = core's default list. */
  jargon: string[] | null;
  /** The admin's collective-problem thresholds; null = core's defaults. */
  collective: { threshold: number; windowMinutes: number } | null;
  /** Groups of words search treats as one (core `toTsQuery`); empty = none. */
  synonyms: string[][];
}

interface CommunityRow {
  id: number;
  slug: string;
  name: string;
  locale: string;
  locales: string[];
  rank_ladder: RankLadder | null;
  jargon: string[] | null;
  collective_threshold: number | null;
  collective_window_minutes: number | null;
  search_synonyms: string[][];
}

const COMMUNITY = 'id, slug, name, locale, locales, rank_ladder, jargon, collective_threshold, collective_window_minutes, search_synonyms';

function toContext(row: CommunityRow): CommunityContext {
  const ladder = row.rank_ladder ?? DEFAULT_RANK_LADDER;
  const problems = ladderProblems(ladder);
  if (problems.length) throw new Error(`The rank ladder of community "${row.slug}" cannot be used: ${problems.join('; ')}.`);
  const locale = pickLocale(row.locale);
  const collective = row.collective_threshold !== null && row.collective_window_minutes !== null
    ? { threshold: row.collective_threshold, windowMinutes: row.collective_window_minutes } : null;
  return { id: row.id, slug: row.slug, name: row.name, locale, locales: row.locales.map((code) => pickLocale(code, locale)), ladder, jargon: row.jargon, collective, synonyms: row.search_synonyms ?? [] };
}

export async function loadCommunity(db: Queryable, slug?: string): Promise<CommunityContext | undefined> {
  const [row] = await db.query<CommunityRow>(
    `select ${COMMUNITY} from communities ${slug ? 'where slug = $1' : ''} order by id limit 1`,
    slug ? [slug] : [],
  );
  return row && toContext(row);
}

/** Re-reads the community's settings into `community` itself, which every request of the process shares. */
export async function refreshCommunity(db: Queryable, community: CommunityContext): Promise<void> {
  const [row] = await db.query<CommunityRow>(`select ${COMMUNITY} from communities where id = $1`, [community.id]);
  if (row) Object.assign(community, toContext(row));
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
  account_access: AccountAccess;
  thread_count: number;
  post_count: number;
  last_post_at: Date | null;
}

export async function listCategories(db: Queryable, community: CommunityContext, locale: Locale): Promise<Category[]> {
  const rows = await db.query<CategoryRow>(
    `select id, slug, name, description, account_access, thread_count, post_count, last_post_at
     from categories where community_id = $1 and archived_at is null order by position, id`,
    [community.id],
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: labelIn(row.name, locale, community.locale),
    description: labelIn(row.description, locale, community.locale),
    accountAccess: row.account_access,
    threadCount: row.thread_count,
    postCount: row.post_count,
    lastPostAt: row.last_post_at ? new Date(row.last_post_at).toISOString() : null,
  }));
}

export async function getCommunity(db: Queryable, community: CommunityContext, locale: Locale, demo: boolean): Promise<Community> {
  const [signature] = await db.query<{ advisor_signature: string }>(
    `select coalesce(nullif(advisor_signature_translations ->> $2, ''), advisor_signature) as advisor_signature from communities where id = $1`, [community.id, locale],
  );
  return { id: community.id, name: community.name, locale: community.locale, locales: community.locales, jargon: community.jargon, demo, categories: await listCategories(db, community, locale), advisorSignature: signature?.advisor_signature ?? '',
    rankNames: community.ladder.steps.map((step) => labelIn(step.names ?? {}, locale, community.locale) || step.name) };
}

/** A category of the community and whether it takes new questions; undefined when it is not the community's. */
export async function categoryForQuestion(db: Queryable, community: CommunityContext, categoryId: number): Promise<{ accountAccess: AccountAccess; archived: boolean } | undefined> {
  const [row] = await db.query<{ account_access: AccountAccess; archived: boolean }>(
    'select account_access, archived_at is not null as archived from categories where id = $1 and community_id = $2',
    [categoryId, community.id],
  );
  return row && { accountAccess: row.account_access, archived: row.archived };
}

export async function categoryExists(db: Queryable, community: CommunityContext, categoryId: number): Promise<boolean> {
  const rows = await db.query('select 1 from categories where id = $1 and community_id = $2', [categoryId, community.id]);
  return rows.length > 0;
}
