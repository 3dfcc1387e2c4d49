/**
 * Renders a notification e-mail: a subject, a plain-text part and an HTML part, in the member's
 * language. Every user text (pseudonyms, titles, the community's name) is escaped in the HTML
 * part. A private message's body is never read, so it cannot be sent: the line names who wrote,
 * and the link opens the inbox. Dates and times are written in the member's language and the
 * community's time zone (a Paris forum's digest of "Sunday" is Sunday in Paris).
 */
import { forumLink, notificationPath, type Locale, type UnsubscribeScope } from '../../core/index.ts';
import { EMAIL_STRINGS, type Fact } from './strings.ts';

export interface MessageNotification extends Fact {
  id: number;
  threadId: number | null;
  postId: number | null;
  conversationId: number | null;
  createdAt: Date | string;
}

export interface MessageInput {
  mode: 'immediate' | 'digest';
  locale: Locale;
  community: string;
  pseudonym: string;
  notifications: MessageNotification[];
  /** The community's IANA time zone: dates and times are its wall clock. */
  timeZone: string;
  /** Digests: the instant the digest's day ended (core `digestCutoff`); the subject names the day before it. */
  digestEnd?: Date;
  /** The brand's page template, with `{path}` (ENTRAIDE_PUBLIC_FORUM_URL). */
  forumUrl: string;
  /** The one-click link of this message's scope (List-Unsubscribe) and the link that stops every e-mail. */
  unsubscribe: { scope: UnsubscribeScope; url: string; allUrl: string };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Subjects are one header line: no line breaks from a title, and a sane length. */
function oneLine(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const LANGUAGE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "dimanche 6 décembre" / "Sunday 6 December": the day that ended at `end`, on the community's calendar. */
export function digestDay(locale: Locale, timeZone: string, end: Date): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(new Date(end.getTime() - 1));
}

/** "6 déc. 2026, 23:45" / "6 Dec 2026, 23:45": when a notification was made, on the community's clock. */
export function notificationTime(locale: Locale, timeZone: string, at: Date | string): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}

function subjectOf(input: MessageInput): string {
  const strings = EMAIL_STRINGS[input.locale];
  const [first] = input.notifications;
  if (input.mode === 'digest') {
    const day = digestDay(input.locale, input.timeZone, input.digestEnd ?? new Date());
    return strings.digestSubject(input.notifications.length, input.community, day);
  }
  if (input.notifications.length === 1 && first) return strings.line(first);
  return strings.manyInThread(input.notifications.length, first?.title ?? input.community);
}

export function renderMessage(input: MessageInput): RenderedMessage {
  const strings = EMAIL_STRINGS[input.locale];
  const items = input.notifications.map((notification) => ({
    line: `${strings.line(notification)} (${notificationTime(input.locale, input.timeZone, notification.createdAt)})`,
    link: forumLink(input.forumUrl, notificationPath(notification)),
  }));
  const preferencesLink = forumLink(input.forumUrl, '/preferences');
  const unsubscribeLabel = input.unsubscribe.scope === 'all' ? strings.unsubscribeAll : strings.unsubscribeOne(strings.kindNames[input.unsubscribe.scope]);
  const intro = input.mode === 'digest' ? strings.digestIntro : strings.intro;
  const text = [
    strings.greeting(input.pseudonym), '', intro, '',
    ...items.flatMap(({ line, link }) => [`- ${line}`, `  ${link}`]), '',
    '--', strings.why(input.community),
    `${unsubscribeLabel}: ${input.unsubscribe.url}`,
    ...(input.unsubscribe.scope === 'all' ? [] : [`${strings.unsubscribeAll}: ${input.unsubscribe.allUrl}`]),
    `${strings.preferences}: ${preferencesLink}`,
  ].join('\n');
  const a = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subjectOf(input))}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d1d1f; max-width: 40rem;">
<p>${escapeHtml(strings.greeting(input.pseudonym))}</p>
<p>${escapeHtml(intro)}</p>
<ul>
${items.map(({ line, link }) => `<li>${escapeHtml(line)} — ${a(link, strings.open)}</li>`).join('\n')}
</ul>
<hr>
<p style="font-size: 0.85em; color: #555;">${escapeHtml(strings.why(input.community))}<br>
${a(input.unsubscribe.url, unsubscribeLabel)}${input.unsubscribe.scope === 'all' ? '' : ` · ${a(input.unsubscribe.allUrl, strings.unsubscribeAll)}`} · ${a(preferencesLink, strings.preferences)}</p>
</body></html>`;
  return { subject: oneLine(subjectOf(input)), text, html };
}
