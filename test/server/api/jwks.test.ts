/** Sign-in with the brand's public keys (RS256 and ES256 through a JWKS URL served on loopback). */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { buildApp } from '../../../src/server/app.ts';
import { verifyToken } from '../../../src/server/auth.ts';
import { createTestServer, NO_LIMITS, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

let jwks: Server;
let jwksUrl: string;
const keys: Record<'rsa' | 'ec' | 'stranger', { privateKey: CryptoKey; publicKey: CryptoKey }> = {} as never;
let server: TestServer;

before(async () => {
  keys.rsa = await generateKeyPair('RS256');
  keys.ec = await generateKeyPair('ES256');
  keys.stranger = await generateKeyPair('RS256');
  const published = {
    keys: [
      { ...(await exportJWK(keys.rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(keys.ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ],
  };
  jwks = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published)));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  server = await createTestServer();
});

after(async () => {
  await server.close();
  await new Promise((resolve) => jwks.close(resolve));
});

const sign = (key: CryptoKey, alg: string, kid: string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ name: 'Brand user', role: 'member', ...claims }).setProtectedHeader({ alg, kid }).setSubject('brand:42').setExpirationTime('5m').sign(key);

describe('JWKS sign-in', { timeout: 600_000 }, () => {
  it('accepts RS256 and ES256 tokens signed with a published key', async () => {
    const options = { secret: undefined, jwksUrl };
    assert.equal((await verifyToken(await sign(keys.rsa.privateKey, 'RS256', 'rsa-1'), options)).externalId, 'brand:42');
    assert.equal((await verifyToken(await sign(keys.ec.privateKey, 'ES256', 'ec-1'), options)).pseudonym, 'Brand user');
  });

  it('refuses a token signed with a key the brand did not publish', async () => {
    await assert.rejects(verifyToken(await sign(keys.stranger.privateKey, 'RS256', 'rsa-1'), { secret: undefined, jwksUrl }), { code: 'unauthorized' });
  });

  it('refuses an HS256 token when only public keys are configured', async () => {
    const token = await new SignJWT({ name: 'X', role: 'advisor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('5m').sign(new TextEncoder().encode(TEST_SECRET));
    await assert.rejects(verifyToken(token, { secret: undefined, jwksUrl }), /not accepted here/);
  });

  it('checks iss and aud when configured', async () => {
    const options = { secret: undefined, jwksUrl, issuer: 'https://brand.example', audience: 'entraide' };
    await assert.rejects(verifyToken(await sign(keys.rsa.privateKey, 'RS256', 'rsa-1'), options), { code: 'unauthorized' });
    const good = await new SignJWT({ name: 'Brand user', role: 'member' }).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setSubject('brand:42').setIssuer('https://brand.example').setAudience('entraide').setExpirationTime('5m').sign(keys.rsa.privateKey);
    assert.equal((await verifyToken(good, options)).externalId, 'brand:42');
  });

  it('signs a member in over HTTP with an ES256 token', async () => {
    const app = await buildApp({ db: server.db, community: server.community, config: { demo: false, staticDir: '/nonexistent' }, auth: { secret: undefined, jwksUrl }, limits: NO_LIMITS });
    try {
      const token = await sign(keys.ec.privateKey, 'ES256', 'ec-1', { name: 'Cléo', region: 'Bretagne' });
      const response = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().member.pseudonym, 'Cléo');
    } finally {
      await app.close();
    }
  });
});
