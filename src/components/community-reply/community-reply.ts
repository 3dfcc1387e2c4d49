import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Post } from '../../sdk/types.ts';
import { hashLinks, linksContext } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import '../post-header/post-header.ts';
import styles from './community-reply.styles.ts';
import { interactionsStrings } from '../translations/interactions.strings.ts';
import { registerStrings } from '../translations/index.ts';

registerStrings(interactionsStrings);

/** Who wrote the answer, as a confirmation cites them (`confirmation.cited[].author`). */
export interface CitedAuthor {
  id: number;
  pseudonym: string;
}

/**
 * The `<entraide-post>` showing `postId`, looked for from `start` outwards through each
 * enclosing shadow root up to the document (the thread keeps its posts in its own shadow root).
 */
export function findPostElement(start: Node, postId: number): HTMLElement | undefined {
  let root: Node = start.getRootNode();
  for (;;) {
    const scope = root as ShadowRoot | Document;
    const match = [...scope.querySelectorAll('entraide-post')].find((element) => element.post?.id === postId && !element.contains(start));
    if (match) return match;
    if (!(root instanceof ShadowRoot)) return undefined;
    root = root.host.getRootNode();
  }
}

/**
 * @summary A member's answer as an advisor confirmation credits it (study §32–33): its author,
 * its body (or an excerpt), its state (accepted solution, confirmed by an advisor) and the
 * credit line with a link to the answer in the thread.
 *
 * @tag entraide-community-reply
 *
 * When `post` is not known (a long thread not loaded that far), the author and the link are
 * shown, and nothing is fetched.
 *
 * @csspart base - The credit block.
 * @csspart state - The accepted / confirmed badges.
 * @csspart header - The compact `<entraide-post-header>` of the author.
 * @csspart body - The answer's sanitized body.
 * @csspart credit - The credit line.
 * @csspart link - The link to the answer in the thread.
 *
 * @cssprop [--entraide-community-reply-lines=4] - Lines of the body shown in `excerpt` mode.
 */
export class EntraideCommunityReply extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The cited answer, when the page has it. */
  @property({ attribute: false }) post: Post | null = null;
  /** Its author, as the confirmation cites them; used when `post` is not known. */
  @property({ attribute: false }) author: CitedAuthor | null = null;
  /** The cited answer's id (falls back to `post.id`). */
  @property({ type: Number, attribute: 'post-id' }) postId = 0;
  /** The thread the answer belongs to, for its link (falls back to `post.threadId`). */
  @property({ type: Number, attribute: 'thread-id' }) threadId = 0;
  /** Set when the answer is the thread's accepted solution. */
  @property({ type: Boolean, reflect: true }) accepted = false;
  /** Pseudonym of the advisor who confirmed the answer. */
  @property({ attribute: 'confirmed-by' }) confirmedBy = '';
  /** Shows the first lines of the body only. */
  @property({ type: Boolean, reflect: true }) excerpt = false;

  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  get #answerId(): number {
    return this.postId || this.post?.id || 0;
  }

  get #href(): string {
    const threadId = this.threadId || this.post?.threadId;
    const thread = threadId ? this.links.href({ name: 'thread', threadId }) : '';
    return `${thread}#post-${this.#answerId}`;
  }

  protected override render() {
    const author = this.post?.author ?? this.author;
    if (!author) return nothing;
    const { t } = this;
    return html`
      <figure class="reply" part="base" aria-label=${t.answerBy(author.pseudonym)}>
        ${this.#renderState()}
        ${this.post ? html`<entraide-post-header class="header" part="header" .author=${this.post.author} .postedAt=${this.post.createdAt}></entraide-post-header>` : nothing}
        ${this.post ? html`<div class="body" part="body">${unsafeHTML(this.post.bodyHtml)}</div>` : nothing}
        <figcaption class="credit" part="credit">
          <span>${t.answerBy(`@${author.pseudonym}`)}</span>
          <a part="link" href=${this.#href} @click=${this.#goToAnswer}>${t.seeAnswer}</a>
        </figcaption>
      </figure>
    `;
  }

  #renderState() {
    if (!this.accepted && !this.confirmedBy) return nothing;
    return html`
      <p class="state" part="state">
        ${this.accepted ? html`<span class="badge accepted">✓ ${this.t.acceptedSolution}</span>` : nothing}
        ${this.confirmedBy ? html`<span class="badge confirmed">${this.t.confirmedBy(this.confirmedBy)}</span>` : nothing}
      </p>
    `;
  }

  /** The answer is usually on the page: scroll to it and move focus there, without routing. */
  readonly #goToAnswer = (event: MouseEvent): void => {
    const target = findPostElement(this, this.#answerId);
    if (!target) return;
    event.preventDefault();
    const article = target.shadowRoot?.querySelector<HTMLElement>('article') ?? target;
    article.scrollIntoView({ block: 'start' });
    article.focus({ preventScroll: true });
  };
}

EntraideCommunityReply.define('entraide-community-reply');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-community-reply': EntraideCommunityReply;
  }
}
