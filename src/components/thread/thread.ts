import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LiveEvent, Post, ThreadDetail, ThreadSummary } from '../../contract/models.ts';
import { canReply } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import '../composer/composer.ts';
import type { EntraideReplySentEvent } from '../events/reply-sent.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { loadCommunity } from '../internal/community.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import { renderError, renderLoading } from '../internal/states.ts';
import '../post/post.ts';
import styles from './thread.styles.ts';

interface Loaded {
  detail: ThreadDetail;
  categoryName: string | undefined;
}

/** Posts in order, each once: live events may repeat what the page already has. */
export function mergePosts(loaded: readonly Post[], live: readonly Post[]): Post[] {
  const seen = new Set<number>();
  return [...loaded, ...live].filter((post) => !seen.has(post.id) && seen.add(post.id));
}

/**
 * @summary A thread: the question, its replies, new replies as they arrive, and the reply form.
 *
 * @tag entraide-thread
 *
 * New replies from others are appended live and announced politely to screen readers; the
 * scroll position does not move.
 *
 * @csspart back - The link back to the category.
 * @csspart heading - The thread title.
 * @csspart status - The status chip.
 * @csspart posts - The list of posts.
 * @csspart post - Each `<entraide-post>`.
 * @csspart reply - The reply section (form, sign-in prompt or closed notice).
 * @csspart composer - The reply `<entraide-composer>`.
 * @csspart loading - The loading message.
 * @csspart error - The error message and its retry button.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest chose to reply.
 */
export class EntraideThread extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** The thread to show. */
  @property({ type: Number, attribute: 'thread-id' }) accessor threadId = 0;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) accessor client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, or a guest when used alone. */
  @consume({ context: sessionContext, subscribe: true }) accessor session: SessionState = GUEST;
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) accessor links: Links = hashLinks;

  /** Posts received after the thread was loaded (live events and our own replies). */
  @state() protected accessor live: Post[] = [];
  @state() protected accessor announcement = '';
  @state() protected accessor signInUnavailable = false;

  #unsubscribe: (() => void) | undefined;
  #subscribedTo: [EntraideClient, number] | undefined;

  readonly #thread = new Task(this, {
    args: () => [this.client, this.threadId, this.resolvedLocale] as const,
    task: async ([client, threadId, locale], { signal }) => {
      if (!threadId) return initialState;
      // The category name is a nicety for the back link: its failure must not fail the thread.
      const community = loadCommunity(client, locale, signal).catch(() => undefined);
      const detail = await client.threads.get(threadId, { signal });
      const categoryName = (await community)?.categories.find((c) => c.id === detail.thread.categoryId)?.name;
      return { detail, categoryName } satisfies Loaded;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeLive();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('threadId')) {
      this.live = [];
      this.announcement = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('threadId') || changed.has('client')) this.#subscribe();
  }

  /** One live subscription per connected thread, replaced when the thread or client changes. */
  #subscribe(): void {
    if (!this.isConnected || !this.threadId) return this.#unsubscribeLive();
    const [client, threadId] = this.#subscribedTo ?? [];
    if (client === this.client && threadId === this.threadId) return;
    this.#unsubscribeLive();
    this.#subscribedTo = [this.client, this.threadId];
    this.#unsubscribe = this.client.events.subscribe({ threadId: this.threadId }, this.#onLiveEvent);
  }

  #unsubscribeLive(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  readonly #onLiveEvent = (event: LiveEvent): void => {
    if (event.type !== 'post-created' || event.threadId !== this.threadId) return;
    this.#append(event.post, event.post.author.id !== this.session.member?.id);
  };

  readonly #onReplySent = (event: EntraideReplySentEvent): void => {
    this.#append(event.detail.post, false);
  };

  /** Appends below what the reader sees (so nothing moves) and tells screen readers politely. */
  #append(post: Post, announce: boolean): void {
    const loaded = this.#thread.value?.detail.posts ?? [];
    if (loaded.some((p) => p.id === post.id) || this.live.some((p) => p.id === post.id)) return;
    this.live = [...this.live, post];
    if (!announce) return;
    const message = this.t.newReplyFrom(post.author.pseudonym);
    // A live region only speaks when its text changes: a second reply by the same author
    // gets a trailing no-break space so that it is announced too.
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  protected override render() {
    return html`
      ${this.#thread.render({
        pending: () => renderLoading(this.t),
        complete: (loaded) => this.#renderThread(loaded),
        error: (error) => renderError(this.t, error, () => void this.#thread.run()),
      })}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  #renderThread({ detail, categoryName }: Loaded) {
    const { t } = this;
    const { thread } = detail;
    const posts = mergePosts(detail.posts, this.live);
    const back = this.links.href({ name: 'category', categoryId: thread.categoryId });
    return html`
      <a class="back" part="back" href=${back}>${categoryName ? t.backToCategory(categoryName) : t.backToCategories}</a>
      <div class="top">
        <h2 part="heading" tabindex="-1">${thread.title}</h2>
        <div class="meta">
          <span class="status ${thread.status}" part="status">${t.threadStatus[thread.status]}</span>
          <span>${t.replyCount(posts.filter((p) => p.kind !== 'question').length)}</span>
        </div>
      </div>
      ${this.#renderSolution(thread, posts)}
      <ol part="posts" aria-label=${t.postsLabel}>
        ${posts.map((post) => html`<li><entraide-post part="post" .post=${post} ?accepted=${post.id === thread.acceptedPostId}></entraide-post></li>`)}
      </ol>
      <section class="reply" part="reply" aria-labelledby="reply-heading">
        <h3 id="reply-heading">${t.replyHeading}</h3>
        ${this.#renderReply(thread)}
      </section>
    `;
  }

  /** The accepted solution, pinned under the title so readers with the same problem find it first. */
  #renderSolution(thread: ThreadSummary, posts: Post[]) {
    const solution = posts.find((post) => post.id === thread.acceptedPostId);
    if (!solution) return nothing;
    return html`
      <section class="solution" part="solution" aria-label=${this.t.acceptedSolution}>
        <entraide-post .post=${solution} accepted></entraide-post>
      </section>
    `;
  }

  #renderReply(thread: ThreadSummary) {
    const { t } = this;
    const actor = actorOf(this.session);
    if (canReply(actor, thread)) {
      return html`<entraide-composer part="composer" mode="reply" thread-id=${thread.id} @entraide-reply-sent=${this.#onReplySent}></entraide-composer>`;
    }
    const closed = thread.status === 'closed' || thread.status === 'archived';
    if (actor.role !== 'guest' || closed) return html`<p class="notice">${t.threadClosed}</p>`;
    return html`
      <button class="button secondary" type="button" @click=${this.#requestSignIn}>${t.signInToReply}</button>
      ${this.signInUnavailable ? html`<p class="notice" role="status">${t.signInUnavailable}</p>` : nothing}
    `;
  }

  readonly #requestSignIn = (): void => {
    this.signInUnavailable = this.emit(new EntraideSignInRequestedEvent({ reason: 'reply' }));
  };
}

EntraideThread.define('entraide-thread');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-thread': EntraideThread;
  }
}
