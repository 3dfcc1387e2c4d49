/**
 * The count on the header's "Messages" link: how many of the reader's private conversations
 * have messages they have not read. Read when a member is there, and again when one of their
 * conversations changes (its live event, which only its asker and the advisors get), when
 * their private notifications change (a conversation marked read here or in another tab), or
 * when the stream could not replay what it missed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntraideClient } from '../../sdk/index.ts';
import type { LiveEvent } from '../../sdk/types.ts';
import '../internal/staff-client.ts';

interface Host extends ReactiveControllerHost {
  readonly client: EntraideClient;
}

/** A notification event that may change the count: a private one, or a count told after marking read. */
const concernsInbox = (event: LiveEvent) =>
  event.type === 'private-updated' || (event.type === 'notification' && (event.notification === null || event.notification.kind.startsWith('private')));

export class InboxUnreadController implements ReactiveController {
  /** Conversations with unread messages; 0 until known. */
  count = 0;
  readonly #host: Host;
  #for: string | undefined;
  #stop: (() => void) | undefined;
  #abort: AbortController | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** Follows `memberKey` (undefined: nobody signed in, nothing to count). */
  follow(memberKey: string | undefined): void {
    if (memberKey === this.#for) return;
    this.hostDisconnected();
    this.#for = memberKey;
    this.count = 0;
    if (!memberKey) return;
    this.#stop = this.#host.client.events.subscribe({}, (event) => {
      if (concernsInbox(event)) void this.#read();
    }, { privateOnly: true, notificationsOnly: true, onReset: () => void this.#read() });
    void this.#read();
  }

  async #read(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      const { items } = await this.#host.client.private.list({}, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.count = items.filter((item) => item.unread).length;
      this.#host.requestUpdate();
    } catch {
      // The link works without its count; the next change reads it again.
    }
  }

  hostConnected(): void {
    // Reconnected: `follow` starts again from the next render.
    this.#for = undefined;
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#stop?.();
    this.#stop = undefined;
  }
}
