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
 * (`/t/3#post-12`), e.g. `https://brand.example/aide#{path}` (hash routing) or
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
  return `/t/${notification.threadId}${notification.postId !== null ? `#post-${notification.postId}` : ''}`;
}

const zoneParts = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms (Intl applies that instant's rules, summer time included). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  let format = zoneParts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    zoneParts.set(timeZone, format);
  }
  const part = (type: string) => Number(format.formatToParts(at).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * Which notifications a daily digest takes at `now`: those created before the day began in the
 * community's time zone, so a member gets at most one digest a day, whatever the drainer's
 * rhythm, and it leaves just after the community's midnight (not UTC's).
 */
export function digestCutoff(now: Date, timeZone: string): Date {
  const offset = zoneOffsetMs(now, timeZone);
  const wall = new Date(now.getTime() + offset);
  const wallMidnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  // The offset at midnight may differ from now's (a clock change during the day): ask again at the guess.
  return new Date(wallMidnight - zoneOffsetMs(new Date(wallMidnight - offset), timeZone));
}
