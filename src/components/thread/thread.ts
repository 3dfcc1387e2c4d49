import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { html, isServer, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { property, state } from 'lit/decorators.js';
import type { Category, Post, ThreadDetail, ThreadSummary } from '../../sdk/types.ts';
import { LIMITS, can, isSignedIn, isStaff, threadRules } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { EntraideReplySentEvent } from '../events/reply-sent.ts';
import { EntraideSignInRequestedEvent } from '../events/sign-in-requested.ts';
import { loadCommunity } from '../internal/community.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import { loadAdvisorComposer, loadAdvisorTools, loadComposer, loadInteractions } from '../internal/lazy.ts';
import { errorText, renderError, renderLoading } from '../internal/states.ts';
import { SeededValue, seedContext, type ForumSeed } from '../internal/seed.ts';
import '../post/post.ts';
import { PostPagesController } from './post-pages.ts';
import styles from './thread.styles.ts';

interface Loaded {
  detail: ThreadDetail;
  category: Category | undefined;
  /** The thread's page these posts start at (a server-rendered `?page=`); 1 when loaded here. */
  page: number;
}

/** Replies as the thread counts them: a deleted reply stays on screen as a tombstone but no longer counts. */
export function countReplies(posts: readonly Post[]): number {
  return posts.filter((post) => post.kind !== 'question' && !post.deleted).length;
}

/** Posts in order, each once: live events may repeat what the page already has. */
export function mergePosts(loaded: readonly Post[], live: readonly Post[]): Post[] {
  const seen = new Set<number>();
  return [...loaded, ...live].filter((post) => !seen.has(post.id) && seen.add(post.id));
}

/**
 * Posts as live events changed them since they were loaded: their current version, or gone
 * (`null`). The public stream carries nobody's own state: the reader's (`viewer`) is kept.
 */
export function applyLiveChanges(posts: readonly Post[], changes: ReadonlyMap<number, Post | null>): Post[] {
  return posts.flatMap((post) => {
    const change = changes.get(post.id);
    if (change === null) return [];
    if (!change) return [post];
    return [change.viewer || !post.viewer ? change : { ...change, viewer: post.viewer }];
  });
}

/**
 * @summary A thread: the question, its replies, new replies as they arrive, and the reply form.
 *
 * @tag entraide-thread
 *
 * New replies from others are appended live and announced politely to screen readers; the
 * scroll position does not move. Edits show live; a post moderation hid leaves the page.
 *
 * @csspart back - The link back to the category.
 * @csspart heading - The thread title.
 * @csspart status - The status chip.
 * @csspart follow - Signed-in members: `<entraide-follow>` (follow or mute the thread; records the last post they saw).
 * @csspart reply-count - How many replies the thread has (deleted ones no longer count).
 * @csspart posts - The list of posts.
 * @csspart post - Each `<entraide-post>`.
 * @csspart same-problem - The "same problem here" `<entraide-same-problem>` under the question.
 * @csspart reply - The reply section (form, sign-in prompt or closed notice).
 * @csspart composer - The reply form: `<entraide-composer>`, or `<entraide-advisor-composer>` for staff.
 * @csspart advisor-tools - Staff only: `<entraide-advisor-tools>` (moderation, private hand-off, notes, audit).
 * @csspart more - The "show more posts" box of a long thread, as tall as the next page will be (grey blocks until it comes).
 * @csspart loading - The loading message.
 * @csspart error - The error message and its retry button.
 *
 * @fires {EntraideSignInRequestedEvent} entraide-sign-in-requested - A guest chose to reply.
 */
export class EntraideThread extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** The thread to show. */
  @property({ type: Number, attribute: 'thread-id' }) threadId = 0;

  /** A post to bring into view and focus once loaded (a permalink); later pages load until it shows. */
  @property({ type: Number, attribute: 'post-id' }) postId: number | undefined = undefined;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, or a guest when used alone. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;
  /** What a server-rendered page was rendered from: its thread shows at once, with no request. */
  @consume({ context: seedContext }) seed: ForumSeed | undefined = undefined;

  /** Posts received after the thread was loaded (live events and our own replies). */
  @state() protected live: Post[] = [];
  /** Posts shown that changed since: edited (their new version) or removed by moderation (`null`). */
  @state() protected changes: ReadonlyMap<number, Post | null> = new Map();
  @state() protected announcement = '';
  @state() protected signInUnavailable = false;

  readonly #pages = new PostPagesController(this);
  #revealed: number | undefined;

  readonly #thread = new Task(this, {
    // The reader is an argument: signing in reloads the thread with their own state (kudos, marks, flags).
    args: () => [this.client, this.threadId, this.resolvedLocale, this.session.member?.id] as const,
    task: async ([client, threadId, locale], { signal }) => {
      if (!threadId) return initialState;
      // The category name is a nicety for the back link: its failure must not fail the thread.
      const community = loadCommunity(client, locale, signal).catch(() => undefined);
      const detail = await client.threads.get(threadId, { signal });
      const category = (await community)?.categories.find((c) => c.id === detail.thread.categoryId);
      this.#pages.reset(detail);
      return { detail, category, page: 1 } satisfies Loaded;
    },
  });

  readonly #seeded = new SeededValue<Loaded>(this.#thread);

  /** The thread shown: loaded here, or the page's seed. */
  get #loaded(): Loaded | undefined {
    return this.#thread.value ?? this.#seeded.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Post actions, and the live updates (./live-thread.ts), come as a chunk after the first render.
    if (!isServer) void loadInteractions().then((chunk) => chunk.followThread(this));
  }

  /** The seed's thread while it is the one shown, in the page's language, to a guest. */
  #fromSeed(): Loaded | undefined {
    const seed = this.seed;
    const detail = seed?.thread?.detail;
    if (!seed || !detail || detail.thread.id !== this.threadId || seed.locale !== this.resolvedLocale || this.session.member) return undefined;
    if (this.#seeded.value) return this.#seeded.value;
    this.#pages.reset(detail);
    return { detail, category: seed.community.categories.find((c) => c.id === detail.thread.categoryId), page: seed.thread?.page ?? 1 };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#seeded.update(() => this.#fromSeed());
    if (changed.has('threadId')) {
      this.live = [];
      this.changes = new Map();
      this.announcement = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const more = this.renderRoot.querySelector<HTMLElement>('.more');
    this.#pages.observe(more, () => void this.#pages.loadMore(this.client));
    this.#pages.keepRoom(this.renderRoot.querySelector<HTMLElement>('ol[part="posts"]'), more);
    if (changed.has('postId')) this.#revealed = undefined;
    this.#revealPost();
  }

  /** Scrolls to the permalinked post and focuses it, loading later pages while it is not shown. */
  #revealPost(): void {
    // A permalink, or else where a returning reader stopped: their first unread post.
    const postId = this.postId ?? this.#loaded?.detail?.reading?.firstUnreadPostId ?? undefined;
    if (!postId || this.#revealed === postId || !this.#loaded) return;
    const item = this.renderRoot.querySelector<HTMLElement>(`[part="posts"] > li[id="post-${postId}"]`);
    if (item) {
      this.#revealed = postId;
      item.scrollIntoView({ block: 'start' });
      const post = item.querySelector('entraide-post');
      void post?.updateComplete.then(() => post.shadowRoot?.querySelector<HTMLElement>('article')?.focus({ preventScroll: true }));
    } else if (this.#pages.hasMore && !this.#pages.error) {
      void this.#pages.loadMore(this.client);
    } else {
      this.#revealed = postId;
    }
  }

  /** @internal A post shown changed since it was loaded: its new version, or gone (`null`). */
  changePost(postId: number, post: Post | null): void {
    this.changes = new Map(this.changes).set(postId, post);
  }

  /** @internal The thread's new state (status, counts, solution), live or from an action here; a stale pinned solution is dropped. */
  applySummary(thread: ThreadSummary): void {
    const loaded = this.#loaded;
    if (!loaded || thread.id !== this.threadId) return;
    const { solution, ...detail } = loaded.detail;
    loaded.detail = solution?.id === thread.acceptedPostId ? { ...detail, thread, solution } : { ...detail, thread };
    this.requestUpdate();
  }

  readonly #onReplySent = (event: EntraideReplySentEvent): void => {
    this.appendPost(event.detail.post, false);
  };

  /** @internal Appends below what the reader sees (so nothing moves) and tells screen readers politely. */
  appendPost(post: Post, announce: boolean): void {
    const loaded = [...(this.#loaded?.detail.posts ?? []), ...this.#pages.posts];
    if (loaded.some((p) => p.id === post.id) || this.live.some((p) => p.id === post.id)) return;
    this.live = [...this.live, post];
    if (!announce) return;
    const message = this.t.newReplyFrom(post.author.pseudonym);
    // A live region only speaks when its text changes: a second reply by the same author
    // gets a trailing no-break space so that it is announced too.
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  protected override render() {
    const seeded = this.#seeded.value;
    // While a signed-in reader's own view loads, the page they were reading stays.
    const stale = this.#seeded.stale;
    return html`
      ${seeded ? this.#renderThread(seeded) : this.#thread.render({
        pending: () => (stale ? this.#renderThread(stale) : renderLoading(this.t)),
        complete: (loaded) => this.#renderThread(loaded),
        error: (error) => renderError(this.t, error, () => void this.#thread.run()),
      })}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  #renderThread({ detail, category, page }: Loaded) {
    const { t } = this;
    const { thread } = detail;
    // While later pages wait, live posts stay out of sight: they arrive in order with the last page.
    const posts = applyLiveChanges(mergePosts([...detail.posts, ...this.#pages.posts], this.#pages.hasMore ? [] : this.live), this.changes);
    const back = this.links.href({ name: 'category', categoryId: thread.categoryId, slug: category?.slug });
    // Signed-in members follow or mute (from the interactions chunk), which also watches which posts they see: their read position.
    // Staff tools are their own chunk, loaded only for staff: readers never download them. Each
    // tool then asks the guardian's rules what it shows.
    const staff = isStaff(actorOf(this.session).role);
    if (staff) void loadAdvisorTools();
    return html`
      <a class="back" part="back" href=${back}>${category ? t.backToCategory(category.name) : t.backToCategories}</a>
      <div class="top">
        <h2 part="heading" tabindex="-1">${thread.title}</h2>
        <div class="meta">
          <span class="status ${thread.status}" part="status">${t.threadStatus[thread.status]}</span>
          <span part="reply-count">${t.replyCount(Math.max(thread.replyCount, countReplies(posts)))}</span>
        </div>
        ${this.session.member && html`<entraide-follow part="follow" target-id=${thread.id} .state=${detail.reading?.follow}></entraide-follow>`}
      </div>
      ${this.#renderSolution(thread, detail.solution ? applyLiveChanges([detail.solution], this.changes) : posts)}
      ${page > 1 ? html`<a class="button secondary previous" part="previous" href=${this.links.href({ name: 'thread', threadId: thread.id, title: thread.title, page: page - 1 })}>${t.previousPosts}</a>` : nothing}
      <ol part="posts" aria-label=${t.postsLabel}>
        ${repeat(posts, (post) => post.id, (post) => html`<li id=${`post-${post.id}`}><entraide-post part="post" .post=${post} .thread=${thread} .posts=${posts} ?accepted=${post.id === thread.acceptedPostId}></entraide-post>${post.kind === 'question'
          ? html`<entraide-same-problem part="same-problem" thread-id=${thread.id} .count=${thread.sameProblemCount} asker-id=${thread.author.id} status=${thread.status}
            ?marked=${Boolean(detail.viewer?.sameProblem)}></entraide-same-problem>`
          : nothing}</li>`)}
      </ol>
      ${this.#renderMore(thread, countReplies(posts) + 1, page)}
      ${staff ? html`<entraide-advisor-tools part="advisor-tools" .thread=${thread} post-id=${this.postId ?? nothing}></entraide-advisor-tools>` : nothing}
      <section class="reply" part="reply" aria-labelledby="reply-heading">
        <h3 id="reply-heading">${t.replyHeading}</h3>
        ${this.#renderReply(thread)}
      </section>
    `;
  }

  /** The rest of a long thread (`shown`: the question and the replies on screen, tombstones aside): loads by itself near the end, or by this button (keyboard, no scrolling). */
  #renderMore(thread: ThreadSummary, shown: number, page: number) {
    const pages = this.#pages;
    if (!pages.hasMore) return nothing;
    const { t } = this;
    const remaining = Math.max(0, thread.replyCount + 1 - shown);
    // data-next: how many posts the next page brings, the room kept for them (post-pages.ts).
    return html`
      <div class="more" part="more" data-next=${Math.min(LIMITS.postPageDefault, remaining)}>
        ${pages.error
          ? html`<p class="state error" role="alert">${errorText(t, pages.error)}</p>`
          : nothing}
        <!-- A link to the next page for readers without JavaScript; with it, the posts load here. Not disabled while loading: that would drop the keyboard user's focus. -->
        <a class="button secondary" href=${this.links.href({ name: 'thread', threadId: thread.id, title: thread.title, page: page + this.#pages.loadedPages + 1 })}
          aria-disabled=${pages.loading ? 'true' : 'false'} @click=${this.#onMore}>
          ${pages.loading ? t.loading : pages.error ? t.retry : t.showMoreReplies(remaining)}
        </a>
        <div class="room" aria-hidden="true"></div>
      </div>
    `;
  }

  readonly #onMore = (event: Event): void => {
    event.preventDefault();
    void this.#pages.loadMore(this.client);
  };

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

  /** Who @mentions may name: the asker first, then everyone who wrote here. */
  #participants(): string[] {
    const detail = this.#loaded?.detail;
    if (!detail) return [];
    const names = [detail.thread.author.pseudonym, ...[...detail.posts, ...this.#pages.posts, ...this.live].map((p) => p.author.pseudonym)];
    return [...new Set(names)];
  }

  #renderReply(thread: ThreadSummary) {
    const { t } = this;
    const actor = actorOf(this.session);
    const mayReply = can(actor, threadRules.reply, thread);
    if (mayReply && can(actor, threadRules.confirm)) {
      // Advisors write for every reader: greeting, citations and credits, FAQ links, signature.
      void loadAdvisorComposer();
      const posts = [...(this.#loaded?.detail.posts ?? []), ...this.#pages.posts, ...this.live];
      return html`<entraide-advisor-composer part="composer" .thread=${thread} .posts=${posts} @entraide-reply-sent=${this.#onReplySent}></entraide-advisor-composer>`;
    }
    if (mayReply) {
      void loadComposer();
      return html`<entraide-composer part="composer" mode="reply" thread-id=${thread.id} .participants=${this.#participants()} @entraide-reply-sent=${this.#onReplySent}></entraide-composer>`;
    }
    const closed = thread.status === 'closed' || thread.status === 'archived';
    if (isSignedIn(actor) || closed) return html`<p class="notice">${t.threadClosed}</p>`;
    return html`
      <button class="button secondary" type="button" @click=${this.requestSignIn}>${t.signInToReply}</button>
      ${this.signInUnavailable ? html`<p class="notice" role="status">${t.signInUnavailable}</p>` : nothing}
    `;
  }

  /** @internal A guest chose to reply (or to quote): the page is asked to sign them in. */
  readonly requestSignIn = (): void => {
    this.signInUnavailable = this.emit(new EntraideSignInRequestedEvent({ reason: 'reply' }));
  };
}

EntraideThread.define('entraide-thread');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-thread': EntraideThread;
  }
}
