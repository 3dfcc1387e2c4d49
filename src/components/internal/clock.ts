import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

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

  /** Every relative time shown now, at once (a server-rendered page turns its fixed dates into relative ones). */
  static tick(): void {
    hosts.forEach((host) => host.requestUpdate());
  }

  hostConnected(): void {
    // A server render is one instant: no timer, and no element kept.
    if (isServer) return;
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

/**
 * One shared one-second timer for live countdowns (the advisor queue's community time), on the
 * same terms as the minute clock: it runs only while some element listens. `SecondClock.now`
 * is the time every countdown reads; tests pin it.
 */
const secondHosts = new Set<ReactiveControllerHost>();
let secondTimer: ReturnType<typeof setInterval> | undefined;

export class SecondClock implements ReactiveController {
  static now: () => number = () => Date.now();
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (isServer) return;
    secondHosts.add(this.#host);
    secondTimer ??= setInterval(() => secondHosts.forEach((host) => host.requestUpdate()), 1000);
  }

  hostDisconnected(): void {
    secondHosts.delete(this.#host);
    if (secondHosts.size === 0 && secondTimer !== undefined) {
      clearInterval(secondTimer);
      secondTimer = undefined;
    }
  }
}
