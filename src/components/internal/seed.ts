/**
 * What a server-rendered page was rendered from (`ForumSeed`, a contract type): in the browser
 * the forum reads it back from the page's JSON island and shares it with the elements inside, so
 * that their first render is the server's (hydration needs the same template) and they send no
 * request for what the page already shows.
 */
import { createContext } from '@lit/context';
import { TaskStatus, type Task } from '@lit/task';
import type { ForumSeed } from '../../sdk/types.ts';

export type { ForumSeed } from '../../sdk/types.ts';

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
