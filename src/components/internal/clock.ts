import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One shared minute timer for every relative time on the page ("5 minutes ago"), instead of
 * one timer per post; it runs only while some element listens.
 */
const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

const TICK_MS = 60_000;

export class MinuteClock implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    timer ??= setInterval(() => hosts.forEach((host) => host.requestUpdate()), TICK_MS);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
