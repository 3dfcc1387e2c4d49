import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ThreadSummary } from '../../sdk/types.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { AdvisorPart } from './advisor-part.ts';
import styles from './advisor-tools.styles.ts';
import { searchStrings } from '../translations/search.strings.ts';
import { registerStrings } from '../translations/index.ts';
import '../internal/staff-client.ts';

registerStrings(searchStrings);

const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;
const MAX_RESULTS = 8;

/**
 * @summary Picks another thread by title: search as you type, then arrows and Enter (an ARIA
 * combobox with its listbox). Used to choose the thread to merge into.
 *
 * @tag entraide-advisor-thread-picker
 *
 * @csspart input - The search field (role combobox).
 * @csspart listbox - The candidate threads.
 * @csspart option - Each candidate.
 *
 * @fires {Event} change - A thread was picked (or the pick cleared); read `value`.
 */
export class EntraideAdvisorThreadPicker extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  /** The label of the search field. */
  @property() label = '';
  /** A thread never offered (the one being merged). */
  @property({ type: Number, attribute: 'exclude-id' }) excludeId = 0;

  /** The picked thread. */
  @state() value: ThreadSummary | undefined = undefined;
  @state() protected results: ThreadSummary[] = [];
  @state() protected active = -1;
  @state() protected expanded = false;
  @state() protected searching = false;
  @state() protected searched = false;

  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  /** Clears the pick and the field (after a merge, or when the thread changes). */
  clear(): void {
    this.#pick(undefined);
    const input = this.#input;
    if (input) input.value = '';
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  readonly #onInput = (event: InputEvent): void => {
    const text = (event.target as HTMLInputElement).value.trim();
    if (this.value) this.#pick(undefined);
    clearTimeout(this.#timer);
    this.#abort?.abort();
    if (text.length < MIN_QUERY) {
      this.results = [];
      this.expanded = false;
      this.searched = false;
      return;
    }
    this.#timer = setTimeout(() => void this.#search(text), SEARCH_DELAY_MS);
  };

  async #search(text: string): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.searching = true;
    try {
      const page = await this.client.search.forum({ q: text, limit: MAX_RESULTS }, { signal: abort.signal });
      const seen = new Set<number>();
      // A merged or archived thread cannot receive a merge: offering it would only earn a 409.
      this.results = page.items
        .map((hit) => hit.thread)
        .filter((t) => t.id !== this.excludeId && t.mergedIntoId === undefined && t.status !== 'archived' && !seen.has(t.id) && seen.add(t.id));
      this.active = this.results.length ? 0 : -1;
      this.expanded = true;
      this.searched = true;
      this.feedback = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.results = [];
      this.expanded = false;
      this.feedback = this.failure(error);
    } finally {
      if (this.#abort === abort) this.searching = false;
    }
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const count = this.results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      this.expanded = true;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + count) % count;
      this.#scrollActive();
    } else if (event.key === 'Enter' && this.expanded && this.active >= 0) {
      event.preventDefault();
      this.#pick(this.results[this.active]);
    } else if (event.key === 'Escape' && this.expanded) {
      event.preventDefault();
      event.stopPropagation();
      this.expanded = false;
    }
  };

  #scrollActive(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
  }

  #pick(thread: ThreadSummary | undefined): void {
    const before = this.value;
    this.value = thread;
    this.expanded = false;
    const input = this.#input;
    if (thread && input) input.value = thread.title;
    if (before !== thread) this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override render() {
    const { s } = this;
    const open = this.expanded && this.results.length > 0;
    return html`
      <div class="picker field">
        <label for="picker-input">${this.label}</label>
        <input id="picker-input" part="input" type="text" role="combobox" autocomplete="off"
          aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="picker-listbox"
          aria-activedescendant=${open && this.active >= 0 ? `option-${this.active}` : nothing}
          aria-describedby="picker-hint" aria-keyshortcuts="ArrowDown ArrowUp Enter Escape"
          @input=${this.#onInput} @keydown=${this.#onKeyDown}>
        <span id="picker-hint" class="hint">${s.mergeHint}</span>
        <ul id="picker-listbox" part="listbox" role="listbox" aria-label=${this.label} ?hidden=${!open}>
          ${open
            ? this.results.map((thread, index) => html`<li id=${`option-${index}`} part="option" role="option"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.#pick(thread)}>${thread.title}</li>`)
            : nothing}
        </ul>
        <p class="hint" role="status">${this.#statusText()}</p>
        ${this.feedback?.tone === 'error' ? html`<p class="error" role="alert">${this.feedback.text}</p>` : nothing}
      </div>
    `;
  }

  #statusText(): string {
    if (this.searching) return this.s.pickerSearching;
    if (!this.searched || this.value) return '';
    return this.results.length ? this.s.pickerResults(this.results.length) : this.s.pickerEmpty;
  }
}

EntraideAdvisorThreadPicker.define('entraide-advisor-thread-picker');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-thread-picker': EntraideAdvisorThreadPicker;
  }
}
