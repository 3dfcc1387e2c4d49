import type { Author } from '../../sdk/types.ts';

/**
 * A reader wants to quote a post in their reply. `text` is the post's plain text (never
 * HTML); the page or the thread hands it to the composer.
 */
export class EntraideQuoteRequestedEvent extends Event {
  static readonly type = 'entraide-quote-requested';
  readonly detail: { readonly postId: number; readonly author: Author; readonly text: string };

  constructor(detail: { postId: number; author: Author; text: string }) {
    super(EntraideQuoteRequestedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-quote-requested': EntraideQuoteRequestedEvent;
  }
}
