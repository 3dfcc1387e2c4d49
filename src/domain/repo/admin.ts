/** SQL of the administration (../services/admin.ts decides; this reads and writes). */
import type { AccountAccess, AdminLadder, Labels, Locale, NotificationChannel, RankLadder, Translations } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { authorJson, type AuthorRow } from './members.ts';

export interface CommunitySettingsRow {
  id: number;
  name: string;
  locale: Locale;
  locales: Locale[];
  advisor_signature: string;
  advisor_signature_translations: Translations<string>;
  time_zone: string;
  jargon: string[] | null;
  collective_threshold: number | null;
  collective_window_minutes: number | null;
  rank_ladder: RankLadder | null;
  search_synonyms: string[][];
  notification_channel: NotificationChannel;
}

const SETTINGS = 'id, name, locale, locales, advisor_signature, advisor_signature_translations, time_zone, jargon, collective_threshold, collective_window_minutes, rank_ladder, search_synonyms, notification_channel';

export async function readCommunitySettings(db: Queryable, communityId: number, lock = false): Promise<CommunitySettingsRow | undefined> {
  const [row] = await db.query<CommunitySettingsRow>(`select ${SETTINGS} from communities where id = $1${lock ? ' for update' : ''}`, [communityId]);
  return row;
}

/** Writes every settings column from `next` (the service merged the change into the locked row). */
export async function writeCommunitySettings(tx: Queryable, next: CommunitySettingsRow): Promise<void> {
  await tx.query(
    `update communities set name = $2, locale = $3, locales = $4::text[], advisor_signature = $5, jargon = $6::jsonb,
       collective_threshold = $7, collective_window_minutes = $8, rank_ladder = $9::jsonb, search_synonyms = $10::jsonb, notification_channel = $11,
       advisor_signature_translations = $12::jsonb, time_zone = $13 where id = $1`,
    [next.id, next.name, next.locale, next.locales, next.advisor_signature, next.jargon === null ? null : JSON.stringify(next.jargon),
      next.collective_threshold, next.collective_window_minutes, next.rank_ladder === null ? null : JSON.stringify(next.rank_ladder),
      JSON.stringify(next.search_synonyms), next.notification_channel, JSON.stringify(next.advisor_signature_translations), next.time_zone],
  );
}

export interface AdminCategoryRow {
  id: number;
  slug: string;
  name: Labels;
  description: Labels;
  position: number;
  holdback_minutes: number;
  account_access: AccountAccess;
  archived: boolean;
  thread_count: number;
}

const CATEGORY = `id, slug, name, description, position, holdback_minutes, account_access, archived_at is not null as archived, thread_count`;

export async function adminCategoryRows(db: Queryable, communityId: number): Promise<AdminCategoryRow[]> {
  return db.query<AdminCategoryRow>(`select ${CATEGORY} from categories where community_id = $1 order by position, id`, [communityId]);
}

export async function lockAdminCategory(tx: Queryable, communityId: number, categoryId: number): Promise<AdminCategoryRow | undefined> {
  const [row] = await tx.query<AdminCategoryRow>(`select ${CATEGORY} from categories where id = $1 and community_id = $2 for update`, [categoryId, communityId]);
  return row;
}

export async function slugTaken(db: Queryable, communityId: number, slug: string): Promise<boolean> {
  return (await db.query('select 1 from categories where community_id = $1 and slug = $2', [communityId, slug])).length > 0;
}

export async function insertCategory(
  tx: Queryable, communityId: number,
  category: { slug: string; name: Labels; description: Labels; holdbackMinutes: number; accountAccess: AccountAccess },
): Promise<AdminCategoryRow> {
  // The community row is locked first, so two creations at once take two positions.
  await tx.query('select id from communities where id = $1 for update', [communityId]);
  const [row] = await tx.query<AdminCategoryRow>(
    `insert into categories (community_id, slug, name, description, holdback_minutes, account_access, position)
     values ($1, $2, $3::jsonb, $4::jsonb, $5, $6, (select coalesce(max(position) + 1, 0) from categories where community_id = $1))
     returning ${CATEGORY}`,
    [communityId, category.slug, JSON.stringify(category.name), JSON.stringify(category.description), category.holdbackMinutes, category.accountAccess],
  );
  return row!;
}

export async function writeCategory(tx: Queryable, row: AdminCategoryRow): Promise<AdminCategoryRow> {
  const [updated] = await tx.query<AdminCategoryRow>(
    `update categories set name = $2::jsonb, description = $3::jsonb, holdback_minutes = $4, account_access = $5,
       archived_at = case when $6 then coalesce(archived_at, now()) else null end
     where id = $1 returning ${CATEGORY}`,
    [row.id, JSON.stringify(row.name), JSON.stringify(row.description), row.holdback_minutes, row.account_access, row.archived],
  );
  return updated!;
}

/** Every category of the community, locked, in the current order. */
export async function lockCategoryOrder(tx: Queryable, communityId: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('select id from categories where community_id = $1 order by position, id for update', [communityId]);
  return rows.map((row) => row.id);
}

export async function writeCategoryOrder(tx: Queryable, communityId: number, categoryIds: readonly number[]): Promise<void> {
  await tx.query(
    `update categories c set position = o.position - 1 from unnest($2::int[]) with ordinality as o(id, position)
     where c.id = o.id and c.community_id = $1`,
    [communityId, categoryIds],
  );
}

/**
 * Members (not staff) on each level of `ladder`, level 1 first, counted in SQL so a million
 * members cost one scan. A member's level is the number of steps whose score and days they
 * reach (the ladder is monotone, so that is the highest such step).
 */
export async function countMembersByLevel(db: Queryable, communityId: number, ladder: AdminLadder, now: Date): Promise<number[]> {
  const { weights, steps } = ladder;
  const rows = await db.query<{ level: number; members: number }>(
    `with scored as (
       select post_count * $2::bigint + accepted_count * $3::bigint + kudos_received * $4::bigint + confirmed_count * $5::bigint as score,
              floor(extract(epoch from ($6::timestamptz - joined_at)) / 86400) as days
       from members where community_id = $1 and role = 'member')
     select (select count(*) from unnest($7::bigint[], $8::int[]) as s(min_score, min_days) where score >= min_score and days >= min_days)::int as level,
            count(*)::int as members
     from scored group by 1`,
    [communityId, weights.post, weights.acceptedAnswer, weights.kudos, weights.confirmedAnswer, now, steps.map((step) => step.minScore), steps.map((step) => step.minDays)],
  );
  const counts = steps.map(() => 0);
  for (const row of rows) counts[Math.max(0, row.level - 1)]! += row.members;
  return counts;
}

export interface TrustedRow {
  author: AuthorRow;
  powers: string[];
  granted_at: Date;
}

export async function trustedMemberRows(db: Queryable, communityId: number): Promise<TrustedRow[]> {
  return db.query<TrustedRow>(
    `select ${authorJson('m')} as author, array_agg(g.power order by g.power) as powers, min(g.created_at) as granted_at
     from moderation_grants g join members m on m.id = g.member_id
     where m.community_id = $1 group by m.id order by m.pseudonym, m.id`,
    [communityId],
  );
}

export async function memberRowsByPrefix(db: Queryable, communityId: number, prefix: string, limit: number): Promise<AuthorRow[]> {
  const rows = await db.query<{ author: AuthorRow }>(
    `select ${authorJson('m')} as author from members m
     where m.community_id = $1 and lower(m.pseudonym) like $2 escape '\\'
     order by lower(m.pseudonym), m.id limit $3`,
    [communityId, `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
  );
  return rows.map((row) => row.author);
}

export interface TeamRow {
  author: AuthorRow;
  expertise: number[];
}

const TEAM = `select ${authorJson('m')} as author,
  coalesce((select array_agg(e.category_id order by e.category_id) from advisor_expertise e where e.member_id = m.id), '{}') as expertise
  from members m`;

export async function teamRows(db: Queryable, communityId: number): Promise<TeamRow[]> {
  return db.query<TeamRow>(`${TEAM} where m.community_id = $1 and m.role <> 'member' order by lower(m.pseudonym), m.id`, [communityId]);
}

export async function lockTeamRow(tx: Queryable, communityId: number, memberId: number): Promise<TeamRow | undefined> {
  await tx.query('select id from members where id = $1 and community_id = $2 for update', [memberId, communityId]);
  const [row] = await tx.query<TeamRow>(`${TEAM} where m.id = $1 and m.community_id = $2`, [memberId, communityId]);
  return row;
}

export async function writeTeam(tx: Queryable, memberId: number, change: { team: string | null; expertise: readonly number[] }): Promise<void> {
  await tx.query('update members set team = $2 where id = $1', [memberId, change.team]);
  await tx.query('delete from advisor_expertise where member_id = $1 and category_id <> all($2::int[])', [memberId, change.expertise]);
  await tx.query(
    'insert into advisor_expertise (member_id, category_id) select $1, unnest($2::int[]) on conflict do nothing',
    [memberId, change.expertise],
  );
}

/** Which of `categoryIds` belong to the community. */
export async function knownCategoryIds(db: Queryable, communityId: number, categoryIds: readonly number[]): Promise<Set<number>> {
  const rows = await db.query<{ id: number }>('select id from categories where community_id = $1 and id = any($2::int[])', [communityId, categoryIds]);
  return new Set(rows.map((row) => row.id));
}
