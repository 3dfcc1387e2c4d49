/**
 * Outgoing webhooks through an outbox: a change writes a `webhook_deliveries` row in its own
 * transaction (nothing is sent for a rolled-back change, nothing is lost on a crash), and a
 * timer sends due rows, signed, retrying with exponential backoff and jitter.
 */
import { hmacHex } from '../hmac.ts';
import type { Queryable } from '../database.ts';
import { insertDelivery, leaseDueDeliveries, markAttemptFailed, markDelivered, type DeliveryRow } from '../repo/webhooks.ts';

export interface WebhookOptions {
  url: string;
  secret: string;
  /** First retry delay; doubles each try (default 1 s: 1 s, 2 s, 4 s, 8 s). */
  retryBaseMs?: number;
  /** Tries before a delivery is given up (default 5). */
  maxAttempts?: number;
  /** How often the outbox is polled (default 1 s). */
  pollMs?: number;
}

export const SIGNATURE_HEADER = 'x-entraide-signature';
export const TIMESTAMP_HEADER = 'x-entraide-timestamp';

/** HMAC-SHA256 over `<timestamp>.<raw body>`: a replayed body with a new timestamp fails. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Delay before try `attempt + 1`: base·2^(attempt-1), plus up to 20 % jitter so retries spread. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const delay = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(delay + delay * 0.2 * random());
}

/** Queues one event; call inside the change's transaction. No-op when no webhook is configured. */
export async function enqueueWebhook(tx: Queryable, webhooks: WebhookOptions | undefined, event: string, data: unknown): Promise<void> {
  if (!webhooks) return;
  const body = JSON.stringify({ event, sentAt: new Date().toISOString(), data });
  await insertDelivery(tx, { url: webhooks.url, event, body });
}

const LEASE_MS = 30_000;

async function send(row: DeliveryRow, secret: string): Promise<void> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(row.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, row.body),
      [TIMESTAMP_HEADER]: timestamp,
      'x-entraide-delivery': String(row.id),
    },
    body: row.body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** Sends every due delivery once; returns how many were tried. */
export async function drainWebhooks(db: Queryable, options: WebhookOptions, now = new Date()): Promise<number> {
  const rows = await leaseDueDeliveries(db, now, new Date(now.getTime() + LEASE_MS));
  const maxAttempts = options.maxAttempts ?? 5;
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      await send(row, options.secret);
      await markDelivered(db, row.id, attempts);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = attempts >= maxAttempts;
      const next = new Date(Date.now() + backoffMs(attempts, options.retryBaseMs ?? 1000));
      await markAttemptFailed(db, { deliveryId: row.id, attempts, error: message.slice(0, 500), nextAt: next, giveUp });
    }
  }
  return rows.length;
}

/** Polls the outbox until stopped; one drain at a time. */
export function startWebhookDrainer(db: Queryable, options: WebhookOptions, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = drainWebhooks(db, options).catch(onError).finally(() => { busy = false; });
  }, options.pollMs ?? 1000);
  // In Node, the poll alone keeps no process alive.
  (timer as { unref?: () => void }).unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
