import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Category, ThreadSummary } from '../../sdk/types.ts';
import { can, LIMITS, threadRules } from '../../core/index.ts';
import type { EntraideClient, ThreadListQuery } from '../../sdk/index.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { loadCommunity } from '../internal/community.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { MinuteClock } from '../internal/clock.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatRelative } from '../internal/format.ts';
import { loadInteractions } from '../internal/lazy.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import { renderEmpty, renderError, renderLoading, renderMore } from '../internal/states.ts';
import { SeededValue, seedContext, type ForumSeed } from '../internal/seed.ts';
import styles from './thread-list.styles.ts';

type ThreadFilter = NonNullable<ThreadListQuery['filter']>;
type ThreadSort = NonNullable<ThreadListQuery['sort']>;

interface FirstPage {
  category: Category | undefined;
  items: ThreadSummary[];
  nextCursor: string | null;
}

/**
 * @summary The questions of one category, most recent activity first, with "Load more".
 *
 * @tag entraide-thread-list
 *
 * @csspart heading - The category name.
 * @csspart follow - Signed-in members: `<entraide-follow>` (follow or mute the category).
 * @csspart new-thread - The "New question" link, or the sign-in button for guests.
 * @csspart toolbar - The filters and the sort order.
 * @csspart filter - One filter button (`aria-pressed` tells the current one).
 * @csspart sort - The sort order select.
 * @csspart list - The list of threads.
 * @csspart item - One thread.
 * @csspart status - A thread's status chip.
 * @csspart unread - "3 new": posts the signed-in reader has not read, on threads they read before or follow.
 * @csspart load-more - The "Load more" link: the next page's address (`?cursor=…`, readable with JavaScript off); a click loads it here.
 * @csspart loading - The loading message.
 * @csspart empty - The message shown when the category has no thread.
 * @slot empty - The brand's own empty state, shown instead of that message.
 * @csspart error - The error message and its retry button.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest chose "New question".
 */
export class EntraideThreadList extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** The category whose threads are listed. */
  @property({ type: Number, attribute: 'category-id' }) categoryId = 0;

  /** Which threads to show: `all`, `unanswered`, `solved`, or `mine` (signed-in members). */
  @property({ reflect: true }) filter: ThreadFilter = 'all';

  /** `activity` (latest post first) or `newest` (latest question first). */
  @property({ reflect: true }) sort: ThreadSort = 'activity';

  /** The page the list starts at: a later page's cursor (`/c/<slug>?cursor=…`, as a server-rendered page links it); none: the first. */
  @property() cursor?: string;

  /** How many threads each request asks for. */
  @property({ type: Number, attribute: 'page-size' }) pageSize: number = LIMITS.pageSizeDefault;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, or a guest when used alone. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;
  /** What a server-rendered page was rendered from: its first page shows at once, with no request. */
  @consume({ context: seedContext }) seed: ForumSeed | undefined = undefined;

  /** Pages fetched with "Load more", after the first. */
  @state() protected more: ThreadSummary[] = [];
  @state() protected nextCursor: string | null = null;
  @state() protected loadingMore = false;
  @state() protected moreError: unknown = undefined;
  @state() protected signInUnavailable = false;

  #moreController: AbortController | undefined;

  readonly #firstPage = new Task(this, {
    args: () => [this.client, this.categoryId, this.pageSize, this.resolvedLocale, this.filter, this.sort, this.cursor, this.session] as const,
    task: async ([client, categoryId, limit, locale, filter, sort, cursor], { signal }) => {
      if (!categoryId) return initialState;
      const [community, page] = await Promise.all([
        loadCommunity(client, locale, signal),
        // A later page is one of the default list: another filter or order starts from its top.
        client.threads.list({ categoryId, limit, filter, sort, cursor: filter === 'all' && sort === 'activity' ? cursor : undefined }, { signal }),
      ]);
      const category = community.categories.find((c) => c.id === categoryId);
      return { category, items: page.items, nextCursor: page.nextCursor } satisfies FirstPage;
    },
    // A new first page starts the list over: earlier "Load more" pages belong to the old one.
    onComplete: (first) => {
      this.#moreController?.abort();
      this.more = [];
      this.moreError = undefined;
      this.loadingMore = false;
      this.nextCursor = first.nextCursor;
    },
  });

  readonly #seeded = new SeededValue<FirstPage>(this.#firstPage);

  constructor() {
    super();
    new MinuteClock(this);
  }

  /** The first page: loaded here, or the page's seed. */
  get #first(): FirstPage | undefined {
    return this.#firstPage.value ?? this.#seeded.value;
  }

  protected override willUpdate(): void {
    this.#seeded.update(() => this.#fromSeed());
  }

  /** The seed's page while it is the one asked for: this category and page, the default filter, order and size, in the page's language, to a guest. */
  #fromSeed(): FirstPage | undefined {
    const seed = this.seed;
    const threads = seed?.threads;
    if (!seed || !threads || threads.categoryId !== this.categoryId || threads.cursor !== this.cursor || seed.locale !== this.resolvedLocale || this.session.member) return undefined;
    if (this.filter !== 'all' || this.sort !== 'activity' || this.pageSize !== LIMITS.pageSizeDefault) return undefined;
    if (this.#seeded.value) return this.#seeded.value;
    this.nextCursor = threads.nextCursor;
    return { category: seed.community.categories.find((c) => c.id === threads.categoryId), items: threads.items, nextCursor: threads.nextCursor };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreController?.abort();
  }

  protected override render() {
    const seeded = this.#seeded.value;
    if (seeded) return this.#renderPage(seeded);
    return this.#firstPage.render({
      pending: () => renderLoading(this.t),
      complete: (first) => this.#renderPage(first),
      error: (error) => renderError(this.t, error, () => void this.#firstPage.run()),
    });
  }

  #renderPage(first: FirstPage) {
    // Signed-in members follow or mute the category: `<entraide-follow>` comes with the interactions chunk, which their next thread needs anyway.
    // It also keeps their list live, with their own "3 new" (./live-list.ts).
    if (this.session.member) void loadInteractions().then((chunk) => chunk.followList(this));
    const items = [...first.items, ...this.more];
    const name = first.category?.name ?? '';
    return html`
      <div class="top">
        <div>
          <h2 part="heading" tabindex="-1">${name}</h2>
          ${first.category?.description ? html`<p class="description">${first.category.description}</p>` : nothing}
          ${this.session.member && html`<entraide-follow part="follow" target="category" target-id=${this.categoryId}></entraide-follow>`}
        </div>
        ${this.#renderNewThread()}
      </div>
      ${this.#renderToolbar()}
      ${items.length ? this.#renderItems(items, name) : renderEmpty(this.filter === 'all' ? this.t.noThreads : this.t.noThreadsFiltered)}
      ${this.#renderMore()}
    `;
  }

  #renderToolbar() {
    const { t } = this;
    const filters = (['all', 'unanswered', 'solved', 'mine'] as const).filter((f) => f !== 'mine' || this.session.member);
    return html`
      <div class="toolbar" part="toolbar">
        <div class="filters" role="group" aria-label=${t.filterLabel}>
          ${filters.map(
            (filter) => html`<button type="button" class="chip-button" part="filter" aria-pressed=${this.filter === filter ? 'true' : 'false'}
              @click=${() => (this.filter = filter)}>${t.threadFilters[filter]}</button>`,
          )}
        </div>
        <label class="sort">${t.sortLabel}
          <select part="sort" @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as ThreadSort)}>
            ${(['activity', 'newest'] as const).map((sort) => html`<option value=${sort} ?selected=${this.sort === sort}>${t.threadSorts[sort]}</option>`)}
          </select>
        </label>
      </div>
    `;
  }

  #renderNewThread() {
    const { t } = this;
    if (can(actorOf(this.session), threadRules.startThread)) {
      const href = this.links.href({ name: 'new-thread', categoryId: this.categoryId });
      return html`<a class="button" part="new-thread" href=${href}>${t.newQuestion}</a>`;
    }
    return html`
      <div>
        <button class="button secondary" part="new-thread" type="button" @click=${this.#requestSignIn}>${t.signInToAsk}</button>
        ${this.signInUnavailable ? html`<p class="notice" role="status">${t.signInUnavailable}</p>` : nothing}
      </div>
    `;
  }

  #renderItems(items: ThreadSummary[], categoryName: string) {
    return html`
      <ul part="list" aria-label=${this.t.threadListLabel(categoryName)}>
        ${items.map((thread) => this.#renderItem(thread))}
      </ul>
    `;
  }

  #renderItem(thread: ThreadSummary) {
    const { t } = this;
    return html`
      <li part="item" data-thread-id=${thread.id}>
        <a class="title" href=${this.links.href({ name: 'thread', threadId: thread.id, title: thread.title })}>${thread.title}</a>
        ${thread.unreadCount ? html`<span class="unread" part="unread">${t.newPosts(thread.unreadCount)}</span>` : nothing}
        <div class="meta">
          <span class="status ${thread.status}" part="status">${t.threadStatus[thread.status]}</span>
          <span>${t.by('')}<a href=${this.links.href({ name: 'member', memberId: thread.author.id })}>${thread.author.pseudonym}</a></span>
          <span>${t.replyCount(thread.replyCount)}</span>
          <time datetime=${thread.lastPostAt}>${t.lastActivity(formatRelative(t.locale, thread.lastPostAt))}</time>
        </div>
      </li>
    `;
  }

  #renderMore() {
    const { t } = this;
    const more = { hasNext: Boolean(this.nextCursor), error: this.moreError, loading: this.loadingMore };
    // The next page's own address: readers without JavaScript follow it to the server's page.
    const href = this.links.href({ name: 'category', categoryId: this.categoryId, slug: this.#first?.category?.slug, cursor: this.nextCursor });
    return renderMore(t, more, t.loadMore, 'load-more', this.#loadMore, href);
  }

  /** From the "Load more" link's click: the next page comes here rather than in a page of its own. */
  readonly #loadMore = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.loadingMore || !this.nextCursor) return;
    const controller = (this.#moreController = new AbortController());
    this.loadingMore = true;
    this.moreError = undefined;
    const firstNew = this.#count();
    try {
      const page = await this.client.threads.list({ categoryId: this.categoryId, cursor: this.nextCursor, limit: this.pageSize, filter: this.filter, sort: this.sort }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.more = [...this.more, ...page.items];
      this.nextCursor = page.nextCursor;
      await this.#focusItem(firstNew);
    } catch (error) {
      if (!controller.signal.aborted) this.moreError = error;
    } finally {
      if (this.#moreController === controller) this.loadingMore = false;
    }
  };

  /** @internal Live changes (./live-list.ts): the threads on screen, each page's, become what `change` makes of them (changed, or gone). */
  patch(change: (threads: ThreadSummary[]) => ThreadSummary[]): void {
    const first = this.#first;
    if (first) first.items = change(first.items);
    this.more = change(this.more);
  }

  #count(): number {
    return (this.#first?.items.length ?? 0) + this.more.length;
  }

  /** Keyboard users continue from the first thread that just arrived, not from the top. */
  async #focusItem(index: number): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLAnchorElement>('li a.title')[index]?.focus();
  }

  readonly #requestSignIn = (): void => {
    this.signInUnavailable = this.emit(new EntraideSignInRequestedEvent({ reason: 'new-thread' }));
  };
}

EntraideThreadList.define('entraide-thread-list');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-thread-list': EntraideThreadList;
  }
}
