/**
 * The reader searched (typed and paused, pressed Enter, or took a "did you mean" suggestion).
 * The forum keeps the words in its URL (`#/search?q=…`) so that Back and shared links show the
 * same results; `replace` is true for searches made while typing, so that each pause does not
 * add a history entry.
 */
export class EntraideSearchedEvent extends Event {
  static readonly type = 'entraide-searched';
  readonly detail: { readonly query: string; readonly replace: boolean };

  constructor(detail: { query: string; replace: boolean }) {
    super(EntraideSearchedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-searched': EntraideSearchedEvent;
  }
}
