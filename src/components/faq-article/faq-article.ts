import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import type { FaqArticle, FaqRelated } from '../../sdk/types.ts';
import { clientContext, defaultClient, hashLinks, linksContext } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
// The profile's and the article page's routes live past the read path: this chunk adds them to the forum's client.
import '../internal/staff-client.ts';
import { formatDateTime } from '../internal/format.ts';
import { SeededValue, seedContext, type ForumSeed } from '../internal/seed.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import styles from './faq-article.styles.ts';
import { faqArticleStrings, type FaqArticleStrings } from './strings.ts';

interface Loaded {
  article: FaqArticle;
  related: FaqRelated['items'];
}

/**
 * @summary One FAQ article as a page of the forum (study §20: customers learn to find the
 * answer themselves): the article, then the solved threads related to it, those where an
 * advisor linked it first.
 *
 * @tag entraide-faq-article
 *
 * @csspart article - The article: kind, title, summary, body.
 * @csspart body - The article's body (HTML the server rendered and sanitized).
 * @csspart related - The list of related solved threads.
 * @csspart thread - One related thread.
 * @csspart empty - The message when no solved thread relates to the article.
 * @csspart loading - The loading message.
 * @csspart error - The error message (with a retry unless the article does not exist).
 */
export class EntraideFaqArticle extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** The article's slug; it loads in the reader's language when it exists in it. */
  @property({ reflect: true }) slug = '';

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;
  /** What a server-rendered page was rendered from: its article shows at once, with no request. */
  @consume({ context: seedContext }) seed: ForumSeed | undefined = undefined;

  readonly #loaded = new Task(this, {
    args: () => [this.client, this.slug, this.resolvedLocale] as const,
    task: async ([client, slug, locale], { signal }): Promise<Loaded | typeof initialState> => {
      if (!slug) return initialState;
      const [article, related] = await Promise.all([client.faq.get(slug, { locale }, { signal }), client.faq.related(slug, { locale }, { signal })]);
      return { article, related: related.items };
    },
  });

  readonly #seeded = new SeededValue<Loaded>(this.#loaded);

  protected override willUpdate(): void {
    this.#seeded.update(() => {
      const faq = this.seed?.faq;
      return faq && faq.slug === this.slug && this.seed?.locale === this.resolvedLocale ? { article: faq.article, related: faq.related } : undefined;
    });
  }

  get #s(): FaqArticleStrings {
    return faqArticleStrings[this.resolvedLocale];
  }

  protected override render() {
    const s = this.#s;
    const seeded = this.#seeded.value;
    if (seeded) return this.#renderArticle(s, seeded);
    return this.#loaded.render({
      pending: () => html`<p class="state" part="loading" role="status">${s.loading}</p>`,
      complete: (loaded) => this.#renderArticle(s, loaded),
      error: (error) => this.#renderError(s, error),
    });
  }

  #renderError(s: FaqArticleStrings, error: unknown) {
    const gone = isEntraideError(error) && (error.status === 404 || error.status === 400);
    return html`
      <div class="state error" part="error" role="alert">
        <span>${gone ? s.notFound : s.loadFailed}</span>
        ${gone
          ? html`<a href=${this.links.href({ name: 'categories' })}>${s.backToForum}</a>`
          : html`<button class="button secondary" type="button" @click=${() => void this.#loaded.run()}>${s.retry}</button>`}
      </div>
    `;
  }

  #renderArticle(s: FaqArticleStrings, { article, related }: Loaded) {
    return html`
      <article part="article" lang=${article.locale}>
        <p class="kind">${s.kind}</p>
        <h2 tabindex="-1">${article.title}</h2>
        ${article.summary ? html`<p class="summary">${article.summary}</p>` : nothing}
        <!-- The only HTML inserted: the server rendered it from markdown with raw HTML off, then sanitized it (DESIGN.md). -->
        <div class="body" part="body">${unsafeHTML(article.bodyHtml)}</div>
        <p class="muted">${s.updated(formatDateTime(this.resolvedLocale, article.updatedAt))}</p>
      </article>
      <section aria-labelledby="related-heading">
        <h3 id="related-heading">${s.relatedHeading}</h3>
        <p class="muted">${s.relatedHelp}</p>
        ${related.length
          ? html`<ul class="related" part="related">${related.map(({ thread, linked }) => html`
              <li part="thread">
                <a href=${this.links.href({ name: 'thread', threadId: thread.id, title: thread.title })}>${thread.title}</a>
                <div class="meta">
                  <span class="status ${thread.status}">${this.t.threadStatus[thread.status]}</span>
                  <span>${s.replies(thread.replyCount)}</span>
                  ${linked ? html`<span>${s.linked}</span>` : nothing}
                </div>
              </li>`)}</ul>`
          : html`<p class="state" part="empty">${s.noRelated}</p>`}
      </section>
    `;
  }
}

EntraideFaqArticle.define('entraide-faq-article');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-faq-article': EntraideFaqArticle;
  }
}
