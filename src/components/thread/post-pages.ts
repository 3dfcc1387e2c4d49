/**
 * The pages of a long thread after the first: loaded when the reader nears the end of what is
 * shown (an IntersectionObserver on a sentinel) or presses "Show more replies". A 2,000-post
 * thread thus renders its first page at once and grows as it is read.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Post, ThreadDetail } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';

/** How far below the viewport the next page starts loading. */
const PRELOAD_MARGIN = '800px 0px';

export class PostPagesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #threadId = 0;
  #cursor: string | null = null;
  #request: AbortController | undefined;
  #observer: IntersectionObserver | undefined;
  #sentinel: Element | undefined;
  #loadedPages = 0;

  /** Posts of the pages loaded after the first, in order. */
  posts: Post[] = [];
  loading = false;
  error: unknown = undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** How many pages were loaded after the first (the next page's number follows from it). */
  get loadedPages(): number {
    return this.#loadedPages;
  }

  /** True while later pages exist: live posts wait until the reader reaches the end. */
  get hasMore(): boolean {
    return this.#cursor !== null;
  }

  /** Starts over from a freshly loaded first page. */
  reset(detail: ThreadDetail | undefined): void {
    this.#request?.abort();
    this.#threadId = detail?.thread.id ?? 0;
    this.#cursor = detail?.nextCursor ?? null;
    this.posts = [];
    this.#loadedPages = 0;
    this.loading = false;
    this.error = undefined;
  }

  /** Loads the next page, once at a time; a failure is kept for the retry button. */
  async loadMore(client: EntraideClient): Promise<void> {
    const cursor = this.#cursor;
    if (!cursor || this.loading) return;
    const request = new AbortController();
    this.#request = request;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const page = await client.threads.posts(this.#threadId, { cursor }, { signal: request.signal });
      if (request.signal.aborted) return;
      this.posts = [...this.posts, ...page.items];
      this.#loadedPages += 1;
      this.#cursor = page.nextCursor;
    } catch (error) {
      if (!request.signal.aborted) this.error = error;
    } finally {
      if (!request.signal.aborted) {
        this.loading = false;
        this.#host.requestUpdate();
        this.#watchAgain();
      }
    }
  }

  /** Watches the element after the last post; `onNear` runs when it comes close to the viewport. */
  observe(sentinel: Element | null | undefined, onNear: () => void): void {
    if (sentinel === this.#sentinel) return;
    this.#observer?.disconnect();
    this.#sentinel = sentinel ?? undefined;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onNear();
    }, { rootMargin: PRELOAD_MARGIN });
    this.#observer.observe(sentinel);
  }

  /**
   * Watches the sentinel afresh: the browser keeps it where it was while the new posts go in above
   * it (scroll anchoring), so it never stops intersecting and would not be reported again.
   */
  #watchAgain(): void {
    const sentinel = this.#sentinel;
    if (!sentinel || !this.#observer) return;
    this.#observer.unobserve(sentinel);
    this.#observer.observe(sentinel);
  }

  hostDisconnected(): void {
    this.#request?.abort();
    this.loading = false;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#sentinel = undefined;
  }
}
