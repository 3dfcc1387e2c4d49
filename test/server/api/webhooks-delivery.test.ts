/**
 * Webhooks against a real receiver: an incident reaches each endpoint signed with its own
 * secret, a rotation changes the signature (both during the grace period), a failing receiver
 * ends in a failed delivery that an admin's retry sends again, and the server's own endpoint
 * (ENTRAIDE_WEBHOOK_URL) keeps working beside the community's webhooks.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { Webhook, WebhookDelivery, WebhookWithSecret } from '../../../src/contract/areas/webhooks.ts';
import { signToken } from '../../../src/server/auth.ts';
import { drainWebhooks } from '../../../src/server/webhook-drainer.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';

const SERVER_SECRET = 'the-server-endpoint-secret';

interface Received { path: string; headers: IncomingHttpHeaders; body: string; status: number }
let receiver: Server;
let base = '';
const received: Received[] = [];
/** What the receiver answers next: 204, a failure, or a redirect (which must not be followed). */
let answer: 204 | 503 | 302 = 204;

let server: TestServer;
const tokens = { admin: '', advisor: '' };

before(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      const status = answer;
      received.push({ path: request.url ?? '', headers: request.headers, body, status });
      if (status === 302) response.writeHead(302, { location: `${base}/elsewhere` }).end();
      else response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await createTestServer({ webhooks: { url: `${base}/server-endpoint`, secret: SERVER_SECRET, privateHosts: 'loopback', pollMs: 25, retryBaseMs: 20, maxAttempts: 2 } });
  tokens.admin = (await signToken(TEST_SECRET, { sub: 'demo:camille', name: 'Camille', role: 'admin' })).token;
  tokens.advisor = await server.tokenFor(server.fixtures.members.advisor);
});
after(async () => {
  await server.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function call<T>(who: keyof typeof tokens, options: InjectOptions & { url: string }): Promise<T> {
  const response = await server.app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[who]}` } });
  assert.ok(response.statusCode < 300, `${options.method ?? 'GET'} ${options.url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/** Deliveries go out on the sender's next poll (each second); a loaded 2-core CI may take a while to run it. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let incidents = 0;
const declareIncident = () => call<{ id: number }>('advisor', { method: 'POST', url: '/api/incidents', payload: { title: `Panne ${(incidents += 1)}`, bannerText: 'Panne en cours.', threadIds: [] } });
const log = async (webhookId: number) => (await call<{ items: WebhookDelivery[] }>('admin', { url: `/api/admin/webhook-deliveries?webhookId=${webhookId}` })).items;
const hmac = (secret: string, call: Received) => `sha256=${createHmac('sha256', secret).update(`${String(call.headers['x-entraide-timestamp'])}.${call.body}`).digest('hex')}`;
const to = (path: string) => received.filter((call) => call.path === path);

/** Waits until the webhook's newest delivery is `status` (the row is marked after the receiver answers). */
async function newest(webhookId: number, status: WebhookDelivery['status']): Promise<WebhookDelivery> {
  let last: WebhookDelivery | undefined;
  await until(async () => (last = (await log(webhookId))[0])?.status === status, `a ${status} delivery`);
  return last!;
}

describe('webhook deliveries to a real receiver', { timeout: 600_000 }, () => {
  let hook: WebhookWithSecret;

  it('sends an incident to the webhook, signed with its own secret, and to the server’s endpoint with the server’s', async () => {
    hook = await call<WebhookWithSecret>('admin', { method: 'POST', url: '/api/admin/webhooks', payload: { url: `${base}/crm`, description: 'CRM' } });
    const list = await call<{ serverWebhook: unknown }>('admin', { url: '/api/admin/webhooks' });
    assert.deepEqual(list.serverWebhook, { url: `${base}/server-endpoint` });
    const incident = await declareIncident();
    const delivery = await newest(hook.webhook.id, 'delivered');
    await until(() => to('/server-endpoint').length === 1, 'the server endpoint');
    const [sent] = to('/crm');
    assert.equal(sent?.headers['x-entraide-signature'], hmac(hook.secret, sent!));
    assert.equal(sent?.headers['x-entraide-delivery'], String(delivery.id));
    const payload = JSON.parse(sent.body) as { event: string; data: { id: number } };
    assert.deepEqual([payload.event, payload.data.id], ['incident.created', incident.id]);
    assert.deepEqual([delivery.attempts, delivery.lastError, delivery.deliveredAt !== null], [1, null, true]);
    const [serverCall] = to('/server-endpoint');
    assert.equal(serverCall?.headers['x-entraide-signature'], hmac(SERVER_SECRET, serverCall!));
    assert.equal(serverCall?.body, sent?.body, 'the same event, the same body');
    // The server's endpoint has its own rows in the community's log, with no webhook.
    const all = (await call<{ items: WebhookDelivery[] }>('admin', { url: '/api/admin/webhook-deliveries' })).items;
    assert.deepEqual(all.map((item) => item.webhookId).sort(), [hook.webhook.id, null].sort());
  });

  it('signs with the new secret only after a rotation without grace', async () => {
    const rotated = await call<WebhookWithSecret>('admin', { method: 'POST', url: `/api/admin/webhooks/${hook.webhook.id}/rotate-secret`, payload: { graceHours: 0 } });
    const before = to('/crm').length;
    await declareIncident();
    await newest(hook.webhook.id, 'delivered');
    const sent = to('/crm')[before]!;
    assert.equal(sent.headers['x-entraide-signature'], hmac(rotated.secret, sent));
    assert.notEqual(sent.headers['x-entraide-signature'], hmac(hook.secret, sent));
    hook = rotated;
  });

  it('signs with both secrets during the grace period: the new one first', async () => {
    const rotated = await call<WebhookWithSecret>('admin', { method: 'POST', url: `/api/admin/webhooks/${hook.webhook.id}/rotate-secret` });
    assert.notEqual(rotated.webhook.previousSecretValidUntil, null);
    const before = to('/crm').length;
    await declareIncident();
    await newest(hook.webhook.id, 'delivered');
    const sent = to('/crm')[before]!;
    assert.deepEqual(String(sent.headers['x-entraide-signature']).split(','), [hmac(rotated.secret, sent), hmac(hook.secret, sent)]);
    hook = rotated;
  });

  it('gives up on a failing receiver after the tries, and an admin’s retry delivers it', async () => {
    answer = 503;
    const before = to('/crm').length;
    await declareIncident();
    const failed = await newest(hook.webhook.id, 'failed');
    assert.deepEqual([failed.attempts, failed.lastError, failed.nextAttemptAt], [2, 'HTTP 503', null]);
    assert.equal((await call<{ items: Webhook[] }>('admin', { url: '/api/admin/webhooks' })).items[0]?.deliveries.failed, 1);

    // A retry is one more try: still failing, it is failed again at once.
    await call('admin', { method: 'POST', url: `/api/admin/webhook-deliveries/${failed.id}/retry` });
    await until(async () => (await log(hook.webhook.id))[0]?.attempts === 3, 'the retried try');
    assert.deepEqual(((await log(hook.webhook.id))[0]!).status, 'failed');

    answer = 204;
    const retried = await call<WebhookDelivery>('admin', { method: 'POST', url: `/api/admin/webhook-deliveries/${failed.id}/retry` });
    assert.equal(retried.status, 'pending');
    const delivered = await newest(hook.webhook.id, 'delivered');
    assert.deepEqual([delivered.id, delivered.attempts, delivered.lastError], [failed.id, 4, null]);
    assert.deepEqual(to('/crm').slice(before).map((call) => call.status), [503, 503, 503, 204]);
    const last = to('/crm').at(-1)!;
    assert.equal(String(last.headers['x-entraide-signature']).split(',')[0], hmac(hook.secret, last), 'signed with the current secret');
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    answer = 302;
    const before = received.length;
    await declareIncident();
    const failed = await newest(hook.webhook.id, 'failed');
    answer = 204;
    assert.equal(failed.lastError, 'HTTP 302');
    assert.equal(received.slice(before).some((call) => call.path === '/elsewhere'), false);
  });

  it('sends nothing to a disabled webhook, nor to an event it does not take', async () => {
    await call('admin', { method: 'PATCH', url: `/api/admin/webhooks/${hook.webhook.id}`, payload: { enabled: false } });
    const resolvedOnly = await call<WebhookWithSecret>('admin', { method: 'POST', url: '/api/admin/webhooks', payload: { url: `${base}/resolved-only`, events: ['incident.resolved'] } });
    const before = to('/server-endpoint').length;
    const incident = await declareIncident();
    await until(() => to('/server-endpoint').length === before + 1, 'the server endpoint');
    assert.equal((await log(hook.webhook.id))[0]?.status, 'failed', 'no new row for the disabled webhook');
    await call('advisor', { method: 'POST', url: `/api/incidents/${incident.id}/updates`, payload: { text: 'Réseau rétabli.', status: 'resolved' } });
    const delivery = await newest(resolvedOnly.webhook.id, 'delivered');
    assert.equal(delivery.event, 'incident.resolved');
    assert.deepEqual(to('/resolved-only').map((call) => (JSON.parse(call.body) as { event: string }).event), ['incident.resolved']);
    assert.equal(to('/resolved-only')[0]!.headers['x-entraide-signature'], hmac(resolvedOnly.secret, to('/resolved-only')[0]!));
  });
});

describe('the sender’s private-host policy', { timeout: 600_000 }, () => {
  let strict: TestServer;
  before(async () => {
    // Its own sender never polls: the test drains by hand, as a server set to `refuse` would.
    strict = await createTestServer({ webhooks: { privateHosts: 'refuse', pollMs: 3_600_000 } });
  });
  after(() => strict.close());

  it('refuses a loopback webhook (kept from a looser setting) before connecting, and a disabled webhook’s rows wait', async () => {
    const [row] = await strict.db.query<{ id: number }>(
      `insert into webhooks (community_id, url, secret) values ($1, $2, 'whsec_x') returning id`, [strict.fixtures.communityId, `${base}/strict`],
    );
    const [off] = await strict.db.query<{ id: number }>(
      `insert into webhooks (community_id, url, secret, enabled) values ($1, 'https://hooks.example.com/', 'whsec_y', true) returning id`, [strict.fixtures.communityId],
    );
    const advisor = await strict.tokenFor(strict.fixtures.members.advisor);
    const created = await strict.app.inject({ method: 'POST', url: '/api/incidents', headers: { authorization: `Bearer ${advisor}` }, payload: { title: 'Panne', bannerText: 'Panne.', threadIds: [] } });
    assert.equal(created.statusCode, 201);
    await strict.db.query('update webhooks set enabled = false where id = $1', [off!.id]);
    const before = received.length;
    assert.equal(await drainWebhooks(strict.db, { privateHosts: 'refuse', maxAttempts: 1 }), 1);
    const rows = await strict.db.query<{ webhook_id: number; failed: boolean; last_error: string | null }>(
      'select webhook_id, failed_at is not null as failed, last_error from webhook_deliveries order by webhook_id',
    );
    assert.deepEqual(rows, [
      { webhook_id: row!.id, failed: true, last_error: 'refused: 127.0.0.1 is a private or loopback host' },
      { webhook_id: off!.id, failed: false, last_error: null },
    ]);
    assert.equal(received.length, before, 'nothing reached the receiver');
  });
});
