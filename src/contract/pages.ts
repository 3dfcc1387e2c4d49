/**
 * What a server-rendered page is rendered from (types only): the server reads it as a guest and
 * renders the forum with it, then writes it into the page as a JSON island; in the browser the
 * elements read it back, so that their first render is the server's. Made of the contract's own
 * answers, so the seed cannot drift from what the API gives a guest.
 */
import type { Locale } from '../core/index.ts';
import type { Incident } from './areas/advisor.ts';
import type { FaqArticle, FaqRelated } from './areas/knowledge.ts';
import type { Community, ThreadDetail, ThreadSummary } from './models.ts';

export interface ForumSeed {
  /** The language the page was rendered in. */
  locale: Locale;
  /** The route's path under the forum's base (`/t/42-ma-box?page=2`): a server has no `location`. */
  path: string;
  community: Community;
  /** The thread shown, its posts the page's (`page` of the thread's pages, 1 first). */
  thread?: { detail: ThreadDetail; page: number };
  /** A page of a category's threads (default filter and order): the first, or the one from `cursor` (`/c/<slug>?cursor=…`). */
  threads?: { categoryId: number; cursor?: string; items: ThreadSummary[]; nextCursor: string | null };
  faq?: { slug: string; article: FaqArticle; related: FaqRelated['items'] };
  /** The incident banners of the page, as a guest gets them (its category or thread: the banner's own attributes). */
  incidents?: { categoryId: number; threadId: number; items: Incident[] };
}

/** Where the rendered forum lives in the brand's page. */
export interface ForumPage {
  /** The API's base URL as the browser reaches it. */
  api: string;
  /** The forum's base path on the brand's site (`''` at the root). */
  basePath: string;
  /** The `id` of the JSON island the page writes the seed into, after the forum. */
  seedFrom: string;
}
