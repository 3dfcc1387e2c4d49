import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Post } from '../../sdk/types.ts';
import { clientContext, defaultClient } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { editStrings, type EditStrings } from './edit.strings.ts';
import styles from './flag-form.styles.ts';
import editStyles from './edit-form.styles.ts';
import '../internal/staff-client.ts';

/** What the text says is wrong before saving, under the composer's limits; undefined when it may go. */
export function editProblem(s: EditStrings, text: string): string | undefined {
  if (text.length > LIMITS.bodyMax) return s.tooLong(text.length, LIMITS.bodyMax);
  if (text.trim().length < LIMITS.bodyMin) return s.tooShort(LIMITS.bodyMin);
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
 * @summary Internal to `<entraide-post-actions>`: its author edits a post in place, starting
 * from the markdown they wrote, under the composer's limits; a failure keeps the text.
 *
 * @tag entraide-edit-form
 *
 * @csspart body - The text field.
 * @csspart count - The character count.
 * @csspart error - The error message.
 * @csspart save - The save button.
 * @csspart cancel - The cancel button.
 */
export class EntraideEditFormElement extends EntraideElement {
  static override styles = [tokens, controls, styles, editStyles];

  /** The post to edit. */
  @property({ attribute: false }) post: Post | null = null;

  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  @state() protected text = '';
  @state() protected error = '';
  @state() protected saving = false;

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
    return html`
      <form class="form" novalidate @submit=${this.#save} @keydown=${this.#onKeydown}>
        <label for="edit-body"><strong>${s.editLabel}</strong></label>
        <p class="hint" id="edit-hint">${s.editHint}</p>
        <textarea id="edit-body" part="body" rows="6" aria-describedby="edit-hint edit-error edit-count" aria-invalid=${this.error ? 'true' : 'false'}
          ?readonly=${this.saving} .value=${live(this.text)} @input=${this.#onInput}></textarea>
        <div class="under">
          <span class="error" part="error" id="edit-error" role="alert">${this.error || nothing}</span>
          <span class="count" part="count" id="edit-count">${s.charCount(this.text.length, LIMITS.bodyMax)}</span>
        </div>
        <div class="buttons">
          <button class="button" part="save" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? s.saving : s.save}</button>
          <button class="button secondary" part="cancel" type="button" @click=${this.#cancel}>${s.cancel}</button>
        </div>
      </form>
    `;
  }

  readonly #onInput = (event: InputEvent): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    // An over-long paste is said at once, with the count and the limit; nothing is cut.
    this.error = this.text.length > LIMITS.bodyMax ? this.#s.tooLong(this.text.length, LIMITS.bodyMax) : '';
  };

  readonly #save = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    const post = this.post;
    if (!post || this.saving) return;
    const problem = editProblem(this.#s, this.text);
    this.error = problem ?? '';
    if (problem) return void this.renderRoot.querySelector('textarea')?.focus();
    this.saving = true;
    const body = this.text.trim();
    try {
      const edited = await this.client.posts.edit(post.id, { body });
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
