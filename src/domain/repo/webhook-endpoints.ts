/** SQL of the community's webhooks and their delivery log (../services/webhook-endpoints.ts keeps the rules). */
import type { Webhook, WebhookDelivery, WebhookDeliveryPage } from '../../contract/areas/webhooks.ts';
import type { WebhookDeliveryStatus, WebhookEvent } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

/** A webhook row, its secrets included: for the service, never answered as is. */
export interface WebhookRow {
  id: number;
  url: string;
  description: string | null;
  events: WebhookEvent[] | null;
  enabled: boolean;
  secret: string;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  secret_rotated_at: Date | null;
  pending: number;
  failed: number;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** A webhook as the API answers it: the secret's last four characters only. */
export function toWebhook(row: WebhookRow, now = new Date()): Webhook {
  const graceEnd = row.previous_secret_expires_at === null ? null : new Date(row.previous_secret_expires_at);
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    secretHint: row.secret.slice(-4),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    secretRotatedAt: iso(row.secret_rotated_at),
    previousSecretValidUntil: graceEnd && graceEnd > now ? graceEnd.toISOString() : null,
    deliveries: { pending: row.pending, failed: row.failed },
  };
}

const WEBHOOK_COLUMNS = `w.id, w.url, w.description, w.events, w.enabled, w.secret, w.previous_secret_expires_at, w.created_at, w.updated_at, w.secret_rotated_at,
  (select count(*)::int from webhook_deliveries d where d.webhook_id = w.id and d.delivered_at is null and d.failed_at is null) as pending,
  (select count(*)::int from webhook_deliveries d where d.webhook_id = w.id and d.failed_at is not null) as failed`;

export async function listWebhookRows(db: Queryable, community: CommunityContext): Promise<WebhookRow[]> {
  return db.query<WebhookRow>(`select ${WEBHOOK_COLUMNS} from webhooks w where w.community_id = $1 order by w.id`, [community.id]);
}

export async function findWebhookRow(db: Queryable, community: CommunityContext, webhookId: number): Promise<WebhookRow | undefined> {
  const [row] = await db.query<WebhookRow>(`select ${WEBHOOK_COLUMNS} from webhooks w where w.community_id = $1 and w.id = $2`, [community.id, webhookId]);
  return row;
}

/** Locks the webhook for a change (two admins changing it at once apply one after the other). */
export async function lockWebhook(tx: Queryable, community: CommunityContext, webhookId: number): Promise<boolean> {
  const rows = await tx.query('select id from webhooks where community_id = $1 and id = $2 for update', [community.id, webhookId]);
  return rows.length > 0;
}

/** Counts the community's webhooks, holding the community row so two concurrent creations count each other. */
export async function countWebhooksLocked(tx: Queryable, community: CommunityContext): Promise<number> {
  await tx.query('select id from communities where id = $1 for update', [community.id]);
  const [row] = await tx.query<{ n: number }>('select count(*)::int as n from webhooks where community_id = $1', [community.id]);
  return row?.n ?? 0;
}

export async function insertWebhook(
  tx: Queryable, community: CommunityContext,
  webhook: { url: string; description: string | null; events: string[] | null; enabled: boolean; secret: string; createdBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into webhooks (community_id, url, description, events, enabled, secret, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [community.id, webhook.url, webhook.description, webhook.events, webhook.enabled, webhook.secret, webhook.createdBy],
  );
  return row!.id;
}

export async function updateWebhookRow(
  tx: Queryable, webhookId: number, changes: { url: string; description: string | null; events: string[] | null; enabled: boolean },
): Promise<void> {
  await tx.query(
    'update webhooks set url = $2, description = $3, events = $4, enabled = $5, updated_at = now() where id = $1',
    [webhookId, changes.url, changes.description, changes.events, changes.enabled],
  );
}

/** The new secret; the one it replaces keeps signing until `previousUntil` (none when null). */
export async function rotateWebhookSecretRow(tx: Queryable, webhookId: number, rotation: { secret: string; previousUntil: Date | null }): Promise<void> {
  await tx.query(
    `update webhooks set previous_secret = case when $3::timestamptz is null then null else secret end, previous_secret_expires_at = $3,
       secret = $2, secret_rotated_at = now(), updated_at = now() where id = $1`,
    [webhookId, rotation.secret, rotation.previousUntil],
  );
}

export async function deleteWebhookRow(tx: Queryable, webhookId: number): Promise<void> {
  await tx.query('delete from webhooks where id = $1', [webhookId]);
}

interface DeliveryLogRow {
  id: string | number;
  webhook_id: number | null;
  event: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date;
  delivered_at: Date | null;
  failed_at: Date | null;
  retried_at: Date | null;
}

function statusOf(row: DeliveryLogRow): WebhookDeliveryStatus {
  if (row.delivered_at !== null) return 'delivered';
  return row.failed_at !== null ? 'failed' : 'pending';
}

function toDelivery(row: DeliveryLogRow): WebhookDelivery {
  const status = statusOf(row);
  return {
    id: Number(row.id),
    webhookId: row.webhook_id,
    event: row.event,
    status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: iso(row.created_at)!,
    nextAttemptAt: status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    failedAt: iso(row.failed_at),
    retriedAt: iso(row.retried_at),
  };
}

const DELIVERY_COLUMNS = 'id, webhook_id, event, attempts, last_error, created_at, next_attempt_at, delivered_at, failed_at, retried_at';
const STATUS_WHERE: Record<WebhookDeliveryStatus, string> = {
  pending: 'delivered_at is null and failed_at is null',
  delivered: 'delivered_at is not null',
  failed: 'failed_at is not null',
};

/** Newest first; `before` is the last id of the previous page (ids only grow). */
export async function listDeliveries(
  db: Queryable, community: CommunityContext, query: { webhookId?: number; status?: WebhookDeliveryStatus; before?: number; limit: number },
): Promise<WebhookDeliveryPage> {
  const params: unknown[] = [community.id, query.limit + 1];
  const where = ['community_id = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (query.webhookId !== undefined) add('webhook_id = ?', query.webhookId);
  if (query.before !== undefined) add('id < ?', query.before);
  if (query.status !== undefined) where.push(STATUS_WHERE[query.status]);
  const rows = await db.query<DeliveryLogRow>(`select ${DELIVERY_COLUMNS} from webhook_deliveries where ${where.join(' and ')} order by id desc limit $2`, params);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toDelivery), nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

/** The delivery, locked for a retry, with whether its webhook is enabled (null: the server's endpoint). */
export async function lockDelivery(tx: Queryable, community: CommunityContext, deliveryId: number): Promise<(WebhookDelivery & { webhookEnabled: boolean | null }) | undefined> {
  const [row] = await tx.query<DeliveryLogRow & { webhook_enabled: boolean | null }>(
    `select d.id, d.webhook_id, d.event, d.attempts, d.last_error, d.created_at, d.next_attempt_at, d.delivered_at, d.failed_at, d.retried_at,
            w.enabled as webhook_enabled
       from webhook_deliveries d left join webhooks w on w.id = d.webhook_id
      where d.community_id = $1 and d.id = $2 for update of d`,
    [community.id, deliveryId],
  );
  return row ? { ...toDelivery(row), webhookEnabled: row.webhook_enabled } : undefined;
}

/** Queues a failed delivery again now, for one more try. */
export async function requeueDelivery(tx: Queryable, deliveryId: number): Promise<WebhookDelivery> {
  const [row] = await tx.query<DeliveryLogRow>(
    `update webhook_deliveries set failed_at = null, next_attempt_at = now(), retried_at = now() where id = $1 returning ${DELIVERY_COLUMNS}`,
    [deliveryId],
  );
  return toDelivery(row!);
}
