/**
 * The pages of a long thread after the first: loaded when the reader nears the end of what is
 * shown (an IntersectionObserver on a sentinel) or presses "Show more replies". A 2,000-post
 * thread thus renders its first page at once and grows as it is read. Until it comes, the box
 * keeps the next page's room, measured from the posts shown: what follows the thread (the reply
 * box, the brand's footer) does not jump up into view and then away when the posts arrive.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Post, ThreadDetail } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';

/** How far below the viewport (px) the next page starts loading. */
const PRELOAD_DISTANCE = 800;

export class PostPagesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #threadId = 0;
  #cursor: string | null = null;
  #request: AbortController | undefined;
  #observer: IntersectionObserver | undefined;
  #sentinel: Element | undefined;
  #loadedPages = 0;
  #sizes: ResizeObserver | undefined;
  #list: HTMLElement | undefined;
  #more: HTMLElement | undefined;
  /** A shown post's height with its gap, typically (renderedPostHeight): read after layout, never forced. */
  #postHeight = 0;

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

  /**
   * Keeps room in `more` for the posts its `data-next` counts, as tall as the posts in `list`
   * typically are; measured by a ResizeObserver, which reports after layout and before paint (no
   * forced layout, no frame drawn without the room). Once the box nears the viewport the measure
   * holds: the room the reader may see never changes size, only the posts' arrival fills it.
   */
  keepRoom(list: HTMLElement | null, more: HTMLElement | null): void {
    this.#more = more ?? undefined;
    if (list !== this.#list) {
      this.#sizes?.disconnect();
      this.#list = list ?? undefined;
      if (list && typeof ResizeObserver !== 'undefined') {
        this.#sizes = new ResizeObserver(() => {
          if (!this.#more || this.#more.getBoundingClientRect().top < innerHeight + PRELOAD_DISTANCE) return;
          this.#postHeight = Math.round(renderedPostHeight(list));
          this.#applyRoom();
          // Posts far off screen take this height too, new ones included: the room and what fills it agree.
          // A frame later: resizing the list in its own report would loop the observer.
          const estimate = `${this.#postHeight}px`;
          if (this.#postHeight && list.style.getPropertyValue('--_post-height') !== estimate) {
            requestAnimationFrame(() => list.style.setProperty('--_post-height', estimate));
          }
        });
        this.#sizes.observe(list);
      }
    }
    this.#applyRoom();
  }

  #applyRoom(): void {
    const more = this.#more;
    if (!more || !this.#postHeight) return;
    more.style.setProperty('--_post-height', `${this.#postHeight}px`);
    more.style.minHeight = `${Number(more.dataset['next']) * this.#postHeight}px`;
  }

  /** Watches the element after the last post; `onNear` runs when it comes close to the viewport. */
  observe(sentinel: Element | null | undefined, onNear: () => void): void {
    if (sentinel === this.#sentinel) return;
    this.#observer?.disconnect();
    this.#sentinel = sentinel ?? undefined;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onNear();
    }, { rootMargin: `${PRELOAD_DISTANCE}px 0px` });
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
    this.#sizes?.disconnect();
    this.#sizes = undefined;
    this.#list = undefined;
  }
}

/**
 * A post's height with its gap, the median over the posts laid out for real: those near the
 * viewport (posts far off screen skip layout and count the CSS estimate, thread.styles.ts). The
 * median, not the mean: the question, with its "same problem" box, or one long post would make
 * every estimate too tall, and each post would shrink as it comes into view. Read in a
 * ResizeObserver's report, when layout is fresh: no layout is forced; and only the posts near the
 * viewport are measured, found by halving (a thread read far holds thousands).
 */
function renderedPostHeight(list: Element): number {
  const items = list.children;
  if (items.length < 2) return list.getBoundingClientRect().height;
  const top = (index: number) => items[index]!.getBoundingClientRect().top;
  let first = 0;
  for (let last = items.length - 1; first < last; ) {
    const middle = (first + last) >> 1;
    if (top(middle + 1) < -innerHeight) first = middle + 1;
    else last = middle;
  }
  const steps: number[] = [];
  for (let index = first, here = top(first); index + 1 < items.length && here < 2 * innerHeight; index += 1) {
    const next = top(index + 1);
    steps.push(next - here);
    here = next;
  }
  if (!steps.length) return list.getBoundingClientRect().height / items.length;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)]!;
}
