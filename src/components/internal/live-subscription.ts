/**
 * One live subscription for an element (a thread, a members' list): opened after its update,
 * replaced when the client or what it follows changes, closed when it leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntraideClient, EventFilter, EventHandler } from '../../sdk/index.ts';

interface Host extends ReactiveControllerHost {
  client: EntraideClient;
}

export class LiveSubscription implements ReactiveController {
  readonly #host: Host;
  readonly #filter: () => EventFilter | undefined;
  readonly #onEvent: EventHandler;
  #unsubscribe: (() => void) | undefined;
  #following: [EntraideClient, string] | undefined;

  /** `filter`: what the host follows now (none: nothing). */
  constructor(host: Host, filter: () => EventFilter | undefined, onEvent: EventHandler) {
    this.#host = host;
    this.#filter = filter;
    this.#onEvent = onEvent;
    host.addController(this);
  }

  hostConnected(): void {
    // Subscribes again at the next update (an element moved in the page).
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const { client } = this.#host;
    const filter = this.#filter();
    const key = JSON.stringify(filter ?? null);
    const [following, followed] = this.#following ?? [];
    if (following === client && followed === key) return;
    this.hostDisconnected();
    if (!filter) return;
    this.#following = [client, key];
    this.#unsubscribe = client.events.subscribe(filter, this.#onEvent);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#following = undefined;
  }
}
