/**
 * Cross-origin embedding: a brand page named in ENTRAIDE_ALLOWED_ORIGINS calls the API and the
 * event stream with the reader's token; any other origin gets no CORS header at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError, readAllowedOrigins, readConfig } from '../../../src/server/config.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const BRAND = 'https://www.brand.example';
const OTHER = 'https://evil.example';

let server: TestServer;
let token: string;

before(async () => {
  server = await createTestServer({ allowedOrigins: [BRAND, 'http://127.0.0.1:4370'], listen: true });
  token = await server.tokenFor(server.fixtures.members.asker);
});
after(() => server.close());

const corsHeadersOf = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('ENTRAIDE_ALLOWED_ORIGINS', { timeout: 600_000 }, () => {
  it('is a comma-separated list of origins', () => {
    assert.deepEqual(readConfig({}).allowedOrigins, []);
    assert.deepEqual(readAllowedOrigins({ ENTRAIDE_ALLOWED_ORIGINS: ' https://a.example , http://localhost:8080,' }), ['https://a.example', 'http://localhost:8080']);
  });

  it('refuses what is not an origin, naming it', () => {
    for (const bad of ['https://a.example/', 'https://a.example/aide', 'a.example', '*', 'ftp://a.example', 'https://A.example', 'https://a.example:443']) {
      assert.throws(() => readConfig({ ENTRAIDE_ALLOWED_ORIGINS: `https://ok.example,${bad}` }), (error: Error) => error instanceof ConfigError && error.message.includes(`"${bad}"`), bad);
    }
  });
});

describe('CORS for allowed origins', { timeout: 600_000 }, () => {
  it('lets an allowed origin read with a token and see Retry-After', async () => {
    const response = await server.app.inject({ url: '/api/session', headers: { origin: BRAND, authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().member.pseudonym, 'Tom');
    assert.equal(response.headers['access-control-allow-origin'], BRAND);
    assert.match(String(response.headers['access-control-expose-headers']), /retry-after/i);
    assert.equal(response.headers['access-control-allow-credentials'], undefined, 'tokens, not cookies: no credentials mode');
    assert.match(String(response.headers.vary), /origin/i);
  });

  it('answers the preflight of a write with 204 and the headers the SDK sends', async () => {
    const response = await server.app.inject({
      method: 'OPTIONS',
      url: `/api/threads/${server.fixtures.threadId}/posts`,
      headers: { origin: BRAND, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['access-control-allow-origin'], BRAND);
    const allowed = String(response.headers['access-control-allow-headers']).toLowerCase().split(/\s*,\s*/);
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'last-event-id']) assert.ok(allowed.includes(header), header);
    const methods = String(response.headers['access-control-allow-methods']);
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) assert.match(methods, new RegExp(method));
  });

  it('lets an allowed origin open the event stream with Last-Event-ID', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/events',
      headers: { origin: BRAND, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,last-event-id' },
    });
    assert.equal(preflight.statusCode, 204);
    // Over real HTTP: the stream never ends, so only its head is read.
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/events`, { headers: { origin: BRAND, authorization: `Bearer ${token}`, 'last-event-id': '0' }, signal: controller.signal });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('access-control-allow-origin'), BRAND);
    assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
    assert.equal(stream.headers.get('x-content-type-options'), 'nosniff');
    controller.abort();
    await stream.body?.cancel().catch(() => undefined);
  });
});

describe('CORS on refusals', { timeout: 600_000 }, () => {
  it('lets an allowed page read a 401 and a 429 with its Retry-After, not a blind network error', async () => {
    const limited = await createTestServer({ allowedOrigins: [BRAND], limits: { requestsPerMinute: 1, postIntervals: { memberSeconds: 0, newMemberSeconds: 0 } } });
    try {
      const refused = await limited.app.inject({ url: '/api/private', headers: { origin: BRAND } });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.headers['access-control-allow-origin'], BRAND);
      const first = await limited.app.inject({ url: '/api/community', headers: { origin: BRAND } });
      assert.equal(first.statusCode, 200);
      const throttled = await limited.app.inject({ url: '/api/community', headers: { origin: BRAND } });
      assert.equal(throttled.statusCode, 429);
      assert.equal(throttled.headers['access-control-allow-origin'], BRAND);
      assert.match(String(throttled.headers['access-control-expose-headers']), /retry-after/i);
      assert.ok(Number(throttled.headers['retry-after']) > 0);
    } finally {
      await limited.close();
    }
  });
});

describe('CORS for any other origin', { timeout: 600_000 }, () => {
  it('sends no CORS header on a read, and no 204 to its preflight', async () => {
    const read = await server.app.inject({ url: '/api/community', headers: { origin: OTHER } });
    assert.equal(read.statusCode, 200, 'the server still answers; the browser keeps it from the page');
    assert.deepEqual(corsHeadersOf(read.headers), []);
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/session',
      headers: { origin: OTHER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.statusCode, 404);
    assert.deepEqual(corsHeadersOf(preflight.headers), []);
  });

  it('sends none either when no origin is allowed', async () => {
    const closed = await createTestServer();
    try {
      const read = await closed.app.inject({ url: '/api/community', headers: { origin: BRAND } });
      assert.deepEqual(corsHeadersOf(read.headers), []);
    } finally {
      await closed.close();
    }
  });
});
