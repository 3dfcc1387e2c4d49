import type { Locale } from '../../core/index.ts';

/**
 * The reader chose the forum's language in the switcher. The forum shows every string, the
 * community's texts and dates in it at once and remembers the choice (localStorage); a page
 * may also save it to the member's preferences.
 */
export class EntraideLocaleChosenEvent extends Event {
  static readonly type = 'entraide-locale-chosen';
  readonly detail: { readonly locale: Locale };

  constructor(detail: { locale: Locale }) {
    super(EntraideLocaleChosenEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-locale-chosen': EntraideLocaleChosenEvent;
  }
}
