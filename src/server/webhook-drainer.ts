/**
 * The sender of the webhook outbox (src/domain/services/webhooks.ts queues): a timer leases due
 * deliveries, signs each with its endpoint's secret (and, during a rotation's grace period, the
 * previous one too), POSTs it, and records the outcome, retrying with exponential backoff and
 * jitter. Server only: a page running the domain (the mocks) queues and lists, never sends.
 *
 * Every server process runs one, whether or not a webhook exists (one cheap query a second).
 * Before connecting to a community's webhook it resolves the host and refuses private or
 * loopback addresses the server's policy does not allow, so a public name pointing inside the
 * network is refused too (the connection resolves again: a DNS answer that changes in between
 * is not caught).
 */
import { lookup } from 'node:dns/promises';
import { hostAllowed, hostKind, type PrivateHostPolicy } from '../core/index.ts';
import type { Queryable } from '../domain/database.ts';
import { leaseDueDeliveries, markAttemptFailed, markDelivered, type DeliveryRow } from '../domain/repo/webhooks.ts';
import { backoffMs, signatureHeader, SIGNATURE_HEADER, TIMESTAMP_HEADER, type WebhookOptions } from '../domain/services/webhooks.ts';

const LEASE_MS = 30_000;
const SEND_TIMEOUT_MS = 10_000;

class RefusedHost extends Error {}

/** Refuses a host that is, or resolves to, an address the policy does not allow. */
async function checkHost(url: string, policy: PrivateHostPolicy): Promise<void> {
  if (policy === 'allow') return;
  const { hostname } = new URL(url);
  const kind = hostKind(hostname);
  if (!hostAllowed(kind, policy)) throw new RefusedHost(`refused: ${hostname} is a private or loopback host`);
  if (kind !== 'public' || hostname.startsWith('[') || /^[\d.]+$/.test(hostname)) return;
  for (const { address } of await lookup(hostname, { all: true })) {
    if (!hostAllowed(hostKind(address), policy)) throw new RefusedHost(`refused: ${hostname} resolves to ${address}, a private address`);
  }
}

async function send(row: DeliveryRow, secrets: string[], policy: PrivateHostPolicy): Promise<void> {
  // The server's own endpoint is the operator's choice: only the community's webhooks are checked.
  if (row.webhookId !== null) await checkHost(row.url, policy);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(row.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signatureHeader(secrets, timestamp, row.body),
      [TIMESTAMP_HEADER]: timestamp,
      'x-entraide-delivery': String(row.id),
    },
    body: row.body,
    // A webhook answers, it does not send us elsewhere: a redirect is a failure, not a second request.
    redirect: 'manual',
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/** Sends every due delivery once (concurrently); returns how many were tried. */
export async function drainWebhooks(db: Queryable, options: WebhookOptions, now = new Date()): Promise<number> {
  const serverSecret = options.url && options.secret ? options.secret : undefined;
  const rows = await leaseDueDeliveries(db, now, new Date(now.getTime() + LEASE_MS), serverSecret !== undefined);
  const maxAttempts = options.maxAttempts ?? 5;
  const policy = options.privateHosts ?? 'refuse';
  await Promise.all(rows.map(async (row) => {
    const attempts = row.attempts + 1;
    try {
      await send(row, row.webhookId === null ? [serverSecret!] : row.secrets, policy);
      await markDelivered(db, row.id, attempts);
    } catch (error) {
      // An administrator's retry is one more try; otherwise up to maxAttempts.
      const giveUp = row.retried || attempts >= maxAttempts;
      const next = new Date(Date.now() + backoffMs(attempts, options.retryBaseMs ?? 1000));
      await markAttemptFailed(db, { deliveryId: row.id, attempts, error: errorText(error), nextAt: next, giveUp });
    }
  }));
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
  // The poll alone keeps no process alive.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
