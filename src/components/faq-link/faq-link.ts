import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { EntraideClient } from '../../sdk/index.ts';
import { EntraideFaqOpenedEvent, type FaqArticleLink } from '../events/faq-opened.ts';
import { loadCommunity } from '../internal/community.ts';
import { clientContext, defaultClient, hashLinks, linksContext } from '../internal/context.ts';
import '../internal/reading-client.ts';
import type { Links } from '../internal/router.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderError, renderLoading } from '../internal/states.ts';
import styles from './faq-link.styles.ts';
import { searchStrings } from '../translations/search.strings.ts';
import { registerStrings } from '../translations/index.ts';

registerStrings(searchStrings);

/**
 * What the card shows. A search hit may add its highlighted `titleHtml` and `snippetHtml`:
 * escaped text whose only tags are the server's `<mark>` (see src/contract/areas/knowledge.ts).
 */
export interface FaqCardArticle extends FaqArticleLink {
  readonly titleHtml?: string;
  readonly snippetHtml?: string;
}

/**
 * @summary A FAQ article as a card (title, summary, category) that opens the article.
 *
 * @tag entraide-faq-link
 *
 * @csspart card - The card around everything.
 * @csspart link - The article title: a link to the forum's FAQ page, or to `href-template`'s address.
 * @csspart summary - The summary, or the highlighted excerpt of a search hit.
 * @csspart category - The category name, when the article has one.
 * @csspart loading - The loading message (with `slug`).
 * @csspart error - The error message and its retry button (with `slug`).
 *
 * @cssprop --entraide-faq-link-accent - The card's left border; defaults to the accent colour.
 * @cssprop --entraide-color-highlight - Background of the `<mark>` around matched words (search hits).
 *
 * @fires {EntraideFaqOpenedEvent} entraide-faq-opened - The reader opened the article; cancelable.
 */
export class EntraideFaqLink extends EntraideElement {
  static override styles = [tokens, controls, styles];
  /** `focus()` on the element focuses its link, so lists can move through cards with the keyboard. */
  static override shadowRootOptions: ShadowRootInit = { ...EntraideElement.shadowRootOptions, delegatesFocus: true };

  /** The article to show; wins over `slug`. */
  @property({ attribute: false }) article: FaqCardArticle | undefined;

  /** Loads the article with this slug (in the reader's language) when no `article` is given. */
  @property({ reflect: true }) slug = '';

  /** Where the link goes, `{slug}` replaced: `/aide/{slug}`. Without it, the forum's FAQ page (`#/faq/<slug>`, or the forum's `faq-href-template`). */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** How links are written: the forum's routing (and its FAQ address), or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  readonly #loaded = new Task(this, {
    args: () => [this.client, this.article ? '' : this.slug, this.resolvedLocale] as const,
    task: async ([client, slug, locale], { signal }) => {
      if (!slug) return initialState;
      const article = await client.faq.get(slug, { locale }, { signal });
      return { slug: article.slug, title: article.title, summary: article.summary, categoryId: article.categoryId } satisfies FaqCardArticle;
    },
  });

  /** The category name, once the community (shared and cached) tells it. */
  readonly #category = new Task(this, {
    args: () => [this.client, this.#shown()?.categoryId ?? null, this.resolvedLocale] as const,
    task: async ([client, categoryId, locale], { signal }) => {
      if (categoryId === null) return null;
      const community = await loadCommunity(client, locale, signal);
      return community.categories.find((c) => c.id === categoryId)?.name ?? null;
    },
  });

  /** The href the link takes: `href-template`'s address, else the forum's FAQ page; null before the article is known. */
  get href(): string | null {
    const slug = this.#shown()?.slug;
    if (!slug) return null;
    return this.hrefTemplate ? this.hrefTemplate.replaceAll('{slug}', encodeURIComponent(slug)) : this.links.href({ name: 'faq', slug });
  }

  #shown(): FaqCardArticle | undefined {
    return this.article ?? this.#loaded.value;
  }

  protected override render() {
    if (this.article) return this.#renderCard(this.article);
    return this.#loaded.render({
      pending: () => renderLoading(this.t),
      complete: (article) => this.#renderCard(article),
      error: (error) => renderError(this.t, error, () => void this.#loaded.run()),
    });
  }

  #renderCard(article: FaqCardArticle) {
    const { t } = this;
    const title = article.titleHtml === undefined ? article.title : unsafeHTML(article.titleHtml);
    const summary = article.snippetHtml === undefined ? article.summary : unsafeHTML(article.snippetHtml);
    const category = this.#category.value;
    const href = this.href;
    return html`
      <div class="card" part="card">
        <span class="kind">${t.search.faqArticle}</span>
        <a class="title" part="link" href=${href ?? nothing} @click=${this.#open}>${title}</a>
        ${summary ? html`<p class="summary" part="summary">${summary}</p>` : nothing}
        ${category ? html`<span class="category" part="category">${category}</span>` : nothing}
      </div>
    `;
  }

  readonly #open = (event: Event): void => {
    const article = this.#shown();
    if (!article) return;
    const { slug, title, summary, categoryId } = article;
    const proceed = this.emit(new EntraideFaqOpenedEvent({ article: { slug, title, summary, categoryId }, href: this.href }));
    if (!proceed) event.preventDefault();
  };
}

EntraideFaqLink.define('entraide-faq-link');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-faq-link': EntraideFaqLink;
  }
}
