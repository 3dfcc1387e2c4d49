/**
 * Live events over Server-Sent Events. Each process LISTENs on the database and fans events
 * out to its own SSE clients, so any number of stateless processes share one stream. The hub
 * writes frames to a `LiveSink`: the server's HTTP response, or the mocks' stream in a page.
 *
 * A stored event keeps the payload of its write; what a reader gets is decided at delivery
 * (core `liveView`): the post or thread as it reads now, or a tombstone when moderation took
 * it away. Replays and bursts are re-read in a few queries, and a live event's view is
 * computed once per audience (guest, member, staff), not once per client.
 */
import type { LiveEvent, Post, ThreadSummary } from '../contract/index.ts';
import { liveAudience, liveMatches, liveRefs, liveView, liveViewKey, type Actor, type LiveAudience, type LiveFilter, type LiveState } from '../core/index.ts';
import type { Database, Queryable } from '../domain/database.ts';
import type { CommunityContext } from '../domain/repo/community.ts';
import { EVENTS_CHANNEL, eventsSince, readEvents, type StoredEvent } from '../domain/repo/events.ts';
import { findPostsWithState, findThreadRows, toThread } from '../domain/repo/threads.ts';

export type { LiveFilter, StoredEvent };

/**
 * Told of every event of the hub's community, in every process, once it is read back from
 * the database: for server-side caches (rendered pages) that the writes behind the live
 * stream make stale. It gets the event as stored (type, threadId, categoryId, payload as
 * written), not any reader's view of it.
 */
export type LiveEventListener = (stored: StoredEvent) => void | Promise<void>;

/** Where a client's frames go: an HTTP response, or a stream in the mocks. */
export interface LiveSink {
  write(text: string): void;
  end(): void;
  /** Calls `listener` once the reader has gone. */
  onClose(listener: () => void): void;
}

/** The headers of an event stream, for the adapters that write them. */
export const LIVE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

interface Client {
  response: LiveSink;
  filter: LiveFilter;
  actor: Actor;
  audience: LiveAudience;
  /** Writes in order: live events wait behind the replay. */
  queue: Promise<void>;
  /** Ids the replay sent, so a live notification of the same event is not sent twice. */
  replayed: Set<number>;
}

/** A comment line this often keeps idle limits (ours, proxies') from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** Events replayed to a reconnecting client at most; beyond, it is told to refetch. */
const REPLAY_LIMIT = 500;
/** Tells a resuming client that what it missed cannot be replayed: it refetches what it shows. */
const RESET_FRAME = 'event: reset\ndata: {}\n\n';
const MAX_EVENT_ID = 2_147_483_647;

/**
 * What a stream gets when the server stops: a comment saying why, and `retry:` (EventSource
 * reconnects after that many milliseconds; Last-Event-ID then replays what it missed), spread
 * over 1–3 s so that every client of a stopping process does not reconnect in the same instant.
 */
function shutdownFrame(): string {
  return `: server stopping, reconnect\nretry: ${1000 + Math.floor(Math.random() * 2000)}\n\n`;
}

function frame(id: number, event: LiveEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** What `events` refer to as it is now, in a few queries whatever their number. */
async function readLiveState(db: Queryable, community: CommunityContext, events: readonly LiveEvent[]): Promise<LiveState<Post, ThreadSummary>> {
  const postIds = new Set<number>();
  const threadIds = new Set<number>();
  for (const event of events) {
    const refs = liveRefs(event);
    if (refs.postId !== undefined) postIds.add(refs.postId);
    if (refs.threadId !== undefined) threadIds.add(refs.threadId);
  }
  const posts = await findPostsWithState(db, community, [...postIds]);
  const now = new Date();
  const threads = new Map((await findThreadRows(db, community, [...threadIds])).map((row) => [row.id, toThread(row, community, now)]));
  return { posts, threads };
}

/** An event as this reader may get it now (core `liveView`), framed; undefined when nothing is sent. */
function viewFor(actor: Actor, stored: StoredEvent, state: LiveState<Post, ThreadSummary>): { event: LiveEvent; text: string } | undefined {
  const event: LiveEvent | undefined = liveView(actor, stored.event, state);
  return event && { event, text: frame(stored.id, event) };
}

export class LiveHub {
  readonly #db: Database;
  readonly #community: CommunityContext;
  readonly #clients = new Set<Client>();
  readonly #listeners = new Set<LiveEventListener>();
  /** Notified ids not delivered yet: a burst is read and delivered as one batch, in order. */
  #pending: number[] = [];
  #draining = false;
  #stopListening: (() => Promise<void>) | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  readonly #heartbeatMs: number;

  constructor(db: Database, community: CommunityContext, heartbeatMs = HEARTBEAT_MS) {
    this.#heartbeatMs = heartbeatMs;
    this.#db = db;
    this.#community = community;
  }

  async start(): Promise<void> {
    this.#stopListening = await this.#db.listen(EVENTS_CHANNEL, (payload) => this.#notified(Number(payload)));
    this.#heartbeat = setInterval(() => this.#broadcast(': keep-alive\n\n'), this.#heartbeatMs);
    // In Node, a heartbeat alone keeps no process alive.
    (this.#heartbeat as { unref?: () => void }).unref?.();
  }

  /**
   * Calls `listener` with every event of the community from now on, in this process, after it
   * committed, in id order; returns the unsubscribe. Every process's hub hears every event
   * (NOTIFY), whichever process wrote it. A listener that throws or rejects is ignored: it
   * breaks neither the streams nor the other listeners. Events whose notification was missed
   * (while the hub was stopped) are not told again.
   */
  onEvent(listener: LiveEventListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Opens the stream for `actor`, replays what a resuming client missed, then keeps it for live events. */
  async attach(response: LiveSink, filter: LiveFilter, lastEventId: number | 'reset' | undefined, actor: Actor): Promise<void> {
    response.write('retry: 2000\n\n');
    const client: Client = { response, filter, actor, audience: liveAudience(actor), queue: Promise.resolve(), replayed: new Set() };
    this.#clients.add(client);
    response.onClose(() => this.#clients.delete(client));
    if (lastEventId === undefined) return;
    if (lastEventId === 'reset') {
      response.write(RESET_FRAME);
      return;
    }
    client.queue = this.#replay(client, lastEventId).catch(() => {
      // The client reconnects with the same Last-Event-ID and tries again.
      response.end();
    });
    await client.queue;
  }

  async #replay(client: Client, lastEventId: number): Promise<void> {
    const missed = await eventsSince(this.#db, this.#community.id, lastEventId, REPLAY_LIMIT + 1);
    // Too much was missed to replay: the client refetches what it shows instead.
    if (missed.length > REPLAY_LIMIT) {
      client.response.write(RESET_FRAME);
      return;
    }
    const state = await readLiveState(this.#db, this.#community, missed.map((stored) => stored.event));
    for (const stored of missed) {
      client.replayed.add(stored.id);
      const view = viewFor(client.actor, stored, state);
      if (view && liveMatches(client.filter, view.event)) client.response.write(view.text);
    }
  }

  #notified(id: number): void {
    if (!Number.isInteger(id) || id < 1 || id > MAX_EVENT_ID) return;
    this.#pending.push(id);
    if (!this.#draining) void this.#drain();
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    while (this.#pending.length > 0) {
      const ids = this.#pending.splice(0);
      await this.#deliver(ids).catch(() => undefined);
    }
    this.#draining = false;
  }

  async #deliver(ids: number[]): Promise<void> {
    if (this.#clients.size === 0 && this.#listeners.size === 0) return;
    const events = await readEvents(this.#db, this.#community.id, ids);
    for (const stored of events) this.#tell(stored);
    if (this.#clients.size === 0) return;
    const state = await readLiveState(this.#db, this.#community, events.map((stored) => stored.event));
    for (const stored of events) {
      // One view per audience: every guest gets the same frame, every member, every staff member
      // (a notification's view is its member's alone: core `liveViewKey`).
      const views = new Map<string, ReturnType<typeof viewFor>>();
      for (const client of this.#clients) {
        const key = liveViewKey(client.actor, stored.event);
        if (!views.has(key)) views.set(key, viewFor(client.actor, stored, state));
        const view = views.get(key);
        if (view && liveMatches(client.filter, view.event)) this.#send(client, stored.id, view.text);
      }
    }
  }

  /** Listeners are told in turn; one that fails is the cache's problem, not the stream's. */
  #tell(stored: StoredEvent): void {
    for (const listener of this.#listeners) {
      try {
        void Promise.resolve(listener(stored)).catch(() => undefined);
      } catch {
        // A throwing listener: ignored like a rejecting one.
      }
    }
  }

  #send(client: Client, id: number, text: string): void {
    client.queue = client.queue.then(() => {
      if (!client.replayed.has(id)) client.response.write(text);
    });
  }

  #broadcast(text: string): void {
    for (const client of this.#clients) client.response.write(text);
  }

  /** Ends every stream with a reconnect hint: the server is stopping, another one (or its restart) takes over. */
  async stop(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) {
      client.response.write(shutdownFrame());
      client.response.end();
    }
    this.#clients.clear();
    await this.#stopListening?.();
  }
}
