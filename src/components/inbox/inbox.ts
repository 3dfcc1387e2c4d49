import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { can, LIMITS, privateRules } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import type { PrivateConversation, PrivateDetail } from '../../sdk/types.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { postBody } from '../internal/body.styles.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import '../internal/staff-client.ts';
import { renderClosed, renderConversationHead, renderMessage } from './conversation.ts';
import styles from './inbox.styles.ts';
import { inboxStrings, type InboxStrings } from './strings.ts';

type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/** What the reply field says is wrong before sending (too short; over the limit, sending is disabled); undefined when it may go. */
export function replyProblem(s: InboxStrings, text: string): string | undefined {
  if (text.trim().length < LIMITS.bodyMin) return s.tooShort(LIMITS.bodyMin);
  return undefined;
}

/**
 * @summary The signed-in member's private messages (study §17–18): the conversations advisors
 * opened from their public questions, each to read and answer. Advisors see every conversation.
 * Without `conversation-id` it lists them (title, status, last message, unread marker); with
 * it, it shows that conversation, polling for new messages while it is on screen (private
 * bodies never travel on the public live stream), and a reply form while it is open.
 *
 * @tag entraide-inbox
 *
 * @csspart heading - The view's heading.
 * @csspart list - The list of conversations.
 * @csspart item - One conversation; `data-unread` while it has unread messages.
 * @csspart link - A conversation's link.
 * @csspart unread - The "new" marker.
 * @csspart back - The link back to the list.
 * @csspart status - The conversation's status chip.
 * @csspart thread-link - The link to the public thread.
 * @csspart messages - The list of messages.
 * @csspart message - One message; `message-author` and `message-body` inside.
 * @csspart closed - The notice of a closed conversation, with its outcome.
 * @csspart reply - The reply form; `reply-body`, `reply-count`, `reply-error` and `send` inside.
 * @csspart loading - The loading message.
 * @csspart empty - The empty list's message.
 * @csspart error - The error message and its retry button.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest chose "Sign in".
 */
export class EntraideInbox extends EntraideElement {
  static override styles = [tokens, controls, statusChip, postBody, styles];

  /** The conversation to show; 0 (the default) lists them all. */
  @property({ type: Number, attribute: 'conversation-id' }) conversationId = 0;
  /** Seconds between checks for new messages while a conversation is shown; 0 stops polling. */
  @property({ type: Number, attribute: 'poll-seconds' }) pollSeconds = 15;

  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected list: Loaded<PrivateConversation[]> = { status: 'loading' };
  @state() protected detail: Loaded<PrivateDetail> = { status: 'loading' };
  @state() protected draft = '';
  @state() protected replyError = '';
  @state() protected sending = false;
  @state() protected announcement = '';

  readonly #limit = new LengthLimitController(this);
  #loadedFor: string | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  get #s(): InboxStrings {
    return inboxStrings[this.resolvedLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected (the forum re-rendered it): load again.
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  /** Context values may arrive without a named change: who reads and what decide when to load. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#limit.track(this.resolvedLocale, this.draft.length, LIMITS.bodyMax);
    const member = this.session.member;
    const key = member ? `${member.id}:${this.conversationId}:${this.session.token ?? ''}` : undefined;
    if (key === this.#loadedFor && !changed.has('client')) return;
    this.#loadedFor = key;
    if (changed.has('conversationId')) {
      this.draft = '';
      this.replyError = '';
    }
    this.#stop();
    if (!key) return;
    if (this.conversationId) void this.#loadDetail(true);
    else void this.#loadList();
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #signal(): AbortSignal {
    this.#abort?.abort();
    this.#abort = new AbortController();
    return this.#abort.signal;
  }

  async #loadList(): Promise<void> {
    const signal = this.#signal();
    this.list = { status: 'loading' };
    try {
      const { items } = await this.client.private.list({}, { signal });
      if (!signal.aborted) this.list = { status: 'ready', value: items };
    } catch (error) {
      if (!signal.aborted) this.list = { status: 'error', error };
    }
  }

  /** Loads the conversation (`first`: shows loading, then focuses its heading); later calls only add what is new. */
  async #loadDetail(first: boolean): Promise<void> {
    const signal = this.#signal();
    const before = this.detail.status === 'ready' ? this.detail.value.messages.length : 0;
    if (first) this.detail = { status: 'loading' };
    try {
      const detail = await this.client.private.get(this.conversationId, { signal });
      if (signal.aborted) return;
      this.detail = { status: 'ready', value: detail };
      if (!first) this.#announceNew(detail, before);
    } catch (error) {
      // A failed poll keeps what is on screen; the next one tries again.
      if (!signal.aborted && first) this.detail = { status: 'error', error };
    }
    if (!signal.aborted) this.#schedulePoll();
  }

  #schedulePoll(): void {
    clearTimeout(this.#timer);
    if (!this.pollSeconds || !this.isConnected) return;
    this.#timer = setTimeout(() => {
      // A hidden tab does not poll; it catches up when seen again.
      if (document.visibilityState === 'hidden') return this.#schedulePoll();
      void this.#loadDetail(false);
    }, this.pollSeconds * 1000);
  }

  #announceNew(detail: PrivateDetail, before: number): void {
    const fresh = detail.messages.slice(before).filter((m) => m.author.id !== this.session.member?.id);
    const last = fresh.at(-1);
    if (!last) return;
    const message = this.#s.newMessageFrom(last.author.pseudonym);
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  protected override render() {
    const s = this.#s;
    return html`
      ${this.session.member ? (this.conversationId ? this.#renderDetail(s) : this.#renderList(s)) : this.#renderSignIn(s)}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  #renderSignIn(s: InboxStrings) {
    return html`
      <h2 part="heading" tabindex="-1">${s.heading}</h2>
      <p>${s.signInHint}</p>
      <button class="button" type="button" @click=${() => this.emit(new EntraideSignInRequestedEvent({ reason: 'header' }))}>${s.signIn}</button>
    `;
  }

  #renderState<T>(s: InboxStrings, loaded: Loaded<T>, retry: () => void) {
    if (loaded.status === 'loading') return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    if (loaded.status === 'ready') return nothing;
    const missing = isEntraideError(loaded.error) && loaded.error.status === 404;
    return html`
      <div class="state error" part="error" role="alert">
        <span>${missing ? s.notFound : s.failed}</span>
        ${missing ? nothing : html`<button class="button secondary" part="retry" type="button" @click=${retry}>${s.retry}</button>`}
      </div>
    `;
  }

  #renderList(s: InboxStrings) {
    const loaded = this.list;
    const everyone = can(actorOf(this.session), privateRules.seeEveryPrivate);
    return html`
      <h2 part="heading" tabindex="-1">${s.heading}</h2>
      <p class="intro">${s.intro}</p>
      ${loaded.status !== 'ready'
        ? this.#renderState(s, loaded, () => void this.#loadList())
        : loaded.value.length === 0
          ? html`<p class="state" part="empty">${s.empty}</p>`
          : html`<ul class="list" part="list">${loaded.value.map((item) => this.#renderItem(s, item, everyone))}</ul>`}
    `;
  }

  #renderItem(s: InboxStrings, item: PrivateConversation, everyone: boolean) {
    const { locale } = this.t;
    const at = item.lastMessageAt;
    return html`
      <li class="item" part="item" ?data-unread=${item.unread}>
        <a part="link" href=${this.links.href({ name: 'inbox', conversationId: item.id })}>
          ${item.threadTitle}${item.unread ? html`<span class="visually-hidden"> (${s.unread})</span>` : nothing}
        </a>
        <div class="row meta">
          ${item.unread ? html`<span class="new" part="unread" aria-hidden="true">${s.unread}</span>` : nothing}
          <span class="status ${item.status}">${s.status[item.status]}</span>
          ${everyone ? html`<span>${s.askedBy(item.asker.pseudonym)}</span>` : nothing}
          <span>${s.messages(item.messageCount)}</span>
          ${at
            ? html`<time datetime=${at} title=${formatDateTime(locale, at)}>${s.lastMessage(formatRelative(locale, at))}</time>`
            : html`<span>${s.noMessageYet}</span>`}
        </div>
      </li>
    `;
  }

  #renderDetail(s: InboxStrings) {
    const loaded = this.detail;
    if (loaded.status !== 'ready') {
      return html`<p><a part="back" href=${this.links.href({ name: 'inbox' })}>${s.backToInbox}</a></p>
        ${this.#renderState(s, loaded, () => void this.#loadDetail(true))}`;
    }
    const detail = loaded.value;
    const meId = this.session.member?.id;
    const mayWrite = can(actorOf(this.session), privateRules.writePrivate, { askerId: detail.conversation.asker.id, status: detail.conversation.status });
    return html`
      ${renderConversationHead(s, this.links, detail)}
      <ol class="messages" part="messages" aria-label=${s.messagesLabel}>
        ${detail.messages.map((message) => renderMessage(s, this.t.locale, message, meId))}
      </ol>
      ${detail.conversation.status === 'closed' ? renderClosed(s, detail) : mayWrite ? this.#renderReply(s) : nothing}
    `;
  }

  #renderReply(s: InboxStrings) {
    const error = this.replyError;
    const locale = this.resolvedLocale;
    // Kept as typed, even over the limit (../internal/length-limit.ts): the count says by how much, sending waits.
    const overLimit = overLimitReason(locale, this.draft.length, LIMITS.bodyMax);
    return html`
      <form part="reply" novalidate @submit=${this.#send}>
        <label for="reply">${s.replyLabel}</label>
        <p class="hint" id="reply-hint">${s.replyHint}</p>
        <textarea id="reply" part="reply-body" name="body" rows="4" aria-describedby="reply-hint reply-error reply-count"
          aria-invalid=${error || overLimit ? 'true' : 'false'} ?readonly=${this.sending} .value=${live(this.draft)}
          @input=${this.#onInput} @keydown=${this.#onKeydown}></textarea>
        <div class="under">
          <span class="error" part="reply-error" id="reply-error" role="alert">${error}</span>
          ${limitNote(locale, this.draft.length, LIMITS.bodyMax, this.#limit, 'reply-count', 'reply-count')}
        </div>
        <div class="actions">
          <button class="button" part="send" type="submit" ?disabled=${overLimit !== ''} aria-disabled=${this.sending ? 'true' : 'false'}
            aria-describedby=${overLimit ? 'reply-limit' : nothing}>${this.sending ? s.sending : s.send}</button>
          ${overLimit ? html`<span class="error" part="reply-limit" id="reply-limit">${overLimit}</span>` : nothing}
        </div>
      </form>
    `;
  }

  readonly #onInput = (event: InputEvent): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.replyError = '';
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#send();
    }
  };

  readonly #send = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    if (this.sending || this.detail.status !== 'ready' || this.draft.length > LIMITS.bodyMax) return;
    const s = this.#s;
    const problem = replyProblem(s, this.draft);
    this.replyError = problem ?? '';
    if (problem) return this.renderRoot.querySelector<HTMLTextAreaElement>('#reply')?.focus();
    this.sending = true;
    const conversationId = this.conversationId;
    try {
      const message = await this.client.private.send(conversationId, this.draft.trim());
      const current = this.detail;
      if (current.status === 'ready' && current.value.conversation.id === conversationId) {
        const messages = current.value.messages.some((m) => m.id === message.id) ? current.value.messages : [...current.value.messages, message];
        this.detail = { status: 'ready', value: { ...current.value, messages } };
      }
      this.draft = '';
      this.announcement = s.sent;
    } catch {
      // The draft stays in the field, untouched, for another try.
      this.replyError = s.sendFailed;
    } finally {
      this.sending = false;
    }
  };
}

EntraideInbox.define('entraide-inbox');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-inbox': EntraideInbox;
  }
}
