/**
 * Renders a notification e-mail: a subject, a plain-text part and an HTML part, in the member's
 * language. Every user text (pseudonyms, titles, the community's name) is escaped in the HTML
 * part. A private message's body is never read, so it cannot be sent: the line names who wrote,
 * and the link opens the inbox.
 */
import { forumLink, notificationPath, type Locale, type UnsubscribeScope } from '../../core/index.ts';
import { EMAIL_STRINGS, type Fact } from './strings.ts';

export interface MessageNotification extends Fact {
  id: number;
  threadId: number | null;
  postId: number | null;
  conversationId: number | null;
}

export interface MessageInput {
  mode: 'immediate' | 'digest';
  locale: Locale;
  community: string;
  pseudonym: string;
  notifications: MessageNotification[];
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

function subjectOf(input: MessageInput): string {
  const strings = EMAIL_STRINGS[input.locale];
  const [first] = input.notifications;
  if (input.mode === 'digest') return strings.digestSubject(input.notifications.length, input.community);
  if (input.notifications.length === 1 && first) return strings.line(first);
  return strings.manyInThread(input.notifications.length, first?.title ?? input.community);
}

export function renderMessage(input: MessageInput): RenderedMessage {
  const strings = EMAIL_STRINGS[input.locale];
  const items = input.notifications.map((notification) => ({ line: strings.line(notification), link: forumLink(input.forumUrl, notificationPath(notification)) }));
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
