import type { Route } from '../internal/router.ts';

/**
 * The forum shows another view (link, back/forward, after posting). Pages use it to update
 * the document title or count page views.
 */
export class EntraideNavigateEvent extends Event {
  static readonly type = 'entraide-navigate';
  readonly detail: { readonly route: Route; readonly href: string };

  constructor(detail: { route: Route; href: string }) {
    super(EntraideNavigateEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-navigate': EntraideNavigateEvent;
  }
}
