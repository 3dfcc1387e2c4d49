/**
 * Server-rendered pages of the read path, on the brand's own domain (issue 16): the home page's
 * categories, `/c/<slug>`, `/t/<id>-<slug>` (`?page=N`), `/faq/<slug>`, with `sitemap.xml` and
 * `robots.txt`. Every page is the guest's, whoever asks (the handlers never read a token);
 * signed-in state arrives after hydration. Pages are cached, and the live events that change
 * them drop them from the cache (`./cache.ts`); an ETag answers a revalidation with 304.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FAQ_SLUG_PATTERN, type Locale } from '../../core/index.ts';
import { encodedPage, PageCache, pageEncoding, type CachedPage } from './cache.ts';
import { categoryPage, clientPage, faqPage, homePage, notFoundPage, pageLocale, threadPage, type PageContext, type PageResult } from './pages.ts';
import { preloadElements, renderForum } from './render.ts';
import { loadShell, seedIsland } from './shell.ts';
import { sitemapRoutes } from './sitemap-routes.ts';
import { installPageHeaders } from '../routes/static.ts';
import { escapeHtml } from './head.ts';

export interface PagesOptions {
  /** Origin and base of the forum as readers reach it: `https://www.brand.fr/aide/communaute` (no trailing slash). Canonical links come from it, never from request headers. */
  publicUrl: string;
  /** The brand's page around the forum (see `./shell.ts`). */
  shell: string;
  /** The API's base as the browser reaches it; default `<base>/api`. */
  api?: string;
  /** Addresses per sitemap file before a sitemap index (50,000, the protocol's limit). */
  sitemapPerFile?: number;
}

const SEED_ID = 'entraide-seed';
const THREAD_ADDRESS = /^(\d{1,15})(?:-([a-z0-9-]*))?$/;
/** What a thread list's `nextCursor` looks like (base64url); anything else was never given out. */
const LIST_CURSOR = /^[\w-]{1,200}$/;
/** A positive id in a path, as the forum's router reads it. */
const PATH_ID = /^[1-9]\d{0,14}$/;
/** An FAQ slug as articles have them: anything else (`%00` included, which PostgreSQL refuses) is not found before any query. */
const FAQ_SLUG = new RegExp(FAQ_SLUG_PATTERN);

/**
 * The forum's views that are no page of their own (the reader's search, inbox, preferences, a
 * profile, the workspaces, a new question): the browser renders them, here as everywhere.
 * Listed one by one, so that the API's JSON 404s and the static files keep their paths.
 */
const CLIENT_PATHS = ['/search', '/search/*', '/preferences', '/inbox', '/agent', '/admin'];
const CLIENT_PATHS_WITH_ID = ['/inbox/:id', '/members/:id', '/categories/:id', '/categories/:id/new'];

export const pageRoutes = (ctx: Omit<PageContext, 'publicUrl'> & { cache?: PageCache }, options: PagesOptions): FastifyPluginAsync => async (app) => {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const basePath = new URL(`${publicUrl}/`).pathname.replace(/\/+$/, '');
  const page: PageContext = { ...ctx, publicUrl };
  const shell = loadShell(options.shell);
  const cache = ctx.cache ?? new PageCache();
  const forum = { api: options.api ?? `${basePath}/api`, basePath, seedFrom: SEED_ID };
  await installPageHeaders(app);
  // The elements' Node build loads while the server starts, not on the first reader's request.
  await preloadElements();

  const render = async (result: Exclude<PageResult, { kind: 'redirect' }>): Promise<CachedPage> => {
    if (result.kind === 'client') {
      // No declarative shadow root: the hydrating entry renders it as the plain entry would.
      const empty = `<entraide-forum api="${escapeHtml(forum.api)}" base-path="${escapeHtml(forum.basePath || '/')}"></entraide-forum>`;
      return cache.entry(200, shell.fill({ lang: result.locale, head: result.head, forum: empty, island: '' }), result.locale);
    }
    const html = shell.fill({ lang: result.seed.locale, head: result.head, forum: await renderForum(result.seed, forum), island: seedIsland(SEED_ID, result.seed) });
    return cache.entry(result.status, html, result.seed.locale);
  };

  /** A page from the cache, or read and rendered once however many readers ask at the same time. */
  const serve = async (request: FastifyRequest, reply: FastifyReply, key: string, tags: string[], read: () => Promise<PageResult>) => {
    const result = await cache.get(key, tags, async () => {
      const read_ = await read();
      return read_.kind === 'redirect' ? { redirect: read_.location } : render(read_);
    });
    if ('redirect' in result) return reply.redirect(result.redirect, 301);
    reply
      .code(result.status)
      .type('text/html; charset=utf-8')
      .header('etag', result.etag)
      // Revalidated on each use (a CDN may keep it): the ETag makes that a 304.
      .header('cache-control', 'public, no-cache')
      .header('content-language', result.locale);
    if (result.status === 200 && request.headers['if-none-match'] === result.etag) return reply.code(304).send();
    const encoding = pageEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(result.html);
    // Already compressed: the compression hook passes it through as it is.
    return reply.header('content-encoding', encoding).send(await encodedPage(result, encoding));
  };

  const localeOf = (request: FastifyRequest): Locale => pageLocale(ctx.community, (request.query as Record<string, unknown>).lang);

  app.get('/', { schema: { hide: true } }, (request, reply) => {
    const locale = localeOf(request);
    return serve(request, reply, `home:${locale}`, ['community'], () => homePage(page, locale));
  });

  app.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/c/:slug', { schema: { hide: true } }, (request, reply) => {
    const locale = localeOf(request);
    const { slug } = request.params;
    const { cursor } = request.query;
    if (cursor !== undefined && (typeof cursor !== 'string' || !LIST_CURSOR.test(cursor))) {
      return serve(request, reply, `404:${locale}`, ['community'], () => notFoundPage(page, locale, request.url));
    }
    return serve(request, reply, `category:${slug}:${cursor ?? ''}:${locale}`, ['community'], () => categoryPage(page, locale, slug, cursor));
  });

  app.get<{ Params: { address: string }; Querystring: Record<string, string | undefined> }>('/t/:address', { schema: { hide: true } }, (request, reply) => {
    const locale = localeOf(request);
    const match = THREAD_ADDRESS.exec(request.params.address);
    const pageNumber = request.query.page === undefined ? 1 : Number(request.query.page);
    if (!match || !Number.isSafeInteger(pageNumber) || pageNumber < 1 || pageNumber > 100_000) {
      return serve(request, reply, `404:${locale}`, ['community'], () => notFoundPage(page, locale, request.url));
    }
    const threadId = Number(match[1]);
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return serve(request, reply, `thread:${request.params.address}:${pageNumber}:${locale}`, [`thread:${threadId}`], () => threadPage(page, locale, threadId, match[2], pageNumber, query));
  });

  app.get<{ Params: { slug: string } }>('/faq/:slug', { schema: { hide: true } }, (request, reply) => {
    const locale = localeOf(request);
    const { slug } = request.params;
    if (!FAQ_SLUG.test(slug)) return serve(request, reply, `404:${locale}`, ['community'], () => notFoundPage(page, locale, request.url));
    return serve(request, reply, `faq:${slug}:${locale}`, ['faq'], () => faqPage(page, locale, slug));
  });

  // Older addresses keep working: the clean ones are canonical.
  app.get<{ Params: { id: string } }>('/threads/:id', { schema: { hide: true } }, (request, reply) => reply.redirect(`${basePath}/t/${encodeURIComponent(request.params.id)}`, 301));

  for (const path of CLIENT_PATHS) {
    app.get(path, { schema: { hide: true } }, (request, reply) => {
      const locale = localeOf(request);
      return serve(request, reply, `client:${locale}`, ['community'], () => clientPage(page, locale));
    });
  }
  for (const path of CLIENT_PATHS_WITH_ID) {
    app.get<{ Params: { id: string } }>(path, { schema: { hide: true } }, (request, reply) => {
      const locale = localeOf(request);
      if (!PATH_ID.test(request.params.id)) return serve(request, reply, `404:${locale}`, ['community'], () => notFoundPage(page, locale, request.url));
      return serve(request, reply, `client:${locale}`, ['community'], () => clientPage(page, locale));
    });
  }

  await app.register(sitemapRoutes(page, { basePath, cache, perFile: options.sitemapPerFile }));
};
