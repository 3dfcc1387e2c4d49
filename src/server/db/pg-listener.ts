/**
 * LISTEN on PostgreSQL through one connection of its own that outlives its server: when the
 * connection drops (a restart, a failover, a network cut, `pg_terminate_backend`), it reconnects
 * with a growing delay, listens again on every channel, then tells each listener that it resumed,
 * since the notifications sent meanwhile are lost: the live hub reads the events it missed, the
 * read cache empties. Before, the pool's connection held for LISTEN died with an unhandled
 * 'error' (which ends a Node process), and a process that survived heard nothing again.
 */
import pg from 'pg';

interface Listener {
  onMessage: (payload: string) => void;
  onResume?: () => void;
}

/** Reconnection delays: doubling from the first to the last, then the last until it works. */
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

export class PgListener {
  readonly #config: pg.ClientConfig;
  readonly #channels = new Map<string, Set<Listener>>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(config: pg.ClientConfig) {
    // Named, so that an operator (or a test) can tell this connection from the pool's.
    this.#config = { ...config, application_name: 'entraide-listen' };
  }

  /** Listens on `channel`; resolves once PostgreSQL listens. Returns the function that stops. */
  async listen(channel: string, onMessage: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    const listener: Listener = { onMessage, ...(onResume ? { onResume } : {}) };
    let listeners = this.#channels.get(channel);
    const first = !listeners;
    if (!listeners) this.#channels.set(channel, (listeners = new Set()));
    listeners.add(listener);
    const client = await this.#connected();
    if (first) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    return async () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.#channels.get(channel) !== listeners) return;
      this.#channels.delete(channel);
      await this.#client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The open connection, or the one being opened (the first listen opens it). */
  #connected(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#open().finally(() => (this.#connecting = undefined));
    return this.#connecting;
  }

  async #open(): Promise<pg.Client> {
    const client = new pg.Client(this.#config);
    // Without a listener, an 'error' on the connection would end the process.
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    client.on('notification', ({ channel, payload }) => {
      for (const listener of this.#channels.get(channel) ?? []) {
        try {
          listener.onMessage(payload ?? '');
        } catch {
          // As on resume: one listener's failure stops neither the others nor the connection.
        }
      }
    });
    await client.connect();
    for (const channel of this.#channels.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    if (this.#closed) {
      await client.end().catch(() => undefined);
      throw new Error('the listener was closed');
    }
    this.#client = client;
    return client;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    void client.end().catch(() => undefined);
    if (!this.#closed) this.#reconnect(FIRST_RETRY_MS);
  }

  #reconnect(delayMs: number): void {
    this.#retry = setTimeout(() => {
      this.#connected().then(
        () => this.#resumed(),
        () => !this.#closed && this.#reconnect(Math.min(delayMs * 2, LAST_RETRY_MS)),
      );
    }, delayMs);
    // A process on its way out does not wait for the database to come back.
    this.#retry.unref();
  }

  #resumed(): void {
    for (const listeners of this.#channels.values()) {
      for (const listener of listeners) {
        try {
          listener.onResume?.();
        } catch {
          // One listener's failure stops neither the others nor the connection.
        }
      }
    }
  }
}
