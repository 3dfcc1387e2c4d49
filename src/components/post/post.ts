import { consume } from '@lit/context';
import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Post, ThreadSummary } from '../../sdk/types.ts';
import type { PostKind } from '../../core/index.ts';
import { isStaff } from '../../core/index.ts';
import type { EntraidePostDeletedEvent } from '../events/post-deleted.ts';
import { MinuteClock } from '../internal/clock.ts';
import { hashLinks, linksContext, rankNamesContext } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { basics, tokens } from '../internal/shared.styles.ts';
import { loadInteractions } from '../internal/lazy.ts';
import { postHeaderStyles, renderPostHeader } from '../post-header/post-header.view.ts';
import { postBody } from '../internal/body.styles.ts';
import styles from './post.styles.ts';
import type { renderConfirmation } from './confirmation.ts';

/** The credits renderer when a page needs it before the interactions chunk (see `setConfirmationRenderer`). */
let earlyConfirmation: typeof renderConfirmation | undefined;

/** A server render and its hydration must draw the same credits: `../ssr.ts` and `../hydrate.ts` give the renderer at once. */
export function setConfirmationRenderer(renderer: typeof renderConfirmation): void {
  earlyConfirmation = renderer;
}

/**
 * @summary One post of a thread: its header (author, status, dates) and its body.
 *
 * @tag entraide-post
 *
 * @csspart base - The `<article>` around the post.
 * @csspart kind - The "Question" / "Follow-up note" label.
 * @csspart header - The header: who wrote the post and when (the same as `<entraide-post-header>`, drawn inside the post).
 * @csspart avatar - The author's initials bubble.
 * @csspart pseudonym - The author's pseudonym, a link to their profile.
 * @csspart role - The advisor or moderator badge, with the team.
 * @csspart rank - The author's status pill (`--entraide-rank-color-*`).
 * @csspart rank-level - The level number in the pill.
 * @csspart rank-name - The status name in the pill.
 * @csspart post-count - The author's post count.
 * @csspart joined - The author's join date.
 * @csspart posted - The `<time>` the post was written.
 * @csspart body - The rendered body.
 * @csspart tombstone - What a deleted post shows instead of its body ("Deleted by its author").
 * @csspart credits - An advisor confirmation's credits: cited answers, FAQ articles, colleagues.
 * @csspart credit - One cited answer, an `<entraide-community-reply>`.
 * @csspart faq-link - One FAQ article linked by a confirmation: a link to its page (the forum's, or `faq-href-template`'s).
 * @csspart signature - The advisor signature under advisor posts.
 * @csspart actions - The `<entraide-post-actions>` footer; its own parts are exported too (it
 *   says which: its `base` as `actions-bar`, its `message` as `action-message`, the others by their name).
 *
 * @cssprop [--entraide-avatar-size=2.5rem] - Diameter of the author's initials bubble.
 *
 * @slot footer - The brand's own content at the foot of the post, under its actions (a "Was this helpful?" link, a reference).
 *
 * @fires {EntraideSolutionChangedEvent} entraide-solution-changed - The solution was accepted or withdrawn.
 * @fires {EntraideQuoteRequestedEvent} entraide-quote-requested - The reader wants to quote the post.
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest wants to give kudos.
 * @fires {EntraidePostDeletedEvent} entraide-post-deleted - Its author deleted it: the post shows its tombstone from then on.
 * @fires {EntraidePostEditedEvent} entraide-post-edited - Its author edited it; its host (the thread) shows the new version.
 */
export class EntraidePost extends EntraideElement {
  static override styles = [tokens, basics, postBody, postHeaderStyles, styles];

  /** How links are written (FAQ articles of a confirmation): the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  /** The forum's ladder names in the reader's language, level 1 first (the author's status pill). */
  @consume({ context: rankNamesContext, subscribe: true }) rankNames: readonly string[] = [];

  /** The post, as the API returns it. */
  @property({ attribute: false }) post: Post | null = null;

  /** Set when the author is an advisor or moderator; such posts are styled apart. */
  @property({ type: Boolean, reflect: true }) advisor = false;

  /** Set on the reply the asker (or an advisor) accepted as the solution. */
  @property({ type: Boolean, reflect: true }) accepted = false;

  /** Its thread: who asked (for "accept as solution") and whether replies are open (for "quote"). */
  @property({ attribute: false }) thread: ThreadSummary | null = null;

  /** The thread's posts, to show the answers an advisor confirmation cites. */
  @property({ attribute: false }) posts: readonly Post[] = [];

  /** Set when the signed-in member already gave kudos to this post (the post's own `viewer` state says so too). */
  @property({ type: Boolean, attribute: 'kudos-given' }) kudosGiven = false;

  /** Set when the signed-in member already reported this post (the post's own `viewer` state says so too). */
  @property({ type: Boolean }) flagged = false;


  /** The credits of an advisor confirmation, drawn by the interactions chunk once it is here. */
  @state() protected confirmation: typeof renderConfirmation | undefined = undefined;

  /** Set when the post was deleted (it shows its tombstone), reflected for styling. */
  @property({ type: Boolean, reflect: true }) deleted = false;

  /** The post's kind (`question`, `reply`, `trace`), reflected for styling. */
  @property({ reflect: true }) kind: PostKind | undefined = undefined;

  constructor() {
    super();
    // "5 minutes ago" in the header.
    new MinuteClock(this);
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // The thread hands its growing post list to every post; only confirmations read it, so a
    // long thread does not re-render every post when one reply arrives.
    if (changed.size === 1 && changed.has('posts') && !this.post?.confirmation) return false;
    // The base waits for the strings of the post's language.
    return super.shouldUpdate(changed);
  }

  protected override willUpdate(): void {
    this.advisor = this.post ? isStaff(this.post.author.role) : false;
    this.kind = this.post?.kind;
    this.deleted = Boolean(this.post?.deleted);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Actions and credit blocks come as a chunk after the post is readable.
    if (!isServer) void loadInteractions().then(({ renderConfirmation }) => void (this.confirmation = renderConfirmation));
  }

  protected override render() {
    const post = this.post;
    if (!post) return nothing;
    const { deleted } = post;
    // A deleted post keeps its place in the thread: who wrote it and when, and who deleted it;
    // no kind, body or actions.
    return html`
      <article part="base" id="post-${post.id}" tabindex="-1">
        ${deleted ? nothing : this.#renderKind(post.kind)}
        ${renderPostHeader({ t: this.t, links: this.links, author: post.author, postedAt: post.createdAt, rankNames: this.rankNames, basePart: 'header' })}
        ${deleted
          ? html`<p class="tombstone" part="tombstone">${deleted.by === 'staff' ? this.t.deletedByStaff : this.t.deletedByAuthor}</p>`
          : this.#renderContent(post)}
        <slot name="footer"></slot>
      </article>
    `;
  }

  #renderContent(post: Post) {
    // bodyHtml and signatureHtml are the only HTML this element inserts: the server rendered them from markdown with
    // raw HTML off, ran an allow-list sanitizer and stored the result. Every other field
    // (pseudonym, title, …) goes through Lit's text bindings and is escaped.
    return html`
      <div class="body" part="body">${unsafeHTML(post.bodyHtml)}</div>
      ${post.confirmation ? (this.confirmation ?? earlyConfirmation)?.(this.t, post, this) : nothing}
      ${post.signatureHtml ? html`<footer class="signature" part="signature" aria-label=${this.t.advisorSignature}>${unsafeHTML(post.signatureHtml)}</footer>` : nothing}
      <entraide-post-actions class="actions" part="actions" .post=${post} .thread=${this.thread} ?accepted=${this.accepted}
        ?kudos-given=${this.kudosGiven} ?flagged=${this.flagged} .readText=${this.#bodyText} @entraide-post-deleted=${this.#onDeleted}></entraide-post-actions>
    `;
  }

  /** The actions bar deleted the post: show the tombstone the server answered, and keep the focus on the post. */
  readonly #onDeleted = (event: EntraidePostDeletedEvent): void => {
    if (event.detail.post.id !== this.post?.id) return;
    this.post = event.detail.post;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('article')?.focus());
  };

  /** The body as plain text, one paragraph per line, for quoting (never the HTML). */
  readonly #bodyText = (): string => {
    const body = this.renderRoot.querySelector('.body');
    if (!body) return '';
    const blocks = [...body.children].map((block) => block.textContent?.trim() ?? '').filter(Boolean);
    return blocks.length ? blocks.join('\n\n') : (body.textContent?.trim() ?? '');
  };

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
