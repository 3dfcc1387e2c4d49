import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Post, ThreadSummary } from '../../sdk/types.ts';
import { can, checkRecipientDesign, LIMITS, reviewRules } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import { PreviewController, renderPreview, renderTabs, type EditorTab } from '../composer/preview.ts';
import { quoteMarkdown, withQuote } from '../composer/quote.ts';
import { EntraideReplySentEvent } from '../events/reply-sent.ts';
import { clientContext, defaultClient, GUEST, sessionContext, type SessionState } from '../internal/context.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../internal/drafts.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { composerStrings } from '../translations/composer.strings.ts';
import { registerStrings } from '../translations/index.ts';
import { postBody } from '../internal/body.styles.ts';
import { editor } from '../composer/editor.styles.ts';
import styles from './advisor-composer.styles.ts';
import { AssistController } from './assist.ts';
import { colleaguesOf, communityReplies, insertLine, removeLine, type CommunityReply } from './credits.ts';
import { renderCitations, renderColleagues, renderFaq, renderSignature, renderWarnings, warningKey } from './panels.ts';
import { renderReview, ReviewController, type DraftContent } from './review.ts';
import { LengthLimitController, lengthCount, overLimitReason } from '../internal/length-limit.ts';
import { advisorComposerStrings, type AdvisorComposerStrings } from './strings.ts';
import '../internal/staff-client.ts';

// The Write/Preview tabs and the preview states are the composer's (../composer/preview.ts), with its strings.
registerStrings(composerStrings);

/** The advisor's draft of a thread, apart from a member composer's draft on the same thread. */
const advisorDraftKey = (threadId: number) => `${draftKey('reply', threadId)}:advisor`;

/**
 * @summary The advisor's reply form with the recipient-design assistant of the study
 * (§19–§20, §32–§33): it starts by greeting everyone and the asker, warns politely while the
 * text is typed (one addressee, long or unclear text, a move to private messages), confirms and
 * credits community replies with a citation line, credits colleagues ("assisted by"), links FAQ
 * articles, and shows the signature and a Preview as the public will see them. Posts a
 * confirmation when community replies are cited, else a plain reply. The draft is kept locally;
 * once shared with colleagues for review, sending publishes the shared draft.
 *
 * @tag entraide-advisor-composer
 *
 * @csspart base - The form.
 * @csspart body - The textarea.
 * @csspart count - The character counter (`data-over` once the text is over the limit).
 * @csspart limit - Why sending is refused while the text is over the limit.
 * @csspart tabs - The Write/Preview tablist.
 * @csspart tab - Each tab.
 * @csspart preview - The rendered preview of the body.
 * @csspart preview-signature - The signature under the preview.
 * @csspart warnings - The live region holding the writing tips.
 * @csspart warning - Each tip.
 * @csspart dismiss - Each tip's dismiss button.
 * @csspart credit - The "confirm and credit" checklist.
 * @csspart citation - Each community reply of the checklist.
 * @csspart assisted-by - The colleagues checklist.
 * @csspart faq-suggestions - The suggested FAQ articles.
 * @csspart faq - Each suggested article.
 * @csspart signature - The signature as it will appear.
 * @csspart review - The colleague review panel (advisors): share the draft, see comments and approvals.
 * @csspart share - The "share with a colleague" button.
 * @csspart reviewers - Colleagues the draft is shared with, approved or not.
 * @csspart comments - Colleagues' comments.
 * @csspart refresh-review - The button that reloads comments and approvals.
 * @csspart posts-shared-draft - Once shared, the note that sending publishes the shared draft.
 * @csspart edited-since-shared - The note that an edit since sharing clears the approvals.
 * @csspart credit-approvers - The checkbox crediting the approving colleagues as "assisted by".
 * @csspart error - The send error.
 * @csspart send - The send button.
 *
 * @cssprop [--entraide-color-advisor-surface] - Background of the signature and tips.
 *
 * @fires {EntraideReplySentEvent} entraide-reply-sent - The reply or confirmation was stored.
 */
export class EntraideAdvisorComposer extends EntraideElement {
  static override styles = [tokens, controls, postBody, editor, styles];

  /** The thread answered (the thread element sets it). */
  @property({ attribute: false }) thread: ThreadSummary | undefined;

  /** The thread's posts loaded so far: community replies to credit, colleagues who wrote. */
  @property({ attribute: false }) posts: Post[] = [];

  /** The jargon list for the clarity tips; default: the community's (set by its admin), else the core's telecom list. */
  @property({ attribute: false }) jargon: string[] | undefined;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  @state() protected body = '';
  @state() protected tab: EditorTab = 'write';
  @state() protected cited: ReadonlySet<number> = new Set();
  @state() protected assistedBy: ReadonlySet<number> = new Set();
  @state() protected faqLinked: ReadonlySet<number> = new Set();
  @state() protected dismissed: ReadonlySet<string> = new Set();
  @state() protected sending = false;
  @state() protected error = '';
  @state() protected announcement = '';
  @state() protected restored = false;

  readonly #preview = new PreviewController(this);
  readonly #assist = new AssistController(this);
  readonly #review = new ReviewController(this);
  readonly #limit = new LengthLimitController(this);
  #loadedThreadId = 0;

  get #s(): AdvisorComposerStrings {
    return advisorComposerStrings[this.resolvedLocale];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('thread') && this.thread && this.thread.id !== this.#loadedThreadId) this.#startThread(this.thread);
    this.#limit.track(this.resolvedLocale, this.body.length, LIMITS.bodyMax);
  }

  /** A restored draft wins over the greeting; the greeting names the asker for everyone to see. */
  #startThread(thread: ThreadSummary): void {
    this.#loadedThreadId = thread.id;
    this.#resetForm(thread);
    this.#assist.load(this.client, thread);
    this.#review.reset();
  }

  #resetForm(thread: ThreadSummary): void {
    const draft = loadDraft(advisorDraftKey(thread.id));
    this.restored = Boolean(draft?.body);
    this.body = draft?.body || this.#s.greeting(thread.author.pseudonym);
    this.cited = new Set();
    this.assistedBy = new Set();
    this.faqLinked = new Set();
    this.dismissed = new Set();
    this.error = '';
    this.tab = 'write';
    this.#preview.cancel();
    this.#preview.state = { status: 'idle' };
  }

  protected override render() {
    if (!this.thread) return nothing;
    const s = this.#s;
    const warnings = checkRecipientDesign(this.body, { jargon: this.jargon ?? this.#assist.jargon }).filter((warning) => !this.dismissed.has(warningKey(warning)));
    const replies = communityReplies(this.posts);
    const colleagues = colleaguesOf(this.posts, this.session.member?.id, this.#assist.onDuty);
    const overLimit = overLimitReason(this.resolvedLocale, this.body.length, LIMITS.bodyMax);
    return html`
      <form part="base" novalidate aria-busy=${this.sending ? 'true' : 'false'} @submit=${this.#onSubmit}>
        ${this.restored ? html`<p class="hint" part="draft-note">${s.draftRestored}</p>` : nothing}
        ${this.#renderEditor(s)}
        ${renderWarnings(s, warnings, this.#dismiss)}
        ${renderSignature(s, this.#assist.signature)}
        <div class="panels">
          ${renderCitations(s, replies, this.cited, this.#toggleCitation, this.sending)}
          ${renderColleagues(s, colleagues, this.assistedBy, this.#toggleColleague, this.sending)}
          ${renderFaq(s, this.#assist.faq, this.faqLinked, this.#toggleFaq)}
          ${this.#canReview ? renderReview(s, this.#review, this.#reviewers, this.#content(this.thread.id), this.#share, this.#refreshReview) : nothing}
        </div>
        <div class="actions">
          <button class="button" part="send" type="submit" ?disabled=${this.sending || overLimit !== ''}
            aria-describedby=${ifDefined(overLimit ? 'limit' : undefined)}>${this.#sendLabel(s)}</button>
          <span class="hint" id="shortcut">${s.shortcutHint}</span>
          ${overLimit ? html`<span class="error" part="limit" id="limit">${overLimit}</span>` : nothing}
        </div>
        <p class="error" part="error" role="alert">${this.error}</p>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </form>
    `;
  }

  #renderEditor(s: AdvisorComposerStrings) {
    const writing = this.tab === 'write';
    return html`
      <div class="editor-head">
        <label for="body">${s.bodyLabel}</label>
        ${renderTabs(this.t, this.tab, this.#selectTab, this)}
      </div>
      <div class="panel" id="panel-write" role="tabpanel" aria-labelledby="tab-write" ?hidden=${!writing}>
        <textarea id="body" part="body" name="body" rows="8" required aria-describedby="shortcut body-count"
          aria-invalid=${this.body.length > LIMITS.bodyMax ? 'true' : 'false'}
          aria-keyshortcuts="Control+Enter" ?readonly=${this.sending} .value=${live(this.body)} @input=${this.#onInput} @keydown=${this.#onKeydown}></textarea>
        <p class="count" part="count" id="body-count" ?data-over=${this.body.length > LIMITS.bodyMax}>${lengthCount(this.resolvedLocale, this.body.length, LIMITS.bodyMax)}</p>
        <p class="visually-hidden" role="status">${this.#limit.announcement}</p>
      </div>
      <div class="panel preview" id="panel-preview" role="tabpanel" aria-labelledby="tab-preview" tabindex="0" ?hidden=${writing}>
        ${writing ? nothing : renderPreview(this.t, this.#preview.state, () => void this.#loadPreview())}
        ${writing ? nothing : this.#renderPreviewSignature()}
      </div>
    `;
  }

  /** Adds a quote of another post at the end of the reply (the thread's "Quote" action), caret after it. */
  async quote(pseudonym: string, text: string): Promise<void> {
    this.body = withQuote(this.body, quoteMarkdown(pseudonym, text));
    this.tab = 'write';
    this.#saveDraft();
    await this.updateComplete;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#body');
    area?.focus();
    area?.setSelectionRange(this.body.length, this.body.length);
  }

  /** Drafts are the advisors' backstage: moderators and members get no review panel. */
  get #canReview(): boolean {
    const member = this.session.member;
    return Boolean(member && can({ role: member.role, memberId: member.id }, reviewRules.writeDrafts));
  }

  /** Anyone of the team may review, not only those on duty or in the thread. */
  get #reviewers() {
    return colleaguesOf(this.posts, this.session.member?.id, [...this.#assist.onDuty, ...this.#assist.team]);
  }

  readonly #share = (): void => {
    if (!this.thread) return;
    this.error = this.body.trim().length < LIMITS.bodyMin ? this.#s.bodyTooShort(LIMITS.bodyMin) : '';
    if (this.error) return;
    void this.#review.share(this.client, this.#content(this.thread.id), this.#s.reviewFailed);
  };

  /** The form as a draft: what is shared with colleagues, and posted once shared. */
  #content(threadId: number): DraftContent {
    return { threadId, body: this.body.trim(), citedPostIds: [...this.cited], faqArticleIds: [...this.faqLinked], assistedByIds: [...this.assistedBy] };
  }

  readonly #refreshReview = (): void => void this.#review.refresh(this.client, this.#s.reviewFailed);

  /** Under the previewed body, the signature every advisor post carries, as readers will see it. */
  #renderPreviewSignature() {
    const { signature } = this.#assist;
    if (this.#preview.state.status !== 'ready' || signature.status !== 'ready' || !signature.value) return nothing;
    // Rendered and allow-list sanitized by the server (client.posts.preview).
    return html`<div class="signature preview-signature" part="preview-signature">${unsafeHTML(signature.value)}</div>`;
  }

  #sendLabel(s: AdvisorComposerStrings): string {
    if (this.sending) return s.sending;
    return this.cited.size ? s.sendConfirmation(this.cited.size) : s.sendReply;
  }

  readonly #onInput = (event: InputEvent): void => {
    this.body = (event.target as HTMLTextAreaElement).value;
    this.#saveDraft();
  };

  #saveDraft(): void {
    if (this.thread) saveDraft(advisorDraftKey(this.thread.id), { title: '', body: this.body });
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    this.renderRoot.querySelector('form')?.requestSubmit();
  };

  readonly #selectTab = (tab: EditorTab): void => {
    this.tab = tab;
    if (tab === 'preview') void this.#loadPreview();
    else this.#preview.cancel();
  };

  readonly #loadPreview = (): Promise<void> => this.#preview.load(this.client, this.body, this.t);

  readonly #dismiss = (key: string): void => {
    this.dismissed = new Set([...this.dismissed, key]);
    // The tip held the focus and is gone: the text is what the advisor works on.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#body')?.focus());
  };

  readonly #toggleCitation = (reply: CommunityReply, on: boolean): void => {
    const line = this.#s.citation(reply.author.pseudonym);
    this.cited = toggled(this.cited, reply.postId, on);
    this.body = on ? insertLine(this.body, line) : removeLine(this.body, line);
    this.error = '';
    this.#saveDraft();
  };

  readonly #toggleColleague = (id: number, on: boolean): void => {
    this.assistedBy = toggled(this.assistedBy, id, on);
    this.error = '';
  };

  readonly #toggleFaq = (id: number): void => {
    this.faqLinked = toggled(this.faqLinked, id, !this.faqLinked.has(id));
    this.error = '';
  };

  /** What keeps the form from being sent, checked before any request. */
  #problem(): string | undefined {
    if (this.body.trim().length < LIMITS.bodyMin) return this.#s.bodyTooShort(LIMITS.bodyMin);
    // Ctrl+Enter submits even while the button is disabled.
    if (this.body.length > LIMITS.bodyMax) return overLimitReason(this.resolvedLocale, this.body.length, LIMITS.bodyMax);
    // Only confirmations carry FAQ links and credits (NewConfirmation.citedPostIds needs one).
    if (!this.cited.size && (this.faqLinked.size || this.assistedBy.size)) return this.#s.creditsNeedCitation;
    return undefined;
  }

  readonly #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending || !this.thread) return;
    this.announcement = '';
    this.error = this.#problem() ?? '';
    if (this.error) return;
    this.sending = true;
    try {
      const post = await this.#send(this.thread.id);
      this.#afterSend(post);
    } catch (error) {
      this.error = isEntraideError(error) && error.status !== 0 && error.status < 500 ? error.message : this.#s.sendFailed;
    } finally {
      this.sending = false;
    }
  };

  /**
   * A shared draft is posted as such (the server credits its approvers); otherwise a confirmation
   * when community replies are cited (with its FAQ links and credits), else a reply.
   */
  #send(threadId: number): Promise<Post> {
    if (this.#review.pending) return this.#review.post(this.client, this.#content(threadId));
    const body = this.body.trim();
    if (!this.cited.size) return this.client.posts.reply(threadId, { body });
    return this.client.threads.confirm(threadId, {
      body,
      citedPostIds: [...this.cited],
      ...(this.faqLinked.size ? { faqArticleIds: [...this.faqLinked] } : {}),
      ...(this.assistedBy.size ? { assistedByIds: [...this.assistedBy] } : {}),
    });
  }

  #afterSend(post: Post): void {
    const thread = this.thread!;
    clearDraft(advisorDraftKey(thread.id));
    this.#resetForm(thread);
    this.#review.reset();
    this.announcement = this.#s.sent;
    this.emit(new EntraideReplySentEvent({ post }));
  }
}

function toggled(set: ReadonlySet<number>, id: number, on: boolean): ReadonlySet<number> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

EntraideAdvisorComposer.define('entraide-advisor-composer');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-composer': EntraideAdvisorComposer;
  }
}
