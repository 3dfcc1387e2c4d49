/**
 * A search found nothing and the reader chose to ask the community instead. With a category,
 * the button is a link to that category's "new question" route and canceling keeps the reader
 * on the page; the host can open its own composer with `query` as the title (study §20: ask
 * once the search came back empty).
 */
export class EntraideAskRequestedEvent extends Event {
  static readonly type = 'entraide-ask-requested';
  readonly detail: { readonly query: string; readonly categoryId: number | null };

  constructor(detail: { query: string; categoryId: number | null }) {
    super(EntraideAskRequestedEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-ask-requested': EntraideAskRequestedEvent;
  }
}
