/**
 * `sitemap.xml` (a sitemap index past 50,000 addresses, then `/sitemaps/threads-N.xml` and
 * `/sitemaps/pages.xml`) and, at the root of a site only, `robots.txt`: crawlers read robots.txt
 * at the root only, so a forum under a base path gives its lines to the brand's (README).
 */
import type { FastifyPluginAsync } from 'fastify';
import { countSitemapThreads, sitemapPages, sitemapThreads, sitemapThreadsStart } from '../../domain/repo/seo.ts';
import type { PageCache } from './cache.ts';
import type { PageContext } from './pages.ts';
import { PAGES_SITEMAP_PATH, SITEMAP_MAX_URLS, pageUrls, planSitemaps, sitemapIndexXml, sitemapXml, threadUrl, threadsSitemapIndex } from './sitemap.ts';

export interface SitemapOptions {
  basePath: string;
  cache: PageCache;
  /** Addresses per sitemap file (tests make it small). */
  perFile?: number;
}

export const sitemapRoutes = (ctx: PageContext, { basePath, perFile = SITEMAP_MAX_URLS }: SitemapOptions): FastifyPluginAsync => async (app) => {
  const xml = (body: string) => ({ body, type: 'application/xml; charset=utf-8' });

  const pagesUrls = async () => {
    const { categories, articles } = await sitemapPages(ctx.db, ctx.community);
    return pageUrls({ publicUrl: ctx.publicUrl, defaultLocale: ctx.community.locale, locales: ctx.community.locales, categories, articles });
  };

  const threadUrls = async (afterId: number, limit: number) => (await sitemapThreads(ctx.db, ctx.community, { afterId, limit })).map((thread) => threadUrl(ctx.publicUrl, thread));

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const pages = await pagesUrls();
    const plan = planSitemaps(await countSitemapThreads(ctx.db, ctx.community), perFile, pages.length);
    const { body, type } = plan.kind === 'urlset'
      ? xml(sitemapXml([...pages, ...(await threadUrls(0, perFile))]))
      : xml(sitemapIndexXml(plan.paths.map((path) => ({ loc: `${ctx.publicUrl}${path}` }))));
    return reply.type(type).header('cache-control', 'public, max-age=3600').send(body);
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', { schema: { hide: true } }, async (request, reply) => {
    const path = `/sitemaps/${request.params.file}`;
    if (path === PAGES_SITEMAP_PATH) return reply.type('application/xml; charset=utf-8').send(sitemapXml(await pagesUrls()));
    const index = threadsSitemapIndex(path);
    const start = index === undefined ? undefined : await sitemapThreadsStart(ctx.db, ctx.community, index, perFile);
    if (start === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('No such sitemap.');
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(sitemapXml(await threadUrls(start, perFile)));
  });

  if (basePath === '') {
    app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(`User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\nSitemap: ${ctx.publicUrl}/sitemap.xml\n`));
  }
};
