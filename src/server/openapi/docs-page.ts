/**
 * The API reference page at `<prefix>/api/docs`: Swagger UI (swagger-ui-dist, served from this
 * server, never a CDN) over `./openapi.json`. Its CSP is its own and as strict as Swagger UI
 * allows: scripts from this server only (no inline script: the page loads `docs/init.js`),
 * inline styles (its React components set style attributes), calls to this origin only.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ApiError } from '../../core/index.ts';

export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entraide API reference</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="stylesheet" href="docs/page.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<main id="docs"><p class="loading">Loading the API reference…</p></main>
<noscript><p>The API reference needs JavaScript. The document itself is at <a href="openapi.json">openapi.json</a>.</p></noscript>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

// `./openapi.json` is resolved against the page, so the page works under any prefix.
const INIT = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#docs',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  displayOperationId: true,
  persistAuthorization: false,
});
`;

const PAGE_CSS = `body { margin: 0; }
.loading { font: 1rem system-ui, sans-serif; padding: 1rem; }
@media (max-width: 600px) { .swagger-ui .wrapper { padding: 0 8px; } .swagger-ui .opblock .opblock-summary { flex-wrap: wrap; } }
`;

/** The files Swagger UI is made of, read once from the package on first use. */
const ASSETS: Record<string, string> = { 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8', 'swagger-ui.css': 'text/css; charset=utf-8', 'favicon-32x32.png': 'image/png' };
const assetCache = new Map<string, Promise<Buffer>>();

function assetDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

function readAsset(name: string): Promise<Buffer> {
  let content = assetCache.get(name);
  if (!content) {
    content = readFile(join(assetDirectory(), name));
    assetCache.set(name, content);
  }
  return content;
}

function send(reply: FastifyReply, type: string, body: string | Buffer, cache = 'no-cache'): FastifyReply {
  return reply.header('content-security-policy', DOCS_CSP).header('cache-control', cache).type(type).send(body);
}

export const docsPageRoutes: FastifyPluginAsync = async (app) => {
  const options = { config: { public: true }, schema: { hide: true } };
  app.get('/docs', options, async (_request, reply) => send(reply, 'text/html; charset=utf-8', PAGE));
  app.get('/docs/init.js', options, async (_request, reply) => send(reply, 'text/javascript; charset=utf-8', INIT));
  app.get('/docs/page.css', options, async (_request, reply) => send(reply, 'text/css; charset=utf-8', PAGE_CSS));
  app.get<{ Params: { asset: string } }>('/docs/:asset', options, async (request, reply) => {
    const type = ASSETS[request.params.asset];
    if (!type) throw new ApiError('not_found', 'No such file in the API reference.');
    // The package's version is in the lock file: a day's cache, revalidated after an upgrade.
    return send(reply, type, await readAsset(request.params.asset), 'public, max-age=86400');
  });
};
