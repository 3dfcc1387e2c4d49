/**
 * examples/brand-backend: the brand's own sign-in mints a token the Entraide server accepts.
 *
 *   node --test test/stories/brand-backend.test.ts
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { createBrandServer, DEFAULT_USERS } from '../../examples/brand-backend/server.ts';
import { verifyToken } from '../../src/server/auth.ts';

const secret = 'a-shared-secret-of-at-least-32-characters!';

describe('examples/brand-backend', { timeout: 300_000 }, () => {
  let server: Server;
  let base: string;

  before(async () => {
    server = createBrandServer({ secret, tokenTtlSeconds: 600, entraideUrl: 'http://127.0.0.1:9' });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((done) => server.close(() => done())));

  async function signIn(userId: string): Promise<string> {
    const response = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ user: userId }), redirect: 'manual' });
    assert.equal(response.status, 303);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    assert.match(cookie ?? '', /^brand_session=.+/);
    return cookie!;
  }

  it('refuses a token to a visitor without a session', async () => {
    const response = await fetch(`${base}/entraide-token`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('mints, for a signed-in customer, a token the Entraide server verifies', async () => {
    const customer = DEFAULT_USERS[0]!;
    const cookie = await signIn(customer.id);
    const response = await fetch(`${base}/entraide-token`, { headers: { cookie } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };

    const claims = await verifyToken(token, { secret });
    assert.deepEqual(claims, { externalId: customer.id, pseudonym: customer.pseudonym, role: 'member', region: customer.region });

    const { exp, sub } = decodeJwt(token);
    assert.equal(sub, customer.id);
    const secondsLeft = exp! - Date.now() / 1000;
    assert.ok(secondsLeft > 590 && secondsLeft <= 600, `exp should be ~10 minutes away, is ${secondsLeft} s`);
    assert.equal(Date.parse(expiresAt), exp! * 1000);
  });

  it('names an advisor as an advisor', async () => {
    const advisor = DEFAULT_USERS.find((u) => u.role === 'advisor')!;
    const cookie = await signIn(advisor.id);
    const { token } = (await (await fetch(`${base}/entraide-token`, { headers: { cookie } })).json()) as { token: string };
    const claims = await verifyToken(token, { secret });
    assert.equal(claims.role, 'advisor');
  });

  it('is not verified with another secret', async () => {
    const cookie = await signIn(DEFAULT_USERS[1]!.id);
    const { token } = (await (await fetch(`${base}/entraide-token`, { headers: { cookie } })).json()) as { token: string };
    await assert.rejects(verifyToken(token, { secret: 'another-secret-of-at-least-32-characters' }), /not valid/);
  });

  it('forgets the session on sign-out', async () => {
    const cookie = await signIn(DEFAULT_USERS[0]!.id);
    await fetch(`${base}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    assert.equal((await fetch(`${base}/entraide-token`, { headers: { cookie } })).status, 401);
  });

  it('serves the page that embeds the forum and calls /entraide-token', async () => {
    const html = await (await fetch(`${base}/`)).text();
    assert.match(html, /<entraide-forum api="\/api">/);
    const script = await (await fetch(`${base}/app.js`)).text();
    assert.match(script, /entraide-sign-in-requested/);
    assert.match(script, /\/entraide-token/);
  });

  it('answers 502 with an error body when the forum server is down', async () => {
    const response = await fetch(`${base}/api/health`);
    assert.equal(response.status, 502);
  });
});
