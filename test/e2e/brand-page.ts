/**
 * A brand's own page on its own origin, embedding the built forum with `api` on another origin,
 * the way the README tells brands to: the bundles served from dist/, a strict CSP of the
 * brand's (Trusted Types included) that lets the page connect to the API's origin, and a tiny
 * sign-in of the brand's (here: the demo sign-in of the API, called cross-origin).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

export interface BrandPage {
  server: Server;
  /** The page's origin, e.g. http://127.0.0.1:40123. */
  origin: string;
  close(): Promise<void>;
}

const page = (api: string) => `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Ardoise Énergie — Aide</title>
  <script type="module" src="/entraide.min.js"></script>
  <script type="module" src="/brand.js"></script>
  <style>body { margin: 0; font-family: system-ui; } .brand { display: flex; justify-content: space-between; padding: 1rem; background: #123; color: #fff; } main { max-width: 60rem; margin: 0 auto; padding: 1rem; }</style>
</head>
<body>
  <header class="brand"><strong>Ardoise Énergie</strong><span id="brand-session"></span></header>
  <main><entraide-forum api="${api}"></entraide-forum></main>
</body>
</html>`;

/** The brand's sign-in: it asks its back end for a token (here the API's demo sign-in) and hands it to the forum. */
const script = (api: string) => `
const api = ${JSON.stringify(api)};
const forum = document.querySelector('entraide-forum');
const session = document.getElementById('brand-session');
async function signIn() {
  const members = await (await fetch(api + '/demo/members')).json();
  const member = members.items.find((m) => m.role === 'member');
  const answer = await fetch(api + '/demo/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: member.id }) });
  const { token } = await answer.json();
  sessionStorage.setItem('brand-token', token);
  await forum.setToken(token);
  session.textContent = forum.session.member ? forum.session.member.pseudonym : '';
}
document.addEventListener('entraide-sign-in-requested', (event) => {
  event.preventDefault();
  void signIn();
});
document.addEventListener('entraide-session-ended', () => {
  sessionStorage.removeItem('brand-token');
  session.textContent = '';
});
const stored = sessionStorage.getItem('brand-token');
if (stored) customElements.whenDefined('entraide-forum').then(() => forum.setToken(stored)).then(() => {
  session.textContent = forum.session.member ? forum.session.member.pseudonym : '';
});
`;

function csp(apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${apiOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export async function startBrandPage(distDir: string): Promise<BrandPage & { setApi(api: string): void }> {
  let api = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://brand').pathname;
    const headers = { 'x-content-type-options': 'nosniff' };
    if (path === '/') {
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(new URL(api).origin) });
      response.end(page(api));
    } else if (path === '/favicon.ico') {
      response.writeHead(204, headers);
      response.end();
    } else if (path === '/brand.js') {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
      response.end(script(api));
    } else if (/^\/entraide[\w.-]*\.min\.js$/.test(path) && existsSync(join(distDir, basename(path)))) {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
      response.end(readFileSync(join(distDir, basename(path))));
    } else {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    setApi: (value) => (api = value),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
