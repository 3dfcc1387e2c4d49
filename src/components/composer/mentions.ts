/**
 * @mention autocomplete for the body textarea. Candidates are the thread's participants, asker
 * first: the `participants` the thread hands over, else one `threads.get` per thread, fetched the
 * first time an `@` is typed and kept. Matching then runs on that list, with no request per key.
 *
 * The textarea keeps its native role (ARIA allows no `combobox` role on a textarea); it gets
 * `aria-autocomplete`, `aria-controls` and `aria-activedescendant` pointing into the listbox, the
 * combobox pattern's keyboard (↑/↓, Enter or Tab inserts, Escape closes) and a live count.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Translation } from '../translations/translation.ts';
import '../internal/staff-client.ts';

/** How many names the list shows at most. */
const MAX_OPTIONS = 6;
/** `@` at the start or after a space or bracket, then the letters typed so far, right before the caret. */
const MENTION_BEFORE_CARET = /(?:^|[\s([{])@([\p{L}\p{N}_.-]{1,40})$/u;

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

/** The mention being typed at `caret`, if any. */
export function mentionAt(text: string, caret: number): MentionQuery | undefined {
  const match = MENTION_BEFORE_CARET.exec(text.slice(0, caret));
  if (!match?.[1]) return undefined;
  return { start: caret - match[1].length - 1, query: match[1] };
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Names starting with `query` first, then names containing it; each group in participant order. */
export function matchingNames(names: readonly string[], query: string): string[] {
  const wanted = fold(query);
  const starts = names.filter((name) => fold(name).startsWith(wanted));
  const contains = names.filter((name) => !starts.includes(name) && fold(name).includes(wanted));
  return [...starts, ...contains].slice(0, MAX_OPTIONS);
}

/** The asker, then everyone who posted, in order of first post, each once, without `self`. */
export function participantsOf(asker: string, authors: readonly string[], self?: string): string[] {
  return [...new Set([asker, ...authors])].filter((name) => name !== self);
}

export class MentionController implements ReactiveController {
  /** The names offered now; empty when the list is closed. */
  options: string[] = [];
  active = 0;
  /** Who asked the question (first of the participants), tagged in the list. */
  asker: string | undefined;
  #mention: MentionQuery | undefined;
  /** The `@` position the reader closed with Escape; it stays closed until another `@`. */
  #dismissedAt = -1;
  #fetched = new Map<number, Promise<string[]>>();
  #request = 0;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  get open(): boolean {
    return this.options.length > 0;
  }

  /** The names for a reply: the given participants, else those of the thread, fetched once. */
  namesFor(source: { participants?: readonly string[]; client: EntraideClient; threadId: number; self?: string }): Promise<string[]> {
    if (source.participants) {
      this.asker = source.participants[0];
      return Promise.resolve(source.participants.filter((name) => name !== source.self));
    }
    if (!source.threadId) return Promise.resolve([]);
    let names = this.#fetched.get(source.threadId);
    if (!names) {
      names = source.client.threads
        // Authors only: the reader's own state is not needed, and costs a second request.
        .get(source.threadId, { ownState: false })
        .then(({ thread, posts }) => {
          this.asker = thread.author.pseudonym;
          return participantsOf(thread.author.pseudonym, posts.map((post) => post.author.pseudonym), source.self);
        })
        .catch(() => {
          // No suggestions this time; the next `@` tries again.
          this.#fetched.delete(source.threadId);
          return [];
        });
      this.#fetched.set(source.threadId, names);
    }
    return names;
  }

  /** After each input or caret move: opens, narrows or closes the list. */
  async update(text: string, caret: number, names: () => Promise<string[]>): Promise<void> {
    const request = ++this.#request;
    const mention = mentionAt(text, caret);
    if (!mention) this.#dismissedAt = -1;
    if (!mention || mention.start === this.#dismissedAt) return this.close();
    const found = matchingNames(await names(), mention.query);
    if (request !== this.#request) return;
    this.#mention = mention;
    if (found.join('\n') !== this.options.join('\n')) this.active = 0;
    this.options = found;
    this.#host.requestUpdate();
  }

  close(dismiss = false): void {
    if (dismiss && this.#mention) this.#dismissedAt = this.#mention.start;
    this.#request += 1;
    if (!this.open) return;
    this.options = [];
    this.active = 0;
    this.#host.requestUpdate();
  }

  /** ↑/↓ move, Enter/Tab pick, Escape closes; returns the chosen name, `true` when the key was used, else `false`. */
  handleKey(event: KeyboardEvent): string | boolean {
    // Keys that pick a character in an input method editor are not ours.
    if (!this.open || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
    const count = this.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      this.#host.requestUpdate();
      return true;
    }
    if (event.key === 'Escape') {
      this.close(true);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') return this.options[this.active] ?? false;
    return false;
  }

  /** `text` with the mention being typed replaced by `@name `, and where the caret goes. */
  insert(text: string, name: string, caret: number): { text: string; caret: number } {
    const mention = this.#mention ?? { start: caret, query: '' };
    const inserted = `@${name} `;
    const after = text.slice(mention.start + 1 + mention.query.length).replace(/^ /, '');
    this.close();
    return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
  }
}

export const optionId = (index: number) => `mention-${index}`;

/** The listbox under the textarea; options are picked with the mouse without taking the focus. */
export function renderMentionList(t: Translation, mentions: MentionController, pick: (name: string) => void) {
  if (!mentions.open) return nothing;
  return html`
    <ul class="mentions" part="mentions" id="mention-list" role="listbox" aria-label=${t.mentionListLabel}>
      ${mentions.options.map((name, index) => html`
        <li role="option" part="mention" id=${optionId(index)} aria-selected=${index === mentions.active ? 'true' : 'false'}
          @mousedown=${(event: Event) => event.preventDefault()} @click=${() => pick(name)}>
          <span class="mention-name">@${name}</span>
          ${name === mentions.asker ? html`<span class="mention-role">${t.mentionAsker}</span>` : nothing}
        </li>
      `)}
    </ul>
  `;
}
