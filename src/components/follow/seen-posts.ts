/**
 * Which posts of a thread the reader has actually seen: each post (`li[id^="post-"]`, as
 * `<entraide-thread>` renders them, pages and live posts included as they arrive) counts once
 * half of it, or half the screen's height of it, is in view while the page is shown. A post
 * on screen while the tab is hidden counts when the tab shows again.
 */
const POST_ITEM = 'li[id^="post-"]';

/** Half of the post, or a post that fills half the screen (a long one never shows half of itself). */
function seenEnough(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  const screen = entry.rootBounds?.height ?? window.innerHeight;
  return entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= screen / 2;
}

function postIdOf(element: Element): number {
  return Number(element.id.slice('post-'.length)) || 0;
}

export class SeenPosts {
  readonly #onSeen: (postId: number) => void;
  #intersections: IntersectionObserver | undefined;
  #mutations: MutationObserver | undefined;
  /** Posts in view now (whether or not the page shows). */
  readonly #inView = new Set<number>();

  /** `onSeen` hears of each post seen, in no particular order. */
  constructor(onSeen: (postId: number) => void) {
    this.#onSeen = onSeen;
  }

  /** Watches the posts under `root` (the thread's shadow root), now and as they arrive. */
  watch(root: Node): void {
    this.stop();
    if (!(root instanceof Document || root instanceof ShadowRoot) || typeof IntersectionObserver === 'undefined') return;
    const intersections = (this.#intersections = new IntersectionObserver((entries) => this.#onEntries(entries), { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] }));
    const observeAll = () => root.querySelectorAll(POST_ITEM).forEach((item) => intersections.observe(item));
    this.#mutations = new MutationObserver(observeAll);
    this.#mutations.observe(root, { childList: true, subtree: true });
    document.addEventListener('visibilitychange', this.#onVisibility);
    observeAll();
  }

  stop(): void {
    this.#intersections?.disconnect();
    this.#mutations?.disconnect();
    this.#intersections = this.#mutations = undefined;
    this.#inView.clear();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const postId = postIdOf(entry.target);
      if (!seenEnough(entry)) this.#inView.delete(postId);
      else if (!this.#inView.has(postId)) {
        this.#inView.add(postId);
        if (document.visibilityState === 'visible') this.#onSeen(postId);
      }
    }
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'visible') for (const postId of this.#inView) this.#onSeen(postId);
  };
}
