/** Failed sign-ins count against the caller's IP: a flood of bad tokens meets 429, members on that IP do not. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signToken } from '../../../src/server/auth.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

const LIMIT = 10;

describe('failed authentication', { timeout: 600_000 }, () => {
  let server: TestServer;
  let forged: string;
  before(async () => {
    server = await createTestServer({ limits: { requestsPerMinute: LIMIT, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 } } });
    // Signed with another secret: a bad signature.
    forged = (await signToken('not-the-server-secret-but-long-enough-0123456789', { sub: 'intruder', name: 'Intrus', role: 'moderator' })).token;
  });
  after(() => server.close());

  const ask = (ip: string, token?: string) =>
    server.app.inject({ url: '/api/session', remoteAddress: ip, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 401 up to the limit, then 429 with Retry-After, for 300 bad signatures from one IP', async () => {
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 300; i += 1) {
      const response = await ask('10.66.0.1', forged);
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refused ??= response;
    }
    assert.deepEqual(statuses.slice(0, LIMIT), Array(LIMIT).fill(401));
    assert.deepEqual(statuses.slice(LIMIT), Array(300 - LIMIT).fill(429));
    assert.ok(refused);
    assert.equal(refused.json().error.code, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After is set');
  });

  it('counts malformed and expired tokens too', async () => {
    const expired = (await signToken(TEST_SECRET, { sub: 'late', name: 'Tard', role: 'member' }, { ttlSeconds: -60 })).token;
    const statuses = [];
    for (let i = 0; i < LIMIT + 2; i += 1) statuses.push((await ask('10.66.0.2', i % 2 ? 'garbage' : expired)).statusCode);
    assert.deepEqual(statuses, [...Array(LIMIT).fill(401), 429, 429]);
  });

  it('leaves a member with a valid token on the same IP their own allowance', async () => {
    const token = await server.tokenFor(server.fixtures.members.helper);
    const response = await ask('10.66.0.1', token);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().member.pseudonym, server.fixtures.members.helper.pseudonym);
  });

  it('does not count against another IP', async () => {
    assert.equal((await ask('10.66.0.3', forged)).statusCode, 401);
  });
});
