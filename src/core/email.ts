/**
 * Notifications by e-mail (issue 15): the pure rules the token check, the preferences, the
 * outbox and the unsubscribe links share. No I/O.
 */
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications.ts';

/** How a community's notifications leave the forum: the server's SMTP, or its webhooks (a brand's own mailer). */
export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** RFC 5321's limit for a whole address (a path of 256 minus the brackets, rounded as commonly checked). */
export const EMAIL_MAX = 320;

/** What an unsubscribe link stops: one kind of notification, or every e-mail. */
export type UnsubscribeScope = NotificationKind | 'all';

export function isUnsubscribeScope(value: string): value is UnsubscribeScope {
  return value === 'all' || (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

// One @, a local part and a dotted domain, no spaces, no angle brackets or commas (header injection).
const PLAUSIBLE = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\.]{2,}$/;

/** Why `address` cannot be a member's e-mail address (a phrase after "must…"), or undefined when it is plausible. */
export function emailProblem(address: string): string | undefined {
  if (address.length < 6 || address.length > EMAIL_MAX) return `be an address of 6 to ${EMAIL_MAX} characters`;
  if (!PLAUSIBLE.test(address)) return 'be a plausible e-mail address (name@domain.tld)';
  // Control characters would let a header carry a second one.
  if (/\p{Cc}/u.test(address)) return 'not contain control characters';
  return undefined;
}

/**
 * The link to a forum path from the brand's template: `{path}` is replaced by the forum's path
 * (`/threads/3#post-12`), e.g. `https://brand.example/aide#{path}` (hash routing) or
 * `https://brand.example/aide{path}` (base-path routing).
 */
export function forumLink(template: string, path: string): string {
  return template.replace('{path}', path);
}

/** The forum path a notification opens: the post, or the private conversation (never its text). */
export function notificationPath(notification: { kind: NotificationKind; threadId: number | null; postId: number | null; conversationId: number | null }): string {
  const isPrivate = notification.kind === 'private-message' || notification.kind === 'private-opened';
  if (isPrivate && notification.conversationId !== null) return `/inbox/${notification.conversationId}`;
  if (notification.threadId === null) return '/';
  return `/threads/${notification.threadId}${notification.postId !== null ? `#post-${notification.postId}` : ''}`;
}

/**
 * Which notifications a daily digest takes at `now`: those created before the day began (UTC),
 * so a member gets at most one digest a day, whatever the drainer's rhythm.
 */
export function digestCutoff(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
