import type { Locale } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import { getFaqArticle, searchFaq, searchForum } from '../routes/index.ts';

export interface FaqSearchQuery {
  q?: string;
  locale?: Locale;
  categoryId?: number;
  limit?: number;
}

export interface ForumSearchQuery {
  q: string;
  categoryId?: number;
  solved?: boolean;
  authorId?: number;
  cursor?: string | null;
  limit?: number;
}

/** `client.faq`: the FAQ base. Highlighted fields are escaped HTML whose only tag is `<mark>`. */
export const faqResource = (http: Http) => ({
  /** Articles closest to `q` (every word), or all of them by title without `q`. */
  search: (query: FaqSearchQuery = {}, request: RequestOptions = {}) => http.call(searchFaq, { query }, request),
  /** One article by slug, in `locale` when it exists in it. */
  get: (slug: string, query: { locale?: Locale } = {}, request: RequestOptions = {}) => http.call(getFaqArticle, { params: { slug }, query }, request),
});

/** `client.search`: forum search across thread titles and posts. */
export const searchResource = (http: Http) => ({
  forum: ({ cursor, ...query }: ForumSearchQuery, request: RequestOptions = {}) =>
    http.call(searchForum, { query: { ...query, cursor: cursor ?? undefined } }, request),
});
