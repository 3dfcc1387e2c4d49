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
import { liveMatches, liveRefs, liveView, liveViewKey, type Actor, type LiveFilter, type LiveState } from '../core/index.ts';
import type { Database, Queryable } from '../domain/database.ts';
import { encode, Subscribers, writeBurst, writeOrDrop, writeToAll, type Frame, type LiveSink, type Subscriber } from './live-fanout.ts';
import type { CommunityContext } from '../domain/repo/community.ts';
import { EVENTS_CHANNEL, eventsSince, latestEventId, readEvents, type StoredEvent } from '../domain/repo/events.ts';
import { findPostsWithState, findThreadRows, toThread } from '../domain/repo/threads.ts';

export type { LiveFilter, LiveSink, StoredEvent };

/**
 * Told of every event of the hub's community, in every process, once it is read back from
 * the database: for server-side caches (rendered pages) that the writes behind the live
 * stream make stale. It gets the event as stored (type, threadId, categoryId, payload as
 * written), not any reader's view of it.
 */
export type LiveEventListener = (stored: StoredEvent) => void | Promise<void>;

/** The headers of an event stream, for the adapters that write them. */
export const LIVE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/** A comment line this often keeps idle limits (ours, proxies') from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** Events replayed to a reconnecting client at most; beyond, it is told to refetch. */
const REPLAY_LIMIT = 500;
/** Tells a resuming client that what it missed cannot be replayed: it refetches what it shows. */
const RESET_FRAME = 'event: reset\ndata: {}\n\n';
const MAX_EVENT_ID = 2_147_483_647;
/**
 * A catch-up after a lost connection starts this many ids before the newest heard: ids are taken
 * at insert, so an event may commit (and notify) after one with a higher id.
 */
const CATCH_UP_MARGIN = 100;
/** One reader of each audience, to learn where an event's views are located before visiting subscribers. */
const AUDIENCE_ACTORS: readonly Actor[] = [{ role: 'guest' }, { role: 'member', memberId: 0 }, { role: 'advisor', memberId: 0 }];

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

/** An event as one audience may get it now (core `liveView`), framed and encoded once; undefined when nothing is sent. */
interface View {
  event: LiveEvent;
  frame: Frame;
}

function viewFor(actor: Actor, stored: StoredEvent, state: LiveState<Post, ThreadSummary>, serial: number): View | undefined {
  const event: LiveEvent | undefined = liveView(actor, stored.event, state);
  return event && { event, frame: { id: stored.id, serial, bytes: encode(frame(stored.id, event)) } };
}

export class LiveHub {
  readonly #db: Database;
  readonly #community: CommunityContext;
  readonly #subscribers = new Subscribers();
  readonly #listeners = new Set<LiveEventListener>();
  /** Notified ids not delivered yet: a burst is read and delivered as one batch, in order. */
  #pending: number[] = [];
  #draining = false;
  /** Numbers the frames of a burst, so subscribers that get the same frames share one chunk. */
  #serial = 0;
  #stopListening: (() => Promise<void>) | undefined;
  /** The newest event id heard (or found at start): where a catch-up after a lost connection begins. */
  #heardUpTo = 0;
  /**
   * The newest event id routed to the streams (or found at start). A stream attached from now on
   * gets every later event live, so its opening frame says it starts here.
   */
  #routedUpTo = 0;
  /** Ids heard lately, oldest first: a catch-up never delivers an event twice. */
  readonly #recent = new Set<number>();
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  readonly #heartbeatMs: number;

  constructor(db: Database, community: CommunityContext, heartbeatMs = HEARTBEAT_MS) {
    this.#heartbeatMs = heartbeatMs;
    this.#db = db;
    this.#community = community;
  }

  async start(): Promise<void> {
    this.#heardUpTo = this.#routedUpTo = await latestEventId(this.#db, this.#community.id);
    this.#stopListening = await this.#db.listen(EVENTS_CHANNEL, (payload) => this.#notified(Number(payload)), () => void this.#catchUp());
    this.#heartbeat = setInterval(() => void writeToAll(this.#subscribers, ': keep-alive\n\n'), this.#heartbeatMs);
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
    return this.#subscribers.size;
  }

  /** Opens the stream for `actor`, replays what a resuming client missed, then keeps it for live events. */
  async attach(response: LiveSink, filter: LiveFilter, lastEventId: number | 'reset' | undefined, actor: Actor): Promise<void> {
    // The opening frame's `id` is where this stream starts: a client that reopens it (another
    // filter, a dropped connection) before any event came resumes from there, and gets what was
    // written in between instead of losing it.
    response.write(this.#routedUpTo > 0 ? `retry: 2000\nid: ${this.#routedUpTo}\n\n` : 'retry: 2000\n\n');
    const subscriber = this.#subscribers.create(response, filter, actor);
    response.onClose(() => this.#subscribers.remove(subscriber));
    if (lastEventId === undefined) return;
    if (lastEventId === 'reset') {
      response.write(RESET_FRAME);
      return;
    }
    subscriber.held = [];
    const replayed = await this.#replay(subscriber, lastEventId).catch(() => {
      // The client reconnects with the same Last-Event-ID and tries again.
      this.#subscribers.remove(subscriber);
      response.end();
      return undefined;
    });
    const held = subscriber.held;
    subscriber.held = undefined;
    if (!replayed) return;
    subscriber.replayedUpTo = Math.max(lastEventId, ...replayed);
    // Live events that came during the replay, unless the replay sent them already.
    for (const frame of held) if (!replayed.has(frame.id) && !writeOrDrop(this.#subscribers, subscriber, frame.bytes)) return;
  }

  /** Sends what the client missed; resolves to the ids it covered. */
  async #replay(subscriber: Subscriber, lastEventId: number): Promise<Set<number>> {
    const missed = await eventsSince(this.#db, this.#community.id, lastEventId, REPLAY_LIMIT + 1);
    const replayed = new Set(missed.map((stored) => stored.id));
    // Too much was missed to replay: the client refetches what it shows instead.
    if (missed.length > REPLAY_LIMIT) {
      subscriber.sink.write(RESET_FRAME);
      return replayed;
    }
    const state = await readLiveState(this.#db, this.#community, missed.map((stored) => stored.event));
    for (const stored of missed) {
      const view = viewFor(subscriber.actor, stored, state, 0);
      if (view && liveMatches(subscriber.filter, view.event)) subscriber.sink.write(view.frame.bytes);
    }
    return replayed;
  }

  #notified(id: number): void {
    if (!Number.isInteger(id) || id < 1 || id > MAX_EVENT_ID || this.#recent.has(id)) return;
    this.#recent.add(id);
    if (this.#recent.size > REPLAY_LIMIT * 2) this.#recent.delete(this.#recent.values().next().value!);
    this.#heardUpTo = Math.max(this.#heardUpTo, id);
    this.#pending.push(id);
    if (!this.#draining) void this.#drain();
  }

  /**
   * Listening again after a lost connection (PostgreSQL): the events notified meanwhile were not
   * heard. They are read from the table and delivered as if heard, in order; past the replay's
   * limit, every stream is told to refetch instead (`reset`), as a resuming client would be.
   */
  async #catchUp(): Promise<void> {
    const missed = await eventsSince(this.#db, this.#community.id, Math.max(0, this.#heardUpTo - CATCH_UP_MARGIN), REPLAY_LIMIT + CATCH_UP_MARGIN + 1).catch(() => undefined);
    if (!missed) return writeToAll(this.#subscribers, RESET_FRAME);
    for (const stored of missed) this.#notified(stored.id);
    if (missed.length > REPLAY_LIMIT + CATCH_UP_MARGIN) return writeToAll(this.#subscribers, RESET_FRAME);
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
    if (this.#subscribers.size === 0 && this.#listeners.size === 0) return this.#routed(ids);
    const events = await readEvents(this.#db, this.#community.id, ids);
    for (const stored of events) this.#tell(stored);
    if (this.#subscribers.size === 0) return this.#routed(ids);
    const state = await readLiveState(this.#db, this.#community, events.map((stored) => stored.event));
    const burst = new Map<Subscriber, Frame[]>();
    for (const stored of events) this.#route(stored, state, burst);
    this.#routed(ids);
    await writeBurst(this.#subscribers, burst);
  }

  /** Every stream there is has been given these events (or had nothing to get). */
  #routed(ids: readonly number[]): void {
    for (const id of ids) if (id > this.#routedUpTo) this.#routedUpTo = id;
  }

  /**
   * Adds the frames of one event to the burst of each subscriber that gets it. Views are computed
   * once per audience (every guest gets the same frame, every member, every staff member; a
   * notification's view is its member's alone: core `liveViewKey`), and only the subscribers
   * indexed where the view is located are visited.
   */
  #route(stored: StoredEvent, state: LiveState<Post, ThreadSummary>, burst: Map<Subscriber, Frame[]>): void {
    const views = new Map<string, View | undefined>();
    const viewOf = (actor: Actor) => {
      const key = liveViewKey(actor, stored.event);
      if (!views.has(key)) views.set(key, viewFor(actor, stored, state, ++this.#serial));
      return views.get(key);
    };
    for (const subscriber of this.#candidates(stored, viewOf)) {
      if (stored.id <= subscriber.replayedUpTo) continue;
      const view = viewOf(subscriber.actor);
      if (!view || !liveMatches(subscriber.filter, view.event)) continue;
      const frames = burst.get(subscriber);
      if (frames) frames.push(view.frame);
      else burst.set(subscriber, [view.frame]);
    }
  }

  /** The subscribers that may get `stored`: where its views are located, or a member's own streams. */
  #candidates(stored: StoredEvent, viewOf: (actor: Actor) => View | undefined): Iterable<Subscriber> {
    const { event } = stored;
    if (event.type === 'notification') return this.#subscribers.ofMember(event.memberId);
    if (event.type === 'incident-updated' || event.type === 'private-updated') return this.#subscribers.all;
    // Every audience's view is located where the post or thread is now; one guest, member and
    // staff view each say where (they agree today, the union keeps this right if they ever differ).
    const located = new Set<Subscriber>();
    const places = new Set<string>();
    for (const audience of AUDIENCE_ACTORS) {
      const view = viewOf(audience);
      if (!view || view.event.type === 'incident-updated' || places.has(`${view.event.threadId}:${view.event.categoryId}`)) continue;
      places.add(`${view.event.threadId}:${view.event.categoryId}`);
      for (const subscriber of this.#subscribers.located(view.event.threadId, view.event.categoryId)) located.add(subscriber);
    }
    return located;
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

  /** Ends every stream with a reconnect hint: the server is stopping, another one (or its restart) takes over. */
  async stop(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const subscriber of [...this.#subscribers.all]) {
      subscriber.sink.write(shutdownFrame());
      subscriber.sink.end();
      this.#subscribers.remove(subscriber);
    }
    await this.#stopListening?.();
  }
}
