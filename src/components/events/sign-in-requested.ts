/** Where the reader asked to sign in, so the page can return them to what they wanted to do. */
export type SignInReason = 'header' | 'new-thread' | 'reply' | 'kudos' | 'same-problem' | 'session-ended';

/**
 * A reader wants to sign in. The page answers with its own sign-in, calls `preventDefault()`
 * to say it handled the request, then gives the token to `forum.setToken()`.
 */
export class EntraideSignInRequestedEvent extends Event {
  static readonly type = 'entraide-sign-in-requested';
  readonly detail: { readonly reason: SignInReason };

  constructor(detail: { reason: SignInReason }) {
    super(EntraideSignInRequestedEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-sign-in-requested': EntraideSignInRequestedEvent;
  }
}
