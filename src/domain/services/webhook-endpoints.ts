/**
 * The community's webhooks (issue 14), for its administrators: where the forum's events go,
 * each endpoint with its own signing secret (answered once), rotation with a grace period, the
 * delivery log and its retry. Every change is one transaction with its audit entry (the state
 * before and after, never a secret); the guardian refuses anyone but an admin before anything
 * is read.
 */
import type {
  DeletedWebhook, NewWebhook, RotateWebhookSecret, Webhook, WebhookChanges, WebhookDelivery, WebhookDeliveryPage, WebhookList, WebhookWithSecret,
} from '../../contract/areas/webhooks.ts';
import { ApiError, guardian, WEBHOOK_LIMITS, webhookUrlProblem, type Actor, type PrivateHostPolicy, type WebhookDeliveryStatus } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../repo/audit.ts';
import type { CommunityContext } from '../repo/community.ts';
import {
  countWebhooksLocked, deleteWebhookRow, findWebhookRow, insertWebhook, listDeliveries, listWebhookRows, lockDelivery, lockWebhook, requeueDelivery,
  rotateWebhookSecretRow, toWebhook, updateWebhookRow,
} from '../repo/webhook-endpoints.ts';

type Ctx = ServiceContext<'webhooks'>;

const requireAdmin = (actor: Actor) => guardian(actor).admin.ensureManageWebhooks();

/** The server's setting (ENTRAIDE_WEBHOOK_PRIVATE_HOSTS; `loopback` in demo mode), else public hosts only, as the sender judges. */
export function privateHostPolicy({ webhooks }: Pick<Ctx, 'webhooks'>): PrivateHostPolicy {
  return webhooks?.privateHosts ?? 'refuse';
}

/** The URL as stored and called (the URL parser's form), or a 400 saying what is wrong with it. */
function checkedUrl(raw: string, policy: PrivateHostPolicy): string {
  const problem = webhookUrlProblem(raw, policy);
  if (problem) throw new ApiError('validation_failed', `url ${problem}.`, [{ in: 'body', path: '/url', message: problem }]);
  return new URL(raw.trim()).href;
}

const cleanDescription = (text: string | null | undefined): string | null => text?.trim() || null;

/** 32 random bytes, as hex behind a prefix that says what it is when it turns up in a config file. */
function newSecret(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * What the audit keeps of a webhook: its settings and the secret's hint, never the secret. The
 * URL loses its query string, where some receivers put a token of their own.
 */
function audited(webhook: Webhook) {
  const url = new URL(webhook.url);
  return {
    url: `${url.origin}${url.pathname}${url.search ? '?…' : ''}`, description: webhook.description, events: webhook.events, enabled: webhook.enabled,
    secretHint: webhook.secretHint,
  };
}

async function current(tx: Queryable, community: CommunityContext, webhookId: number): Promise<Webhook> {
  const row = await findWebhookRow(tx, community, webhookId);
  if (!row) throw notFound(`Webhook ${webhookId}`);
  return toWebhook(row);
}

/** Locks the webhook, 404 when the community has none of that id; its state before the change. */
async function lockedWebhook(tx: Queryable, community: CommunityContext, webhookId: number): Promise<Webhook> {
  if (!(await lockWebhook(tx, community, webhookId))) throw notFound(`Webhook ${webhookId}`);
  return current(tx, community, webhookId);
}

export async function listWebhooks({ db, community, webhooks }: Ctx, { actor }: { actor: Actor }): Promise<WebhookList> {
  requireAdmin(actor);
  const rows = await listWebhookRows(db, community);
  const now = new Date();
  return { items: rows.map((row) => toWebhook(row, now)), serverWebhook: webhooks?.url && webhooks.secret ? { url: webhooks.url } : null };
}

export async function createWebhook(ctx: Ctx, { actor, body }: { actor: Actor; body: NewWebhook }): Promise<WebhookWithSecret> {
  const admin = requireAdmin(actor);
  const url = checkedUrl(body.url, privateHostPolicy(ctx));
  const { db, community } = ctx;
  return db.transaction(async (tx) => {
    if ((await countWebhooksLocked(tx, community)) >= WEBHOOK_LIMITS.perCommunity) {
      throw new ApiError('conflict', `A community has at most ${WEBHOOK_LIMITS.perCommunity} webhooks: delete one first.`);
    }
    const secret = newSecret();
    const webhookId = await insertWebhook(tx, community, {
      url, description: cleanDescription(body.description), events: body.events ?? null, enabled: body.enabled ?? true, secret, createdBy: admin.memberId,
    });
    const webhook = await current(tx, community, webhookId);
    await writeAudit(tx, { actorId: admin.memberId, action: 'webhook.create', targetType: 'webhook', targetId: webhookId, before: null, after: audited(webhook) });
    return { webhook, secret };
  });
}

export async function updateWebhook(ctx: Ctx, { actor, webhookId, body }: { actor: Actor; webhookId: number; body: WebhookChanges }): Promise<Webhook> {
  const admin = requireAdmin(actor);
  const url = body.url === undefined ? undefined : checkedUrl(body.url, privateHostPolicy(ctx));
  const { db, community } = ctx;
  return db.transaction(async (tx) => {
    const before = await lockedWebhook(tx, community, webhookId);
    await updateWebhookRow(tx, webhookId, {
      url: url ?? before.url,
      description: body.description === undefined ? before.description : cleanDescription(body.description),
      events: body.events === undefined ? before.events : body.events,
      enabled: body.enabled ?? before.enabled,
    });
    const after = await current(tx, community, webhookId);
    await writeAudit(tx, { actorId: admin.memberId, action: 'webhook.update', targetType: 'webhook', targetId: webhookId, before: audited(before), after: audited(after) });
    return after;
  });
}

export async function rotateWebhookSecret(
  { db, community }: Ctx, { actor, webhookId, body }: { actor: Actor; webhookId: number; body: RotateWebhookSecret },
): Promise<WebhookWithSecret> {
  const admin = requireAdmin(actor);
  const graceHours = body.graceHours ?? WEBHOOK_LIMITS.graceHoursDefault;
  return db.transaction(async (tx) => {
    const before = await lockedWebhook(tx, community, webhookId);
    const secret = newSecret();
    // A second rotation within the grace period drops the oldest secret: only the one just replaced keeps signing.
    await rotateWebhookSecretRow(tx, webhookId, { secret, previousUntil: graceHours > 0 ? new Date(Date.now() + graceHours * 3_600_000) : null });
    const webhook = await current(tx, community, webhookId);
    const secrets = (hook: Webhook) => ({ secretHint: hook.secretHint, previousSecretValidUntil: hook.previousSecretValidUntil });
    await writeAudit(tx, { actorId: admin.memberId, action: 'webhook.rotate-secret', targetType: 'webhook', targetId: webhookId, before: secrets(before), after: secrets(webhook) });
    return { webhook, secret };
  });
}

export async function deleteWebhook({ db, community }: Ctx, { actor, webhookId }: { actor: Actor; webhookId: number }): Promise<DeletedWebhook> {
  const admin = requireAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await lockedWebhook(tx, community, webhookId);
    await deleteWebhookRow(tx, webhookId);
    await writeAudit(tx, { actorId: admin.memberId, action: 'webhook.delete', targetType: 'webhook', targetId: webhookId, before: audited(before), after: null });
    return { id: webhookId, deleted: true };
  });
}

export async function webhookDeliveries(
  { db, community }: Ctx,
  { actor, query }: { actor: Actor; query: { webhookId?: number; status?: WebhookDeliveryStatus; cursor?: string; limit: number } },
): Promise<WebhookDeliveryPage> {
  requireAdmin(actor);
  const before = query.cursor === undefined ? undefined : /^[1-9]\d{0,15}$/.test(query.cursor) ? Number(query.cursor) : NaN;
  if (Number.isNaN(before)) throw new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ in: 'querystring', path: '/cursor', message: 'unknown cursor' }]);
  if (query.webhookId !== undefined && !(await findWebhookRow(db, community, query.webhookId))) throw notFound(`Webhook ${query.webhookId}`);
  return listDeliveries(db, community, { webhookId: query.webhookId, status: query.status, before, limit: query.limit });
}

export async function retryWebhookDelivery({ db, community, webhooks }: Ctx, { actor, deliveryId }: { actor: Actor; deliveryId: number }): Promise<WebhookDelivery> {
  const admin = requireAdmin(actor);
  return db.transaction(async (tx) => {
    const delivery = await lockDelivery(tx, community, deliveryId);
    if (!delivery) throw notFound(`Delivery ${deliveryId}`);
    if (delivery.status === 'delivered') throw new ApiError('conflict', 'This delivery was received already: there is nothing to retry.');
    if (delivery.status === 'pending') throw new ApiError('conflict', 'This delivery is already waiting for its next try.');
    if (delivery.webhookEnabled === false) throw new ApiError('conflict', 'This webhook is disabled: enable it to retry its deliveries.');
    if (delivery.webhookId === null && !(webhooks?.url && webhooks.secret)) {
      throw new ApiError('conflict', 'The server’s configured webhook (ENTRAIDE_WEBHOOK_URL) is no longer set: this delivery cannot be sent.');
    }
    const { webhookEnabled: _enabled, ...before } = delivery;
    const after = await requeueDelivery(tx, deliveryId);
    const state = (d: WebhookDelivery) => ({ status: d.status, attempts: d.attempts, lastError: d.lastError });
    await writeAudit(tx, {
      actorId: admin.memberId, action: 'webhook.retry', targetType: 'webhook_delivery', targetId: deliveryId, before: { webhookId: before.webhookId, event: before.event, ...state(before) }, after: state(after),
    });
    return after;
  });
}
