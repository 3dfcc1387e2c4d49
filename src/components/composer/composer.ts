import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import { EntraideReplySentEvent } from '../events/reply-sent.ts';
import { EntraideThreadCreatedEvent } from '../events/thread-created.ts';
import { clientContext, defaultClient, GUEST, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../internal/drafts.ts';
import { LengthLimitController, lengthCount, overLimitReason } from '../internal/length-limit.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { postBody } from '../internal/body.styles.ts';
import styles from './composer.styles.ts';
import { editor } from './editor.styles.ts';
import { DeflectionController, renderDeflection } from './deflection.ts';
import { MentionController, optionId, renderMentionList } from './mentions.ts';
import { PreviewController, renderPreview, renderTabs, type EditorTab } from './preview.ts';
import { fieldOf, type Field, type FieldErrors } from './fields.ts';
import { quoteMarkdown, withQuote } from './quote.ts';
import { composerStrings } from '../translations/composer.strings.ts';
import { registerStrings } from '../translations/index.ts';
import '../internal/staff-client.ts';

registerStrings(composerStrings);

/**
 * @summary Writes a question (`mode="thread"`) or a reply (`mode="reply"`). Drafts are kept
 * in localStorage until the server has stored the post, so a failed send never loses text.
 * A Preview tab shows the body as the server will publish it; `@` plus letters offers the
 * thread's participants; while a question's title is typed, FAQ articles and solved threads
 * that may already answer it are suggested; a new question can ask for account access.
 *
 * @tag entraide-composer
 *
 * @csspart base - The form.
 * @csspart label - Each field's label.
 * @csspart title - The title input (questions only).
 * @csspart body - The body textarea.
 * @csspart tabs - The Write/Preview tablist.
 * @csspart tab - Each tab.
 * @csspart preview - The rendered preview.
 * @csspart preview-error - The preview's error message and retry button.
 * @csspart mentions - The @mention listbox.
 * @csspart mention - Each option of the listbox.
 * @csspart suggestions - The "maybe already answered" box (new questions).
 * @csspart suggestion - Each suggested FAQ article or solved thread.
 * @csspart dismiss - The button that hides the suggestions.
 * @csspart needs-account - The "needs access to my account" checkbox, label and help.
 * @csspart count - Each field's character counter (`data-over` once the text is over the limit).
 * @csspart limit - Why sending is refused while a field is over its limit (next to the send button).
 * @csspart error - Each field's error message.
 * @csspart draft-note - The "draft restored" note.
 * @csspart send - The send button.
 *
 * @fires {EntraideThreadCreatedEvent} entraide-thread-created - A question was stored.
 * @fires {EntraideReplySentEvent} entraide-reply-sent - A reply was stored.
 */
export class EntraideComposer extends EntraideElement {
  static override styles = [tokens, controls, postBody, editor, styles];

  /** `thread` asks a new question in `category-id`; `reply` answers `thread-id`. */
  @property() mode: 'thread' | 'reply' = 'reply';

  /** Category of the new question (thread mode). */
  @property({ type: Number, attribute: 'category-id' }) categoryId = 0;

  /** Thread to reply to (reply mode). */
  @property({ type: Number, attribute: 'thread-id' }) threadId = 0;

  /**
   * Pseudonyms offered after `@` in a reply, asker first (the thread sets it). Without it the
   * composer reads the thread's participants once, the first time `@` is typed.
   */
  @property({ attribute: false }) participants: string[] | undefined;

  /** Address of a suggested FAQ article, `{slug}` replaced (as `<entraide-faq-link href-template>`); none, no link. */
  @property({ attribute: 'faq-href-template' }) faqHrefTemplate = '';

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected titleValue = '';
  @state() protected bodyValue = '';
  @state() protected sending = false;
  @state() protected errors: FieldErrors = {};
  @state() protected restored = false;
  @state() protected announcement = '';
  @state() protected tab: EditorTab = 'write';
  @state() protected needsAccount = false;

  readonly #preview = new PreviewController(this);
  readonly #mentions = new MentionController(this);
  readonly #deflection = new DeflectionController(this);
  readonly #limits = { title: new LengthLimitController(this), body: new LengthLimitController(this) };
  #draftKey = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') || changed.has('categoryId') || changed.has('threadId')) this.#restoreDraft();
    this.#limits.title.track(this.resolvedLocale, this.mode === 'thread' ? this.titleValue.length : 0, LIMITS.titleMax);
    this.#limits.body.track(this.resolvedLocale, this.bodyValue.length, LIMITS.bodyMax);
  }

  /** Why the text may not be sent as it is (a field over its limit), or ''. */
  get #overLimit(): string {
    const locale = this.resolvedLocale;
    const title = this.mode === 'thread' ? overLimitReason(locale, this.titleValue.length, LIMITS.titleMax) : '';
    return title || overLimitReason(locale, this.bodyValue.length, LIMITS.bodyMax);
  }

  #restoreDraft(): void {
    const key = draftKey(this.mode, this.mode === 'thread' ? this.categoryId : this.threadId);
    if (key === this.#draftKey) return;
    this.#draftKey = key;
    const draft = loadDraft(key);
    this.titleValue = draft?.title ?? '';
    this.bodyValue = draft?.body ?? '';
    this.restored = Boolean(draft && (draft.title || draft.body));
    this.errors = {};
    this.#resetExtras();
    // A restored question gets its suggestions without waiting for the next keystroke.
    if (this.titleValue) this.#askSuggestions();
  }

  /** Back to a blank editor: Write tab, no preview, no list, no suggestions, box unticked. */
  #resetExtras(): void {
    this.tab = 'write';
    this.needsAccount = false;
    this.#preview.cancel();
    this.#preview.state = { status: 'idle' };
    this.#mentions.close();
    this.#deflection.reset();
  }

  protected override render() {
    const { t } = this;
    const label = this.mode === 'thread' ? t.send : t.sendReply;
    const overLimit = this.#overLimit;
    return html`
      <form part="base" novalidate aria-busy=${this.sending ? 'true' : 'false'} @submit=${this.#onSubmit}>
        ${this.restored ? html`<p class="note" part="draft-note">${t.draftRestored}</p>` : nothing}
        ${this.mode === 'thread' ? this.#renderField('title', t.titleLabel, LIMITS.titleMax) : nothing}
        ${this.#renderField('body', this.mode === 'thread' ? t.questionLabel : t.replyLabel, LIMITS.bodyMax)}
        ${this.mode === 'thread' ? this.#renderNeedsAccount() : nothing}
        ${this.mode === 'thread' ? renderDeflection(t, this.#deflection, this.links, this.faqHrefTemplate, this.#dismissSuggestions) : nothing}
        <div class="actions">
          <button class="button" part="send" type="submit" ?disabled=${this.sending || overLimit !== ''}
            aria-describedby=${ifDefined(overLimit ? 'limit' : undefined)}>${this.sending ? t.sending : label}</button>
          ${overLimit ? html`<span class="error" part="limit" id="limit">${overLimit}</span>` : html`<span class="hint" id="hint">${t.sendHint}</span>`}
        </div>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </form>
    `;
  }

  #renderField(field: Field, label: string, max: number) {
    const value = field === 'title' ? this.titleValue : this.bodyValue;
    const error = this.errors[field];
    const described = `${field}-error ${field}-count hint`;
    const over = value.length > max;
    const invalid = error || over ? 'true' : 'false';
    const labelled = html`<label part="label" for=${field}>${label}</label>`;
    return html`
      <div class="field">
        ${field === 'title'
          ? html`${labelled}<input id="title" part="title" name="title" type="text" required autocomplete="off"
              aria-invalid=${invalid} aria-describedby=${described} ?readonly=${this.sending}
              .value=${live(value)} @input=${this.#onInput} @keydown=${this.#onKeydown} />`
          : this.#renderEditor(labelled, described, invalid)}
        <div class="under">
          <span class="error" part="error" id="${field}-error" role="alert">${error ?? ''}</span>
          <span class="count" part="count" id="${field}-count" ?data-over=${over}>${lengthCount(this.resolvedLocale, value.length, max)}</span>
          <span class="visually-hidden" role="status">${this.#limits[field].announcement}</span>
        </div>
      </div>
    `;
  }

  /** The body: its label and the Write/Preview tabs, the textarea with its @mention list, the preview. */
  #renderEditor(label: unknown, described: string, invalid: string) {
    const { t } = this;
    const mentions = this.#mentions;
    const writing = this.tab === 'write';
    return html`
      <div class="editor-head">${label}${renderTabs(t, this.tab, this.#selectTab, this)}</div>
      <div class="panel" id="panel-write" role="tabpanel" aria-labelledby="tab-write" ?hidden=${!writing}>
        <textarea id="body" part="body" name="body" required rows="6"
          aria-invalid=${invalid} aria-describedby=${described} ?readonly=${this.sending} aria-autocomplete="list"
          aria-controls=${ifDefined(mentions.open ? 'mention-list' : undefined)}
          aria-activedescendant=${ifDefined(mentions.open ? optionId(mentions.active) : undefined)}
          .value=${live(this.bodyValue)} @input=${this.#onInput} @keydown=${this.#onKeydown}
          @click=${this.#followCaret} @keyup=${this.#onKeyup} @blur=${() => mentions.close()}></textarea>
        ${renderMentionList(t, mentions, this.#insertMention)}
        <p class="visually-hidden" role="status">${mentions.open ? t.mentionsAvailable(mentions.options.length) : ''}</p>
      </div>
      <div class="panel preview" id="panel-preview" role="tabpanel" aria-labelledby="tab-preview" tabindex="0" ?hidden=${writing}>
        ${writing ? nothing : renderPreview(t, this.#preview.state, () => void this.#loadPreview())}
      </div>
    `;
  }

  #renderNeedsAccount() {
    const { t } = this;
    return html`
      <div class="check" part="needs-account">
        <input id="needs-account" type="checkbox" .checked=${live(this.needsAccount)} ?disabled=${this.sending}
          aria-describedby="needs-account-help" @change=${this.#onNeedsAccount} />
        <label for="needs-account">${t.needsAccountLabel}</label>
        <p class="hint" id="needs-account-help">${t.needsAccountHelp}</p>
      </div>
    `;
  }

  readonly #onNeedsAccount = (event: Event): void => {
    this.needsAccount = (event.target as HTMLInputElement).checked;
  };

  readonly #selectTab = (tab: EditorTab): void => {
    this.tab = tab;
    this.#mentions.close();
    if (tab === 'preview') void this.#loadPreview();
    else this.#preview.cancel();
  };

  readonly #loadPreview = (): Promise<void> => this.#preview.load(this.client, this.bodyValue, this.t);

  /** The list follows the caret: typing, clicks and arrow keys along the line. */
  readonly #followCaret = (): void => {
    const body = this.#control('body');
    if (!body || (this.mode !== 'reply' && !this.participants)) return this.#mentions.close();
    const source = { participants: this.participants, client: this.client, threadId: this.threadId, self: this.session.member?.pseudonym };
    void this.#mentions.update(body.value, body.selectionStart ?? body.value.length, () => this.#mentions.namesFor(source));
  };

  readonly #onKeyup = (event: KeyboardEvent): void => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) this.#followCaret();
  };

  readonly #insertMention = (name: string): void => {
    const body = this.#control('body');
    if (!body || this.sending) return this.#mentions.close();
    const { text, caret } = this.#mentions.insert(body.value, name, body.selectionStart ?? body.value.length);
    this.bodyValue = text;
    body.value = text;
    body.setSelectionRange(caret, caret);
    body.focus();
    this.#saveDraft();
  };

  /** Adds a quote of another post at the end of the reply, then puts the caret after it. */
  async quote(pseudonym: string, text: string): Promise<void> {
    this.bodyValue = withQuote(this.bodyValue, quoteMarkdown(pseudonym, text));
    this.tab = 'write';
    this.#saveDraft();
    await this.updateComplete;
    const body = this.#control('body');
    body?.focus();
    body?.setSelectionRange(this.bodyValue.length, this.bodyValue.length);
  }

  readonly #dismissSuggestions = (): void => {
    this.#deflection.dismiss();
    // The box held the focus; the send button is next in reading order.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="send"]')?.focus());
  };

  #saveDraft(): void {
    saveDraft(this.#draftKey, { title: this.titleValue, body: this.bodyValue });
  }

  readonly #onInput = (event: InputEvent): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (target.name === 'title') this.titleValue = target.value;
    else this.bodyValue = target.value;
    this.#saveDraft();
    if (target.name === 'body') this.#followCaret();
    else this.#askSuggestions();
  };

  #askSuggestions(): void {
    if (this.mode !== 'thread') return;
    this.#deflection.schedule({ client: this.client, title: this.titleValue, body: this.bodyValue, locale: this.resolvedLocale, categoryId: this.categoryId });
  }

  /** The open @mention list takes its keys first; Ctrl+Enter (Cmd+Enter on a Mac) sends from any field. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    const used = (event.target as HTMLElement).id === 'body' ? this.#mentions.handleKey(event) : false;
    if (used) {
      event.preventDefault();
      if (typeof used === 'string') this.#insertMention(used);
      return;
    }
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    this.renderRoot.querySelector('form')?.requestSubmit();
  };

  readonly #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    this.announcement = '';
    const problems = this.#check();
    if (Object.keys(problems).length) return this.#showErrors(problems);
    this.sending = true;
    this.errors = {};
    let sent: Event | undefined;
    let errors: FieldErrors = {};
    try {
      sent = await this.#send();
    } catch (error) {
      errors = this.#errorsFrom(error);
    } finally {
      this.sending = false;
    }
    if (sent) this.#afterSend(sent);
    else await this.#showErrors(errors);
  };

  /** The same minimums the server applies, checked first so the reader waits for nothing. */
  #check(): FieldErrors {
    const errors: FieldErrors = {};
    if (this.mode === 'thread' && this.titleValue.trim().length < LIMITS.titleMin) errors.title = this.t.tooShort(LIMITS.titleMin);
    if (this.bodyValue.trim().length < LIMITS.bodyMin) errors.body = this.t.tooShort(LIMITS.bodyMin);
    // Ctrl+Enter submits even while the button is disabled.
    const overLimit = this.#overLimit;
    if (overLimit) errors[this.mode === 'thread' && this.titleValue.length > LIMITS.titleMax ? 'title' : 'body'] = overLimit;
    return errors;
  }

  /** Sends, and returns the event that announces the stored post. */
  async #send(): Promise<EntraideThreadCreatedEvent | EntraideReplySentEvent> {
    if (this.mode === 'thread') {
      const input = {
        categoryId: this.categoryId, title: this.titleValue.trim(), body: this.bodyValue, locale: this.resolvedLocale,
        ...(this.needsAccount ? { needsAccount: true } : {}),
      };
      return new EntraideThreadCreatedEvent(await this.client.threads.create(input));
    }
    return new EntraideReplySentEvent({ post: await this.client.posts.reply(this.threadId, { body: this.bodyValue }) });
  }

  /** Only now, with the post stored, may the text and its draft go. */
  #afterSend(event: Event): void {
    clearDraft(this.#draftKey);
    this.titleValue = '';
    this.bodyValue = '';
    this.restored = false;
    this.#resetExtras();
    this.announcement = this.t.sent;
    // The disabled button lost focus while sending; give it back to where the next reply starts.
    if (this.mode === 'reply') void this.updateComplete.then(() => this.#control('body')?.focus());
    this.emit(event);
  }

  /** Client mistakes (4xx) carry the server's own words; outages get ours. */
  #errorsFrom(error: unknown): FieldErrors {
    if (!isEntraideError(error) || error.status === 0) return { body: this.t.networkFailed };
    if (error.status >= 500) return { body: this.t.sendFailed };
    const errors: FieldErrors = {};
    const details = Array.isArray(error.details) ? error.details : [error.details];
    for (const detail of details) {
      const field = fieldOf(detail);
      const message = (detail as { message?: unknown } | undefined)?.message;
      if (field && !errors[field]) errors[field] = typeof message === 'string' ? message : error.message;
    }
    if (!errors.title && !errors.body) errors.body = error.message;
    if (this.mode === 'reply' && errors.title) errors.body ??= errors.title;
    if (this.mode === 'reply') delete errors.title;
    return errors;
  }

  async #showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    // The message sits under the textarea: show it.
    if (errors.body) this.#selectTab('write');
    await this.updateComplete;
    this.#control(errors.title ? 'title' : 'body')?.focus();
  }

  #control(field: Field): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector(`#${field}`);
  }
}

EntraideComposer.define('entraide-composer');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-composer': EntraideComposer;
  }
}
