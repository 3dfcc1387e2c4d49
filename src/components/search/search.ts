import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { FaqHit, SearchHit } from '../../sdk/types.ts';
import { searchTerms } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { EntraideAskRequestedEvent } from '../events/ask-requested.ts';
import { EntraideSearchedEvent } from '../events/searched.ts';
import '../faq-link/faq-link.ts';
import { clientContext, defaultClient, hashLinks, linksContext } from '../internal/context.ts';
import '../internal/reading-client.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import { errorText, renderError, renderMore } from '../internal/states.ts';
import styles from './search.styles.ts';
import { searchStrings } from '../translations/search.strings.ts';
import { registerStrings } from '../translations/index.ts';

registerStrings(searchStrings);

interface Results {
  query: string;
  articles: FaqHit[];
  threads: SearchHit[];
  nextCursor: string | null;
  /** The server's spelling suggestion when nothing matched. */
  didYouMean: string | undefined;
}

/** Typing searches on its own from this many characters; Enter searches any word. */
const MIN_TYPED = 2;
/** A few articles are enough: the reader wants the answer, not the whole base. */
const FAQ_HITS = 3;

/**
 * @summary Searches the FAQ and the forum at once: help articles first, then threads with
 * highlighted matches, "More results", and a way to ask when nothing answers.
 *
 * @tag entraide-search
 *
 * @csspart form - The search box (`role="search"`).
 * @csspart input - The text field.
 * @csspart submit - The search button.
 * @csspart count - The number of results, also announced to screen readers.
 * @csspart faq - The group of FAQ articles (`<entraide-faq-link>` cards).
 * @csspart threads - The group of forum threads.
 * @csspart thread - One thread hit.
 * @csspart status - The "Solved" chip of a thread.
 * @csspart snippet - A thread's highlighted excerpt (`<mark>` around matches).
 * @csspart more - The "More results" button.
 * @csspart empty - The "no result" message and the "Ask a question" action.
 * @csspart did-you-mean - "Did you mean …?" when nothing matched and the community writes a word close to the one typed.
 * @csspart suggestion - Its link, which searches the suggested words.
 * @csspart ask - The "Ask a question" link (with `category-id`) or button.
 * @csspart loading - The loading message.
 * @csspart error - The error message and its retry button.
 *
 * @cssprop --entraide-color-highlight - Background of the `<mark>` around matched words.
 *
 * @fires {EntraideAskRequestedEvent} entraide-ask-requested - Nothing matched and the reader chose to ask; cancelable.
 * @fires {EntraideSearchedEvent} entraide-searched - The reader searched (typing, Enter, a suggestion, or Escape to clear); the forum puts the words in its URL.
 * @fires {EntraideFaqOpenedEvent} entraide-faq-opened - From a FAQ card: the reader opened an article; cancelable.
 */
export class EntraideSearch extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** Searches only this category (FAQ and forum); 0 searches everything. */
  @property({ type: Number, attribute: 'category-id' }) categoryId = 0;

  /** The text searched: set it to search from outside (a `?q=` in the page URL). */
  @property({ reflect: true }) query = '';

  /** Passed to each FAQ card: where its link goes, e.g. `/aide/{slug}`. */
  @property({ attribute: 'faq-href-template' }) faqHrefTemplate = '';

  /** Threads per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** Milliseconds of quiet typing before searching. */
  @property({ type: Number }) debounce = 300;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  /** What the field holds; `query` follows it once searched. */
  @state() protected draft = '';
  @state() protected more: SearchHit[] = [];
  @state() protected nextCursor: string | null = null;
  @state() protected loadingMore = false;
  @state() protected moreError: unknown = undefined;

  #timer: ReturnType<typeof setTimeout> | undefined;
  #moreController: AbortController | undefined;

  readonly #results = new Task(this, {
    args: () => [this.client, this.query.trim(), this.categoryId, this.resolvedLocale, this.pageSize] as const,
    task: async ([client, query, categoryId, locale, limit], { signal }) => {
      if (searchTerms(query).length === 0) return initialState;
      const scope = categoryId ? { categoryId } : {};
      const [faq, forum] = await Promise.all([
        client.faq.search({ q: query, locale, limit: FAQ_HITS, ...scope }, { signal }),
        client.search.forum({ q: query, limit, ...scope }, { signal }),
      ]);
      return { query, articles: faq.items, threads: forum.items, nextCursor: forum.nextCursor, didYouMean: forum.didYouMean } satisfies Results;
    },
    // New results start over: "More results" pages belong to the previous query.
    onComplete: (results) => {
      this.#moreController?.abort();
      this.more = [];
      this.moreError = undefined;
      this.loadingMore = false;
      this.nextCursor = results.nextCursor;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#moreController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Typing sets `query` to the draft itself; only a query set from outside replaces the field.
    if (changed.has('query') && this.query !== this.draft) this.draft = this.query;
  }

  /** Searches `text` now, as Enter does. */
  search(text: string): void {
    clearTimeout(this.#timer);
    this.draft = text;
    this.query = text;
  }

  /** Empties the field and the results. */
  clear(): void {
    this.search('');
  }

  protected override render() {
    const { t } = this;
    return html`
      <form part="form" role="search" aria-label=${t.search.label} @submit=${this.#submit}>
        <label for="q" class="visually-hidden">${t.search.label}</label>
        <input id="q" part="input" type="search" autocomplete="off" enterkeyhint="search" .value=${this.draft}
          placeholder=${t.search.placeholder} @input=${this.#typed} @keydown=${this.#inputKey} />
        <button class="button" part="submit" type="submit">${t.search.submit}</button>
      </form>
      <p class="count ${this.#hasResults() ? '' : 'visually-hidden'}" part="count" role="status">${this.#announcement()}</p>
      <div class="results" @keydown=${this.#resultsKey}>
        ${this.#results.render({
          pending: () => html`<p class="state" part="loading">${t.search.searching}</p>`,
          complete: (results) => this.#renderResults(results),
          error: (error) => renderError(t, error, () => void this.#results.run()),
        })}
      </div>
    `;
  }

  /** What the live region says: screen readers hear the count without moving focus. */
  #announcement(): string {
    const { t } = this;
    const results = this.#results.value;
    if (this.#results.status === TaskStatus.PENDING) return t.search.searching;
    if (this.#results.status === TaskStatus.ERROR) return errorText(t, this.#results.error);
    if (this.#results.status !== TaskStatus.COMPLETE || !results) return '';
    const total = results.articles.length + results.threads.length + this.more.length;
    return total ? t.search.resultCount(total) : t.search.noResult(results.query);
  }

  #hasResults(): boolean {
    const results = this.#results.value;
    return this.#results.status === TaskStatus.COMPLETE && !!results && results.articles.length + results.threads.length > 0;
  }

  #renderResults(results: Results) {
    const threads = [...results.threads, ...this.more];
    if (results.articles.length === 0 && threads.length === 0) return html`${this.#renderDidYouMean(results.didYouMean)}${this.#renderEmpty(results.query)}`;
    const { t } = this;
    return html`
      ${results.articles.length ? html`
        <section part="faq" aria-labelledby="faq-heading">
          <h2 id="faq-heading">${t.search.faqHeading}</h2>
          <ul>${results.articles.map((hit) => html`<li><entraide-faq-link data-result .article=${hit} href-template=${this.faqHrefTemplate || nothing}></entraide-faq-link></li>`)}</ul>
        </section>` : nothing}
      ${threads.length ? html`
        <section part="threads" aria-labelledby="threads-heading">
          <h2 id="threads-heading">${t.search.threadsHeading}</h2>
          <ul>${threads.map((hit) => this.#renderThread(hit))}</ul>
        </section>` : nothing}
      ${this.#renderMore()}
    `;
  }

  #renderThread(hit: SearchHit) {
    const { thread } = hit;
    return html`
      <li class="thread" part="thread" data-thread-id=${thread.id}>
        <a class="title" data-result href=${this.links.href({ name: 'thread', threadId: thread.id, title: thread.title })}>${unsafeHTML(hit.titleHtml)}</a>
        ${thread.status === 'solved' ? html`<span class="status solved" part="status">${this.t.threadStatus.solved}</span>` : nothing}
        <p class="snippet" part="snippet">${unsafeHTML(hit.snippetHtml)}</p>
      </li>
    `;
  }

  /** The suggested words as a link: shareable like any search, taken in place by a click. */
  #renderDidYouMean(words: string | undefined) {
    if (!words) return nothing;
    const { t } = this;
    const take = (event: Event) => {
      event.preventDefault();
      this.#searchFor(words, { replace: false });
      this.#input()?.focus();
    };
    return html`
      <p class="did-you-mean" part="did-you-mean">
        ${t.search.didYouMeanBefore}<a part="suggestion" href=${this.links.href({ name: 'search', query: words })} @click=${take}>${words}</a>${t.search.didYouMeanAfter}
      </p>
    `;
  }

  #renderEmpty(query: string) {
    const { t } = this;
    const href = this.categoryId ? this.links.href({ name: 'new-thread', categoryId: this.categoryId }) : null;
    return html`
      <div class="state" part="empty">
        <p>${t.search.noResult(query)}</p>
        <p>${t.search.askInstead}</p>
        ${href === null
          ? html`<button class="button" part="ask" type="button" @click=${this.#ask}>${t.search.ask}</button>`
          : html`<a class="button" part="ask" href=${href} @click=${this.#ask}>${t.search.ask}</a>`}
      </div>
    `;
  }

  #renderMore() {
    const { t } = this;
    const more = { hasNext: Boolean(this.nextCursor), error: this.moreError, loading: this.loadingMore };
    return renderMore(t, more, t.search.moreResults, 'more', () => void this.#loadMore());
  }

  readonly #typed = (event: Event): void => {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    const text = this.draft.trim();
    if (text === '') this.#searchFor('', { replace: true });
    else if (text.length >= MIN_TYPED) this.#timer = setTimeout(() => this.#searchFor(this.draft, { replace: true }), this.debounce);
  };

  readonly #submit = (event: Event): void => {
    event.preventDefault();
    this.#searchFor(this.draft, { replace: false });
  };

  /** A search the reader made: run it, and tell the forum so it can keep it in the URL. */
  #searchFor(text: string, { replace }: { replace: boolean }): void {
    // Enter after the typed search already in the URL: no second history entry for it.
    replace ||= text === this.query;
    this.search(text);
    // Untrimmed: the forum sets `query` back from the URL, and a trimmed copy would eat the space being typed.
    this.emit(new EntraideSearchedEvent({ query: text, replace }));
  }

  readonly #inputKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.draft !== '') {
      event.preventDefault();
      this.#searchFor('', { replace: true });
    } else if (event.key === 'ArrowDown' && this.#resultItems().length) {
      event.preventDefault();
      this.#resultItems()[0]?.focus();
    }
  };

  /** Up and down move through FAQ cards and threads alike; Escape goes back to the field. */
  readonly #resultsKey = (event: KeyboardEvent): void => {
    const items = this.#resultItems();
    const path = event.composedPath();
    const current = items.findIndex((item) => path.includes(item));
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 };
    const target = event.key === 'Escape' ? -1 : moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    if (target < 0) this.#input()?.focus();
    else items[Math.min(target, items.length - 1)]?.focus();
  };

  #resultItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[data-result]')];
  }

  #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  readonly #ask = (event: Event): void => {
    const proceed = this.emit(new EntraideAskRequestedEvent({ query: this.query, categoryId: this.categoryId || null }));
    if (!proceed) event.preventDefault();
  };

  readonly #loadMore = async (): Promise<void> => {
    if (this.loadingMore || !this.nextCursor) return;
    const controller = (this.#moreController = new AbortController());
    this.loadingMore = true;
    this.moreError = undefined;
    const firstNew = (this.#results.value?.threads.length ?? 0) + this.more.length;
    try {
      const scope = this.categoryId ? { categoryId: this.categoryId } : {};
      const page = await this.client.search.forum({ q: this.query.trim(), cursor: this.nextCursor, limit: this.pageSize, ...scope }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.more = [...this.more, ...page.items];
      this.nextCursor = page.nextCursor;
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('.thread a.title')[firstNew]?.focus();
    } catch (error) {
      if (!controller.signal.aborted) this.moreError = error;
    } finally {
      if (this.#moreController === controller) this.loadingMore = false;
    }
  };
}

EntraideSearch.define('entraide-search');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-search': EntraideSearch;
  }
}
