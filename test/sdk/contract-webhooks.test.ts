/**
 * Contract suite for the webhooks area (`client.webhooks`, admins): the mocks (the domain's msw
 * adapter) and the real server answer the same, hostile input included. No delivery is sent
 * here (the real server's sender is slowed to a standstill, the mocks have none): the sending
 * itself is test/server/api/webhooks-delivery.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { Queryable } from '../../src/domain/database.ts';
import { createForumMocks } from '../../src/mocks/domain/forum.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { codeOf } from '../helpers/contract-targets.ts';
import { insertFixtures } from '../helpers/fixtures.ts';
import { createTestServer } from '../helpers/server.ts';
import { migratedPglite } from '../helpers/template.ts';

type Who = 'admin' | 'moderator' | 'advisor' | 'member' | 'guest';

interface Target {
  db: Queryable;
  client(who: Who): EntraideClient;
  close(): Promise<void>;
}

function withClients(baseUrl: string, tokens: Record<Exclude<Who, 'guest'>, string>, db: Queryable, close: () => Promise<void>): Target {
  return { db, close, client: (who) => createEntraideClient({ baseUrl, token: who === 'guest' ? undefined : tokens[who], retry: false }) };
}

async function realTarget(): Promise<Target> {
  // The sender polls once an hour: the deliveries stay as the tests leave them.
  const server = await createTestServer({ listen: true, webhooks: { pollMs: 3_600_000 } });
  const { advisor, moderator, helper, admin } = server.fixtures.members;
  const tokens = { admin: await server.tokenFor(admin), moderator: await server.tokenFor(moderator), advisor: await server.tokenFor(advisor), member: await server.tokenFor(helper) };
  return withClients(`${server.url}/api`, tokens, server.db, () => server.close());
}

async function mockTarget(): Promise<Target> {
  const baseUrl = 'http://webhooks.entraide.test/api';
  const db = await migratedPglite();
  const { members } = await insertFixtures(db);
  const forum = await createForumMocks({ db, baseUrl, demo: false });
  const msw = setupServer(...forum.handlers);
  msw.listen({ onUnhandledFrame: 'bypass' });
  const tokens = { admin: forum.tokenFor(members.admin.id), moderator: forum.tokenFor(members.moderator.id), advisor: forum.tokenFor(members.advisor.id), member: forum.tokenFor(members.helper.id) };
  return withClients(baseUrl, tokens, db, async () => {
    msw.close();
    await forum.close();
    await db.close();
  });
}

const TARGETS = [['mocks', mockTarget], ['real server', realTarget]] as const;

const HOOK = 'https://hooks.example.com/entraide';
const newIncident = { title: 'Panne fibre Lyon', bannerText: 'Panne en cours à Lyon.', threadIds: [] };

for (const [name, makeTarget] of TARGETS) {
  describe(`webhooks contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: Target;
    let admin: EntraideClient;
    before(async () => {
      target = await makeTarget();
      admin = target.client('admin');
    });
    after(() => target.close());

    /** What a test can compare to tell that a refused call wrote nothing. */
    const snapshot = async () => ({
      webhooks: JSON.stringify((await admin.webhooks.list()).items),
      audit: (await admin.audit.list({ targetType: 'webhook', limit: 100 })).items.length,
    });
    const auditOf = async (webhookId: number) => (await admin.audit.list({ targetType: 'webhook', targetId: webhookId, limit: 100 })).items;
    /** A delivery put in the state a test needs (the mocks never send; the real server's sender is idle). */
    const setDelivery = (deliveryId: number, state: 'failed' | 'delivered') =>
      target.db.query(
        state === 'failed'
          ? `update webhook_deliveries set failed_at = now(), attempts = 5, last_error = 'HTTP 500' where id = $1`
          : `update webhook_deliveries set delivered_at = now(), attempts = 1 where id = $1`,
        [deliveryId],
      );

    it('starts with no webhook, and this server has no configured endpoint', async () => {
      assert.deepEqual(await admin.webhooks.list(), { items: [], serverWebhook: null });
      assert.deepEqual(await admin.call('listWebhooks'), { items: [], serverWebhook: null });
    });

    it('creates a webhook whose secret is answered once; lists and the audit show its last four characters only', async () => {
      const { webhook, secret } = await admin.webhooks.create({ url: ` ${HOOK} `, description: 'CRM de la marque', events: ['incident.created'] });
      assert.match(secret, /^whsec_[0-9a-f]{64}$/);
      assert.deepEqual(
        { url: webhook.url, description: webhook.description, events: webhook.events, enabled: webhook.enabled, secretHint: webhook.secretHint, rotated: webhook.secretRotatedAt, deliveries: webhook.deliveries },
        { url: HOOK, description: 'CRM de la marque', events: ['incident.created'], enabled: true, secretHint: secret.slice(-4), rotated: null, deliveries: { pending: 0, failed: 0 } },
      );
      const list = await admin.webhooks.list();
      assert.deepEqual(list.items.map((item) => item.id), [webhook.id]);
      assert.ok(!JSON.stringify(list).includes(secret.slice(6, 40)), 'the list holds no secret');
      const [entry] = await auditOf(webhook.id);
      assert.deepEqual([entry?.action, entry?.before, (entry?.after as { url: string }).url], ['webhook.create', null, HOOK]);
      assert.ok(!JSON.stringify(entry).includes(secret.slice(6, 40)), 'the audit holds no secret');
      await admin.webhooks.delete(webhook.id);
    });

    it('changes the URL, description, events and enabled, audited before and after', async () => {
      const { webhook } = await admin.webhooks.create({ url: HOOK });
      assert.equal(webhook.events, null);
      const changed = await admin.webhooks.update(webhook.id, { url: 'https://hooks.example.com/v2?token=abc', description: '  Support  ', events: ['incident.resolved', 'incident.updated'], enabled: false });
      assert.deepEqual([changed.url, changed.description, changed.events, changed.enabled], ['https://hooks.example.com/v2?token=abc', 'Support', ['incident.resolved', 'incident.updated'], false]);
      const cleared = await admin.webhooks.update(webhook.id, { description: null, events: null });
      assert.deepEqual([cleared.description, cleared.events, cleared.enabled, cleared.url], [null, null, false, changed.url]);
      const [last, first] = await auditOf(webhook.id);
      assert.equal(first?.action, 'webhook.update');
      assert.deepEqual(first?.before, { url: HOOK, description: null, events: null, enabled: true, secretHint: webhook.secretHint });
      // The query string (a token of the receiver's, maybe) stays out of the audit log.
      assert.deepEqual(first?.after, { url: 'https://hooks.example.com/v2?…', description: 'Support', events: ['incident.resolved', 'incident.updated'], enabled: false, secretHint: webhook.secretHint });
      assert.deepEqual((last?.after as { description: unknown }).description, null);
      await admin.webhooks.delete(webhook.id);
    });

    it('rotates the secret: a new one, answered once; the previous one signs for 24 h, or not at all with graceHours 0', async () => {
      const { webhook, secret } = await admin.webhooks.create({ url: HOOK });
      const rotated = await admin.webhooks.rotateSecret(webhook.id);
      assert.match(rotated.secret, /^whsec_[0-9a-f]{64}$/);
      assert.notEqual(rotated.secret, secret);
      assert.equal(rotated.webhook.secretHint, rotated.secret.slice(-4));
      assert.notEqual(rotated.webhook.secretRotatedAt, null);
      const graceHours = (Date.parse(rotated.webhook.previousSecretValidUntil!) - Date.now()) / 3_600_000;
      assert.ok(graceHours > 23.9 && graceHours <= 24, `grace period of ${graceHours} h`);
      const bare = await admin.call('rotateWebhookSecret', { params: { webhookId: webhook.id } });
      assert.notEqual(bare.secret, rotated.secret);
      const leaked = await admin.webhooks.rotateSecret(webhook.id, { graceHours: 0 });
      assert.equal(leaked.webhook.previousSecretValidUntil, null);
      const entries = await auditOf(webhook.id);
      assert.deepEqual(entries.slice(0, 3).map((entry) => entry.action), ['webhook.rotate-secret', 'webhook.rotate-secret', 'webhook.rotate-secret']);
      assert.deepEqual(entries[0]?.after, { secretHint: leaked.secret.slice(-4), previousSecretValidUntil: null });
      for (const known of [secret, rotated.secret, bare.secret, leaked.secret]) assert.ok(!JSON.stringify(entries).includes(known.slice(6, 40)));
      await admin.webhooks.delete(webhook.id);
    });

    it('queues an event for each enabled webhook that takes it, and logs it newest first, by webhook and status, in pages', async () => {
      const all = (await admin.webhooks.create({ url: HOOK })).webhook;
      const resolvedOnly = (await admin.webhooks.create({ url: `${HOOK}/resolved`, events: ['incident.resolved'] })).webhook;
      const disabled = (await admin.webhooks.create({ url: `${HOOK}/off`, enabled: false })).webhook;
      const advisor = target.client('advisor');
      for (let i = 0; i < 3; i += 1) await advisor.incidents.create({ ...newIncident, title: `${newIncident.title} ${i}` });
      const log = await admin.webhooks.deliveries({ webhookId: all.id });
      assert.equal(log.items.length, 3);
      assert.deepEqual(log.items.map((item) => [item.event, item.webhookId, item.status, item.attempts, item.lastError]), Array(3).fill(['incident.created', all.id, 'pending', 0, null]));
      assert.ok(log.items[0]!.id > log.items[1]!.id && log.items[1]!.id > log.items[2]!.id, 'newest first');
      assert.notEqual(log.items[0]!.nextAttemptAt, null);
      assert.deepEqual((await admin.webhooks.deliveries({ webhookId: resolvedOnly.id })).items, []);
      assert.deepEqual((await admin.webhooks.deliveries({ webhookId: disabled.id })).items, []);
      assert.deepEqual((await admin.webhooks.list()).items.find((item) => item.id === all.id)?.deliveries, { pending: 3, failed: 0 });

      const first = await admin.webhooks.deliveries({ webhookId: all.id, limit: 2 });
      assert.equal(first.items.length, 2);
      const second = await admin.webhooks.deliveries({ webhookId: all.id, limit: 2, cursor: first.nextCursor! });
      assert.deepEqual([second.items.map((item) => item.id), second.nextCursor], [[log.items[2]!.id], null]);

      await setDelivery(log.items[1]!.id, 'failed');
      await setDelivery(log.items[2]!.id, 'delivered');
      const failed = await admin.webhooks.deliveries({ webhookId: all.id, status: 'failed' });
      assert.deepEqual(failed.items.map((item) => [item.id, item.status, item.attempts, item.lastError, item.nextAttemptAt]), [[log.items[1]!.id, 'failed', 5, 'HTTP 500', null]]);
      assert.deepEqual((await admin.webhooks.deliveries({ webhookId: all.id, status: 'delivered' })).items.map((item) => item.id), [log.items[2]!.id]);
      assert.deepEqual((await admin.webhooks.deliveries({ webhookId: all.id, status: 'pending' })).items.map((item) => item.id), [log.items[0]!.id]);
      // Without a webhook: the whole log of the community.
      assert.equal((await admin.webhooks.deliveries()).items.length, 3);
      for (const hook of [all, resolvedOnly, disabled]) await admin.webhooks.delete(hook.id);
    });

    it('retries a failed delivery once; a replayed retry, a delivered one, a disabled webhook’s and an unknown one are refused', async () => {
      const { webhook } = await admin.webhooks.create({ url: HOOK });
      await target.client('advisor').incidents.create(newIncident);
      await target.client('advisor').incidents.create({ ...newIncident, title: 'Panne fibre Nice' });
      const [newer, older] = (await admin.webhooks.deliveries({ webhookId: webhook.id })).items;
      await setDelivery(older!.id, 'failed');
      await setDelivery(newer!.id, 'delivered');

      const retried = await admin.webhooks.retry(older!.id);
      assert.deepEqual([retried.id, retried.status, retried.attempts, retried.failedAt, retried.lastError], [older!.id, 'pending', 5, null, 'HTTP 500']);
      assert.notEqual(retried.retriedAt, null);
      assert.notEqual(retried.nextAttemptAt, null);
      assert.equal(await codeOf(admin.webhooks.retry(older!.id)), '409 conflict', 'a replayed retry');
      assert.equal(await codeOf(admin.webhooks.retry(newer!.id)), '409 conflict', 'a delivered one');
      assert.equal(await codeOf(admin.webhooks.retry(999_999)), '404 not_found');
      const [entry] = (await admin.audit.list({ targetType: 'webhook_delivery', targetId: older!.id })).items;
      assert.deepEqual([entry?.action, entry?.before, entry?.after], [
        'webhook.retry', { webhookId: webhook.id, event: 'incident.created', status: 'failed', attempts: 5, lastError: 'HTTP 500' }, { status: 'pending', attempts: 5, lastError: 'HTTP 500' },
      ]);

      await setDelivery(older!.id, 'failed');
      await admin.webhooks.update(webhook.id, { enabled: false });
      assert.equal(await codeOf(admin.webhooks.retry(older!.id)), '409 conflict', 'a disabled webhook’s');
      await admin.webhooks.update(webhook.id, { enabled: true });
      assert.equal((await admin.webhooks.retry(older!.id)).status, 'pending');
      await admin.webhooks.delete(webhook.id);
    });

    it('deletes a webhook with its log; the audit keeps its last state', async () => {
      const { webhook } = await admin.webhooks.create({ url: HOOK, description: 'À supprimer' });
      await target.client('advisor').incidents.create(newIncident);
      const [delivery] = (await admin.webhooks.deliveries({ webhookId: webhook.id })).items;
      assert.deepEqual(await admin.webhooks.delete(webhook.id), { id: webhook.id, deleted: true });
      assert.equal((await admin.webhooks.list()).items.some((item) => item.id === webhook.id), false);
      assert.equal(await codeOf(admin.webhooks.retry(delivery!.id)), '404 not_found');
      assert.equal(await codeOf(admin.webhooks.delete(webhook.id)), '404 not_found');
      const [entry] = await auditOf(webhook.id);
      assert.deepEqual([entry?.action, (entry?.before as { description: string }).description, entry?.after], ['webhook.delete', 'À supprimer', null]);
    });

    it('refuses everyone but admins, moderators included, writing nothing', async () => {
      const { webhook } = await admin.webhooks.create({ url: HOOK });
      const before = await snapshot();
      for (const who of ['moderator', 'advisor', 'member'] as const) {
        const client = target.client(who);
        assert.equal(await codeOf(client.webhooks.list()), '403 forbidden', who);
        assert.equal(await codeOf(client.webhooks.create({ url: HOOK })), '403 forbidden', who);
        assert.equal(await codeOf(client.webhooks.update(webhook.id, { enabled: false })), '403 forbidden', who);
        assert.equal(await codeOf(client.webhooks.rotateSecret(webhook.id)), '403 forbidden', who);
        assert.equal(await codeOf(client.webhooks.delete(webhook.id)), '403 forbidden', who);
        assert.equal(await codeOf(client.webhooks.deliveries()), '403 forbidden', who);
        assert.equal(await codeOf(client.webhooks.retry(1)), '403 forbidden', who);
      }
      assert.equal(await codeOf(target.client('guest').webhooks.list()), '401 unauthorized');
      assert.equal(await codeOf(target.client('guest').webhooks.create({ url: HOOK })), '401 unauthorized');
      assert.deepEqual(await snapshot(), before);
      await admin.webhooks.delete(webhook.id);
    });

    it('answers hostile input with a typed 4xx and writes nothing', async () => {
      const { webhook } = await admin.webhooks.create({ url: HOOK });
      const before = await snapshot();
      const create = (body: unknown) => codeOf(admin.call('createWebhook', { body: body as never }));
      const refusals: Array<[string, Promise<string>, string]> = [
        ['ftp URL', create({ url: 'ftp://hooks.example.com/' }), '400 validation_failed'],
        ['javascript: URL', create({ url: 'javascript:alert(1)' }), '400 validation_failed'],
        ['no URL', create({}), '400 validation_failed'],
        ['blank URL', create({ url: '   ' }), '400 validation_failed'],
        ['URL with a newline', create({ url: 'https://hooks.example.com/\nx' }), '400 validation_failed'],
        ['URL with spaces', create({ url: 'https://hooks.example.com/a b' }), '400 validation_failed'],
        ['URL too long', create({ url: `https://hooks.example.com/${'a'.repeat(2000)}` }), '400 validation_failed'],
        ['URL with credentials', create({ url: 'https://user:pass@hooks.example.com/' }), '400 validation_failed'],
        ['private network', create({ url: 'http://10.0.0.7/hook' }), '400 validation_failed'],
        ['cloud metadata', create({ url: 'http://169.254.169.254/latest/meta-data/' }), '400 validation_failed'],
        ['IPv4-mapped private', create({ url: 'http://[::ffff:192.168.0.1]/' }), '400 validation_failed'],
        ['description too long', create({ url: HOOK, description: 'x'.repeat(201) }), '400 validation_failed'],
        ['description with a control character', create({ url: HOOK, description: 'CRM\u0007' }), '400 validation_failed'],
        ['description with a newline', create({ url: HOOK, description: 'CRM\nmarque' }), '400 validation_failed'],
        ['description with NUL', create({ url: HOOK, description: 'CRM\u0000' }), '400 validation_failed'],
        ['huge description', create({ url: HOOK, description: 'x'.repeat(300_000) }), '413 payload_too_large'],
        ['no event', create({ url: HOOK, events: [] }), '400 validation_failed'],
        ['unknown event', create({ url: HOOK, events: ['post.created'] }), '400 validation_failed'],
        ['twice the same event', create({ url: HOOK, events: ['incident.created', 'incident.created'] }), '400 validation_failed'],
        ['a secret of its own', create({ url: HOOK, secret: 'whsec_mine' }), '400 validation_failed'],
        ['an empty change', codeOf(admin.call('updateWebhook', { params: { webhookId: webhook.id }, body: {} })), '400 validation_failed'],
        ['a bad URL change', codeOf(admin.webhooks.update(webhook.id, { url: 'gopher://x' })), '400 validation_failed'],
        ['enabled as text', codeOf(admin.call('updateWebhook', { params: { webhookId: webhook.id }, body: { enabled: 'no' } as never })), '400 validation_failed'],
        ['unknown webhook update', codeOf(admin.webhooks.update(999_999, { enabled: false })), '404 not_found'],
        ['unknown webhook rotation', codeOf(admin.webhooks.rotateSecret(999_999)), '404 not_found'],
        ['unknown webhook delete', codeOf(admin.webhooks.delete(999_999)), '404 not_found'],
        ['unknown webhook log', codeOf(admin.webhooks.deliveries({ webhookId: 999_999 })), '404 not_found'],
        ['id out of range', codeOf(admin.webhooks.delete(2 ** 31)), '400 validation_failed'],
        ['grace too long', codeOf(admin.webhooks.rotateSecret(webhook.id, { graceHours: 169 })), '400 validation_failed'],
        ['negative grace', codeOf(admin.webhooks.rotateSecret(webhook.id, { graceHours: -1 })), '400 validation_failed'],
        ['bad cursor', codeOf(admin.webhooks.deliveries({ cursor: 'abc' })), '400 validation_failed'],
        ['unknown status', codeOf(admin.webhooks.deliveries({ status: 'lost' as never })), '400 validation_failed'],
        ['limit too high', codeOf(admin.webhooks.deliveries({ limit: 1000 })), '400 validation_failed'],
      ];
      for (const [label, outcome, expected] of refusals) assert.equal(await outcome, expected, label);
      assert.deepEqual(await snapshot(), before);
      const refused = await admin.webhooks.create({ url: 'http://10.0.0.7/hook' }).catch((error: { details?: unknown; message: string }) => error);
      assert.deepEqual((refused as { details: unknown }).details, [{ in: 'body', path: '/url', message: 'names a private or loopback host, which this server does not send to' }]);
      await admin.webhooks.delete(webhook.id);
    });

    it('accepts loopback receivers here (tests and demo), and keeps at most 20 webhooks a community', async () => {
      const local = await admin.webhooks.create({ url: 'http://127.0.0.1:9/hook' });
      const made = [local.webhook.id];
      while (made.length < 20) made.push((await admin.webhooks.create({ url: `${HOOK}/${made.length}` })).webhook.id);
      const before = await snapshot();
      assert.equal(await codeOf(admin.webhooks.create({ url: HOOK })), '409 conflict');
      assert.deepEqual(await snapshot(), before);
      for (const id of made) await admin.webhooks.delete(id);
    });
  });
}
