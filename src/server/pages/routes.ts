/**
 * Server-rendered pages of the read path, on the brand's own domain (issue 16): the home page's
 * categories, `/c/<slug>`, `/t/<id>-<slug>` (`?page=N`), `/faq/<slug>`, with `sitemap.xml` and
 * `robots.txt`. Every page is the guest's, whoever asks (the handlers never read a token);
 * signed-in state arrives after hydration. Pages are cached, and the live events that change
 * them drop them from the cache (`./cache.ts`); an ETag answers a revalidation with 304.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../core/index.ts';
import { PageCache, type CachedPage } from './cache.ts';
import { categoryPage, faqPage, homePage, notFoundPage, pageLocale, threadPage, type PageContext, type PageResult } from './pages.ts';
import { preloadElements, renderForum } from './render.ts';
import { loadShell, seedIsland } from './shell.ts';
import { sitemapRoutes } from './sitemap-routes.ts';
import { installPageHeaders } from '../routes/static.ts';

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

  const render = async (result: Extract<PageResult, { kind: 'page' }>): Promise<CachedPage> => {
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
    return reply.send(result.html);
  };

  const localeOf = (request: FastifyRequest): Locale => pageLocale(ctx.community, (request.query as Record<string, unknown>).lang);

  app.get('/', { schema: { hide: true } }, (request, reply) => {
    const locale = localeOf(request);
    return serve(request, reply, `home:${locale}`, ['community'], () => homePage(page, locale));
  });

  app.get<{ Params: { slug: string } }>('/c/:slug', { schema: { hide: true } }, (request, reply) => {
    const locale = localeOf(request);
    const { slug } = request.params;
    return serve(request, reply, `category:${slug}:${locale}`, ['community'], () => categoryPage(page, locale, slug));
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
    return serve(request, reply, `faq:${slug}:${locale}`, ['faq'], () => faqPage(page, locale, slug));
  });

  // Older addresses keep working: the clean ones are canonical.
  app.get<{ Params: { id: string } }>('/threads/:id', { schema: { hide: true } }, (request, reply) => reply.redirect(`${basePath}/t/${encodeURIComponent(request.params.id)}`, 301));

  await app.register(sitemapRoutes(page, { basePath, cache, perFile: options.sitemapPerFile }));
};
