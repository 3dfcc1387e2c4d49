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
 */
export class EntraidePost extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The post, as the API returns it. */
  @property({ attribute: false }) accessor post: Post | null = null;

  /** Set when the author is an advisor or moderator; such posts are styled apart. */
  @property({ type: Boolean, reflect: true }) accessor advisor = false;

  /** The post's kind (`question`, `reply`, `trace`), reflected for styling. */
  @property({ reflect: true }) accessor kind: PostKind | undefined = undefined;

  protected override willUpdate(): void {
    this.advisor = this.post ? isStaff(this.post.author.role) : false;
    this.kind = this.post?.kind;
  }

  protected override render() {
    const post = this.post;
    if (!post) return nothing;
    // bodyHtml is the only HTML this element inserts: the server rendered it from markdown with
    // raw HTML off, ran an allow-list sanitizer and stored the result. Every other field
    // (pseudonym, title, …) goes through Lit's text bindings and is escaped.
    const body = unsafeHTML(post.bodyHtml);
    return html`
      <article part="base" id="post-${post.id}">
        ${this.#renderKind(post.kind)}
        <entraide-post-header part="header" .author=${post.author} .postedAt=${post.createdAt}></entraide-post-header>
        <div class="body" part="body">${body}</div>
      </article>
    `;
  }

  #renderKind(kind: PostKind) {
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
