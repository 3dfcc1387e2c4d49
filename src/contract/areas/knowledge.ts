/**
 * Routes of the "knowledge" area: the FAQ base and forum search; merged into `routes` by
 * ../routes.ts. Highlighted text (`titleHtml`, `snippetHtml`) is HTML-escaped plain text whose
 * only tags are `<mark>…</mark>` around the matched words: safe to insert as HTML.
 */
import { Type, type Static } from 'typebox';
import { FAQ_SLUG_PATTERN, LIMITS, SEARCH_LIMITS } from '../../core/index.ts';
import { errorResponses, Id, Line, Timestamp } from '../common.ts';
import { LocaleSchema, ThreadSummary } from '../models.ts';

const errors = errorResponses;

const Slug = Type.String({ pattern: FAQ_SLUG_PATTERN, minLength: 2, maxLength: LIMITS.slugMax });
const HitLimit = Type.Integer({ minimum: 1, maximum: SEARCH_LIMITS.hitsMax, default: SEARCH_LIMITS.hitsDefault });
/** Escaped text with `<mark>` around matches (see the module comment). */
const MarkedHtml = Type.String();

export const FaqArticle = Type.Object({
  id: Id,
  slug: Type.String(),
  locale: LocaleSchema,
  categoryId: Type.Union([Id, Type.Null()]),
  title: Type.String(),
  summary: Type.String(),
  /** The markdown source, for editors. */
  bodyMd: Type.String(),
  /** Rendered and sanitized on write. */
  bodyHtml: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type FaqArticle = Static<typeof FaqArticle>;

export const FaqHit = Type.Object({
  id: Id,
  slug: Type.String(),
  locale: LocaleSchema,
  categoryId: Type.Union([Id, Type.Null()]),
  title: Type.String(),
  summary: Type.String(),
  titleHtml: MarkedHtml,
  snippetHtml: MarkedHtml,
  /** ts_rank: higher is closer; 0 when listing without a query. */
  score: Type.Number(),
});
export type FaqHit = Static<typeof FaqHit>;

export const FaqHits = Type.Object({ items: Type.Array(FaqHit) });
export type FaqHits = Static<typeof FaqHits>;

export const SearchHit = Type.Object({
  thread: ThreadSummary,
  /** The best-matching visible post, or null when only the title matched. */
  postId: Type.Union([Id, Type.Null()]),
  titleHtml: MarkedHtml,
  snippetHtml: MarkedHtml,
  score: Type.Number(),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchPage = Type.Object({
  items: Type.Array(SearchHit),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  /** When the first page found nothing: the query with its unknown words replaced by the community's closest ones ("forfiat" → "forfait"). */
  didYouMean: Type.Optional(Type.String()),
});
export type SearchPage = Static<typeof SearchPage>;

export const FaqSuggestions = Type.Object({ articles: Type.Array(FaqHit), threads: Type.Array(SearchHit) });
export type FaqSuggestions = Static<typeof FaqSuggestions>;

/** Solved threads for an article's page; `linked` says the thread's posts link the article. */
export const FaqRelated = Type.Object({ items: Type.Array(Type.Object({ thread: ThreadSummary, linked: Type.Boolean() })) });
export type FaqRelated = Static<typeof FaqRelated>;

export const NewFaqArticle = Type.Object({
  slug: Slug,
  locale: LocaleSchema,
  categoryId: Type.Optional(Type.Union([Id, Type.Null()])),
  title: Line({ minLength: LIMITS.titleMin, maxLength: LIMITS.titleMax }),
  summary: Type.Optional(Type.String({ maxLength: 500 })),
  bodyMd: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }),
});
export type NewFaqArticle = Static<typeof NewFaqArticle>;

export const FaqArticleChanges = Type.Partial(NewFaqArticle, { minProperties: 1 });
export type FaqArticleChanges = Static<typeof FaqArticleChanges>;

export const FaqSuggestBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: SEARCH_LIMITS.suggestMax }),
  locale: Type.Optional(LocaleSchema),
  categoryId: Type.Optional(Id),
});
export type FaqSuggestBody = Static<typeof FaqSuggestBody>;

export const knowledgeRoutes = {
  searchFaq: {
    method: 'GET',
    url: '/faq',
    audience: 'everyone',
    example: { query: { q: 'forfait' } },
    schema: {
      summary: 'FAQ articles ranked by closeness to `q` (all words), or listed by title without `q`',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: SEARCH_LIMITS.queryMax })),
        locale: Type.Optional(LocaleSchema),
        categoryId: Type.Optional(Id),
        limit: Type.Optional(HitLimit),
      }),
      response: { 200: FaqHits, ...errors },
    },
  },
  getFaqArticle: {
    method: 'GET',
    url: '/faq/:slug',
    audience: 'everyone',
    example: { params: { slug: 'activer-sa-carte-sim' } },
    schema: {
      summary: 'A FAQ article, in `locale` when it exists in it (else the community language, else any)',
      params: Type.Object({ slug: Slug }),
      querystring: Type.Object({ locale: Type.Optional(LocaleSchema) }),
      response: { 200: FaqArticle, ...errors },
    },
  },
  listFaqRelated: {
    method: 'GET',
    url: '/faq/:slug/related',
    audience: 'everyone',
    example: { params: { slug: 'activer-sa-carte-sim' } },
    schema: {
      summary: 'Solved threads related to a FAQ article: those whose visible posts link it first, then solved threads matching its title',
      params: Type.Object({ slug: Slug }),
      querystring: Type.Object({ locale: Type.Optional(LocaleSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) }),
      response: { 200: FaqRelated, ...errors },
    },
  },
  suggestFaq: {
    method: 'POST',
    url: '/faq/suggest',
    audience: 'everyone',
    example: { body: { text: 'changer de forfait' } },
    schema: {
      summary: 'Articles and solved threads closest to a question being typed (any word), to answer it before it is posted',
      body: FaqSuggestBody,
      response: { 200: FaqSuggestions, ...errors },
    },
  },
  createFaqArticle: {
    method: 'POST',
    url: '/faq',
    audience: 'staff',
    example: { body: { slug: 'activer-sa-carte-sim', locale: 'fr', title: 'Activer sa carte SIM', bodyMd: 'L’activation prend jusqu’à 24 h. Redémarrez ensuite le téléphone.' } },
    schema: { summary: 'Write a FAQ article (advisors and moderators)', body: NewFaqArticle, response: { 201: FaqArticle, ...errors } },
  },
  updateFaqArticle: {
    method: 'PUT',
    url: '/faq/:articleId',
    audience: 'staff',
    example: { params: { articleId: 3 }, body: { title: 'Nouveau titre' } },
    schema: {
      summary: 'Change a FAQ article (advisors and moderators)',
      params: Type.Object({ articleId: Id }),
      body: FaqArticleChanges,
      response: { 200: FaqArticle, ...errors },
    },
  },
  searchForum: {
    method: 'GET',
    url: '/search',
    audience: 'everyone',
    example: { query: { q: 'forfait' } },
    schema: {
      summary: 'Threads whose title or visible posts contain every word of `q` (or a synonym of the community’s list), best first, with highlighted snippets; a spelling suggestion when nothing matched',
      querystring: Type.Object({
        q: Type.String({ minLength: 1, maxLength: SEARCH_LIMITS.queryMax }),
        categoryId: Type.Optional(Id),
        solved: Type.Optional(Type.Boolean()),
        authorId: Type.Optional(Id),
        cursor: Type.Optional(Type.String({ maxLength: 200 })),
        limit: Type.Optional(HitLimit),
      }),
      response: { 200: SearchPage, ...errors },
    },
  },
} as const;
