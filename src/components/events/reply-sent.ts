import type { Post } from '../../sdk/types.ts';

/** A reply was posted and stored by the server. */
export class EntraideReplySentEvent extends Event {
  static readonly type = 'entraide-reply-sent';
  readonly detail: { readonly post: Post };

  constructor(detail: { post: Post }) {
    super(EntraideReplySentEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-reply-sent': EntraideReplySentEvent;
  }
}
