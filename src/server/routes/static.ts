import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The demo brand page and the built bundles. The page runs under a strict CSP with Trusted
 * Types: only Lit's own policy may create HTML, and no inline script runs.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'self'"],
  requireTrustedTypesFor: ["'script'"],
  trustedTypes: ['lit-html'],
};

/** Helmet's usual headers (frame, referrer, opener, HSTS…), with exactly the CSP above and nothing of its default one; rendered pages get them too. */
export async function installPageHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // The bundles are made to be loaded by brands' pages on other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

/** `pages`: the rendered pages answer `/`; the files are served beside them. */
export const staticRoutes = (staticDir: string, { pages = false } = {}): FastifyPluginAsync => async (app) => {
  await installPageHeaders(app);
  if (!existsSync(staticDir)) {
    if (pages) return;
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The demo page is not built: run `npm start` (it builds it) or `npm run build:web`.'),
    );
    return;
  }
  // `send` answers an ETag and a 304 to a matching If-None-Match; the cache policy is ours.
  await app.register(fastifyStatic, {
    root: staticDir,
    // The page itself is rendered (`../pages/`) when pages are on.
    index: pages ? false : undefined,
    etag: true,
    cacheControl: false,
    setHeaders: (response, path) => void response.setHeader('cache-control', cacheControlOfFile(basename(path))),
  });
};

/** A hashed chunk (`entraide-<name>-<hash>.min.js`): its name changes with its content. */
const HASHED_CHUNK = /^entraide-.+-[\w-]{6,}\.min\.js$/u;

/**
 * Hashed chunks are kept a year and never revalidated; everything else (the entry
 * `entraide.min.js`, the SDK file, the page, its stylesheet) is revalidated on each use with
 * its ETag, so a deploy is seen at once.
 */
export function cacheControlOfFile(name: string): string {
  return HASHED_CHUNK.test(name) && name !== 'entraide-sdk.min.js' ? 'public, max-age=31536000, immutable' : 'no-cache';
}
