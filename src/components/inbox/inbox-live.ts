/**
 * How `<entraide-inbox>` stays current: the private events of the live stream (only its asker
 * and the advisors get them, core `liveView`), a catch-up read whenever the stream (re)opens or
 * the server could not replay what was missed, and a slow poll only while the stream is down.
 */
import type { ConnectionState, EntraideClient } from '../../sdk/index.ts';
import type { LiveEvent } from '../../sdk/types.ts';

export type PrivateEvent = Extract<LiveEvent, { type: 'private-updated' }>;

export interface InboxLiveHandlers {
  /** A private conversation the reader may see changed. */
  onEvent(event: PrivateEvent): void;
  /** Read again what is shown: the stream (re)opened, could not replay, or a fallback poll is due. */
  onCatchUp(): void;
  /** The stream went down (new messages come by the slow poll meanwhile) or is open again. */
  onConnection(state: ConnectionState): void;
}

export class InboxLive {
  readonly #stop: () => void;
  readonly #pollMs: number;
  readonly #handlers: InboxLiveHandlers;
  #timer: ReturnType<typeof setInterval> | undefined;
  #state: ConnectionState | undefined;

  /** Subscribes at once; `pollSeconds` (0: never) paces the reads while the stream is down. */
  constructor(client: EntraideClient, pollSeconds: number, handlers: InboxLiveHandlers) {
    this.#pollMs = pollSeconds * 1000;
    this.#handlers = handlers;
    this.#stop = client.events.subscribe({}, (event) => {
      if (event.type === 'private-updated') handlers.onEvent(event);
    }, { privateOnly: true, onReset: () => handlers.onCatchUp(), onConnection: (state) => this.#connection(state) });
  }

  #connection(state: ConnectionState): void {
    const before = this.#state;
    this.#state = state;
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (state === 'down' && this.#pollMs > 0) {
      this.#timer = setInterval(() => {
        // A hidden tab does not poll; it catches up when the stream comes back or the next tick sees it.
        if (document.visibilityState !== 'hidden') this.#handlers.onCatchUp();
      }, this.#pollMs);
    }
    // Opened: what came between the first read and this stream (or during the break) is read once.
    if (state === 'open' && before !== 'open') this.#handlers.onCatchUp();
    this.#handlers.onConnection(state);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#stop();
  }
}
