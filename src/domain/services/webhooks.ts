/**
 * Outgoing webhooks through an outbox: a change writes one `webhook_deliveries` row per
 * endpoint in its own transaction (nothing is sent for a rolled-back change, nothing is lost on
 * a crash). The endpoints are the community's enabled webhooks that take the event, plus the
 * server's own (ENTRAIDE_WEBHOOK_URL). Sending, signing and retrying with backoff is the
 * server's (src/server/webhook-drainer.ts): a page running the domain (the mocks) never sends.
 */
import type { PrivateHostPolicy, WebhookEvent } from '../../core/index.ts';
import { hmacHex } from '../hmac.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from '../repo/community.ts';
import { insertDeliveries } from '../repo/webhooks.ts';

export interface WebhookOptions {
  /**
   * The server's own endpoint (ENTRAIDE_WEBHOOK_URL and _SECRET): every event of every community
   * goes there too, signed with this secret. Configuration, not data: it is never stored as a
   * webhook row, so it cannot be edited, rotated or deleted from the admin view.
   */
  url?: string;
  secret?: string;
  /** Which private hosts the community's webhooks may name (default `refuse`); the server's own endpoint is the operator's choice. */
  privateHosts?: PrivateHostPolicy;
  /** First retry delay; doubles each try (default 1 s: 1 s, 2 s, 4 s, 8 s). */
  retryBaseMs?: number;
  /** Tries before a delivery is given up (default 5); an administrator's retry is one more try. */
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

/**
 * The signature header: the current secret's signature, then, during a rotation's grace
 * period, the previous secret's, comma-separated. Receivers accept when one matches.
 */
export function signatureHeader(secrets: readonly string[], timestamp: string, body: string): string {
  return secrets.map((secret) => signWebhook(secret, timestamp, body)).join(',');
}

/** Delay before try `attempt + 1`: base·2^(attempt-1), plus up to 20 % jitter so retries spread. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const delay = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(delay + delay * 0.2 * random());
}

/** Queues one event for every endpoint that takes it; call inside the change's transaction. */
export async function enqueueWebhook(
  tx: Queryable, { community, webhooks }: { community: CommunityContext; webhooks?: WebhookOptions | undefined }, event: WebhookEvent, data: unknown,
): Promise<void> {
  const body = JSON.stringify({ event, sentAt: new Date().toISOString(), data });
  await insertDeliveries(tx, { communityId: community.id, serverUrl: webhooks?.url && webhooks.secret ? webhooks.url : null, event, body });
}
