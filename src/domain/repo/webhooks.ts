/** SQL of the webhook outbox (../services/webhooks.ts queues, src/server/webhook-drainer.ts signs, sends and retries). */
import type { Queryable } from '../database.ts';

/** A leased delivery with what sending it needs: where to, and the secrets to sign with. */
export interface DeliveryRow {
  id: number;
  /** null: the server's own endpoint (its secret is the server's configuration). */
  webhookId: number | null;
  url: string;
  body: string;
  attempts: number;
  /** An administrator retried it: this try is its last. */
  retried: boolean;
  /** The webhook's secret, then its previous one while the rotation's grace period lasts. */
  secrets: string[];
}

/**
 * One row per enabled webhook of the community that takes `event`, and one for the server's
 * endpoint when it has one. Each row keeps the URL it was queued for (the log says where it went).
 */
export async function insertDeliveries(tx: Queryable, delivery: { communityId: number; serverUrl: string | null; event: string; body: string }): Promise<void> {
  await tx.query(
    `insert into webhook_deliveries (webhook_id, community_id, url, event, body)
     select null, $1::integer, $4::text, $2::text, $3::text where $4::text is not null
     union all
     select id, community_id, url, $2::text, $3::text from webhooks
      where community_id = $1::integer and enabled and (events is null or $2::text = any(events))`,
    [delivery.communityId, delivery.event, delivery.body, delivery.serverUrl],
  );
}

interface LeasedRow {
  id: string | number;
  webhook_id: number | null;
  url: string;
  body: string;
  attempts: number;
  retried: boolean;
  secret: string | null;
  previous_secret: string | null;
}

/**
 * Leases up to 20 due rows (pushes their next try to `leaseUntil`) so a second process does not
 * send them too. Rows of a disabled webhook wait; rows of the server's endpoint are leased only
 * by a process that has one (`withServerEndpoint`), since only it holds that secret.
 */
export async function leaseDueDeliveries(db: Queryable, now: Date, leaseUntil: Date, withServerEndpoint: boolean): Promise<DeliveryRow[]> {
  const rows = await db.query<LeasedRow>(
    `with due as (
       select d.id from webhook_deliveries d left join webhooks w on w.id = d.webhook_id
        where d.delivered_at is null and d.failed_at is null and d.next_attempt_at <= $1
          and (case when d.webhook_id is null then $3::boolean else w.enabled end)
        order by d.next_attempt_at, d.id limit 20
        for update of d skip locked
     ), leased as (
       update webhook_deliveries d set next_attempt_at = $2 from due where d.id = due.id
       returning d.id, d.webhook_id, d.url, d.body, d.attempts, d.retried_at
     )
     select l.id, l.webhook_id, coalesce(w.url, l.url) as url, l.body, l.attempts, l.retried_at is not null as retried,
            w.secret, case when w.previous_secret_expires_at > $1 then w.previous_secret end as previous_secret
       from leased l left join webhooks w on w.id = l.webhook_id
      order by l.id`,
    [now, leaseUntil, withServerEndpoint],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    webhookId: row.webhook_id,
    url: row.url,
    body: row.body,
    attempts: row.attempts,
    retried: row.retried,
    secrets: [row.secret, row.previous_secret].filter((secret): secret is string => secret !== null),
  }));
}

export async function markDelivered(db: Queryable, deliveryId: number, attempts: number): Promise<void> {
  await db.query('update webhook_deliveries set attempts = $2, delivered_at = now(), last_error = null where id = $1', [deliveryId, attempts]);
}

/** A failed try: the next one at `nextAt`, or none when `giveUp`. */
export async function markAttemptFailed(db: Queryable, failure: { deliveryId: number; attempts: number; error: string; nextAt: Date; giveUp: boolean }): Promise<void> {
  await db.query(
    `update webhook_deliveries set attempts = $2, last_error = $3, next_attempt_at = $4, failed_at = case when $5 then now() else null end where id = $1`,
    [failure.deliveryId, failure.attempts, failure.error, failure.nextAt, failure.giveUp],
  );
}
