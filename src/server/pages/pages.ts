/**
 * What each rendered page shows, read as a guest whoever asks: the same domain reads the API
 * gives a guest (hidden posts, private conversations, staff notes and drafts never enter a seed),
 * and the head that goes with it. A page is a seed (what the elements render) and a head.
 */
import { categoryPath, faqPath, LIMITS, threadPath, type Locale } from '../../core/index.ts';
import type { ForumSeed } from '../../contract/index.ts';
import { getCommunity, type CommunityContext } from '../../domain/repo/community.ts';
import type { Database } from '../../domain/database.ts';
import { relatedThreads } from '../../domain/repo/faq-related.ts';
import { findArticleBySlug } from '../../domain/repo/faq.ts';
import { canonicalThread, publicThreadState, readGuestThreadPage } from '../../domain/repo/seo.ts';
import { incidentBanner } from '../../domain/services/incident-banner.ts';
import { BadCursorError, listThreads } from '../../domain/repo/thread-list.ts';
import { describeHtml, renderHead, type HeadInput } from './head.ts';
import { articleJsonLd, breadcrumbJsonLd, qaPageJsonLd } from './json-ld.ts';
import { localizedUrl } from './sitemap.ts';

export interface PageContext {
  db: Database;
  community: CommunityContext;
  demo: boolean;
  /** Origin and base of the forum as readers reach it, no trailing slash. */
  publicUrl: string;
}

/** A page to render, a redirect, or a page that is gone. */
export type PageResult =
  | { kind: 'page'; status: 200 | 404 | 410; seed: ForumSeed; head: string }
  /** A view only the browser renders (search, inbox…): the shell with an empty forum. */
  | { kind: 'client'; locale: Locale; head: string }
  | { kind: 'redirect'; location: string };

const GUEST = { role: 'guest' } as const;

/** The page's language: `?lang=` when the community offers it, else the community's. */
export function pageLocale(community: CommunityContext, lang: unknown): Locale {
  return community.locales.find((locale) => locale === lang) ?? community.locale;
}

/**
 * What every page shows: the community, and the incident banners of the page (the forum shows
 * them above every view: a category's list, a thread, or the community-wide ones elsewhere).
 */
async function seedBase(ctx: PageContext, locale: Locale, path: string, where: { categoryId?: number; threadId?: number } = {}): Promise<ForumSeed> {
  const [community, incidents] = await Promise.all([
    getCommunity(ctx.db, ctx.community, locale, ctx.demo),
    incidentBanner(ctx, { actor: GUEST, query: { ...where, locale } }),
  ]);
  return { locale, path, community, incidents: { categoryId: where.categoryId ?? 0, threadId: where.threadId ?? 0, items: incidents.items } };
}

function head(ctx: PageContext, seed: ForumSeed, input: Omit<HeadInput, 'lang' | 'og'> & { og?: HeadInput['og'] }): string {
  return renderHead({ og: { type: 'website', siteName: seed.community.name }, ...input, lang: seed.locale });
}

/** The home page: the categories, in each language the community offers. */
export async function homePage(ctx: PageContext, locale: Locale): Promise<PageResult> {
  const seed = await seedBase(ctx, locale, '/');
  const { community } = seed;
  const alternates = community.locales.length > 1
    ? [...community.locales.map((hreflang) => ({ hreflang, href: localizedUrl(ctx.publicUrl, '/', hreflang, ctx.community.locale) })), { hreflang: 'x-default', href: `${ctx.publicUrl}/` }]
    : [];
  const description = community.categories.map((category) => category.name).join(', ');
  return { kind: 'page', status: 200, seed, head: head(ctx, seed, { title: community.name, description, canonical: localizedUrl(ctx.publicUrl, '/', locale, ctx.community.locale), alternates }) };
}

/**
 * A category's questions: the first page, or the one a "Load more" link gave (`cursor`, for
 * readers without JavaScript). Later pages are followed but not indexed; a cursor the list never
 * gave out (unreadable, or past the end) is not found.
 */
export async function categoryPage(ctx: PageContext, locale: Locale, slug: string, cursor?: string): Promise<PageResult> {
  const path = categoryPath(slug);
  const category = (await getCommunity(ctx.db, ctx.community, locale, ctx.demo)).categories.find((c) => c.slug === slug);
  const seed = await seedBase(ctx, locale, cursor ? `${path}?cursor=${cursor}` : path, { categoryId: category?.id });
  if (!category) return notFound(ctx, seed);
  const page = await listThreads(ctx.db, ctx.community, GUEST, { categoryId: category.id, limit: LIMITS.pageSizeDefault, filter: 'all', sort: 'activity', cursor }).catch((error: unknown) => {
    if (error instanceof BadCursorError) return undefined;
    throw error;
  });
  if (!page || (cursor && !page.items.length)) return notFound(ctx, seed);
  seed.threads = { categoryId: category.id, ...(cursor ? { cursor } : {}), items: page.items, nextCursor: page.nextCursor };
  const canonical = `${ctx.publicUrl}${seed.path}`;
  const crumbs = breadcrumbJsonLd([{ name: seed.community.name, url: `${ctx.publicUrl}/` }, { name: category.name, url: `${ctx.publicUrl}${path}` }]);
  const input = { title: `${category.name} — ${seed.community.name}`, description: category.description, canonical, jsonLd: [crumbs] };
  return { kind: 'page', status: 200, seed, head: head(ctx, seed, cursor ? { ...input, robots: 'noindex,follow' } : input) };
}

/**
 * A thread, page `page` of its posts. A wrong or missing slug, and a merged thread, redirect to
 * the canonical address (301); an archived thread, or one whose question moderation hid, is gone (410).
 */
export async function threadPage(ctx: PageContext, locale: Locale, threadId: number, slug: string | undefined, page: number, query: string): Promise<PageResult> {
  const state = await publicThreadState(ctx.db, ctx.community, threadId);
  if (state?.mergedIntoId) {
    const target = await canonicalThread(ctx.db, ctx.community, threadId);
    if (target) return { kind: 'redirect', location: `${ctx.publicUrl}${threadPath(target.id, target.title)}` };
  }
  const path = state ? threadPath(state.id, state.title) : `/t/${threadId}`;
  const read = state && !state.openingHidden && state.status !== 'archived' ? await readGuestThreadPage(ctx, threadId, page) : undefined;
  const seed = await seedBase(ctx, locale, `${path}${page > 1 ? `?page=${page}` : ''}`, read ? { threadId } : {});
  if (!state || (!read && !state.openingHidden && state.status !== 'archived')) return notFound(ctx, seed);
  if (!read) return gone(ctx, seed);
  if (`/t/${threadId}${slug ? `-${slug}` : ''}` !== path) return { kind: 'redirect', location: `${ctx.publicUrl}${path}${query}` };
  const { detail } = read;
  seed.thread = { detail, page };
  const canonical = `${ctx.publicUrl}${seed.path}`;
  const question = detail.posts.find((post) => post.kind === 'question');
  const category = seed.community.categories.find((c) => c.id === detail.thread.categoryId);
  const crumbs = [{ name: seed.community.name, url: `${ctx.publicUrl}/` }, ...(category ? [{ name: category.name, url: `${ctx.publicUrl}${categoryPath(category.slug)}` }] : []), { name: detail.thread.title, url: `${ctx.publicUrl}${path}` }];
  const jsonLd = page === 1 ? [qaPageJsonLd(detail, { canonicalUrl: canonical }), breadcrumbJsonLd(crumbs)] : [breadcrumbJsonLd(crumbs)];
  const title = page > 1 ? `${detail.thread.title} (${page}) — ${seed.community.name}` : `${detail.thread.title} — ${seed.community.name}`;
  return {
    kind: 'page', status: 200, seed,
    head: head(ctx, seed, { title, description: question ? describeHtml(question.bodyHtml) : detail.thread.excerpt, canonical, og: { type: 'article', siteName: seed.community.name }, jsonLd }),
  };
}

/** An FAQ article, with the solved threads related to it; hreflang when it exists in both languages. */
export async function faqPage(ctx: PageContext, locale: Locale, slug: string): Promise<PageResult> {
  const path = faqPath(slug);
  const seed = await seedBase(ctx, locale, path);
  const article = await findArticleBySlug(ctx.db, ctx.community.id, slug, locale, ctx.community.locale);
  if (!article) return notFound(ctx, seed);
  const related = await relatedThreads(ctx.db, ctx.community, article, 5);
  seed.faq = { slug, article, related: related.items };
  const versions = await Promise.all(ctx.community.locales.map(async (other) => ((await findArticleBySlug(ctx.db, ctx.community.id, slug, other, other))?.locale === other ? other : undefined)));
  const locales = versions.filter((other): other is Locale => Boolean(other));
  const alternates = locales.length > 1 ? [...locales.map((hreflang) => ({ hreflang, href: localizedUrl(ctx.publicUrl, path, hreflang, ctx.community.locale) })), { hreflang: 'x-default', href: `${ctx.publicUrl}${path}` }] : [];
  const canonical = localizedUrl(ctx.publicUrl, path, locale, ctx.community.locale);
  const jsonLd = [articleJsonLd(article, { canonicalUrl: canonical, communityName: seed.community.name, communityUrl: `${ctx.publicUrl}/` })];
  return { kind: 'page', status: 200, seed, head: head(ctx, seed, { title: `${article.title} — ${seed.community.name}`, description: article.summary, canonical, alternates, og: { type: 'article', siteName: seed.community.name }, jsonLd }) };
}

/** A view the browser renders with the reader's session (search, inbox, preferences, a profile, the workspaces, a new question): never indexed. */
export async function clientPage(ctx: PageContext, locale: Locale): Promise<PageResult> {
  const { name } = await getCommunity(ctx.db, ctx.community, locale, ctx.demo);
  return { kind: 'client', locale, head: renderHead({ title: name, description: '', robots: 'noindex', og: { type: 'website', siteName: name }, lang: locale }) };
}

/** Any other path: the forum's own "page not found", never indexed. */
export async function notFoundPage(ctx: PageContext, locale: Locale, path: string): Promise<PageResult> {
  return notFound(ctx, await seedBase(ctx, locale, path));
}

function notFound(ctx: PageContext, seed: ForumSeed): PageResult {
  seed.path = '/404';
  return { kind: 'page', status: 404, seed, head: head(ctx, seed, { title: seed.community.name, description: '', robots: 'noindex' }) };
}

/** A thread that is no longer public: said gone (410), so that search engines drop it. */
function gone(ctx: PageContext, seed: ForumSeed): PageResult {
  seed.path = '/404';
  return { kind: 'page', status: 410, seed, head: head(ctx, seed, { title: seed.community.name, description: '', robots: 'noindex' }) };
}
