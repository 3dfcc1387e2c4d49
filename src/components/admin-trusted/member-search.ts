/**
 * The member picker of the grant form: an ARIA combobox over `client.admin.searchMembers`, asked
 * once the typing pauses (stale answers dropped), with its listbox driven from the field by
 * ArrowDown/ArrowUp, Enter (pick) and Escape (close), the option under way named by
 * `aria-activedescendant`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Author } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { AdminTrustedStrings } from './strings.ts';

/** The search waits for a pause in the typing: one request per pause, not per key. */
export const SEARCH_DELAY_MS = 300;
const MAX_RESULTS = 8;

export class MemberSearch implements ReactiveController {
  /** The field's text. */
  text = '';
  results: Author[] = [];
  /** Index of the option under way, -1 for none. */
  active = -1;
  expanded = false;
  searching = false;
  /** Whether `results` answer the text in the field. */
  searched = false;
  failed = false;
  /** The member chosen in the list. */
  picked: Author | undefined;

  readonly #host: ReactiveControllerHost & { client: EntraideClient };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost & { client: EntraideClient }) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.searching = false;
  }

  readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.picked = undefined;
    this.searched = false;
    this.failed = false;
    this.#stop();
    const query = this.text.trim();
    if (!query) {
      this.results = [];
      this.expanded = false;
      this.active = -1;
    } else {
      this.#timer = setTimeout(() => void this.#search(query), SEARCH_DELAY_MS);
    }
    this.#host.requestUpdate();
  };

  async #search(query: string): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.searching = true;
    this.#host.requestUpdate();
    try {
      const { items } = await this.#host.client.admin.searchMembers(query, { limit: MAX_RESULTS }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.results = items;
      this.active = items.length ? 0 : -1;
      this.expanded = items.length > 0;
      this.searched = true;
    } catch {
      if (abort.signal.aborted) return;
      this.results = [];
      this.expanded = false;
      this.failed = true;
    } finally {
      if (this.#abort === abort) this.searching = false;
      this.#host.requestUpdate();
    }
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Opening a closed list lands on its first (or last) option.
      this.active = this.expanded ? (this.active + step + count) % count : step === 1 ? 0 : count - 1;
      this.expanded = true;
    } else if (event.key === 'Enter' && this.expanded && this.active >= 0) {
      // The pick, not the form's submission.
      event.preventDefault();
      this.pick(this.results[this.active]!);
    } else if (event.key === 'Escape' && this.expanded) {
      event.preventDefault();
      event.stopPropagation();
      this.expanded = false;
    } else {
      return;
    }
    this.#host.requestUpdate();
  };

  /** Leaving the field closes the list (a click on an option keeps the focus: see its mousedown). */
  readonly onBlur = (): void => {
    if (!this.expanded) return;
    this.expanded = false;
    this.#host.requestUpdate();
  };

  pick(member: Author): void {
    this.picked = member;
    this.text = member.pseudonym;
    this.expanded = false;
    this.#host.requestUpdate();
  }

  /** Back to an empty field (after a grant). */
  clear(): void {
    this.#stop();
    Object.assign(this, { text: '', results: [], active: -1, expanded: false, searched: false, failed: false, picked: undefined });
    this.#host.requestUpdate();
  }
}

/** The combobox, its listbox and what the search found, spoken politely. */
export function renderMemberSearch(search: MemberSearch, s: AdminTrustedStrings, invalid: boolean) {
  const open = search.expanded && search.results.length > 0;
  const found = search.searching ? s.searching : search.failed ? s.searchFailed : search.searched && !search.picked ? (search.results.length ? s.results(search.results.length) : s.noResult) : '';
  return html`
    <div class="combobox">
      <label for="member-input">${s.member}</label>
      <input id="member-input" part="member-input" type="text" role="combobox" autocomplete="off" spellcheck="false" maxlength="40"
        aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="member-listbox"
        aria-activedescendant=${open && search.active >= 0 ? `member-option-${search.active}` : nothing}
        aria-describedby=${invalid ? 'member-hint grant-problem' : 'member-hint'} aria-invalid=${invalid ? 'true' : nothing}
        .value=${search.text} @input=${search.onInput} @keydown=${search.onKeyDown} @blur=${search.onBlur}>
      <span id="member-hint" class="help">${s.memberHint}</span>
      <ul id="member-listbox" part="listbox" role="listbox" aria-label=${s.member} ?hidden=${!open}>
        ${open ? search.results.map((member, index) => html`
          <li id="member-option-${index}" part="option" role="option" aria-selected=${index === search.active ? 'true' : 'false'}
            @mousedown=${(event: Event) => event.preventDefault()} @click=${() => search.pick(member)}>
            <span class="pseudonym">${member.pseudonym}</span> <span class="rank">${s.rank(member.rank.level, member.rank.name)}</span>
          </li>`) : nothing}
      </ul>
      <p class="help found" part="search-status" role="status">${found}</p>
    </div>
  `;
}
