/** FAQ writes and suggestions: check → one transaction → answer. */
import type { FaqArticle, FaqArticleChanges, FaqSuggestBody, FaqSuggestions, NewFaqArticle } from '../../contract/areas/knowledge.ts';
import { ApiError, guardian, SEARCH_LIMITS, toTsQuery, type Actor } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { ServiceContext } from '../context.ts';
import type { Database } from '../database.ts';
import { notFound } from '../errors.ts';
import { categoryExists, type CommunityContext } from '../repo/community.ts';
import { findArticleById, insertArticle, searchFaq, slugTaken, updateArticle, type ArticleFields } from '../repo/faq.ts';
import { searchForum } from '../repo/search.ts';

function requireWriter(actor: Actor): void {
  guardian(actor).knowledge.ensureWriteFaq();
}

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new ApiError('validation_failed', `${field} may not be blank.`, [{ in: 'body', path: `/${field}`, message: 'blank' }]);
  return text;
}

async function checkFields(db: Database, community: CommunityContext, fields: ArticleFields, exceptId?: number): Promise<ArticleFields> {
  const checked = { ...fields, title: requireText(fields.title, 'title'), bodyMd: requireText(fields.bodyMd, 'bodyMd'), summary: fields.summary.trim() };
  if (checked.categoryId !== null && !(await categoryExists(db, community, checked.categoryId))) throw notFound(`Category ${checked.categoryId}`);
  if (await slugTaken(db, community.id, checked.slug, checked.locale, exceptId)) {
    throw new ApiError('conflict', `An article "${checked.slug}" already exists in ${checked.locale}.`);
  }
  return { ...checked, bodyHtml: renderMarkdown(checked.bodyMd) };
}

export async function createFaqArticle({ db, community }: ServiceContext, { actor, body: input }: { actor: Actor; body: NewFaqArticle }): Promise<FaqArticle> {
  requireWriter(actor);
  const fields = await checkFields(db, community, {
    slug: input.slug, locale: input.locale, categoryId: input.categoryId ?? null, title: input.title, summary: input.summary ?? '', bodyMd: input.bodyMd, bodyHtml: '',
  });
  // The unique (community, locale, slug) index still guards a race between check and insert.
  return db.transaction((tx) => insertArticle(tx, community.id, fields));
}

export async function updateFaqArticle(
  { db, community }: ServiceContext, { actor, articleId: id, body: changes }: { actor: Actor; articleId: number; body: FaqArticleChanges },
): Promise<FaqArticle> {
  requireWriter(actor);
  const current = await findArticleById(db, community.id, id);
  if (!current) throw notFound(`FAQ article ${id}`);
  const fields = await checkFields(db, community, {
    slug: changes.slug ?? current.slug,
    locale: changes.locale ?? current.locale,
    categoryId: changes.categoryId === undefined ? current.categoryId : changes.categoryId,
    title: changes.title ?? current.title,
    summary: changes.summary ?? current.summary,
    bodyMd: changes.bodyMd ?? current.bodyMd,
    bodyHtml: '',
  }, id);
  return db.transaction((tx) => updateArticle(tx, id, fields));
}

/** Deflection before posting: any significant word counts, the more the closer. */
export async function suggest({ db, community }: ServiceContext, { body: input }: { body: FaqSuggestBody }): Promise<FaqSuggestions> {
  const tsquery = toTsQuery(input.text, 'any', community.synonyms);
  if (tsquery === null) return { articles: [], threads: [] };
  const limit = SEARCH_LIMITS.suggestHits;
  const articles = await searchFaq(db, community.id, { tsquery, locale: input.locale, categoryId: input.categoryId, limit });
  const { hits } = await searchForum(db, community, { tsquery, categoryId: input.categoryId, solved: true, questionsOnly: true, offset: 0, limit, candidates: 1000 });
  return { articles, threads: hits };
}
