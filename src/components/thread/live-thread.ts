/**
 * A thread kept current live: posts created, edited or removed, their kudos counts, and the
 * thread's new state (status, counts, solution); and what it does with its interactive parts' requests (quote,
 * staff moderation). Rides in the interactions chunk, which every thread loads right after its
 * first render and whose elements send those requests: the thread is readable before this code
 * arrives, and the stream's own module (the SDK's) loads with the first subscription anyway.
 */
import type { LiveEvent, ThreadSummary } from '../../sdk/types.ts';
import type { EntraideQuoteRequestedEvent } from '../events/quote-requested.ts';
import type { EntraideThreadModeratedEvent } from '../events/thread-moderated.ts';
import { loadComposer } from '../internal/lazy.ts';
import { LiveSubscription } from '../internal/live-subscription.ts';
import type { EntraidePost } from '../post/post.ts';
import type { EntraideThread } from './thread.ts';

type Composer = HTMLElement & { quote?: (pseudonym: string, text: string) => Promise<void> };

/** One live subscription per connected thread (replaced when the thread or the client changes), and its parts' requests. */
class LiveThread {
  readonly #host: EntraideThread;

  constructor(host: EntraideThread) {
    this.#host = host;
    new LiveSubscription(host, () => (host.threadId ? { threadId: host.threadId } : undefined), this.#onEvent);
    // Requests from the posts' actions (this chunk) and staff tools: they bubble out of the thread's shadow root.
    host.addEventListener('entraide-quote-requested', this.#onQuoteRequested);
    // A post accepted or withdrew the solution: the new summary re-pins it. The reader edited a post: its new version (with their own state) replaces the loaded one.
    host.addEventListener('entraide-solution-changed', ({ detail }) => host.applySummary(detail.thread));
    host.addEventListener('entraide-post-edited', ({ detail: { post } }) => host.changePost(post.id, post));
    host.addEventListener('entraide-thread-moderated', this.#onModerated);
  }

  readonly #onEvent = (event: LiveEvent): void => {
    const host = this.#host;
    if (event.threadId !== host.threadId) return;
    // Others' replies are announced; the reader's own (from another tab) only show.
    if (event.type === 'post-created') host.appendPost(event.post, event.post.author.id !== host.session.member?.id);
    else if (event.type === 'post-updated') host.changePost(event.post.id, event.post);
    else if (event.type === 'post-removed') host.changePost(event.postId, null);
    else if (event.type === 'thread-updated') this.#applySummary(event.thread);
    else if (event.type === 'kudos-changed') this.#kudosChanged(event.postId, event.kudosCount);
  };

  /** Someone gave or took back a kudos: the post shown (its current version, own state kept) takes the new count. */
  #kudosChanged(postId: number, kudosCount: number): void {
    const post = this.#host.renderRoot.querySelector<EntraidePost>(`[part="posts"] > li[id="post-${postId}"] > entraide-post`)?.post;
    if (post && post.kudosCount !== kudosCount) this.#host.changePost(postId, { ...post, kudosCount });
  }

  /** "Quote" on a post: the quote goes into the reply form (loaded first), or a guest is asked to sign in. */
  readonly #onQuoteRequested = (event: EntraideQuoteRequestedEvent): void => {
    const composer = this.#host.renderRoot.querySelector<Composer>('[part="composer"]');
    if (!composer) return this.#host.requestSignIn();
    void loadComposer().then(() => composer.quote?.(event.detail.author.pseudonym, event.detail.text));
  };

  /** Staff changed the thread (closed, moved, merged…), here or live: show its new state; a merge leads to the target, where its posts went. */
  #applySummary(thread: ThreadSummary): void {
    this.#host.applySummary(thread);
    if (thread.mergedIntoId) location.assign(this.#host.links.href({ name: 'thread', threadId: thread.mergedIntoId }));
  }

  readonly #onModerated = ({ detail: { thread } }: EntraideThreadModeratedEvent): void => {
    if (thread && thread.id === this.#host.threadId) this.#applySummary(thread);
  };
}

const followed = new WeakSet<EntraideThread>();

/** Keeps `thread` current live from now on (once per thread element). */
export function followThread(thread: EntraideThread): void {
  if (followed.has(thread)) return;
  followed.add(thread);
  new LiveThread(thread);
}
