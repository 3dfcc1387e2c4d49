import type { Post, ThreadSummary } from '../../sdk/types.ts';

/** A question was posted and stored by the server. */
export class EntraideThreadCreatedEvent extends Event {
  static readonly type = 'entraide-thread-created';
  readonly detail: { readonly thread: ThreadSummary; readonly post: Post };

  constructor(detail: { thread: ThreadSummary; post: Post }) {
    super(EntraideThreadCreatedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-thread-created': EntraideThreadCreatedEvent;
  }
}
