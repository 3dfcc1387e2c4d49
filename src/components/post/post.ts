import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Post } from '../../contract/models.ts';
import type { PostKind } from '../../core/index.ts';
import { isStaff } from '../../core/index.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import '../post-header/post-header.ts';
import styles from './post.styles.ts';

/**
 * @summary One post of a thread: its header (author, status, dates) and its body.
 *
 * @tag entraide-post
 *
 * @csspart base - The `<article>` around the post.
 * @csspart kind - The "Question" / "Follow-up note" label.
 * @csspart header - The `<entraide-post-header>`.
 * @csspart body - The rendered body.
 * @csspart credits - An advisor confirmation's credits: cited members, FAQ articles, colleagues.
 * @csspart credit - One cited member.
 * @csspart faq-link - One FAQ article linked by a confirmation.
 * @csspart signature - The advisor signature under advisor posts.
 */
export class EntraidePost extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The post, as the API returns it. */
  @property({ attribute: false }) accessor post: Post | null = null;

  /** Set when the author is an advisor or moderator; such posts are styled apart. */
  @property({ type: Boolean, reflect: true }) accessor advisor = false;

  /** Set on the reply the asker (or an advisor) accepted as the solution. */
  @property({ type: Boolean, reflect: true }) accessor accepted = false;

  /** The post's kind (`question`, `reply`, `trace`), reflected for styling. */
  @property({ reflect: true }) accessor kind: PostKind | undefined = undefined;

  protected override willUpdate(): void {
    this.advisor = this.post ? isStaff(this.post.author.role) : false;
    this.kind = this.post?.kind;
  }

  protected override render() {
    const post = this.post;
    if (!post) return nothing;
    // bodyHtml and signatureHtml are the only HTML this element inserts: the server rendered them from markdown with
    // raw HTML off, ran an allow-list sanitizer and stored the result. Every other field
    // (pseudonym, title, …) goes through Lit's text bindings and is escaped.
    const body = unsafeHTML(post.bodyHtml);
    return html`
      <article part="base" id="post-${post.id}">
        ${this.#renderKind(post.kind)}
        <entraide-post-header part="header" .author=${post.author} .postedAt=${post.createdAt}></entraide-post-header>
        <div class="body" part="body">${body}</div>
        ${this.#renderConfirmation(post)}
        ${post.signatureHtml ? html`<footer class="signature" part="signature" aria-label=${this.t.advisorSignature}>${unsafeHTML(post.signatureHtml)}</footer>` : nothing}
      </article>
    `;
  }

  /** An advisor's confirmation credits the community members it cites (study §32–33). */
  #renderConfirmation(post: Post) {
    const confirmation = post.confirmation;
    if (!confirmation) return nothing;
    const { t } = this;
    return html`
      <aside class="credits" part="credits">
        <p>${t.confirmsAnswersOf}
          ${confirmation.cited.map((cited, index) => html`${index ? ', ' : ''}<strong part="credit">@${cited.author.pseudonym}</strong>`)}</p>
        ${confirmation.faqLinks.length
          ? html`<p>${t.faqArticles} : ${confirmation.faqLinks.map((link, index) => html`${index ? ', ' : ''}<cite part="faq-link">${link.title}</cite>`)}</p>`
          : nothing}
        ${confirmation.assistedBy.length ? html`<p>${t.assistedBy} ${confirmation.assistedBy.map((a) => a.pseudonym).join(', ')}</p>` : nothing}
      </aside>
    `;
  }

  #renderKind(kind: PostKind) {
    if (this.accepted) return html`<p class="kind accepted" part="kind">✓ ${this.t.acceptedSolution}</p>`;
    if (kind === 'question') return html`<p class="kind" part="kind">${this.t.question}</p>`;
    if (kind === 'trace') return html`<p class="kind" part="kind">${this.t.trace}</p>`;
    return nothing;
  }
}

EntraidePost.define('entraide-post');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-post': EntraidePost;
  }
}
