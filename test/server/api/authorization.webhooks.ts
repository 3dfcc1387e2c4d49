/** Authorization matrix rows of the webhooks area: admins only (their side in detail: test/sdk/contract-webhooks.test.ts). */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Fixture, Row } from './authorization.rows.ts';

const admins: Row['expect'] = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'forbidden', moderator: 'forbidden', admin: 'allowed' };

/** A webhook of the fixture community, made in SQL: no admin signs in here. */
async function webhookOf(f: Fixture): Promise<number> {
  const [row] = await f.server.db.query<{ id: number }>(
    `insert into webhooks (community_id, url, secret) values ($1, 'https://hooks.example.com/entraide', 'whsec_matrix') returning id`,
    [f.server.fixtures.communityId],
  );
  return row!.id;
}

/** A failed delivery of such a webhook: the one case a retry is for. */
async function failedDeliveryOf(f: Fixture): Promise<number> {
  const [row] = await f.server.db.query<{ id: number }>(
    `insert into webhook_deliveries (webhook_id, community_id, url, event, body, attempts, failed_at, last_error)
     values ($1, $2, 'https://hooks.example.com/entraide', 'incident.created', '{}', 5, now(), 'HTTP 500') returning id`,
    [await webhookOf(f), f.server.fixtures.communityId],
  );
  return row!.id;
}

export function webhooksRows(): Partial<Record<RouteName, Row>> {
  return {
    listWebhooks: { request: () => ({ url: '/api/admin/webhooks' }), expect: admins },
    createWebhook: { request: () => ({ method: 'POST', url: '/api/admin/webhooks', payload: { url: 'https://hooks.example.com/entraide' } }), expect: admins },
    updateWebhook: { request: async (f) => ({ method: 'PATCH', url: `/api/admin/webhooks/${await webhookOf(f)}`, payload: { enabled: false } }), expect: admins },
    rotateWebhookSecret: { request: async (f) => ({ method: 'POST', url: `/api/admin/webhooks/${await webhookOf(f)}/rotate-secret`, payload: {} }), expect: admins },
    deleteWebhook: { request: async (f) => ({ method: 'DELETE', url: `/api/admin/webhooks/${await webhookOf(f)}` }), expect: admins },
    listWebhookDeliveries: { request: () => ({ url: '/api/admin/webhook-deliveries' }), expect: admins },
    retryWebhookDelivery: { request: async (f) => ({ method: 'POST', url: `/api/admin/webhook-deliveries/${await failedDeliveryOf(f)}/retry` }), expect: admins },
  };
}
