/**
 * One paged list of the profile (questions or answers): the pages loaded so far, the next
 * cursor, and the state of the page being loaded. A new member starts it over; a stale answer
 * (for the member shown before) is dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type LoadPage<T> = (memberId: number, cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

export class ProfilePages<T> implements ReactiveController {
  items: T[] = [];
  nextCursor: string | null = null;
  /** Nothing loaded yet for this member (the first page is on its way). */
  pending = true;
  loading = false;
  error: unknown = undefined;
  #memberId = 0;
  #controller: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly load: LoadPage<T>) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#controller?.abort();
  }

  /** Starts over with `memberId`'s first page. */
  reset(memberId: number): void {
    this.#controller?.abort();
    Object.assign(this, { items: [], nextCursor: null, pending: true, loading: false, error: undefined });
    this.#memberId = memberId;
    void this.next();
  }

  /** Loads the next page (the first after `reset`); a failure stays in `error` until tried again. */
  async next(): Promise<void> {
    if (this.loading || !this.#memberId) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.load(this.#memberId, this.nextCursor, controller.signal);
      if (controller.signal.aborted) return;
      this.items = [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      this.pending = false;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
      this.host.requestUpdate();
    }
  }
}
