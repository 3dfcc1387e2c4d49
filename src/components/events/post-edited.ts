import type { Post } from '../../sdk/types.ts';

/** The signed-in member edited a post in place. `post` is the server's answer, as the thread now shows it. */
export class EntraidePostEditedEvent extends Event {
  static readonly type = 'entraide-post-edited';
  readonly detail: { readonly post: Post };

  constructor(detail: { post: Post }) {
    super(EntraidePostEditedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-post-edited': EntraidePostEditedEvent;
  }
}
