/** SQL of the webhook outbox (../services/webhooks.ts signs, sends and retries). */
import type { Queryable } from '../database.ts';

export interface DeliveryRow {
  id: number;
  url: string;
  body: string;
  attempts: number;
}

export async function insertDelivery(tx: Queryable, delivery: { url: string; event: string; body: string }): Promise<void> {
  await tx.query('insert into webhook_deliveries (url, event, body) values ($1, $2, $3)', [delivery.url, delivery.event, delivery.body]);
}

/** Leases up to 20 due rows (pushes their next try to `leaseUntil`) so a second process does not send them too. */
export async function leaseDueDeliveries(db: Queryable, now: Date, leaseUntil: Date): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    `update webhook_deliveries set next_attempt_at = $2
     where id in (select id from webhook_deliveries where delivered_at is null and failed_at is null and next_attempt_at <= $1
                  order by next_attempt_at, id limit 20 for update skip locked)
     returning id, url, body, attempts`,
    [now, leaseUntil],
  );
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
