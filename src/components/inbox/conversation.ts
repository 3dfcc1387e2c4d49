/**
 * The open conversation's view for `<entraide-inbox>`: its messages (server-rendered HTML only)
 * and the closed notice. The reply form is ./reply-form.ts.
 */
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isStaff } from '../../core/index.ts';
import type { PrivateDetail, PrivateMessage } from '../../sdk/types.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import type { InboxStrings } from './strings.ts';

export function renderMessage(s: InboxStrings, locale: string, message: PrivateMessage, meId: number | undefined) {
  const advisor = isStaff(message.author.role);
  const mine = message.author.id === meId;
  // bodyHtml is the only HTML inserted: the server rendered it from markdown with raw HTML
  // off and an allow-list sanitizer. Names and dates go through Lit's escaped bindings.
  return html`
    <li class="message ${advisor ? 'advisor' : ''} ${mine ? 'mine' : ''}" part="message" data-message-id=${message.id}>
      <div class="row meta">
        <span class="author" part="message-author">${mine ? s.you : message.author.pseudonym}</span>
        ${advisor ? html`<span class="role">${s.advisor}</span>` : nothing}
        <time datetime=${message.createdAt} title=${formatDateTime(locale, message.createdAt)}>${formatRelative(locale, message.createdAt)}</time>
      </div>
      <div class="body" part="message-body">${unsafeHTML(message.bodyHtml)}</div>
    </li>
  `;
}

export function renderConversationHead(s: InboxStrings, links: Links, detail: PrivateDetail) {
  const { conversation } = detail;
  return html`
    <p><a part="back" href=${links.href({ name: 'inbox' })}>${s.backToInbox}</a></p>
    <h2 part="heading" tabindex="-1">${conversation.threadTitle}</h2>
    <div class="row meta">
      <span class="status ${conversation.status}" part="status">${s.status[conversation.status]}</span>
      <a part="thread-link" href=${links.href({ name: 'thread', threadId: conversation.threadId })}>${s.publicThread}</a>
    </div>
  `;
}

export function renderClosed(s: InboxStrings, detail: PrivateDetail) {
  const { conversation } = detail;
  return html`
    <div class="closed" part="closed" role="note">
      <p>${s.closedNotice}</p>
      ${conversation.outcome ? html`<p><strong>${s.outcome}</strong> ${conversation.outcome}</p>` : nothing}
    </div>
  `;
}
