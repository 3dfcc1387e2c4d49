import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Post, ThreadSummary } from '../../sdk/types.ts';
import { can, deletionProblem, isSignedIn, needsEditReason, postRules, threadRules, type Actor } from '../../core/index.ts';
import { EntraidePostEditedEvent } from '../events/post-edited.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import { EntraidePostDeletedEvent } from '../events/post-deleted.ts';
import { EntraideQuoteRequestedEvent } from '../events/quote-requested.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { EntraideSolutionChangedEvent } from '../events/solution-changed.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import { copyText, permalink } from './clipboard.ts';
import { OwnState } from './own-state.ts';
import './flag-form.ts';
import './edit-form.ts';
import './history.ts';
import type { EditDoneEvent, EntraideEditFormElement } from './edit-form.ts';
import { editStrings } from './edit.strings.ts';
import type { EntraidePostHistoryElement } from './history.ts';
import type { EntraideFlagFormElement, FlagDoneEvent } from './flag-form.ts';
import styles from './post-actions.styles.ts';
import { EXPORTED_PARTS } from './exported-parts.ts';
import { interactionsStrings } from '../translations/interactions.strings.ts';
import { registerStrings } from '../translations/index.ts';
import '../internal/staff-client.ts';

registerStrings(interactionsStrings);

/** A 409 says the server already had what we asked for (kudos given twice, from two tabs). */
const isConflict = (error: unknown): boolean => isEntraideError(error) && error.code === 'conflict';

/**
 * @summary The actions bar under a post: kudos, accept as solution, quote, report, copy link, delete.
 * Internal to `<entraide-post>`, which renders it in its footer and passes the post and thread.
 *
 * @tag entraide-post-actions
 *
 * Kudos are optimistic (rolled back with a message when the server refuses); every outcome is
 * announced through a polite live region. What a person may not do is not shown (`src/core`
 * rules): no kudos or report on one's own post; guests get a sign-in action instead. Its
 * author edits a post in place and deletes a reply after an inline confirmation (the thread
 * must take their edits); advisors and moderators any post, someone else's with a reason.
 *
 * @csspart base - The actions bar (wraps on narrow screens).
 * @csspart kudos - The kudos toggle, or the read-only count on one's own post and for guests.
 * @csspart kudos-count - The number of kudos inside the toggle.
 * @csspart sign-in - The guests' sign-in action.
 * @csspart accept - The accept / withdraw solution button.
 * @csspart quote - The quote button.
 * @csspart flag - The report button.
 * @csspart flag-form - The report form (reason and note).
 * @csspart flag-reasons - The form's fieldset of reasons.
 * @csspart flag-note - The form's optional note.
 * @csspart flag-send - The form's send button.
 * @csspart flag-cancel - The form's cancel button.
 * @csspart conversation-link - On a private hand-off's trace, for its asker and advisors: the link to the conversation.
 * @csspart edited - On an edited post, for everyone: "Edited 5 minutes ago" (a `<time>` of the last edit).
 * @csspart share - The copy-link button.
 * @csspart edit - The "Edit" button (its author's; staff's on any post, with a reason); `edit-form` is the form it opens in place.
 * @csspart history - Staff, on an edited post: the button showing its earlier texts; `history-panel` is the panel.
 * @csspart delete - The delete button (the author's, or staff's).
 * @csspart delete-confirm - The inline confirmation (question, confirm and cancel buttons).
 * @csspart delete-reason - The confirmation's reason field, when staff delete someone else's post.
 * @csspart delete-yes - The confirmation's delete button.
 * @csspart delete-cancel - The confirmation's cancel button.
 * @csspart manual-link - The link shown for copying by hand when the clipboard is refused.
 * @csspart message - The live message (link copied, report sent, errors).
 *
 * @fires {EntraideSolutionChangedEvent} entraide-solution-changed - The solution was accepted or withdrawn.
 * @fires {EntraideQuoteRequestedEvent} entraide-quote-requested - The reader wants to quote the post.
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest wants to give kudos.
 * @fires {EntraidePostDeletedEvent} entraide-post-deleted - The post was deleted; `post` is its tombstone.
 * @fires {EntraidePostEditedEvent} entraide-post-edited - Its author or staff saved an edit; `post` is the new version.
 */
export class EntraidePostActions extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The post the actions apply to. */
  @property({ attribute: false }) post: Post | null = null;
  /** Its thread: needed to know who asked (accept) and whether replies are open (quote). */
  @property({ attribute: false }) thread: ThreadSummary | null = null;
  /** Set when the post is the thread's accepted solution. */
  @property({ type: Boolean }) accepted = false;
  /** Set when the signed-in member already gave kudos to the post. */
  @property({ type: Boolean, attribute: 'kudos-given' }) kudosGiven = false;
  /** Set when the signed-in member already reported the post. */
  @property({ type: Boolean }) flagged = false;
  /** Reads the post's plain text for quoting; the post gives its rendered body's text. */
  @property({ attribute: false }) readText: (() => string) | undefined = undefined;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected kudosCount = 0;
  @state() protected given = false;
  @state() protected reported = false;
  @state() protected flagOpen = false;
  @state() protected message = '';
  @state() protected manualLink = '';
  @state() protected kudosBusy = false;
  @state() protected deleteOpen = false;
  @state() protected deleteReason = '';
  @state() protected editOpen = false;
  @state() protected historyOpen = false;

  /** Actions waiting for the server: a second press is ignored rather than sent twice. */
  readonly #pending = new Set<'kudos' | 'solution' | 'delete'>();
  /** The reader's own state (./own-state.ts), and the post with it. */
  readonly #ownState = new OwnState(this);
  #own: Post | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Set here, not by the post: the list comes with this chunk, off the read path.
    this.setAttribute('exportparts', EXPORTED_PARTS);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('post')) this.kudosCount = this.post?.kudosCount ?? 0;
    // The reader's own state comes with the post (`viewer`, from their thread read or the server) or from the host.
    const { post, fresh } = this.#ownState.sync(changed.has('post'), changed.get('post'));
    this.#own = post;
    if (changed.has('kudosGiven') || fresh) this.given = this.kudosGiven || Boolean(post?.viewer?.kudos);
    if (changed.has('flagged') || fresh) this.reported = this.flagged || Boolean(post?.viewer?.flagged);
  }

  protected override render() {
    const post = this.#own;
    if (!post) return nothing;
    const actor = actorOf(this.session);
    const conversationId = post.viewer?.conversationId;
    return html`
      ${post.editedAt ? this.#renderEdited(post.editedAt) : nothing}
      ${conversationId ? html`<p><a part="conversation-link" href=${this.links.href({ name: 'inbox', conversationId })}>${editStrings[this.resolvedLocale].openConversation}</a></p>` : nothing}
      <div class="bar" part="base" role="group" aria-label=${this.t.postActionsLabel(post.author.pseudonym)}>
        ${this.#renderKudos(actor, post)}
        ${this.#renderAccept(actor, post)}
        ${this.#canQuote(actor) ? html`<button class="action" part="quote" type="button" @click=${this.#quote}>${this.t.quote}</button>` : nothing}
        ${can(actor, postRules.flag, { authorId: post.author.id }) ? this.#renderFlagButton() : nothing}
        <button class="action" part="share" type="button" @click=${this.#copyLink}>${this.t.copyLink}</button>
        ${this.#canEdit(actor, post) ? html`<button class="action" part="edit" type="button" aria-expanded=${this.editOpen ? 'true' : 'false'}
          @click=${this.#toggleEdit}>${editStrings[this.resolvedLocale].edit}</button>` : nothing}
        ${post.editedAt && can(actor, postRules.seeRevisions) ? html`<button class="action" part="history" type="button"
          aria-expanded=${this.historyOpen ? 'true' : 'false'} @click=${this.#toggleHistory}>${editStrings[this.resolvedLocale].history}</button>` : nothing}
        ${this.#canDelete(actor, post) ? html`<button class="action delete" part="delete" type="button" aria-expanded=${this.deleteOpen ? 'true' : 'false'}
          @click=${this.#toggleDelete}>${this.t.deletePost}</button>` : nothing}
      </div>
      ${this.deleteOpen ? this.#renderDeleteConfirm(this.#needsReason(actor, post)) : nothing}
      ${this.editOpen ? html`<entraide-edit-form part="edit-form" .post=${post} ?reason-required=${this.#needsReason(actor, post)}
        @entraide-edit-done=${this.#onEditDone}></entraide-edit-form>` : nothing}
      ${this.historyOpen ? html`<entraide-post-history part="history-panel" .postId=${post.id} @entraide-history-close=${this.#toggleHistory}></entraide-post-history>` : nothing}
      ${this.flagOpen ? html`<entraide-flag-form part="flag-form" exportparts="reasons: flag-reasons, note: flag-note, send: flag-send, cancel: flag-cancel" .postId=${post.id} @entraide-flag-done=${this.#onFlagDone}></entraide-flag-form>` : nothing}
      ${this.manualLink ? html`<input class="manual-link" part="manual-link" readonly .value=${this.manualLink} aria-label=${this.t.copyLinkByHand} @focus=${selectAll} />` : nothing}
      <p class="message" part="message" role="status">${this.message}</p>
    `;
  }

  /** Everyone sees that a post changed, and when; the earlier texts are for staff ("History"). Here rather than in the header: the read path's size budget. */
  #renderEdited(at: string) {
    const s = editStrings[this.resolvedLocale];
    const { locale } = this.t;
    return html`<p class="edited" part="edited"><time datetime=${at} title=${s.editedOn(formatDateTime(locale, at))}>${s.edited(formatRelative(locale, at))}</time></p>`;
  }

  #renderKudos(actor: Actor, post: Post) {
    const { t } = this;
    if (can(actor, postRules.giveKudos, { authorId: post.author.id })) {
      return html`
        <button class="action kudos" part="kudos" type="button" aria-pressed=${this.given ? 'true' : 'false'}
          aria-busy=${this.kudosBusy ? 'true' : 'false'} @click=${this.#toggleKudos}>
          <span aria-hidden="true">${this.given ? '♥' : '♡'}</span> ${t.kudos} <span class="count" part="kudos-count">${this.kudosCount}</span>
        </button>
      `;
    }
    const count = html`<span class="static" part="kudos">${t.kudosCount(this.kudosCount)}</span>`;
    if (isSignedIn(actor)) return count;
    return html`${count}<button class="action" part="sign-in" type="button" @click=${this.#requestSignIn}>${t.signInToReact}</button>`;
  }

  #renderAccept(actor: Actor, post: Post) {
    const thread = this.thread;
    if (!thread || post.kind !== 'reply' || post.author.id === thread.author.id) return nothing;
    if (!can(actor, threadRules.acceptSolution, { authorId: thread.author.id, status: thread.status })) return nothing;
    return html`<button class="action accept" part="accept" type="button" @click=${this.#toggleSolution}>
      ${this.accepted ? this.t.withdrawSolution : this.t.acceptSolution}
    </button>`;
  }

  #renderFlagButton() {
    // Once reported the button stays focusable (aria-disabled) so focus is not lost to the page.
    return html`<button class="action" part="flag" type="button" aria-expanded=${this.flagOpen ? 'true' : 'false'}
      aria-disabled=${this.reported ? 'true' : 'false'} @click=${this.#toggleFlagForm}>${this.reported ? this.t.flagged : this.t.flag}</button>`;
  }

  /** A reply not deleted yet, as core `deletePost` allows: its author's while the thread takes their edits, any for staff. */
  #canDelete(actor: Actor, post: Post): boolean {
    const thread = this.thread;
    if (!thread || deletionProblem(post)) return false;
    return can(actor, postRules.deletePost, { authorId: post.author.id }, { authorId: thread.author.id, status: thread.status });
  }

  /** In place, from the markdown the read gave: its author while the thread takes their edits, staff any post (core `editPost`). */
  #canEdit(actor: Actor, post: Post): boolean {
    const thread = this.thread;
    if (!thread || post.deleted || post.viewer?.source === undefined) return false;
    return can(actor, postRules.editPost, { authorId: post.author.id }, { authorId: thread.author.id, status: thread.status });
  }

  readonly #toggleEdit = async (): Promise<void> => {
    this.editOpen = !this.editOpen;
    await this.updateComplete;
    if (this.editOpen) await this.renderRoot.querySelector<EntraideEditFormElement>('entraide-edit-form')?.focusFirst();
  };

  readonly #onEditDone = async (event: EditDoneEvent): Promise<void> => {
    const { post } = event.detail;
    this.editOpen = false;
    if (post) {
      this.#say(editStrings[this.resolvedLocale].saved);
      this.emit(new EntraidePostEditedEvent({ post }));
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="edit"]')?.focus();
  };

  readonly #toggleHistory = async (): Promise<void> => {
    this.historyOpen = !this.historyOpen;
    await this.updateComplete;
    if (this.historyOpen) await this.renderRoot.querySelector<EntraidePostHistoryElement>('entraide-post-history')?.focusFirst();
    else this.renderRoot.querySelector<HTMLButtonElement>('[part="history"]')?.focus();
  };

  /** Staff editing or deleting someone else's post say why (core `needsEditReason`): the audit log keeps it. */
  #needsReason(actor: Actor, post: Post): boolean {
    return needsEditReason(actor, { authorId: post.author.id });
  }

  /** Inline, not `window.confirm`: the question (and staff's reason), then the least harmful choice first in focus. */
  #renderDeleteConfirm(reason: boolean) {
    return html`
      <div class="confirm" part="delete-confirm" role="group" aria-labelledby="delete-question" @keydown=${this.#onConfirmKey}>
        <p id="delete-question">${reason ? this.t.deleteConfirmStaff : this.t.deleteConfirm}</p>
        ${reason ? html`<label>${this.t.deleteReason} <input part="delete-reason" required .value=${this.deleteReason}
          @input=${(event: InputEvent) => (this.deleteReason = (event.target as HTMLInputElement).value)} /></label>` : nothing}
        <button class="action danger" part="delete-yes" type="button" @click=${this.#delete}>${this.t.deleteConfirmYes}</button>
        <button class="action" part="delete-cancel" type="button" @click=${this.#closeDelete}>${this.t.cancel}</button>
      </div>
    `;
  }

  #canQuote(actor: Actor): boolean {
    if (!isSignedIn(actor) || !this.post || this.post.kind === 'trace') return false;
    return this.thread ? can(actor, threadRules.reply, this.thread) : true;
  }

  #say(message: string): void {
    // A live region speaks only when its text changes: repeat with a trailing no-break space.
    this.message = message === this.message ? `${message}\u00a0` : message;
  }

  readonly #toggleKudos = async (): Promise<void> => {
    const post = this.post;
    if (!post || this.#pending.has('kudos')) return;
    this.#pending.add('kudos');
    this.kudosBusy = true;
    const give = !this.given;
    const before = { given: this.given, count: this.kudosCount };
    this.given = give;
    this.kudosCount = Math.max(0, before.count + (give ? 1 : -1));
    try {
      const result = give ? await this.client.posts.kudo(post.id) : await this.client.posts.unkudo(post.id);
      this.given = result.given;
      this.kudosCount = result.kudosCount;
    } catch (error) {
      // On a conflict the server already counts it the way we want: keep the state, not the +1.
      this.given = isConflict(error) ? give : before.given;
      this.kudosCount = before.count;
      if (!isConflict(error)) this.#say(this.t.actionFailed);
    } finally {
      this.#pending.delete('kudos');
      this.kudosBusy = false;
    }
  };

  readonly #toggleSolution = async (): Promise<void> => {
    const { post, thread } = this;
    if (!post || !thread || this.#pending.has('solution')) return;
    this.#pending.add('solution');
    try {
      const threads = this.client.threads;
      const { thread: updated } = this.accepted ? await threads.withdrawSolution(thread.id) : await threads.acceptSolution(thread.id, post.id);
      this.#say(updated.acceptedPostId === post.id ? this.t.solutionAccepted : this.t.solutionWithdrawn);
      this.emit(new EntraideSolutionChangedEvent({ thread: updated }));
    } catch {
      this.#say(this.t.actionFailed);
    } finally {
      this.#pending.delete('solution');
    }
  };

  readonly #toggleDelete = async (): Promise<void> => {
    if (this.deleteOpen) return this.#closeDelete();
    this.deleteOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="delete-cancel"]')?.focus();
  };

  readonly #closeDelete = async (): Promise<void> => {
    this.deleteOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="delete"]')?.focus();
  };

  readonly #onConfirmKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.#closeDelete();
  };

  readonly #delete = async (): Promise<void> => {
    const post = this.post;
    if (!post || this.#pending.has('delete')) return;
    const reason = this.deleteReason.trim();
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part="delete-reason"]');
    // The server would refuse it (400): the field says what is missing.
    if (input && !reason) return input.focus();
    this.#pending.add('delete');
    try {
      const deleted = await this.client.posts.delete(post.id, input ? { reason } : undefined);
      this.deleteOpen = false;
      this.#say(this.t.postDeleted);
      this.emit(new EntraidePostDeletedEvent({ post: deleted }));
    } catch {
      this.#say(this.t.actionFailed);
    } finally {
      this.#pending.delete('delete');
    }
  };

  readonly #quote = (): void => {
    const post = this.post;
    if (!post) return;
    this.emit(new EntraideQuoteRequestedEvent({ postId: post.id, author: post.author, text: this.readText?.() ?? '' }));
  };

  readonly #requestSignIn = (): void => {
    const unanswered = this.emit(new EntraideSignInRequestedEvent({ reason: 'kudos' }));
    if (unanswered) this.#say(this.t.signInUnavailable);
  };

  readonly #toggleFlagForm = async (): Promise<void> => {
    if (this.reported) return this.#say(this.t.alreadyFlagged);
    this.flagOpen = !this.flagOpen;
    if (!this.flagOpen) return;
    await this.updateComplete;
    await this.renderRoot.querySelector<EntraideFlagFormElement>('entraide-flag-form')?.focusFirst();
  };

  readonly #onFlagDone = (event: FlagDoneEvent): void => {
    const { outcome } = event.detail;
    this.flagOpen = false;
    if (outcome !== 'cancelled') this.reported = true;
    if (outcome === 'sent') this.#say(this.t.flagSent);
    if (outcome === 'duplicate') this.#say(this.t.alreadyFlagged);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part="flag"]')?.focus());
  };

  readonly #copyLink = async (): Promise<void> => {
    const post = this.post;
    if (!post) return;
    const url = permalink(this.links.href({ name: 'thread', threadId: post.threadId, title: this.thread?.title }), post.id);
    const copied = await copyText(url);
    this.renderRoot.querySelector<HTMLButtonElement>('[part="share"]')?.focus();
    this.manualLink = copied ? '' : url;
    this.#say(copied ? this.t.linkCopied : this.t.copyLinkByHand);
  };
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}

EntraidePostActions.define('entraide-post-actions');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-post-actions': EntraidePostActions;
  }
}
