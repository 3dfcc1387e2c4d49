import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { AppContext } from '../app.ts';

/**
 * The demo brand page and the built bundles. The page runs under a strict CSP with Trusted
 * Types: only Lit's own policy may create HTML, and no inline script runs.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export const staticRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  if (!existsSync(ctx.config.staticDir)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The demo page is not built: run `npm start` (it builds it) or `npm run build:web`.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: ctx.config.staticDir,
    setHeaders: (response, path) => {
      if (path.endsWith('.html')) response.setHeader('content-security-policy', CSP);
      response.setHeader('x-content-type-options', 'nosniff');
    },
  });
};
