/** FAQ articles: reads, ranked search (stored weighted vector, GIN index) and writes. */
import type { FaqArticle, FaqHit, NewFaqArticle } from '../../contract/areas/knowledge.ts';
import { HEADLINE_OPTIONS, highlightToHtml, TITLE_HEADLINE_OPTIONS, type Locale } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { angles, matchSql, querySql } from './search.ts';

export interface ArticleRow {
  id: number;
  slug: string;
  locale: Locale;
  category_id: number | null;
  title: string;
  summary: string;
  body_md: string;
  body_html: string;
  created_at: Date;
  updated_at: Date;
}

const ARTICLE_COLUMNS = 'a.id, a.slug, a.locale, a.category_id, a.title, a.summary, a.body_md, a.body_html, a.created_at, a.updated_at';

function toArticle(row: ArticleRow): FaqArticle {
  return {
    id: row.id,
    slug: row.slug,
    locale: row.locale,
    categoryId: row.category_id,
    title: row.title,
    summary: row.summary,
    bodyMd: row.body_md,
    bodyHtml: row.body_html,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface FaqSearch {
  /** A to_tsquery expression built by core `toTsQuery`; null lists articles by title. */
  tsquery: string | null;
  locale?: Locale;
  categoryId?: number;
  limit: number;
}

interface HitRow {
  id: number;
  slug: string;
  locale: Locale;
  category_id: number | null;
  title: string;
  summary: string;
  score: number;
  title_hl: string;
  snippet: string;
}

export async function searchFaq(db: Queryable, communityId: number, search: FaqSearch): Promise<FaqHit[]> {
  const params: unknown[] = [search.tsquery, communityId];
  let where = 'a.community_id = $2';
  if (search.locale !== undefined) {
    params.push(search.locale);
    where += ` and a.locale = $${params.length}`;
  }
  if (search.categoryId !== undefined) {
    params.push(search.categoryId);
    where += ` and a.category_id = $${params.length}`;
  }
  params.push(search.limit, HEADLINE_OPTIONS, TITLE_HEADLINE_OPTIONS);
  const [limit, options, titleOptions] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  const sql = search.tsquery === null
    ? `select a.id, a.slug, a.locale, a.category_id, a.title, a.summary, 0::float8 as score, a.title as title_hl, a.summary as snippet
       from faq_articles a where ${where} and $1::text is null order by a.title, a.id limit ${limit}`
    : `with hits as (
         select a.*, ts_rank(a.search_vector, ${querySql('a', 1)}) as score from faq_articles a
         where ${where} and ${matchSql('a', 1)} order by score desc, a.id limit ${limit}
       )
       select a.id, a.slug, a.locale, a.category_id, a.title, a.summary, a.score::float8 as score,
         ts_headline(a.search_config, ${angles('a.title')}, ${querySql('a', 1)}, ${titleOptions}) as title_hl,
         ts_headline(a.search_config, ${angles("a.summary || E'\\n' || a.body_md")}, ${querySql('a', 1)}, ${options}) as snippet
       from hits a order by a.score desc, a.id`;
  if (search.tsquery === null) params.splice(params.length - 2, 2);
  const rows = await db.query<HitRow>(sql, params);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    locale: row.locale,
    categoryId: row.category_id,
    title: row.title,
    summary: row.summary,
    titleHtml: highlightToHtml(row.title_hl),
    snippetHtml: highlightToHtml(row.snippet),
    score: Number(row.score),
  }));
}

/** The article in `locale` if it exists, else in the community language, else any. */
export async function findArticleBySlug(db: Queryable, communityId: number, slug: string, locale: Locale, fallback: Locale): Promise<FaqArticle | undefined> {
  const [row] = await db.query<ArticleRow>(
    `select ${ARTICLE_COLUMNS} from faq_articles a where a.community_id = $1 and a.slug = $2
     order by (a.locale = $3) desc, (a.locale = $4) desc, a.id limit 1`,
    [communityId, slug, locale, fallback],
  );
  return row && toArticle(row);
}

export async function findArticleById(db: Queryable, communityId: number, id: number, lock = false): Promise<FaqArticle | undefined> {
  const [row] = await db.query<ArticleRow>(
    `select ${ARTICLE_COLUMNS} from faq_articles a where a.community_id = $1 and a.id = $2${lock ? ' for update' : ''}`,
    [communityId, id],
  );
  return row && toArticle(row);
}

export async function slugTaken(db: Queryable, communityId: number, slug: string, locale: Locale, exceptId?: number): Promise<boolean> {
  const rows = await db.query(
    'select 1 from faq_articles where community_id = $1 and slug = $2 and locale = $3 and id <> $4',
    [communityId, slug, locale, exceptId ?? 0],
  );
  return rows.length > 0;
}

export type ArticleFields = Required<Omit<NewFaqArticle, 'categoryId'>> & { categoryId: number | null; bodyHtml: string };

export async function insertArticle(tx: Queryable, communityId: number, fields: ArticleFields): Promise<FaqArticle> {
  const [row] = await tx.query<ArticleRow>(
    `insert into faq_articles as a (community_id, category_id, slug, locale, title, summary, body_md, body_html)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${ARTICLE_COLUMNS}`,
    [communityId, fields.categoryId, fields.slug, fields.locale, fields.title, fields.summary, fields.bodyMd, fields.bodyHtml],
  );
  if (!row) throw new Error('article insert returned nothing');
  return toArticle(row);
}

export async function updateArticle(tx: Queryable, id: number, fields: ArticleFields): Promise<FaqArticle> {
  const [row] = await tx.query<ArticleRow>(
    `update faq_articles as a set category_id = $2, slug = $3, locale = $4, title = $5, summary = $6, body_md = $7, body_html = $8,
       updated_at = now() where a.id = $1 returning ${ARTICLE_COLUMNS}`,
    [id, fields.categoryId, fields.slug, fields.locale, fields.title, fields.summary, fields.bodyMd, fields.bodyHtml],
  );
  if (!row) throw new Error('article update returned nothing');
  return toArticle(row);
}
