/**
 * What a server-rendered page was rendered from. The server renders the forum with a seed and
 * writes it into the page as a JSON island; in the browser the forum reads it back and shares
 * it with the elements inside, so that their first render is the server's (hydration needs
 * the same template) and they send no request for what the page already shows.
 */
import { createContext } from '@lit/context';
import { TaskStatus, type Task } from '@lit/task';
import type { Locale } from '../../core/index.ts';
import type { Community, FaqArticle, FaqRelated, Incident, ThreadDetail, ThreadSummary } from '../../sdk/types.ts';

export interface ForumSeed {
  /** The language the page was rendered in. */
  locale: Locale;
  /** The route's path under the forum's base (`/t/42-ma-box?page=2`): a server has no `location`. */
  path: string;
  community: Community;
  /** The thread shown, its posts the page's (`page` of the thread's pages, 1 first). */
  thread?: { detail: ThreadDetail; page: number };
  /** The first page of a category's threads (default filter and order). */
  threads?: { categoryId: number; items: ThreadSummary[]; nextCursor: string | null };
  faq?: { slug: string; article: FaqArticle; related: FaqRelated['items'] };
  /** The incident banners of the page, as a guest gets them (its category or thread: the banner's own attributes). */
  incidents?: { categoryId: number; threadId: number; items: Incident[] };
}

export const seedContext = createContext<ForumSeed | undefined>(Symbol('entraide-seed'));

/**
 * A Task's value taken from the seed while the seed still describes what the element shows and
 * the task never ran: the task idles meanwhile. As soon as it no longer does (another thread,
 * another language, a signed-in reader), the seed is dropped for good and the task runs as usual;
 * `stale` keeps what was shown, for the time the task takes.
 */
export class SeededValue<T> {
  readonly #task: Task<readonly unknown[], unknown>;
  #dropped = false;
  /** The seed's value, while it is used. */
  value: T | undefined;
  /** What the seed showed before it was dropped. */
  stale: T | undefined;

  constructor(task: Task<readonly unknown[], unknown>) {
    this.#task = task;
  }

  /** From `willUpdate` (before the task looks at its arguments): `fromSeed` gives the seed's value when it still matches. */
  update(fromSeed: () => T | undefined): void {
    if (this.#dropped) return;
    const value = this.#task.status === TaskStatus.INITIAL ? fromSeed() : undefined;
    if (value === undefined) {
      this.#dropped = true;
      this.stale = this.value;
      this.value = undefined;
      this.#task.autoRun = true;
      return;
    }
    this.value ??= value;
    this.#task.autoRun = false;
  }
}

/** The seed in a page: `<script type="application/json" id="…">`, written by the server after the forum. */
export function readSeedIsland(id: string): ForumSeed | undefined {
  const island = document.getElementById(id);
  if (!island) return undefined;
  try {
    return JSON.parse(island.textContent ?? '') as ForumSeed;
  } catch {
    return undefined;
  }
}
