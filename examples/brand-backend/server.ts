/**
 * A brand's own web site, in miniature: it signs its customers in with its own session cookie
 * and, for the forum, mints the short-lived Entraide token (HS256 JWT: sub, name, role, region,
 * exp) at `GET /entraide-token`. Its page embeds `<entraide-forum>` and answers
 * `entraide-sign-in-requested` by calling that route. `/api/*` is passed through to the
 * Entraide server, so the forum talks to its own origin (no CORS).
 *
 *   ENTRAIDE_JWT_SECRET=<32+ chars> npx node examples/brand-backend/server.ts
 *
 * Plain `node:http` and `jose`; nothing here is specific to a framework.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { SignJWT } from 'jose';

/** The brand's customer accounts. A real site has its own user database. */
export interface BrandUser {
  /** The brand's stable customer id: becomes the token's `sub`. */
  id: string;
  /** Public pseudonym on the forum (`name`). */
  pseudonym: string;
  role: 'member' | 'advisor' | 'moderator';
  /** Where the customer lives, so advisors can spot a regional outage (`region`). */
  region?: string;
}

export interface BrandServerOptions {
  /** The HS256 secret shared with the Entraide server (its ENTRAIDE_JWT_SECRET), 32+ characters. */
  secret: string;
  /** Where the Entraide server listens; `/api/*` is forwarded there. */
  entraideUrl?: string;
  /** Lifetime of a minted token, in seconds (default 600). */
  tokenTtlSeconds?: number;
  users?: BrandUser[];
}

export const DEFAULT_USERS: BrandUser[] = [
  { id: 'cust-1042', pseudonym: 'Camille_R', role: 'member', region: 'Bretagne' },
  { id: 'cust-2210', pseudonym: 'jmarc', role: 'member', region: 'Occitanie' },
  { id: 'staff-7', pseudonym: 'Léa', role: 'advisor' },
];

const root = resolve(import.meta.dirname, '../..');
const BUNDLE = resolve(root, 'dist/entraide.min.js');

/** Signs the token the Entraide server verifies (see src/server/auth.ts). */
export async function mintEntraideToken(user: BrandUser, secret: string, ttlSeconds = 600): Promise<{ token: string; expiresAt: string }> {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await new SignJWT({ name: user.pseudonym, role: user.role, ...(user.region ? { region: user.region } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(user: BrandUser | undefined, users: BrandUser[]): string {
  const account = user
    ? `<form method="post" action="/logout">Bonjour ${escape(user.pseudonym)} <button>Se déconnecter</button></form>`
    : `<form method="post" action="/login"><label>Compte client <select name="user">${users
        .map((u) => `<option value="${escape(u.id)}">${escape(u.pseudonym)} (${u.role})</option>`)
        .join('')}</select></label> <button>Se connecter</button></form>`;
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Mercure — Assistance</title>
  <script type="module" src="/entraide.min.js"></script>
  <script type="module" src="/app.js"></script>
  <style>body{margin:0;font-family:system-ui,sans-serif} header{display:flex;justify-content:space-between;gap:1rem;padding:1rem;background:#0b3d91;color:#fff} main{max-width:52rem;margin:auto;padding:1rem} entraide-forum{--entraide-color-accent:#0b3d91}</style>
</head>
<body>
  <header><strong>Mercure</strong><div id="account">${account}</div></header>
  <main><entraide-forum api="/api"></entraide-forum></main>
</body>
</html>`;
}

/** The page's script: forum sign-in through the brand's own session. */
const APP_JS = `
await customElements.whenDefined('entraide-forum');
const forum = document.querySelector('entraide-forum');

/** Asks the brand back end for a fresh Entraide token; false when nobody is signed in here. */
async function signInForum() {
  const response = await fetch('/entraide-token', { credentials: 'same-origin' });
  if (!response.ok) return false;
  const { token, expiresAt } = await response.json();
  await forum.setToken(token);
  // Renew a minute before the token expires.
  setTimeout(signInForum, Math.max(10_000, Date.parse(expiresAt) - Date.now() - 60_000));
  return true;
}

forum.addEventListener('entraide-sign-in-requested', (event) => {
  event.preventDefault();
  signInForum().then((ok) => {
    if (!ok) document.querySelector('#account select, #account button')?.focus();
  });
});

// Already signed in on the brand site: signed in on the forum too.
void signInForum();
`;

/** Forwards `/api/*` to the Entraide server, streaming both ways (live events are SSE). */
function proxy(request: IncomingMessage, response: ServerResponse, target: URL): void {
  // The brand's session cookie stays with the brand: the forum knows members by their token only.
  const { cookie: _cookie, ...headers } = request.headers;
  const upstream = httpRequest(
    new URL(request.url ?? '/', target),
    { method: request.method, headers: { ...headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'unavailable', message: 'The forum server does not answer.' } }));
  });
  request.pipe(upstream);
}

export function createBrandServer(options: BrandServerOptions): Server {
  if (options.secret.length < 32) throw new Error('The shared secret must be at least 32 characters long.');
  const users = options.users ?? DEFAULT_USERS;
  const sessions = new Map<string, BrandUser>();
  const target = new URL(options.entraideUrl ?? 'http://127.0.0.1:4173');

  const userOf = (request: IncomingMessage) => sessions.get(cookie(request, 'brand_session') ?? '');

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://brand.invalid');
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers }).end(body);
    };
    const handle = async (): Promise<void> => {
      if (url.pathname.startsWith('/api/')) return proxy(request, response, target);
      if (request.method === 'GET' && url.pathname === '/entraide-token') {
        const user = userOf(request);
        if (!user) return send(401, 'application/json', JSON.stringify({ error: 'not signed in' }), { 'cache-control': 'no-store' });
        const minted = await mintEntraideToken(user, options.secret, options.tokenTtlSeconds);
        return send(200, 'application/json', JSON.stringify(minted), { 'cache-control': 'no-store' });
      }
      if (request.method === 'POST' && url.pathname === '/login') {
        const chosen = (await formBody(request)).get('user');
        const user = users.find((u) => u.id === chosen);
        if (!user) return send(400, 'text/plain; charset=utf-8', 'Unknown account.');
        const id = randomBytes(24).toString('base64url');
        sessions.set(id, user);
        return send(303, 'text/plain', '', { location: '/', 'set-cookie': `brand_session=${id}; Path=/; HttpOnly; SameSite=Lax` });
      }
      if (request.method === 'POST' && url.pathname === '/logout') {
        sessions.delete(cookie(request, 'brand_session') ?? '');
        return send(303, 'text/plain', '', { location: '/', 'set-cookie': 'brand_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0' });
      }
      if (request.method !== 'GET') return send(405, 'text/plain', 'Method not allowed');
      if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', page(userOf(request), users));
      if (url.pathname === '/app.js') return send(200, 'text/javascript', APP_JS);
      // The entry and the chunks it loads on demand (composer, search), all from dist/.
      const bundle = /^\/(entraide(?:-[\w-]+)?\.min\.js)$/.exec(url.pathname)?.[1];
      if (bundle) {
        const file = resolve(dirname(BUNDLE), bundle);
        if (!existsSync(file)) return send(404, 'text/plain', 'Run `npm run build:web` first.');
        return send(200, 'text/javascript', readFileSync(file));
      }
      return send(404, 'text/plain', 'Not found');
    };
    handle().catch(() => {
      if (!response.headersSent) send(500, 'text/plain', 'Internal error');
      else response.end();
    });
  });
}

if (import.meta.main) {
  const secret = process.env.ENTRAIDE_JWT_SECRET ?? '';
  if (secret.length < 32) {
    console.error('Set ENTRAIDE_JWT_SECRET (32+ characters), the same as the Entraide server’s.');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  const server = createBrandServer({ secret, entraideUrl: process.env.ENTRAIDE_URL });
  server.listen(port, '127.0.0.1', () => console.log(`Brand site on http://127.0.0.1:${port}/ (forum API: ${process.env.ENTRAIDE_URL ?? 'http://127.0.0.1:4173'})`));
}
