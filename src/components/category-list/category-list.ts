import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html } from 'lit';
import type { Category, Community } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { loadCommunity } from '../internal/community.ts';
import { clientContext, defaultClient, hashLinks, linksContext } from '../internal/context.ts';
import { MinuteClock } from '../internal/clock.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderEmpty, renderError, renderLoading } from '../internal/states.ts';
import { SeededValue, seedContext, type ForumSeed } from '../internal/seed.ts';
import styles from './category-list.styles.ts';

/**
 * @summary The community's categories ("rubriques"), each with its description, counts and
 * last activity, linking to its questions.
 *
 * @tag entraide-category-list
 *
 * @csspart heading - The "Categories" heading.
 * @csspart list - The list of categories.
 * @csspart item - One category.
 * @csspart loading - The loading message.
 * @csspart empty - The message shown when there is no category.
 * @slot empty - The brand's own empty state, shown instead of that message.
 * @csspart error - The error message and its retry button.
 */
export class EntraideCategoryList extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;
  /** What a server-rendered page was rendered from: its categories show at once, with no request. */
  @consume({ context: seedContext }) seed: ForumSeed | undefined = undefined;

  readonly #community = new Task(this, {
    args: () => [this.client, this.resolvedLocale] as const,
    task: ([client, locale], { signal }) => loadCommunity(client, locale, signal),
  });

  readonly #seeded = new SeededValue<Community>(this.#community);

  constructor() {
    super();
    new MinuteClock(this);
  }

  protected override willUpdate(): void {
    this.#seeded.update(() => (this.seed?.locale === this.resolvedLocale ? this.seed.community : undefined));
  }

  protected override render() {
    const { t } = this;
    const seeded = this.#seeded.value;
    return html`
      <h2 part="heading" tabindex="-1">${t.categoriesHeading}</h2>
      ${seeded ? this.#renderCommunity(seeded) : this.#community.render({
        pending: () => renderLoading(t),
        complete: (community) => this.#renderCommunity(community),
        error: (error) => renderError(t, error, () => void this.#community.run()),
      })}
    `;
  }

  #renderCommunity({ categories }: Community) {
    return categories.length ? this.#renderList(categories) : renderEmpty(this.t.noCategories);
  }

  #renderList(categories: Category[]) {
    return html`<ul part="list">${categories.map((category) => this.#renderItem(category))}</ul>`;
  }

  #renderItem(category: Category) {
    const { t } = this;
    return html`
      <li part="item" data-category-id=${category.id}>
        <h3><a href=${this.links.href({ name: 'category', categoryId: category.id, slug: category.slug })}>${category.name}</a></h3>
        <p class="description">${category.description}</p>
        <div class="meta">
          <span>${t.threadCount(category.threadCount)}</span>
          <span>${t.postCount(category.postCount)}</span>
          ${category.lastPostAt
            ? html`<time datetime=${category.lastPostAt}>${t.lastActivity(formatRelative(t.locale, category.lastPostAt))}</time>`
            : html`<span>${t.noActivity}</span>`}
        </div>
      </li>
    `;
  }
}

EntraideCategoryList.define('entraide-category-list');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-category-list': EntraideCategoryList;
  }
}
