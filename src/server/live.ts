/**
 * Live events over Server-Sent Events. Each process LISTENs on the database and fans events
 * out to its own SSE clients, so any number of stateless processes share one stream.
 */
import type { ServerResponse } from 'node:http';
import type { LiveEvent } from '../contract/index.ts';
import type { Database } from './db/database.ts';
import { EVENTS_CHANNEL, eventsSince, readEvent, type StoredEvent } from './repo/events.ts';

export interface LiveFilter {
  threadId?: number;
  categoryId?: number;
}

interface Client {
  response: ServerResponse;
  filter: LiveFilter;
}

/** A comment line this often keeps idle limits (ours, proxies') from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** Events replayed to a reconnecting client at most; beyond, it is told to refetch. */
const REPLAY_LIMIT = 500;

function matches(filter: LiveFilter, event: LiveEvent): boolean {
  // Incident banners concern the whole forum: every page's stream shows them (advisor area).
  if (event.type === 'incident-updated') return true;
  if (filter.threadId !== undefined && filter.threadId !== event.threadId) return false;
  if (filter.categoryId !== undefined && filter.categoryId !== event.categoryId) return false;
  return true;
}

function frame(stored: StoredEvent): string {
  return `id: ${stored.id}\nevent: ${stored.event.type}\ndata: ${JSON.stringify(stored.event)}\n\n`;
}

export class LiveHub {
  readonly #db: Database;
  readonly #communityId: number;
  readonly #clients = new Set<Client>();
  #stopListening: (() => Promise<void>) | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  readonly #heartbeatMs: number;

  constructor(db: Database, communityId: number, heartbeatMs = HEARTBEAT_MS) {
    this.#heartbeatMs = heartbeatMs;
    this.#db = db;
    this.#communityId = communityId;
  }

  async start(): Promise<void> {
    this.#stopListening = await this.#db.listen(EVENTS_CHANNEL, (payload) => void this.#deliver(Number(payload)));
    this.#heartbeat = setInterval(() => this.#broadcast(': keep-alive\n\n'), this.#heartbeatMs);
    this.#heartbeat.unref();
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Opens the stream, replays what a resuming client missed, then keeps it for live events. */
  async attach(response: ServerResponse, filter: LiveFilter, lastEventId: number | undefined): Promise<void> {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    const client: Client = { response, filter };
    this.#clients.add(client);
    response.on('close', () => this.#clients.delete(client));
    if (lastEventId !== undefined) {
      const missed = await eventsSince(this.#db, this.#communityId, lastEventId, REPLAY_LIMIT + 1);
      // Too much was missed to replay: the client refetches what it shows instead.
      if (missed.length > REPLAY_LIMIT) response.write('event: reset\ndata: {}\n\n');
      else for (const stored of missed) if (matches(filter, stored.event)) response.write(frame(stored));
    }
  }

  async #deliver(id: number): Promise<void> {
    if (!Number.isInteger(id) || this.#clients.size === 0) return;
    const stored = await readEvent(this.#db, this.#communityId, id).catch(() => undefined);
    if (!stored) return;
    const text = frame(stored);
    for (const client of this.#clients) if (matches(client.filter, stored.event)) client.response.write(text);
  }

  #broadcast(text: string): void {
    for (const client of this.#clients) client.response.write(text);
  }

  async stop(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) client.response.end();
    this.#clients.clear();
    await this.#stopListening?.();
  }
}
