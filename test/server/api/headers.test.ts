/**
 * Headers decided once for every answer: nothing that depends on who asks is ever stored by a
 * cache, nothing is content-sniffed, and the served page carries helmet's hardening with the
 * page's strict CSP (Trusted Types) unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const staticDir = mkdtempSync(join(tmpdir(), 'entraide-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Brand</title>');
writeFileSync(join(staticDir, 'entraide.min.js'), 'export {};');

let server: TestServer;
let member: string;
let advisor: string;

before(async () => {
  server = await createTestServer({ staticDir });
  member = await server.tokenFor(server.fixtures.members.asker);
  advisor = await server.tokenFor(server.fixtures.members.advisor);
});
after(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const get = (url: string, token?: string) => server.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('Cache-Control and Vary on API answers', { timeout: 600_000 }, () => {
  it('never lets a cache keep an answer that depends on who asks', async () => {
    const threadId = server.fixtures.threadId;
    const personal = [
      ['/api/session', member],
      ['/api/private', member],
      ['/api/notifications', member],
      ['/api/agent/drafts', advisor],
      [`/api/threads/${threadId}/staff-notes`, advisor],
    ] as const;
    for (const [url, token] of personal) {
      const response = await get(url, token);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], 'no-store', url);
      assert.match(String(response.headers.vary), /authorization/i, url);
    }
  });

  it('lets only the member’s own browser keep a public read with their state, revalidated by ETag', async () => {
    // Signed in, a thread says what this member may do and has done: private, never a shared cache's.
    for (const [url, token] of [[`/api/threads/${server.fixtures.threadId}`, member], ['/api/community', member], [`/api/threads/${server.fixtures.threadId}`, advisor]] as const) {
      const response = await get(url, token);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], 'private, no-cache', url);
      assert.match(String(response.headers.etag), /^W\/"/, url);
      assert.match(String(response.headers.vary), /authorization/i, url);
    }
  });

  it('keeps public reads by guests cacheable, varying on Authorization', async () => {
    for (const url of ['/api/community', `/api/threads/${server.fixtures.threadId}`]) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      // Kept by a CDN if it likes, but revalidated (ETag, 304) on each use: a live event may change it at any time.
      assert.equal(response.headers['cache-control'], 'public, no-cache', url);
      assert.match(String(response.headers.vary), /authorization/i, url);
      assert.match(String(response.headers.vary), /accept-encoding/i, url);
    }
    const session = await get('/api/session');
    assert.equal(session.headers['cache-control'], undefined);
    assert.match(String(session.headers.vary), /authorization/i);
  });

  it('stores no refusal or write either', async () => {
    const refused = await get('/api/private');
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers['cache-control'], 'no-store');
    const badToken = await get('/api/community', 'not-a-token');
    assert.equal(badToken.statusCode, 401);
    assert.equal(badToken.headers['cache-control'], 'no-store');
    const written = await server.app.inject({ method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: { authorization: `Bearer ${member}` }, payload: { body: 'Merci pour vos réponses.' } });
    assert.equal(written.statusCode, 201);
    assert.equal(written.headers['cache-control'], 'no-store');
  });
});

describe('X-Content-Type-Options on every answer', { timeout: 600_000 }, () => {
  it('is nosniff on reads, errors, unknown routes, the page and its scripts', async () => {
    const answers = await Promise.all([
      get('/api/community'),
      get('/api/threads/999999'),
      get('/api/no-such-route'),
      get('/api/private'),
      server.app.inject({ method: 'POST', url: '/api/threads', headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' }, payload: '{' }),
      get('/'),
      get('/entraide.min.js'),
      get('/no-such-file.js'),
    ]);
    assert.deepEqual(answers.map((a) => a.statusCode), [200, 404, 404, 401, 400, 200, 200, 404]);
    answers.forEach((answer, index) => assert.equal(answer.headers['x-content-type-options'], 'nosniff', `answer ${index}`));
  });
});

describe('the served page', { timeout: 600_000 }, () => {
  it('keeps its strict CSP with Trusted Types and gets the usual hardening headers', async () => {
    const page = await get('/');
    assert.equal(page.statusCode, 200);
    const csp = String(page.headers['content-security-policy']).split(';').map((d) => d.trim()).sort();
    assert.deepEqual(csp, [
      "base-uri 'none'",
      "connect-src 'self'",
      "default-src 'self'",
      "frame-ancestors 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "require-trusted-types-for 'script'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      'trusted-types lit-html',
    ]);
    assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['cross-origin-opener-policy'], 'same-origin');
    assert.match(String(page.headers['strict-transport-security']), /max-age=\d+/);
    assert.equal(page.headers['x-powered-by'], undefined);
  });

  it('lets brands’ pages on other origins load the bundles', async () => {
    const script = await get('/entraide.min.js');
    assert.equal(script.headers['cross-origin-resource-policy'], 'cross-origin');
  });
});
