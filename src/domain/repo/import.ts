/**
 * The rows a community import reads and writes: the community by slug, its categories by slug,
 * its FAQ articles by locale and slug (written with repo/faq.ts). Inside the import's transaction.
 */
import type { Locale } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { ArticleRow as FaqArticleRow } from './faq.ts';

export interface CommunityRow {
  id: number;
  name: string;
  locale: string;
  locales: string[];
  advisor_signature: string;
  time_zone: string;
}

export interface CommunitySettings {
  name: string;
  locale: Locale;
  locales: Locale[];
  /** Undefined keeps the stored value. */
  advisorSignature?: string;
  timeZone?: string;
}

export async function findCommunityBySlug(tx: Queryable, slug: string): Promise<CommunityRow | undefined> {
  const [row] = await tx.query<CommunityRow>('select id, name, locale, locales, advisor_signature, time_zone from communities where slug = $1 for update', [slug]);
  return row;
}

export async function insertCommunity(tx: Queryable, slug: string, name: string): Promise<number> {
  const [row] = await tx.query<{ id: number }>('insert into communities (slug, name) values ($1, $2) returning id', [slug, name]);
  if (!row) throw new Error('community insert returned nothing');
  return row.id;
}

export async function updateCommunity(tx: Queryable, id: number, settings: CommunitySettings): Promise<void> {
  await tx.query(
    `update communities set name = $2, locale = $3, locales = $6::text[], advisor_signature = coalesce($4, advisor_signature), time_zone = coalesce($5, time_zone)
     where id = $1`,
    [id, settings.name, settings.locale, settings.advisorSignature ?? null, settings.timeZone ?? null, settings.locales],
  );
}

export interface CategoryRow {
  id: number;
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
  position: number;
  holdback_minutes: number;
}

export interface CategoryFields {
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
  position: number;
  holdbackMinutes: number;
}

export async function categoriesOf(tx: Queryable, communityId: number): Promise<CategoryRow[]> {
  return tx.query<CategoryRow>(
    'select id, slug, name, description, position, holdback_minutes from categories where community_id = $1 order by id for update',
    [communityId],
  );
}

export async function insertCategory(tx: Queryable, communityId: number, fields: CategoryFields): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into categories (community_id, slug, name, description, position, holdback_minutes)
     values ($1, $2, $3::text::jsonb, $4::text::jsonb, $5, $6) returning id`,
    [communityId, fields.slug, JSON.stringify(fields.name), JSON.stringify(fields.description), fields.position, fields.holdbackMinutes],
  );
  if (!row) throw new Error('category insert returned nothing');
  return row.id;
}

export async function updateCategory(tx: Queryable, id: number, fields: CategoryFields): Promise<void> {
  await tx.query(
    'update categories set name = $2::text::jsonb, description = $3::text::jsonb, position = $4, holdback_minutes = $5 where id = $1',
    [id, JSON.stringify(fields.name), JSON.stringify(fields.description), fields.position, fields.holdbackMinutes],
  );
}

/** A stored FAQ article, as much of it as the import compares (the row of repo/faq.ts). */
export type ArticleRow = Pick<FaqArticleRow, 'id' | 'slug' | 'locale' | 'category_id' | 'title' | 'summary' | 'body_md'>;

export async function articlesOf(tx: Queryable, communityId: number): Promise<ArticleRow[]> {
  return tx.query<ArticleRow>(
    'select id, slug, locale, category_id, title, summary, body_md from faq_articles where community_id = $1 order by id for update',
    [communityId],
  );
}
