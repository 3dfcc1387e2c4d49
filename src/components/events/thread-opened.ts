/** An advisor opened a thread from the console (Enter or a click on its link); the host may route to it. */
export class EntraideThreadOpenedEvent extends Event {
  static readonly type = 'entraide-thread-opened';
  readonly detail: { readonly threadId: number };

  constructor(detail: { threadId: number }) {
    super(EntraideThreadOpenedEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'entraide-thread-opened': EntraideThreadOpenedEvent;
  }
}
