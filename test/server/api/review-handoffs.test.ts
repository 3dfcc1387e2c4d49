import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import { createTestServer, NO_LIMITS, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

const SECRET = 'back-office-shared-secret';

/** What the local back office does with the next request. */
const HANDOFF_TIMEOUT_MS = 5000;
let behaviour: 'answer' | 'fail' | 'slow' | 'no-reference' = 'answer';
let received: Array<{ body: string; signatureValid: boolean; payload: { event: string; data: { threadId: number; reason: string; customer: { externalId: string } } } }> = [];

function verify(header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', SECRET).update(`${match[1]}.${body}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let backOffice: Server;
let server: TestServer;
/** The same database served by an app that has a back office configured. */
let withBackOffice: FastifyInstance;
const tokens: Record<string, string> = {};

before(async () => {
  backOffice = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push({ body, signatureValid: verify(request.headers['entraide-signature'] as string | undefined, body), payload: JSON.parse(body) });
      if (behaviour === 'fail') return response.writeHead(500).end('boom');
      // Slow: no answer at all until the suite ends and closes the connection.
      if (behaviour === 'slow') return;
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify(behaviour === 'answer' ? { reference: `CASE-${received.length}` } : { ok: true }));
    });
  });
  await new Promise<void>((resolve) => backOffice.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(backOffice.address() as AddressInfo).port}/cases`;
  server = await createTestServer();
  withBackOffice = await buildApp({
    db: server.db, community: server.community, config: { demo: false, staticDir: '/nonexistent' }, auth: { secret: TEST_SECRET }, limits: NO_LIMITS,
    // Generous: a loaded CI machine must not turn a prompt back office into a slow one.
    handoff: { url, secret: SECRET, timeoutMs: HANDOFF_TIMEOUT_MS },
  });
  for (const [name, member] of Object.entries(server.fixtures.members)) tokens[name] = await server.tokenFor(member);
});
after(async () => {
  await withBackOffice.close();
  await server.close();
  backOffice.closeAllConnections();
  await new Promise((resolve) => backOffice.close(resolve));
});
beforeEach(() => {
  behaviour = 'answer';
  received = [];
});

const auth = (who: string | null) => (who ? { authorization: `Bearer ${tokens[who]}` } : {});
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const handOff = (threadId: number, who: string | null, payload: object = { reason: 'Ouvrir le compte pour le remboursement' }, app = withBackOffice) =>
  app.inject({ method: 'POST', url: `/api/threads/${threadId}/handoffs`, headers: auth(who), payload });
const listCases = (threadId: number, who: string | null) => withBackOffice.inject({ url: `/api/threads/${threadId}/handoffs`, headers: auth(who) });

async function newThread(title: string): Promise<number> {
  const response = await server.app.inject({
    method: 'POST', url: '/api/threads', headers: auth('asker'), payload: { categoryId: server.fixtures.categories.billing, title, body: 'J’ai été prélevé deux fois.', needsAccount: true },
  });
  assert.equal(response.statusCode, 201);
  return response.json<{ thread: { id: number } }>().thread.id;
}

describe('back-office hand-offs', { timeout: 600_000 }, () => {
  it('opens a case with a signed webhook, keeps its reference for staff and leaves a public trace', async () => {
    const threadId = await newThread('Double prélèvement');
    const response = await handOff(threadId, 'advisor');
    assert.equal(response.statusCode, 201, response.body);
    const { handoff, trace } = response.json();

    assert.equal(received.length, 1);
    assert.equal(received[0]!.signatureValid, true);
    assert.equal(received[0]!.payload.event, 'handoff.requested');
    assert.equal(received[0]!.payload.data.threadId, threadId);
    assert.equal(received[0]!.payload.data.customer.externalId, server.fixtures.members.asker.externalId);
    assert.equal(handoff.reference, 'CASE-1');
    assert.equal(trace.kind, 'trace');
    assert.match(trace.bodyHtml, /pris en charge votre demande en privé/);

    const publicThread = await server.app.inject({ url: `/api/threads/${threadId}`, headers: auth('asker') });
    assert.equal(publicThread.json().posts.at(-1).id, trace.id);
    assert.ok(!publicThread.body.includes('CASE-1'));
    const staffView = await listCases(threadId, 'moderator');
    assert.equal(staffView.statusCode, 200);
    assert.deepEqual(staffView.json().items.map((h: { reference: string }) => h.reference), ['CASE-1']);
    assert.equal((await listCases(threadId, 'asker')).statusCode, 403);
    assert.equal((await listCases(threadId, null)).statusCode, 401);
  });

  it('answers 502 upstream_failed and writes nothing when the back office fails, is slow or gives no reference', async () => {
    const threadId = await newThread('Compte suspendu');
    for (const failure of ['fail', 'slow', 'no-reference'] as const) {
      behaviour = failure;
      const [posts, cases] = [await count('posts'), await count('thread_handoffs')];
      const response = await handOff(threadId, 'advisor');
      assert.equal(response.statusCode, 502, failure);
      assert.equal(response.json().error.code, 'upstream_failed');
      assert.deepEqual([await count('posts'), await count('thread_handoffs')], [posts, cases], failure);
    }
  });

  it('answers 409 with a clear message when no back office is configured', async () => {
    const threadId = await newThread('Résiliation');
    const response = await handOff(threadId, 'advisor', undefined, server.app);
    assert.equal(response.statusCode, 409);
    assert.match(response.json().error.message, /ENTRAIDE_HANDOFF_WEBHOOK_URL/);
  });

  it('refuses guests, members, moderators, unknown threads and bad input before calling anyone', async () => {
    const threadId = await newThread('Changement de RIB');
    const [posts, cases] = [await count('posts'), await count('thread_handoffs')];
    assert.equal((await handOff(threadId, null)).statusCode, 401);
    assert.equal((await handOff(threadId, 'asker')).statusCode, 403);
    assert.equal((await handOff(threadId, 'moderator')).statusCode, 403);
    assert.equal((await handOff(999999, 'advisor')).statusCode, 404);
    for (const payload of [{}, { reason: ' ' }, { reason: 'ok', extra: true }, { reason: 'x'.repeat(501) }]) {
      const response = await handOff(threadId, 'advisor', payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(response.json().error.code, 'validation_failed');
    }
    assert.equal(received.length, 0);
    assert.deepEqual([await count('posts'), await count('thread_handoffs')], [posts, cases]);
  });
});
