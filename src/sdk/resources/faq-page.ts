import type { Locale } from '../../core/index.ts';
import type { Http, RequestOptions } from '../http.ts';
import { listFaqRelated } from '../routes/index.ts';

/** `client.faq.related`: what an article's page adds, past the read path (the page's chunk installs it, see ../staff.ts). */
export const faqPageResource = (http: Http) => ({
  /** Solved threads related to the article: those linking it first, then those matching its title. */
  related: (slug: string, query: { locale?: Locale; limit?: number } = {}, request: RequestOptions = {}) => http.call(listFaqRelated, { params: { slug }, query }, request),
});
