import type { ThreadSummary } from '../../sdk/types.ts';

/** What the advisor tools changed: the thread itself, one of its posts, or what is kept about it. */
export type ModerationChange =
  | 'close' | 'reopen' | 'archive' | 'move' | 'merge' | 'hide' | 'restore' | 'handoff'
  | 'private-open' | 'private-close' | 'note';

/**
 * The advisor tools changed something on the thread through the API. `thread` is the new
 * summary when the thread itself changed (status, category, merge), so the page can show it
 * without reloading; public traces arrive through the live events as usual.
 */
export class EntraideThreadModeratedEvent extends Event {
  static readonly type = 'entraide-thread-moderated';
  readonly detail: { readonly change: ModerationChange; readonly thread?: ThreadSummary };

  constructor(detail: { change: ModerationChange; thread?: ThreadSummary }) {
    super(EntraideThreadModeratedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-thread-moderated': EntraideThreadModeratedEvent;
  }
}
