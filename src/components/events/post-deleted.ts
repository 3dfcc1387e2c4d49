import type { Post } from '../../sdk/types.ts';

/**
 * The signed-in member deleted their post. `post` is the server's answer: the tombstone
 * (`deleted` set, body empty) the post and its thread show from now on.
 */
export class EntraidePostDeletedEvent extends Event {
  static readonly type = 'entraide-post-deleted';
  readonly detail: { readonly post: Post };

  constructor(detail: { post: Post }) {
    super(EntraidePostDeletedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-post-deleted': EntraidePostDeletedEvent;
  }
}
