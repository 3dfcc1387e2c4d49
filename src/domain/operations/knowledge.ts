/** The "knowledge" area (see src/contract/areas/knowledge.ts): reads are public, writes need an advisor or moderator. */
import { ApiError, pickLocale, SEARCH_LIMITS, toTsQuery } from '../../core/index.ts';
import { notFound } from '../errors.ts';
import { findArticleBySlug, searchFaq } from '../repo/faq.ts';
import { suggestQuery } from '../repo/search-words.ts';
import { relatedThreads } from '../repo/faq-related.ts';
import { decodeSearchCursor, encodeSearchCursor, searchForum } from '../repo/search.ts';
import { createFaqArticle, suggest, updateFaqArticle } from '../services/knowledge.ts';
import { unknownCursor } from './forum.ts';
import type { Operations } from './operation.ts';

const noWords = (field: string) => new ApiError('validation_failed', `${field} needs at least one word of two letters or digits.`, [{ in: 'querystring', path: `/${field}`, message: 'no searchable word' }]);

export const knowledgeOperations: Operations<'searchFaq' | 'getFaqArticle' | 'listFaqRelated' | 'suggestFaq' | 'createFaqArticle' | 'updateFaqArticle' | 'searchForum'> = {
  searchFaq: {
    public: true,
    run: async ({ db, community }, { query: { q, locale, categoryId, limit = SEARCH_LIMITS.hitsDefault } }) => {
      const tsquery = q === undefined || q.trim() === '' ? null : toTsQuery(q, 'all', community.synonyms);
      if (q !== undefined && q.trim() !== '' && tsquery === null) throw noWords('q');
      return { items: await searchFaq(db, community.id, { tsquery, locale, categoryId, limit }) };
    },
  },
  getFaqArticle: {
    public: true,
    run: async ({ db, community }, { params, query, acceptLanguage }) => {
      const locale = query.locale ?? pickLocale(acceptLanguage, community.locale);
      return (await findArticleBySlug(db, community.id, params.slug, locale, community.locale)) ?? Promise.reject(notFound(`FAQ article ${params.slug}`));
    },
  },
  listFaqRelated: {
    public: true,
    run: async ({ db, community }, { params, query, acceptLanguage }) => {
      const locale = query.locale ?? pickLocale(acceptLanguage, community.locale);
      const article = await findArticleBySlug(db, community.id, params.slug, locale, community.locale);
      if (!article) throw notFound(`FAQ article ${params.slug}`);
      return relatedThreads(db, community, article, query.limit ?? 5);
    },
  },
  suggestFaq: { public: true, run: (ctx, { body }) => suggest(ctx, { body }) },
  createFaqArticle: { run: (ctx, { actor, body }) => createFaqArticle(ctx, { actor, body }) },
  updateFaqArticle: { run: (ctx, { actor, params, body }) => updateFaqArticle(ctx, { actor, articleId: params.articleId, body }) },
  searchForum: {
    public: true,
    run: async ({ db, community }, { query: { q, categoryId, solved, authorId, cursor, limit = SEARCH_LIMITS.hitsDefault } }) => {
      const tsquery = toTsQuery(q, 'all', community.synonyms);
      if (tsquery === null) throw noWords('q');
      const offset = cursor === undefined ? 0 : decodeSearchCursor(cursor);
      if (offset === undefined) throw unknownCursor();
      const { hits, more } = await searchForum(db, community, { tsquery, categoryId, solved, authorId, offset, limit });
      const nextCursor = more ? encodeSearchCursor(offset + limit) : null;
      const didYouMean = hits.length === 0 && offset === 0 ? await suggestQuery(db, community.id, q) : null;
      return didYouMean ? { items: hits, nextCursor, didYouMean } : { items: hits, nextCursor };
    },
  },
};
