import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { can, LIMITS, privateRules } from '../../core/index.ts';
import type { ConnectionState, EntraideClient } from '../../sdk/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import type { PrivateConversation, PrivateDetail, PrivateMessage } from '../../sdk/types.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { postBody } from '../internal/body.styles.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../internal/drafts.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import '../internal/staff-client.ts';
import { renderClosed, renderConversationHead, renderMessage } from './conversation.ts';
import { InboxLive, type PrivateEvent } from './inbox-live.ts';
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
 * it, it shows that conversation and a reply form while it is open (the unsent reply is kept
 * per conversation, across a failed send or a reload), and records how far the reader read it
 * (`PUT /private/:id/read`; showing it reads only). New messages, an opening or a closing
 * arrive live: the stream gives a conversation's events to its asker and the advisors only.
 * While the stream is down, a quiet "reconnecting" line shows and a slow poll takes over.
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
 * @csspart connection - The quiet "reconnecting" line while the live stream is down.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest chose "Sign in".
 */
export class EntraideInbox extends EntraideElement {
  static override styles = [tokens, controls, statusChip, postBody, styles];

  /** The conversation to show; 0 (the default) lists them all. */
  @property({ type: Number, attribute: 'conversation-id' }) conversationId = 0;
  /** Seconds between checks for new messages while the live stream is down; 0 never polls. */
  @property({ type: Number, attribute: 'poll-seconds' }) pollSeconds = 30;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected list: Loaded<PrivateConversation[]> = { status: 'loading' };
  @state() protected detail: Loaded<PrivateDetail> = { status: 'loading' };
  @state() protected draft = '';
  @state() protected replyError = '';
  @state() protected sending = false;
  @state() protected announcement = '';
  @state() protected connection: ConnectionState = 'open';

  readonly #limit = new LengthLimitController(this);
  #loadedFor: string | undefined;
  #abort: AbortController | undefined;
  #live: InboxLive | undefined;
  /** The last message this reader was recorded as having read here (so the same one is not sent twice). */
  #readUpTo: number | null | undefined;

  get #s(): InboxStrings {
    return inboxStrings[this.resolvedLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected (the forum re-rendered it): load again.
    this.#loadedFor = undefined;
    document.addEventListener('visibilitychange', this.#onVisible);
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
      this.draft = this.conversationId ? (loadDraft(draftKey('private', this.conversationId))?.body ?? '') : '';
      this.replyError = '';
    }
    this.#stop();
    if (!key) return;
    this.#readUpTo = undefined;
    this.connection = 'open';
    this.#live = new InboxLive(this.client, this.pollSeconds, {
      onEvent: this.#onPrivateEvent,
      onCatchUp: () => void (this.conversationId ? this.#loadDetail(false) : this.#loadList(false)),
      onConnection: (state) => (this.connection = state),
    });
    if (this.conversationId) void this.#loadDetail(true);
    else void this.#loadList(true);
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#live?.stop();
    this.#live = undefined;
  }

  #signal(): AbortSignal {
    this.#abort?.abort();
    this.#abort = new AbortController();
    return this.#abort.signal;
  }

  /** Loads the list (`first`: shows loading); later reads replace it quietly, a failed one keeps what is shown. */
  async #loadList(first: boolean): Promise<void> {
    const signal = this.#signal();
    if (first) this.list = { status: 'loading' };
    try {
      const { items } = await this.client.private.list({}, { signal });
      if (!signal.aborted) this.list = { status: 'ready', value: items };
    } catch (error) {
      if (!signal.aborted && (first || this.list.status !== 'ready')) this.list = { status: 'error', error };
    }
  }

  /** Loads the conversation (`first`: shows loading); later reads only add what is new, a failed one keeps what is shown. */
  async #loadDetail(first: boolean): Promise<void> {
    const signal = this.#signal();
    const before = this.detail.status === 'ready' ? this.detail.value.messages.map((m) => m.id) : [];
    if (first) this.detail = { status: 'loading' };
    try {
      const detail = await this.client.private.get(this.conversationId, { signal });
      if (signal.aborted) return;
      this.detail = { status: 'ready', value: detail };
      if (!first) this.#announceNew(detail.messages.filter((m) => !before.includes(m.id)));
      this.#markSeen();
    } catch (error) {
      if (!signal.aborted && (first || this.detail.status !== 'ready')) this.detail = { status: 'error', error };
    }
  }

  readonly #onPrivateEvent = (event: PrivateEvent): void => {
    if (!this.conversationId) return void this.#loadList(false);
    const shown = this.detail;
    if (event.conversationId !== this.conversationId || shown.status !== 'ready') return;
    const message = event.message;
    // A message arrives whole; an opening or a closing changes the conversation: it is read again.
    if (event.change !== 'message' || !message) return void this.#loadDetail(false);
    if (shown.value.messages.some((m) => m.id === message.id)) return;
    this.detail = { status: 'ready', value: { ...shown.value, messages: [...shown.value.messages, message] } };
    this.#announceNew([message]);
    this.#markSeen();
  };

  #announceNew(fresh: readonly PrivateMessage[]): void {
    const last = fresh.filter((m) => m.author.id !== this.session.member?.id).at(-1);
    if (!last) return;
    const message = this.#s.newMessageFrom(last.author.pseudonym);
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  /**
   * Records that the reader saw the conversation up to its last message (the bell and the list's
   * marker follow). A hidden tab has not seen it: it records when shown again. A failure is
   * tried again with the next message or visit.
   */
  #markSeen(): void {
    if (this.detail.status !== 'ready' || document.visibilityState === 'hidden') return;
    const { conversation, messages } = this.detail.value;
    const last = messages.at(-1)?.id ?? null;
    if (this.#readUpTo !== undefined && (last === null || (this.#readUpTo !== null && this.#readUpTo >= last))) return;
    this.#readUpTo = last;
    this.client.private.markRead(conversation.id, last).catch(() => {
      if (this.#readUpTo === last) this.#readUpTo = undefined;
    });
  }

  readonly #onVisible = (): void => this.#markSeen();

  protected override render() {
    const s = this.#s;
    return html`
      ${this.session.member ? (this.conversationId ? this.#renderDetail(s) : this.#renderList(s)) : this.#renderSignIn(s)}
      ${this.session.member && this.connection === 'down'
        ? html`<p class="state quiet" part="connection" role="status">${s.reconnecting}</p>`
        : nothing}
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
        ? this.#renderState(s, loaded, () => void this.#loadList(true))
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
    saveDraft(draftKey('private', this.conversationId), { title: '', body: this.draft });
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
      clearDraft(draftKey('private', conversationId));
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
