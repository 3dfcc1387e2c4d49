import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import { EntraideReplySentEvent } from '../events/reply-sent.ts';
import { EntraideThreadCreatedEvent } from '../events/thread-created.ts';
import { clientContext, defaultClient } from '../internal/context.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../internal/drafts.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './composer.styles.ts';

type Field = 'title' | 'body';
type FieldErrors = Partial<Record<Field, string>>;

/** Which field a server's validation detail names (`/title`, `title`, `body.title`…). */
function fieldOf(detail: unknown): Field | undefined {
  if (!detail || typeof detail !== 'object') return undefined;
  const { path, instancePath, field } = detail as Record<string, unknown>;
  const where = [field, instancePath, path].find((value): value is string => typeof value === 'string') ?? '';
  if (/title/.test(where)) return 'title';
  if (/body/.test(where)) return 'body';
  return undefined;
}

/**
 * @summary Writes a question (`mode="thread"`) or a reply (`mode="reply"`). Drafts are kept
 * in localStorage until the server has stored the post, so a failed send never loses text.
 *
 * @tag entraide-composer
 *
 * @csspart base - The form.
 * @csspart label - Each field's label.
 * @csspart title - The title input (questions only).
 * @csspart body - The body textarea.
 * @csspart count - Each field's character counter.
 * @csspart error - Each field's error message.
 * @csspart draft-note - The "draft restored" note.
 * @csspart send - The send button.
 *
 * @fires {EntraideThreadCreatedEvent} entraide-thread-created - A question was stored.
 * @fires {EntraideReplySentEvent} entraide-reply-sent - A reply was stored.
 */
export class EntraideComposer extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** `thread` asks a new question in `category-id`; `reply` answers `thread-id`. */
  @property() accessor mode: 'thread' | 'reply' = 'reply';

  /** Category of the new question (thread mode). */
  @property({ type: Number, attribute: 'category-id' }) accessor categoryId = 0;

  /** Thread to reply to (reply mode). */
  @property({ type: Number, attribute: 'thread-id' }) accessor threadId = 0;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) accessor client: EntraideClient = defaultClient();

  @state() protected accessor titleValue = '';
  @state() protected accessor bodyValue = '';
  @state() protected accessor sending = false;
  @state() protected accessor errors: FieldErrors = {};
  @state() protected accessor restored = false;
  @state() protected accessor announcement = '';

  #draftKey = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') || changed.has('categoryId') || changed.has('threadId')) this.#restoreDraft();
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
  }

  protected override render() {
    const { t } = this;
    const label = this.mode === 'thread' ? t.send : t.sendReply;
    return html`
      <form part="base" novalidate aria-busy=${this.sending ? 'true' : 'false'} @submit=${this.#onSubmit}>
        ${this.restored ? html`<p class="note" part="draft-note">${t.draftRestored}</p>` : nothing}
        ${this.mode === 'thread' ? this.#renderField('title', t.titleLabel, LIMITS.titleMax) : nothing}
        ${this.#renderField('body', this.mode === 'thread' ? t.questionLabel : t.replyLabel, LIMITS.bodyMax)}
        <div class="actions">
          <button class="button" part="send" type="submit" ?disabled=${this.sending}>${this.sending ? t.sending : label}</button>
          <span class="hint" id="hint">${t.sendHint}</span>
        </div>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </form>
    `;
  }

  #renderField(field: Field, label: string, max: number) {
    const value = field === 'title' ? this.titleValue : this.bodyValue;
    const error = this.errors[field];
    const attrs = {
      id: field,
      described: `${field}-error ${field}-count hint`,
      invalid: error ? 'true' : 'false',
    };
    const control =
      field === 'title'
        ? html`<input id=${attrs.id} part="title" name="title" type="text" required maxlength=${max} autocomplete="off"
            aria-invalid=${attrs.invalid} aria-describedby=${attrs.described} ?readonly=${this.sending}
            .value=${live(value)} @input=${this.#onInput} @keydown=${this.#onKeydown} />`
        : html`<textarea id=${attrs.id} part="body" name="body" required maxlength=${max} rows="6"
            aria-invalid=${attrs.invalid} aria-describedby=${attrs.described} ?readonly=${this.sending}
            .value=${live(value)} @input=${this.#onInput} @keydown=${this.#onKeydown}></textarea>`;
    return html`
      <div class="field">
        <label part="label" for=${attrs.id}>${label}</label>
        ${control}
        <div class="under">
          <span class="error" part="error" id="${field}-error" role="alert">${error ?? ''}</span>
          <span class="count" part="count" id="${field}-count">${this.t.charCount(value.length, max)}</span>
        </div>
      </div>
    `;
  }

  readonly #onInput = (event: InputEvent): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (target.name === 'title') this.titleValue = target.value;
    else this.bodyValue = target.value;
    saveDraft(this.#draftKey, { title: this.titleValue, body: this.bodyValue });
  };

  /** Ctrl+Enter (Cmd+Enter on a Mac) sends from any field. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
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
    return errors;
  }

  /** Sends, and returns the event that announces the stored post. */
  async #send(): Promise<EntraideThreadCreatedEvent | EntraideReplySentEvent> {
    if (this.mode === 'thread') {
      const input = { categoryId: this.categoryId, title: this.titleValue.trim(), body: this.bodyValue, locale: this.resolvedLocale };
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
