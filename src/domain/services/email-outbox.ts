/**
 * Notifications leave the forum through an outbox (issue 15). Each drain takes the community's
 * unread notifications not yet taken and older than the delay, skipping rows another process
 * holds, and in one transaction:
 * - skips (marks taken) those the member does not want: no address, e-mail off, a muted kind;
 * - `immediate`: queues one message per member and thread (or private conversation);
 * - `daily`: queues one digest per member, with the notifications made before the day began in the
 *   community's time zone (so it leaves just after the community's midnight);
 * - for a community whose channel is `webhook`, queues a signed `notification.created` event
 *   per notification instead (same delay and preferences; the brand's mailer sends it).
 * Messages are rendered when queued; the server's sender (src/server/email-drainer.ts) sends
 * and retries them. Nothing here sends, so the domain stays runnable in a page.
 */
import { digestCutoff, forumLink, notificationPath, type Locale, type NotificationChannel, type UnsubscribeScope } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { renderMessage } from '../email/messages.ts';
import { insertEmail, lockPendingNotifications, markEmailed, notificationChannel, type PendingNotification } from '../repo/email-outbox.ts';
import { emailLinkKey } from '../repo/preferences.ts';
import { communityTimeZone } from '../repo/workspace.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';
import { enqueueWebhook } from './webhooks.ts';

export interface EmailOutboxOptions {
  /** ENTRAIDE_SMTP_URL is set: without it nothing is queued for the `email` channel. */
  smtp: boolean;
  /** ENTRAIDE_EMAIL_DELAY_SECONDS: a notification still unread this long after it was made goes out. */
  delaySeconds: number;
  /** ENTRAIDE_PUBLIC_FORUM_URL: the brand's page, with `{path}` where the forum's path goes. */
  forumUrl: string;
  /** The public URL of `POST /api/email/unsubscribe` (its token is added as `?token=`). */
  unsubscribeUrl: string;
}

export interface QueueResult {
  emails: number;
  webhooks: number;
  skipped: number;
}

type Ctx = ServiceContext<'webhooks'>;

function wanted(notification: PendingNotification, channel: NotificationChannel): boolean {
  if (notification.emailMode === 'off' || notification.mutedKinds.includes(notification.kind)) return false;
  return channel === 'webhook' || notification.email !== null;
}

/** Immediate messages group a member's notifications of one thread, or of one private conversation; digests, the member's day. */
function groupKey(notification: PendingNotification): string {
  if (notification.emailMode === 'daily') return `${notification.memberId}`;
  // A private conversation's notifications stay apart from its public thread's: they link to the inbox.
  const about = notification.conversationId !== null ? `c${notification.conversationId}` : notification.threadId !== null ? `t${notification.threadId}` : `n${notification.id}`;
  return `${notification.memberId}:${about}`;
}

function groupsOf(notifications: PendingNotification[]): PendingNotification[][] {
  const groups = new Map<string, PendingNotification[]>();
  for (const notification of notifications) {
    const key = groupKey(notification);
    groups.set(key, [...(groups.get(key) ?? []), notification]);
  }
  return [...groups.values()];
}

/** What every message of one drain shares: the link key, the community's zone and the digest's day. */
interface Batch {
  key: string;
  timeZone: string;
  digestEnd: Date;
}

async function queueEmail(tx: Queryable, { community }: Ctx, options: EmailOutboxOptions, { key, timeZone, digestEnd }: Batch, group: PendingNotification[]): Promise<void> {
  const first = group[0]!;
  const kinds = new Set(group.map((notification) => notification.kind));
  const scope: UnsubscribeScope = kinds.size === 1 ? first.kind : 'all';
  const link = (token: string) => `${options.unsubscribeUrl}?token=${encodeURIComponent(token)}`;
  const unsubscribe = { scope, url: link(unsubscribeToken(key, first.memberId, scope)), allUrl: link(unsubscribeToken(key, first.memberId, 'all')) };
  const mode = first.emailMode === 'daily' ? 'digest' : 'immediate';
  const locale: Locale = first.locale ?? community.locale;
  const message = renderMessage({
    mode, locale, community: community.name, pseudonym: first.pseudonym, notifications: group, forumUrl: options.forumUrl, unsubscribe, timeZone, digestEnd,
  });
  await insertEmail(tx, {
    communityId: community.id, memberId: first.memberId, kind: mode, to: first.email!, ...message, unsubscribeUrl: unsubscribe.url,
    notificationIds: group.map((notification) => notification.id),
  });
}

/** What a brand's mailer needs: the notification, whom it is for (their id in the brand's system and address) and the link. */
function webhookPayload(notification: PendingNotification, options: EmailOutboxOptions) {
  const { id, kind, threadId, postId, conversationId, incidentId, count, createdAt, title, actor } = notification;
  return {
    notification: { id, kind, threadId, postId, conversationId, incidentId, count, createdAt: new Date(createdAt).toISOString(), title, actor },
    member: { id: notification.memberId, externalId: notification.externalId, email: notification.email, locale: notification.locale, emailMode: notification.emailMode },
    link: forumLink(options.forumUrl, notificationPath(notification)),
  };
}

/** Takes what is due at `now` (one transaction); returns what was queued and skipped. */
export async function queueDueNotifications(ctx: Ctx, options: EmailOutboxOptions, now = new Date()): Promise<QueueResult> {
  const channel = await notificationChannel(ctx.db, ctx.community.id);
  if (channel === 'email' && !options.smtp) return { emails: 0, webhooks: 0, skipped: 0 };
  const timeZone = await communityTimeZone(ctx.db, ctx.community);
  const digestEnd = digestCutoff(now, timeZone);
  return ctx.db.transaction(async (tx) => {
    const before = new Date(now.getTime() - options.delaySeconds * 1000);
    const pending = await lockPendingNotifications(tx, ctx.community.id, before, digestEnd);
    const chosen = pending.filter((notification) => wanted(notification, channel));
    const result = { emails: 0, webhooks: 0, skipped: pending.length - chosen.length };
    if (channel === 'webhook') {
      for (const notification of chosen) await enqueueWebhook(tx, ctx, 'notification.created', webhookPayload(notification, options));
      result.webhooks = chosen.length;
    } else if (chosen.length) {
      const batch = { key: await emailLinkKey(tx, ctx.community.id), timeZone, digestEnd };
      const groups = groupsOf(chosen);
      for (const group of groups) await queueEmail(tx, ctx, options, batch, group);
      result.emails = groups.length;
    }
    // Sent, queued or skipped: the same transaction marks them all, so none is taken twice.
    await markEmailed(tx, pending.map((notification) => notification.id));
    return result;
  });
}
