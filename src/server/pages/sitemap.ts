/**
 * Sitemaps of the rendered pages (issue 16, sitemaps.org 0.9), pure: the XML of a `urlset` and
 * of a `sitemapindex`, which files a community needs (at most `perFile` URLs a file: 50,000 is
 * the protocol's limit), and the URLs of its non-thread pages. Everything written is XML-escaped.
 */
import { categoryPath, faqPath, threadPath, withLanguage, type Locale } from '../../core/index.ts';
import type { SitemapArticle, SitemapCategory, SitemapThread } from '../../domain/repo/seo.ts';

export const SITEMAP_MAX_URLS = 50_000;

export interface Alternate {
  /** `fr`, `en` or `x-default`. */
  hreflang: string;
  href: string;
}

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** W3C datetime (ISO 8601). */
  lastmod?: string | null;
  /** Every language version of the page, itself included (Google's rule for `xhtml:link`). */
  alternates?: readonly Alternate[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value for XML. Characters XML 1.0 forbids (controls) are dropped: one would void the file. */
export function xmlEscape(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlEntry({ loc, lastmod, alternates = [] }: SitemapUrl): string {
  const links = alternates.map((link) => `<xhtml:link rel="alternate" hreflang="${xmlEscape(link.hreflang)}" href="${xmlEscape(link.href)}"/>`);
  return `<url><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : ''}${links.join('')}</url>`;
}

/** A `urlset`; the `xhtml` namespace is declared when some URL has language alternates. */
export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const xhtml = urls.some((url) => url.alternates?.length) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : '';
  return `${DECLARATION}<urlset xmlns="${NS}"${xhtml}>\n${urls.map((url) => `${urlEntry(url)}\n`).join('')}</urlset>\n`;
}

export interface SitemapFile {
  /** Absolute URL of a sitemap file. */
  loc: string;
  lastmod?: string | null;
}

export function sitemapIndexXml(files: readonly SitemapFile[]): string {
  const entries = files.map(({ loc, lastmod }) => `<sitemap><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : ''}</sitemap>\n`);
  return `${DECLARATION}<sitemapindex xmlns="${NS}">\n${entries.join('')}</sitemapindex>\n`;
}

/** Where the index's files live, under the forum's base. */
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';
/** `/sitemaps/threads-1.xml` for file 0: names count from 1, `index` (for `sitemapThreadsStart`) from 0. */
export const threadsSitemapPath = (index: number): string => `/sitemaps/threads-${index + 1}.xml`;
/** The file index a `/sitemaps/threads-N.xml` path names, or undefined. */
export function threadsSitemapIndex(path: string): number | undefined {
  const match = /^\/sitemaps\/threads-([1-9]\d{0,5})\.xml$/.exec(path);
  return match ? Number(match[1]) - 1 : undefined;
}

export type SitemapPlan =
  /** One `urlset` at `/sitemap.xml` holds every URL. */
  | { kind: 'urlset' }
  /** `/sitemap.xml` is an index of `threadFiles` files of threads (`perFile` each, keyset by id) and one file of the other pages. */
  | { kind: 'index'; perFile: number; threadFiles: number; paths: string[] };

/**
 * One file while every URL fits in it (threads plus `pageUrls`, the other pages), else an index:
 * thread files of `perFile` then the pages' file.
 */
export function planSitemaps(totalThreads: number, perFile = SITEMAP_MAX_URLS, pageUrls = 0): SitemapPlan {
  if (!Number.isInteger(perFile) || perFile < 1 || perFile > SITEMAP_MAX_URLS) throw new RangeError(`perFile must be 1..${SITEMAP_MAX_URLS}`);
  if (totalThreads + pageUrls <= perFile) return { kind: 'urlset' };
  const threadFiles = Math.ceil(totalThreads / perFile);
  return { kind: 'index', perFile, threadFiles, paths: [...Array.from({ length: threadFiles }, (_, index) => threadsSitemapPath(index)), PAGES_SITEMAP_PATH] };
}

/**
 * The address of a page in `locale`: the community's default language has the plain path, the
 * other one `?lang=` (the pages' language switch).
 */
export function localizedUrl(publicUrl: string, path: string, locale: Locale, defaultLocale: Locale): string {
  return `${publicUrl}${withLanguage(path, locale === defaultLocale ? undefined : locale)}`;
}

function languageVersions(publicUrl: string, path: string, locales: readonly Locale[], defaultLocale: Locale): { urls: string[]; alternates: Alternate[] } {
  const urls = locales.map((locale) => localizedUrl(publicUrl, path, locale, defaultLocale));
  if (locales.length < 2) return { urls, alternates: [] };
  const fallback = locales.includes(defaultLocale) ? defaultLocale : locales[0]!;
  const alternates = [...locales.map((hreflang, index) => ({ hreflang, href: urls[index]! })), { hreflang: 'x-default', href: localizedUrl(publicUrl, path, fallback, defaultLocale) }];
  return { urls, alternates };
}

export interface PagesInput {
  /** Origin and base of the forum, no trailing slash: `https://www.brand.fr/aide/communaute`. */
  publicUrl: string;
  /** The community's default language and those it offers (the home page exists in each). */
  defaultLocale: Locale;
  locales: readonly Locale[];
  categories: readonly SitemapCategory[];
  articles: readonly SitemapArticle[];
}

/** The home page (in each language), the categories, and each FAQ article in each of its languages, with alternates. */
export function pageUrls({ publicUrl, defaultLocale, locales, categories, articles }: PagesInput): SitemapUrl[] {
  const latest = categories.map((category) => category.lastPostAt).filter((at): at is string => Boolean(at)).sort().at(-1) ?? null;
  const home = languageVersions(publicUrl, '/', locales, defaultLocale);
  const urls: SitemapUrl[] = home.urls.map((loc) => ({ loc, lastmod: latest, alternates: home.alternates }));
  for (const category of categories) urls.push({ loc: `${publicUrl}${categoryPath(category.slug)}`, lastmod: category.lastPostAt });
  for (const article of articles) {
    const versions = languageVersions(publicUrl, faqPath(article.slug), article.locales, defaultLocale);
    for (const loc of versions.urls) urls.push({ loc, lastmod: article.updatedAt, alternates: versions.alternates });
  }
  return urls;
}

/** A thread's sitemap entry at its canonical path. */
export function threadUrl(publicUrl: string, thread: SitemapThread): SitemapUrl {
  return { loc: `${publicUrl}${threadPath(thread.id, thread.title)}`, lastmod: thread.lastPostAt };
}
