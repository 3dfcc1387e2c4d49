/** Incidents against the real server: lifecycle, public banner, live event, signed webhook with retries. */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import { backoffMs } from '../../../src/domain/services/webhooks.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

const WEBHOOK_SECRET = 'webhook-secret-for-tests';

/** A receiver on 127.0.0.1 that fails the first `failures` calls, then accepts. */
interface Received { headers: IncomingHttpHeaders; body: string; status: number }
let receiver: Server;
const received: Received[] = [];
let failures = 2;

let server: TestServer;
let app: FastifyInstance;
const tokens: Record<'asker' | 'advisor' | 'moderator', string> = { asker: '', advisor: '', moderator: '' };

before(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      const status = failures > 0 ? 503 : 204;
      if (failures > 0) failures -= 1;
      received.push({ headers: request.headers, body, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  server = await createTestServer();
  // A second app on the same database, with the webhook configured and fast retries.
  app = await buildApp({
    db: server.db, community: server.community, config: { demo: false, staticDir: '/nonexistent' }, auth: { secret: TEST_SECRET },
    webhooks: { url: `http://127.0.0.1:${port}/hooks`, secret: WEBHOOK_SECRET, retryBaseMs: 40, pollMs: 20 },
  });
  for (const who of ['asker', 'advisor', 'moderator'] as const) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(async () => {
  await app.close();
  await server.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const as = (who: keyof typeof tokens | 'guest', options: InjectOptions): InjectOptions =>
  who === 'guest' ? options : { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } };
const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const newIncident = () => ({
  title: 'Panne réseau Toulouse', bannerText: 'Panne en cours à Toulouse : nos équipes sont dessus.',
  categoryId: server.fixtures.categories.network, region: 'Occitanie', threadIds: [server.fixtures.threadId],
});

describe('incident refusals', { timeout: 600_000 }, () => {
  it('refuses guests, members and moderators, writing nothing', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/api/incidents', payload: newIncident() })).statusCode, 401);
    assert.equal((await app.inject(as('asker', { method: 'POST', url: '/api/incidents', payload: newIncident() }))).statusCode, 403);
    assert.equal((await app.inject(as('moderator', { method: 'POST', url: '/api/incidents', payload: newIncident() }))).statusCode, 403);
    assert.equal(await count('incidents'), 0);
  });

  it('answers 400 for a bad body and 404 for an unknown thread or category, writing nothing', async () => {
    const bad = await app.inject(as('advisor', { method: 'POST', url: '/api/incidents', payload: { ...newIncident(), bannerText: undefined } }));
    assert.equal(bad.statusCode, 400);
    const unknownThread = await app.inject(as('advisor', { method: 'POST', url: '/api/incidents', payload: { ...newIncident(), threadIds: [server.fixtures.threadId, 999999] } }));
    assert.equal(unknownThread.statusCode, 404);
    const unknownCategory = await app.inject(as('advisor', { method: 'POST', url: '/api/incidents', payload: { ...newIncident(), categoryId: 999999 } }));
    assert.equal(unknownCategory.statusCode, 404);
    assert.deepEqual([await count('incidents'), await count('incident_threads'), await count('webhook_deliveries')], [0, 0, 0]);
    assert.equal((await app.inject({ url: '/api/incidents/999999' })).statusCode, 404);
    const update = await app.inject(as('advisor', { method: 'POST', url: '/api/incidents/999999/updates', payload: { text: 'Rien', status: 'identified' } }));
    assert.equal(update.statusCode, 404);
  });
});

describe('incident lifecycle', { timeout: 600_000 }, () => {
  let incidentId = 0;

  it('declares an incident whose banner guests see at once', async () => {
    const created = await app.inject(as('advisor', { method: 'POST', url: '/api/incidents', payload: newIncident() }));
    assert.equal(created.statusCode, 201);
    incidentId = created.json().id;
    assert.deepEqual([created.json().status, created.json().active, created.json().threadIds], ['investigating', true, [server.fixtures.threadId]]);
    const banners = await app.inject({ url: '/api/incidents?active=true' });
    assert.equal(banners.statusCode, 200);
    assert.deepEqual(banners.json().items.map((i: { id: number; bannerText: string }) => [i.id, i.bannerText]), [[incidentId, newIncident().bannerText]]);
    const [event] = await server.db.query<{ payload: { incident: { id: number; active: boolean } } }>(`select payload from events where type = 'incident-updated'`);
    assert.deepEqual(event?.payload.incident.id, incidentId);
  });

  it('delivers the change to the webhook, signed, after two failures', async () => {
    // The row is marked after the receiver's answer arrives: wait for both.
    const delivered = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from webhook_deliveries where delivered_at is not null'))[0]!.n;
    await until(async () => received.some((call) => call.status === 204) && (await delivered()) === 1);
    assert.deepEqual(received.map((call) => call.status), [503, 503, 204]);
    const last = received[2]!;
    const timestamp = String(last.headers['x-entraide-timestamp']);
    const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${last.body}`).digest('hex')}`;
    assert.equal(last.headers['x-entraide-signature'], expected);
    assert.notEqual(createHmac('sha256', 'wrong').update(`${timestamp}.${last.body}`).digest('hex'), expected.slice(7));
    const payload = JSON.parse(last.body);
    assert.deepEqual([payload.event, payload.data.id], ['incident.created', incidentId]);
    const [delivery] = await server.db.query<{ attempts: number; delivered: boolean }>('select attempts, delivered_at is not null as delivered from webhook_deliveries');
    assert.deepEqual(delivery, { attempts: 3, delivered: true });
  });

  it('posts updates, and resolving takes the banner down', async () => {
    const identified = await app.inject(as('advisor', { method: 'POST', url: `/api/incidents/${incidentId}/updates`, payload: { text: 'Antenne en panne identifiée.', status: 'identified' } }));
    assert.equal(identified.statusCode, 201);
    assert.deepEqual([identified.json().status, identified.json().active, identified.json().updates.length], ['identified', true, 1]);
    const resolved = await app.inject(as('advisor', { method: 'POST', url: `/api/incidents/${incidentId}/updates`, payload: { text: 'Réseau rétabli.', status: 'resolved' } }));
    assert.deepEqual([resolved.json().status, resolved.json().active, resolved.json().resolvedAt !== null], ['resolved', false, true]);
    assert.deepEqual((await app.inject({ url: '/api/incidents?active=true' })).json().items, []);
    const detail = (await app.inject({ url: `/api/incidents/${incidentId}` })).json();
    assert.deepEqual(detail.updates.map((u: { status: string; author: { pseudonym: string } }) => [u.status, u.author.pseudonym]), [['identified', 'Julie'], ['resolved', 'Julie']]);
    await until(async () => (await server.db.query<{ n: number }>('select count(*)::int as n from webhook_deliveries where delivered_at is not null'))[0]!.n === 3);
    assert.deepEqual(received.slice(3).map((call) => (JSON.parse(call.body) as { event: string }).event), ['incident.updated', 'incident.resolved']);
  });

  it('refuses updates to a resolved incident, members, and bad statuses, writing nothing', async () => {
    const url = `/api/incidents/${incidentId}/updates`;
    const before = await count('incident_updates');
    assert.equal((await app.inject(as('advisor', { method: 'POST', url, payload: { text: 'Encore ?', status: 'monitoring' } }))).statusCode, 409);
    assert.equal((await app.inject(as('asker', { method: 'POST', url, payload: { text: 'Encore ?', status: 'monitoring' } }))).statusCode, 403);
    assert.equal((await app.inject(as('advisor', { method: 'POST', url, payload: { text: 'Encore ?', status: 'fixed' } }))).statusCode, 400);
    assert.equal(await count('incident_updates'), before);
  });
});

describe('webhook backoff', { timeout: 600_000 }, () => {
  it('doubles each try with at most 20 % jitter', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 1000, () => 0)), [1000, 2000, 4000, 8000]);
    assert.equal(backoffMs(3, 1000, () => 1), 4800);
  });
});
