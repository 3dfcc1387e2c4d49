import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { PrivateConversation, PrivateDetail } from '../../sdk/types.ts';
import { can, LIMITS, privateRules } from '../../core/index.ts';
import { formatDateTime } from '../internal/format.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import './advisor-confirm.ts';
import { AdvisorPart } from './advisor-part.ts';
import styles from './advisor-tools.styles.ts';
import '../internal/staff-client.ts';

const OUTCOME_MAX = 1000;

/**
 * @summary The thread's private conversations (advisors): continue in private (the server
 * leaves the public trace), read and write the messages, close with a public outcome.
 *
 * @tag entraide-advisor-private
 *
 * @csspart open - The "Continue in private" button.
 * @csspart conversations - The thread's conversations.
 * @csspart conversation - The conversation shown: its messages and the send form.
 * @csspart messages - Its messages.
 * @csspart count - The message's character count and limit (a long paste is kept, never cut).
 * @csspart limit - Why sending waits: the message is over its limit.
 * @csspart feedback - What the last action did, or why the server refused it.
 *
 * @fires {EntraideThreadModeratedEvent} entraide-thread-moderated - A conversation opened or closed.
 */
export class EntraideAdvisorPrivate extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  @state() protected detail: PrivateDetail | undefined = undefined;
  /** The message's length as typed (the field is not bound: a send empties it). */
  @state() protected messageLength = 0;

  readonly #limit = new LengthLimitController(this);

  protected override willUpdate(): void {
    this.#limit.track(this.resolvedLocale, this.messageLength, LIMITS.bodyMax);
  }

  readonly #list = new Task(this, {
    args: () => [this.client, this.thread?.id, can(this.actor, privateRules.closePrivate)] as const,
    task: async ([client, threadId, advisor], { signal }) => {
      if (!threadId || !advisor) return [] as PrivateConversation[];
      const { items } = await client.private.list({}, { signal });
      return items.filter((c) => c.threadId === threadId);
    },
  });

  readonly #open = async (): Promise<void> => {
    const thread = this.thread;
    if (!thread) return;
    const { s } = this;
    const message = await this.confirmDialog.ask({
      title: s.openTitle, message: s.openMessage, confirmLabel: s.continuePrivate,
      field: { label: s.firstMessageLabel, required: false, maxLength: LIMITS.bodyMax, multiline: true },
    });
    if (message === null) return;
    const opened = await this.act(() => this.client.private.open(thread.id, message ? { message } : {}));
    if (!opened) return;
    this.detail = { conversation: opened.conversation, messages: opened.messages };
    this.feedback = { tone: 'done', text: s.privateOpened };
    void this.#list.run();
    this.changed('private-open');
    void this.keepFocus('#private-message');
  };

  readonly #onMessageInput = (event: Event): void => {
    this.messageLength = (event.target as HTMLTextAreaElement).value.length;
  };

  async #show(conversationId: number): Promise<void> {
    const detail = await this.act(() => this.client.private.get(conversationId));
    if (detail) this.detail = detail;
  }

  readonly #send = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const detail = this.detail;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#private-message');
    const body = field?.value.trim() ?? '';
    if (!detail || !field || !body) return field?.focus();
    if (field.value.length > LIMITS.bodyMax) return;
    const message = await this.act(() => this.client.private.send(detail.conversation.id, body));
    if (!message) return;
    field.value = '';
    this.messageLength = 0;
    this.detail = { ...detail, messages: [...detail.messages, message] };
  };

  readonly #close = async (): Promise<void> => {
    const detail = this.detail;
    if (!detail) return;
    const { s } = this;
    const outcome = await this.confirmDialog.ask({
      title: s.closeTitle, message: s.closeMessage, confirmLabel: s.closeWithOutcome,
      field: { label: s.outcomeLabel, required: true, minLength: 2, maxLength: OUTCOME_MAX, multiline: true },
    });
    if (outcome === null) return;
    const closed = await this.act(() => this.client.private.close(detail.conversation.id, { outcome }));
    if (!closed) return;
    this.detail = { ...detail, conversation: closed.conversation };
    this.feedback = { tone: 'done', text: s.privateClosed };
    void this.#list.run();
    this.changed('private-close');
  };

  protected override render() {
    const thread = this.thread;
    // Private conversations are the asker's and the advisors': moderators never see them.
    if (!thread || !can(this.actor, privateRules.closePrivate)) return nothing;
    const { s } = this;
    return html`
      <section class="panel" aria-labelledby="private-heading">
        <h4 id="private-heading">${s.privateHeading}</h4>
        ${this.#list.render({
          pending: () => html`<p class="muted" role="status">${s.loading}</p>`,
          complete: (items) => this.#renderList(items, thread.status === 'archived' || thread.mergedIntoId !== undefined),
          error: (error) => html`<p class="error" role="alert">${this.failureText(error)}
            <button class="button secondary" type="button" @click=${() => void this.#list.run()}>${s.retry}</button></p>`,
        })}
        ${this.detail ? this.#renderConversation(this.detail) : nothing}
        ${this.renderFeedback()}
      </section>
      <entraide-advisor-confirm></entraide-advisor-confirm>
    `;
  }

  #renderList(items: PrivateConversation[], readOnly: boolean) {
    const { s } = this;
    const canOpen = !readOnly && !items.some((c) => c.status === 'open');
    return html`
      ${canOpen ? html`<div class="row"><button class="button" part="open" type="button" @click=${this.#open}>${s.continuePrivate}</button></div>` : nothing}
      ${items.length
        ? html`<ul part="conversations">${items.map((c) => html`
            <li class="item row">
              <span>${s.conversationLabel(c.asker.pseudonym, s.privateStatus[c.status])}
                ${c.outcome ? html`<br><span class="muted">${s.outcome(c.outcome)}</span>` : nothing}</span>
              <button class="button secondary" type="button" data-conversation=${c.id} aria-pressed=${this.detail?.conversation.id === c.id ? 'true' : 'false'}
                @click=${() => void this.#show(c.id)}>${s.showConversation}</button>
            </li>`)}</ul>`
        : html`<p class="muted">${s.privateEmpty}</p>`}
    `;
  }

  #renderConversation({ conversation, messages }: PrivateDetail) {
    const { s } = this;
    const locale = this.resolvedLocale;
    const open = conversation.status === 'open';
    const overLimit = overLimitReason(locale, this.messageLength, LIMITS.bodyMax);
    return html`
      <div class="item" part="conversation">
        <p><strong>${s.conversationLabel(conversation.asker.pseudonym, s.privateStatus[conversation.status])}</strong></p>
        ${messages.length
          ? html`<ol part="messages" aria-label=${s.messagesLabel}>${messages.map((m) => html`
              <li class="message">
                <p class="muted">${m.author.pseudonym} · <time datetime=${m.createdAt}>${formatDateTime(locale, m.createdAt)}</time></p>
                <!-- bodyHtml is rendered and sanitized by the server. -->
                <div class="body">${unsafeHTML(m.bodyHtml)}</div>
              </li>`)}</ol>`
          : html`<p class="muted">${s.noMessages}</p>`}
        ${conversation.outcome ? html`<p>${s.outcome(conversation.outcome)}</p>` : nothing}
        ${open
          ? html`<form class="row" @submit=${this.#send}>
              <div class="field">
                <label for="private-message">${s.messageLabel}</label>
                <textarea id="private-message" rows="2" aria-describedby="private-count" aria-invalid=${overLimit ? 'true' : 'false'}
                  @input=${this.#onMessageInput}></textarea>
                ${limitNote(locale, this.messageLength, LIMITS.bodyMax, this.#limit, 'private-count')}
              </div>
              <button class="button" type="submit" data-action="send" ?disabled=${overLimit !== ''}
                aria-describedby=${overLimit ? 'private-limit' : nothing}>${s.send}</button>
              ${overLimit ? html`<span class="error" part="limit" id="private-limit">${overLimit}</span>` : nothing}
              <button class="button secondary" type="button" data-action="close-private" @click=${this.#close}>${s.closeWithOutcome}</button>
            </form>`
          : nothing}
      </div>
    `;
  }
}

EntraideAdvisorPrivate.define('entraide-advisor-private');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-private': EntraideAdvisorPrivate;
  }
}
