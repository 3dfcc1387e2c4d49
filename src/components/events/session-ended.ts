/**
 * The API refused the token the page gave and no fresh one came (it expired, or the server's
 * keys changed): the forum now reads as a guest and says so. Pages drop the token they kept
 * and stop naming the member in their own header.
 */
export class EntraideSessionEndedEvent extends Event {
  static readonly type = 'entraide-session-ended';

  constructor() {
    super(EntraideSessionEndedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-session-ended': EntraideSessionEndedEvent;
  }
}
