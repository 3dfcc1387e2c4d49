import type { ThreadSummary } from '../../sdk/types.ts';

/**
 * A reply was accepted as the solution, or the solution was withdrawn. `thread` is the
 * server's new summary (status, `acceptedPostId`): the thread re-renders its pinned solution.
 */
export class EntraideSolutionChangedEvent extends Event {
  static readonly type = 'entraide-solution-changed';
  readonly detail: { readonly thread: ThreadSummary };

  constructor(detail: { thread: ThreadSummary }) {
    super(EntraideSolutionChangedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-solution-changed': EntraideSolutionChangedEvent;
  }
}
