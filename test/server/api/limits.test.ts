import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const count = async (server: TestServer, sql: string) => (await server.db.query<{ n: number }>(sql))[0]!.n;

describe('rate limits', { timeout: 600_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer({ limits: { requestsPerMinute: 5, postIntervals: { memberSeconds: 5, newMemberSeconds: 30 } } });
  });
  after(() => server.close());

  it('answers 429 rate_limited with Retry-After past the requests per minute of one IP', async () => {
    const responses = [];
    for (let i = 0; i < 6; i += 1) responses.push(await server.app.inject({ url: '/api/health', remoteAddress: '10.9.9.9' }));
    assert.deepEqual(responses.map((r) => r.statusCode), [200, 200, 200, 200, 200, 429]);
    const refused = responses[5];
    assert.ok(refused);
    assert.equal(refused.json().error.code, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await server.app.inject({ url: '/api/health', remoteAddress: '10.9.9.10' })).statusCode, 200, 'another IP is not affected');
  });

  it('counts a signed-in member apart from the IP they share', async () => {
    const token = await server.tokenFor(server.fixtures.members.other);
    const response = await server.app.inject({ url: '/api/session', remoteAddress: '10.9.9.9', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200);
  });

  it('makes a newcomer wait 30 s between posts and an established member 5 s, nothing written meanwhile', async () => {
    const newcomer = await server.tokenFor(server.fixtures.members.asker);
    const reply = (token: string, ip: string) =>
      server.app.inject({ method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, remoteAddress: ip, headers: { authorization: `Bearer ${token}` }, payload: { body: 'Une précision.' } });
    const posts = await count(server, 'select count(*)::int as n from posts');
    const first = await reply(newcomer, '10.1.1.1');
    assert.equal(first.statusCode, 201);
    const second = await reply(newcomer, '10.1.1.2');
    assert.equal(second.statusCode, 429);
    assert.match(second.json().error.message, /wait (29|30) s/);
    assert.ok(Number(second.headers['retry-after']) >= 29);
    assert.equal(await count(server, 'select count(*)::int as n from posts'), posts + 1);
  });

  it('never throttles advisors', async () => {
    const advisor = await server.tokenFor(server.fixtures.members.advisor);
    for (const ip of ['10.2.0.1', '10.2.0.2']) {
      const response = await server.app.inject({ method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, remoteAddress: ip, headers: { authorization: `Bearer ${advisor}` }, payload: { body: 'Bonjour à tous,' } });
      assert.equal(response.statusCode, 201);
    }
  });
});

describe('rate limits behind a reverse proxy (ENTRAIDE_TRUST_PROXY)', { timeout: 600_000 }, () => {
  const PROXY = '10.0.0.1';
  const health = (server: TestServer, remoteAddress: string, forwardedFor?: string) =>
    server.app.inject({ url: '/api/health', remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  const statuses = async (server: TestServer, times: number, remoteAddress: string, forwardedFor?: string) => {
    const codes = [];
    for (let i = 0; i < times; i += 1) codes.push((await health(server, remoteAddress, forwardedFor)).statusCode);
    return codes;
  };

  it('counts each reader by the address the trusted proxy forwards, and ignores it from anyone else', async () => {
    const server = await createTestServer({ limits: { requestsPerMinute: 2, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 } }, trustProxy: [PROXY] });
    try {
      assert.deepEqual(await statuses(server, 3, PROXY, '203.0.113.7'), [200, 200, 429]);
      assert.deepEqual(await statuses(server, 2, PROXY, '203.0.113.8'), [200, 200], 'another reader through the same proxy has a count of their own');
      // A client that is not the proxy cannot pick its address by sending the header.
      assert.deepEqual(await statuses(server, 3, '198.51.100.5', '203.0.113.9'), [200, 200, 429]);
      assert.deepEqual(await statuses(server, 1, '198.51.100.5', '203.0.113.10'), [429]);
    } finally {
      await server.close();
    }
  });

  it('trusts a number of hops: the address the last proxy forwards', async () => {
    const server = await createTestServer({ limits: { requestsPerMinute: 1, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 } }, trustProxy: 1 });
    try {
      assert.deepEqual(await statuses(server, 2, PROXY, '198.51.100.1, 203.0.113.7'), [200, 429]);
      assert.deepEqual(await statuses(server, 1, PROXY, '198.51.100.1, 203.0.113.8'), [200], 'one hop: the proxy\'s own entry, not the client-written one before it');
    } finally {
      await server.close();
    }
  });

  it('without it, everyone behind the proxy shares the proxy\'s count', async () => {
    const server = await createTestServer({ limits: { requestsPerMinute: 2, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 } } });
    try {
      assert.deepEqual(await statuses(server, 2, PROXY, '203.0.113.7'), [200, 200]);
      assert.deepEqual(await statuses(server, 1, PROXY, '203.0.113.8'), [429]);
    } finally {
      await server.close();
    }
  });
});

describe('Idempotency-Key on writes', { timeout: 600_000 }, () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await createTestServer();
    token = await server.tokenFor(server.fixtures.members.helper);
  });
  after(() => server.close());

  const reply = (key: string, body = 'Réponse unique') =>
    server.app.inject({ method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: { authorization: `Bearer ${token}`, 'idempotency-key': key }, payload: { body } });

  it('stores a retried reply once and answers the retry with the first result', async () => {
    const before = await count(server, 'select count(*)::int as n from posts');
    const first = await reply('retry-key-0001');
    const retry = await reply('retry-key-0001');
    assert.equal(first.statusCode, 201);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.json().id, first.json().id);
    assert.equal(await count(server, 'select count(*)::int as n from posts'), before + 1);
  });

  it('stores two copies sent at once only once', async () => {
    const before = await count(server, 'select count(*)::int as n from posts');
    const answers = await Promise.all([reply('race-key-0001'), reply('race-key-0001')]);
    assert.equal(await count(server, 'select count(*)::int as n from posts'), before + 1);
    assert.ok(answers.some((a) => a.statusCode === 201));
    for (const answer of answers) assert.ok([201, 409].includes(answer.statusCode), `got ${answer.statusCode}`);
  });

  it('refuses a key reused for a different request', async () => {
    await reply('reuse-key-0001', 'premier texte');
    const other = await reply('reuse-key-0001', 'autre texte');
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().error.code, 'conflict');
  });

  it('lets a refused request be retried with the same key', async () => {
    const refused = await reply('fix-key-00001', ' ');
    assert.equal(refused.statusCode, 400);
    const fixed = await server.app.inject({ method: 'POST', url: `/api/threads/${server.fixtures.threadId}/posts`, headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'fix-key-00001' }, payload: { body: ' ' } });
    assert.equal(fixed.statusCode, 400, 'the same bad request is refused again, not replayed');
  });

  it('takes over the key of a first request that never finished, once a minute has passed, and not before', async () => {
    const memberId = server.fixtures.members.helper.id;
    // The same request as `reply` sends: only its first copy's answer is missing.
    const hash = createHash('sha256').update(`POST /api/threads/${server.fixtures.threadId}/posts\n${JSON.stringify({ body: 'Réponse unique' })}`).digest('hex');
    const pending = (key: string, age: string) => server.db.query(
      `insert into idempotency_keys (member_id, key, request_hash, created_at) values ($1, $2, $3, now() - $4::interval)`, [memberId, key, hash, age]);
    await pending('crash-key-old1', '2 minutes');
    await pending('crash-key-new1', '5 seconds');
    const before = await count(server, 'select count(*)::int as n from posts');
    const takenOver = await reply('crash-key-old1');
    assert.equal(takenOver.statusCode, 201);
    const stillHeld = await reply('crash-key-new1');
    assert.equal(stillHeld.statusCode, 409);
    assert.match(stillHeld.json().error.message, /still being handled/);
    assert.equal(await count(server, 'select count(*)::int as n from posts'), before + 1);
    const replayed = await reply('crash-key-old1');
    assert.equal(replayed.headers['idempotent-replayed'], 'true');
    assert.equal(replayed.json().id, takenOver.json().id);
  });

  it('refuses a malformed key', async () => {
    const response = await reply('bad key!');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'validation_failed');
  });
});

describe('Idempotency-Key retention', { timeout: 600_000 }, () => {
  it('forgets kept answers older than a day when the server starts', async () => {
    const server = await createTestServer();
    try {
      const { helper } = server.fixtures.members;
      await server.db.query(
        `insert into idempotency_keys (member_id, key, request_hash, status, response, created_at)
         values ($1, 'old-key-0001', 'x', 201, '{}', now() - interval '25 hours'), ($1, 'new-key-0001', 'x', 201, '{}', now())`,
        [helper.id],
      );
      const app = await (await import('../../../src/server/app.ts')).buildApp({
        db: server.db, community: server.community, config: { demo: false, staticDir: '/nonexistent' }, auth: { secret: undefined },
      });
      await app.ready();
      await app.close();
      const keys = await server.db.query<{ key: string }>('select key from idempotency_keys order by key');
      assert.deepEqual(keys.map((k) => k.key), ['new-key-0001']);
    } finally {
      await server.close();
    }
  });
});
