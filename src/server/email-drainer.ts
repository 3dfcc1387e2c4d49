/**
 * The sender of notification e-mails (issue 15). Every tick it queues what is due
 * (src/domain/services/email-outbox.ts: one transaction marks the notifications and writes the
 * messages, or the `notification.created` webhooks), then leases due messages of the
 * `email_deliveries` outbox (FOR UPDATE SKIP LOCKED, so several processes never send one twice),
 * sends each through nodemailer, and records the outcome, retrying with exponential backoff like
 * the webhooks' sender. Without ENTRAIDE_SMTP_URL nothing is queued for e-mail and nothing is sent.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../domain/database.ts';
import type { CommunityContext } from '../domain/repo/community.ts';
import { leaseDueEmails, markEmailFailed, markEmailSent, type EmailRow } from '../domain/repo/email-outbox.ts';
import { queueDueNotifications, type EmailOutboxOptions } from '../domain/services/email-outbox.ts';
import { backoffMs, type WebhookOptions } from '../domain/services/webhooks.ts';

const LEASE_MS = 60_000;

export interface EmailOptions {
  /** ENTRAIDE_SMTP_URL: a nodemailer transport URL (`smtp://user:pass@host:587`, `smtps://…`); none = no e-mail. */
  smtpUrl?: string;
  /** ENTRAIDE_EMAIL_FROM: the sender, e.g. `Forum Mercure <forum@brand.example>`. */
  from?: string;
  /** ENTRAIDE_EMAIL_DELAY_SECONDS: how long a notification stays unseen before it is e-mailed (default 300). */
  delaySeconds?: number;
  /** ENTRAIDE_PUBLIC_URL: the server's public address (its prefix included), for the unsubscribe links. */
  publicUrl?: string;
  /** ENTRAIDE_PUBLIC_FORUM_URL: the brand's page with `{path}`; default: the server's demo page, hash routing. */
  forumUrl?: string;
  /** First retry delay; doubles each try (default 30 s). */
  retryBaseMs?: number;
  /** Tries before a message is given up (default 8). */
  maxAttempts?: number;
  /** How often the outbox is polled (default 5 s). */
  pollMs?: number;
}

type Log = Pick<FastifyBaseLogger, 'warn' | 'error' | 'info'>;

export interface EmailSender {
  db: Database;
  community: CommunityContext;
  options: EmailOptions;
  webhooks?: WebhookOptions | undefined;
  log: Log;
  /** Made from `smtpUrl` when absent (tests may pass their own). */
  transport?: Transporter | undefined;
}

/** What the domain's queueing needs, with the defaults applied. */
export function outboxOptions(options: EmailOptions): EmailOutboxOptions {
  const publicUrl = (options.publicUrl ?? 'http://localhost:4173').replace(/\/+$/, '');
  return {
    smtp: Boolean(options.smtpUrl),
    delaySeconds: options.delaySeconds ?? 300,
    forumUrl: options.forumUrl ?? `${publicUrl}/#{path}`,
    unsubscribeUrl: `${publicUrl}/api/email/unsubscribe`,
  };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

async function sendOne(sender: EmailSender, transport: Transporter, row: EmailRow): Promise<void> {
  const host = new URL(outboxOptions(sender.options).unsubscribeUrl).hostname;
  await transport.sendMail({
    from: sender.options.from, to: row.to, subject: row.subject, text: row.text, html: row.html,
    // Stable per message: a retry after a lost answer is recognisable as the same message.
    messageId: `<entraide-email-${row.id}@${host}>`,
    headers: { 'List-Unsubscribe': `<${row.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
}

/** Queues what is due, then sends every due message once; returns how many sends were tried. */
export async function drainEmail(sender: EmailSender, now = new Date()): Promise<number> {
  const { db, community, options, webhooks, log } = sender;
  await queueDueNotifications({ db, community, webhooks }, outboxOptions(options), now);
  if (!options.smtpUrl) return 0;
  const transport = sender.transport ??= nodemailer.createTransport(options.smtpUrl);
  // Messages queued just now are due at once (their clock ran after `now` was taken).
  const leaseNow = new Date(Math.max(now.getTime(), Date.now()));
  const rows = await leaseDueEmails(db, leaseNow, new Date(leaseNow.getTime() + LEASE_MS));
  const maxAttempts = options.maxAttempts ?? 8;
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      await sendOne(sender, transport, row);
      await markEmailSent(db, row.id, attempts);
    } catch (error) {
      const giveUp = attempts >= maxAttempts;
      const nextAt = new Date(Date.now() + backoffMs(attempts, options.retryBaseMs ?? 30_000));
      log.warn({ err: error, emailId: row.id, attempts, giveUp }, giveUp ? 'e-mail given up' : 'e-mail not sent, will retry');
      await markEmailFailed(db, { id: row.id, attempts, error: errorText(error), nextAt, giveUp });
    }
  }
  return rows.length;
}

/** Polls until stopped; one drain at a time. */
export function startEmailDrainer(sender: EmailSender): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = drainEmail(sender).catch((error: unknown) => sender.log.error({ err: error }, 'e-mail drain failed')).finally(() => { busy = false; });
  }, sender.options.pollMs ?? 5000);
  // The poll alone keeps no process alive.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    sender.transport?.close();
  };
}
