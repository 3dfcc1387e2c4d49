/**
 * The forum's public addresses: the same paths for the browser's router and the server's
 * rendered pages, sitemap and canonical links. A thread's slug is its title's, and only
 * decorates the address: the id finds the thread, and the server redirects a wrong slug.
 */
import { slugFrom } from './admin.ts';
import type { Locale } from './domain.ts';

/** `/t/42-ma-box-ne-synchronise-plus`; `/t/42` when the title leaves no slug. */
export function threadPath(threadId: number, title: string): string {
  const slug = slugFrom(title);
  return slug ? `/t/${threadId}-${slug}` : `/t/${threadId}`;
}

/** `/c/reseau-5g`: a category by its slug. */
export function categoryPath(slug: string): string {
  return `/c/${slug}`;
}

/** `/faq/activer-ma-carte-sim`: an FAQ article by its slug. */
export function faqPath(slug: string): string {
  return `/faq/${slug}`;
}

/**
 * `path` in the page language `lang` (`/c/reseau?cursor=x&lang=en#post-3`), or as it is when
 * `lang` is undefined (the community's default language has the plain path). Rendered pages
 * read `?lang=`: links that keep it keep a reader without JavaScript in their language.
 */
export function withLanguage(path: string, lang: Locale | undefined): string {
  if (!lang) return path;
  const hash = path.indexOf('#');
  const [address, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  return `${address}${address.includes('?') ? '&' : '?'}lang=${lang}${fragment}`;
}
