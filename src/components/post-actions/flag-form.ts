import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FLAG_REASONS, type FlagReason } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import { clientContext, defaultClient } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { LengthLimitController, overLimitReason } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './flag-form.styles.ts';
import { interactionsStrings } from '../translations/interactions.strings.ts';
import { registerStrings } from '../translations/index.ts';
import '../internal/staff-client.ts';

registerStrings(interactionsStrings);

/** The note's limit in the contract (`NewFlag.note`). */
const NOTE_MAX = 1000;

export type FlagOutcome = 'sent' | 'duplicate' | 'cancelled';

/** Internal: the form tells its `<entraide-post-actions>` how it ended; it does not leave that shadow root. */
export class FlagDoneEvent extends Event {
  static readonly type = 'entraide-flag-done';
  readonly detail: { readonly outcome: FlagOutcome };

  constructor(outcome: FlagOutcome) {
    super(FlagDoneEvent.type);
    this.detail = { outcome };
  }
}

/**
 * @summary Internal to `<entraide-post-actions>`: why a member reports a post (a reason from
 * the contract's list and an optional note), sent with `client.posts.flag`.
 *
 * @tag entraide-flag-form
 *
 * @csspart reasons - The fieldset of reasons.
 * @csspart note - The optional note (kept as typed: over its limit the count says so and sending waits).
 * @csspart count - The note's character count and limit.
 * @csspart limit - Why sending waits: the note is over its limit.
 * @csspart send - The send button.
 * @csspart cancel - The cancel button.
 */
export class EntraideFlagFormElement extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The post to report. */
  @property({ attribute: false }) postId = 0;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  @state() protected sending = false;
  @state() protected error = '';
  @state() protected noteLength = 0;

  readonly #limit = new LengthLimitController(this);

  protected override willUpdate(): void {
    this.#limit.track(this.resolvedLocale, this.noteLength, NOTE_MAX);
  }

  /** Focus moves to the first reason when the form opens. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }

  protected override render() {
    const { t } = this;
    const overLimit = overLimitReason(this.resolvedLocale, this.noteLength, NOTE_MAX);
    return html`
      <form class="form" @submit=${this.#send} @keydown=${this.#onKeydown}>
        <fieldset part="reasons">
          <legend>${t.flagLegend}</legend>
          ${FLAG_REASONS.map((reason) => html`
            <label class="reason"><input type="radio" name="reason" value=${reason} required /> ${t.flagReasons[reason]}</label>
          `)}
        </fieldset>
        <label class="note-label" for="note">${t.flagNote}</label>
        <textarea id="note" part="note" name="note" rows="2" aria-describedby="note-count" aria-invalid=${overLimit ? 'true' : 'false'}
          @input=${this.#onNoteInput}></textarea>
        <div>${limitNote(this.resolvedLocale, this.noteLength, NOTE_MAX, this.#limit, 'note-count')}</div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="buttons">
          <button class="button" part="send" type="submit" ?disabled=${this.sending || overLimit !== ''}
            aria-describedby=${overLimit ? 'note-limit' : nothing}>${this.sending ? t.sending : t.sendFlag}</button>
          <button class="button secondary" part="cancel" type="button" @click=${this.#cancel}>${t.cancel}</button>
          ${overLimit ? html`<span class="error" part="limit" id="note-limit">${overLimit}</span>` : nothing}
        </div>
      </form>
    `;
  }

  readonly #send = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending || this.noteLength > NOTE_MAX) return;
    const data = new FormData(event.target as HTMLFormElement);
    const reason = data.get('reason') as FlagReason | null;
    if (!reason) return;
    const noteValue = data.get('note');
    const note = typeof noteValue === 'string' ? noteValue.trim() : '';
    this.sending = true;
    this.error = '';
    try {
      await this.client.posts.flag(this.postId, note ? { reason, note } : { reason });
      this.dispatchEvent(new FlagDoneEvent('sent'));
    } catch (error) {
      // One flag per member: a repeat is not a failure, the post is already reported.
      if (isEntraideError(error) && error.code === 'conflict') this.dispatchEvent(new FlagDoneEvent('duplicate'));
      else this.error = this.t.actionFailed;
    } finally {
      this.sending = false;
    }
  };

  readonly #onNoteInput = (event: Event): void => {
    this.noteLength = (event.target as HTMLTextAreaElement).value.length;
  };

  readonly #cancel = (): void => {
    this.dispatchEvent(new FlagDoneEvent('cancelled'));
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#cancel();
  };
}

EntraideFlagFormElement.define('entraide-flag-form');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-flag-form': EntraideFlagFormElement;
  }
}
