import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Post } from '../../sdk/types.ts';
import { clientContext, defaultClient } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { editStrings, type EditStrings } from './edit.strings.ts';
import styles from './flag-form.styles.ts';
import editStyles from './edit-form.styles.ts';
import '../internal/staff-client.ts';

/** What the text says is wrong before saving (too short; the limits are `overLimit`'s); undefined when it may go. */
export function editProblem(s: EditStrings, text: string, reason?: string): string | undefined {
  if (text.trim().length < LIMITS.bodyMin) return s.tooShort(LIMITS.bodyMin);
  if (reason !== undefined && !reason.trim()) return s.reasonMissing;
  return undefined;
}

/** Internal: the form tells its `<entraide-post-actions>` how it ended (the saved post, or none when cancelled). */
export class EditDoneEvent extends Event {
  static readonly type = 'entraide-edit-done';
  readonly detail: { readonly post: Post | undefined };

  constructor(post: Post | undefined) {
    super(EditDoneEvent.type);
    this.detail = { post };
  }
}

/**
 * @summary Internal to `<entraide-post-actions>`: its author (or staff) edits a post in place,
 * starting from its markdown, under the composer's limits; a failure keeps the text. Staff
 * editing someone else's post say why (`reason-required`): the history and the audit log keep
 * it, and the author is told their post was edited.
 *
 * @tag entraide-edit-form
 *
 * @csspart body - The text field.
 * @csspart reason - Staff editing someone else's post: the reason field.
 * @csspart count - The character counts (text, reason), with their limits.
 * @csspart limit - Why saving is disabled: a field over its limit.
 * @csspart error - The error message.
 * @csspart save - The save button.
 * @csspart cancel - The cancel button.
 */
export class EntraideEditFormElement extends EntraideElement {
  static override styles = [tokens, controls, styles, editStyles];

  /** The post to edit. */
  @property({ attribute: false }) post: Post | null = null;
  /** Staff editing someone else's post: a reason is asked for (core `needsEditReason`). */
  @property({ type: Boolean, attribute: 'reason-required' }) reasonRequired = false;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  @state() protected text = '';
  @state() protected reason = '';
  @state() protected error = '';
  @state() protected saving = false;

  readonly #limits = { body: new LengthLimitController(this), reason: new LengthLimitController(this) };

  protected override willUpdate(): void {
    this.#limits.body.track(this.resolvedLocale, this.text.length, LIMITS.bodyMax);
    this.#limits.reason.track(this.resolvedLocale, this.reasonRequired ? this.reason.length : 0, LIMITS.reasonMax);
  }

  /** Why saving is disabled (the text or the reason over its limit), or ''. Nothing is ever cut. */
  get #overLimit(): string {
    const locale = this.resolvedLocale;
    return overLimitReason(locale, this.text.length, LIMITS.bodyMax) || (this.reasonRequired ? overLimitReason(locale, this.reason.length, LIMITS.reasonMax) : '');
  }

  get #s(): EditStrings {
    return editStrings[this.resolvedLocale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.text = this.post?.viewer?.source ?? '';
  }

  /** Focus moves into the text, at its end, when the form opens. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    field?.focus();
    field?.setSelectionRange(field.value.length, field.value.length);
  }

  protected override render() {
    const s = this.#s;
    const locale = this.resolvedLocale;
    const overLimit = this.#overLimit;
    return html`
      <form class="form" novalidate @submit=${this.#save} @keydown=${this.#onKeydown}>
        <label for="edit-body"><strong>${this.reasonRequired ? s.editOthersLabel : s.editLabel}</strong></label>
        <p class="hint" id="edit-hint">${s.editHint}</p>
        <textarea id="edit-body" part="body" rows="6" aria-describedby="edit-hint edit-error edit-count"
          aria-invalid=${this.error || this.text.length > LIMITS.bodyMax ? 'true' : 'false'}
          ?readonly=${this.saving} .value=${live(this.text)} @input=${this.#onInput}></textarea>
        <div class="under">
          <span class="error" part="error" id="edit-error" role="alert">${this.error || nothing}</span>
          ${limitNote(locale, this.text.length, LIMITS.bodyMax, this.#limits.body, 'edit-count')}
        </div>
        ${this.reasonRequired ? this.#renderReason(s) : nothing}
        <div class="buttons">
          <button class="button" part="save" type="submit" ?disabled=${overLimit !== ''} aria-disabled=${this.saving ? 'true' : 'false'}
            aria-describedby=${overLimit ? 'edit-limit' : nothing}>${this.saving ? s.saving : s.save}</button>
          <button class="button secondary" part="cancel" type="button" @click=${this.#cancel}>${s.cancel}</button>
          ${overLimit ? html`<span class="error" part="limit" id="edit-limit">${overLimit}</span>` : nothing}
        </div>
      </form>
    `;
  }

  /** The reason staff give for changing someone else's words; said to be kept, and that the author is told. */
  #renderReason(s: EditStrings) {
    const over = this.reason.length > LIMITS.reasonMax;
    return html`
      <label for="edit-reason"><strong>${s.reasonLabel}</strong></label>
      <p class="hint" id="edit-reason-hint">${s.reasonHint}</p>
      <input id="edit-reason" part="reason" type="text" required autocomplete="off" aria-describedby="edit-reason-hint edit-reason-count"
        aria-invalid=${over || this.error === s.reasonMissing ? 'true' : 'false'} ?readonly=${this.saving}
        .value=${live(this.reason)} @input=${this.#onReasonInput} />
      <div class="under">
        <span></span>
        ${limitNote(this.resolvedLocale, this.reason.length, LIMITS.reasonMax, this.#limits.reason, 'edit-reason-count')}
      </div>
    `;
  }

  readonly #onInput = (event: InputEvent): void => {
    // Kept as typed, even over the limit: the count says by how much, saving waits (./length-limit.ts).
    this.text = (event.target as HTMLTextAreaElement).value;
    if (this.error && this.error !== this.#s.reasonMissing) this.error = '';
  };

  readonly #onReasonInput = (event: InputEvent): void => {
    this.reason = (event.target as HTMLInputElement).value;
    if (this.error === this.#s.reasonMissing && this.reason.trim()) this.error = '';
  };

  readonly #save = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    const post = this.post;
    if (!post || this.saving) return;
    if (this.#overLimit) return;
    const problem = editProblem(this.#s, this.text, this.reasonRequired ? this.reason : undefined);
    this.error = problem ?? '';
    if (problem) return void this.renderRoot.querySelector<HTMLElement>(problem === this.#s.reasonMissing ? 'input' : 'textarea')?.focus();
    this.saving = true;
    const body = this.text.trim();
    try {
      const edited = await this.client.posts.edit(post.id, { body, ...(this.reasonRequired ? { reason: this.reason.trim() } : {}) });
      // The reader's own state stays; what they wrote is the new starting point of a next edit.
      const viewer = post.viewer ? { ...post.viewer, source: body } : undefined;
      this.dispatchEvent(new EditDoneEvent({ ...edited, ...(viewer ? { viewer } : {}) }));
    } catch {
      // The text stays in the field, untouched, for another try.
      this.error = this.#s.saveFailed;
    } finally {
      this.saving = false;
    }
  };

  readonly #cancel = (): void => {
    this.dispatchEvent(new EditDoneEvent(undefined));
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.#cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#save();
    }
  };
}

EntraideEditFormElement.define('entraide-edit-form');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-edit-form': EntraideEditFormElement;
  }
}
