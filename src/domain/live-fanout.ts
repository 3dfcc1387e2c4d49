/**
 * The live hub's subscribers and how a burst of frames reaches them: subscribers indexed by what
 * their stream follows (a thread, a category, everything) and by member, so an event visits only
 * the streams that may show it; each subscriber's frames of a burst joined into one chunk, built
 * once for every subscriber that gets the same frames (20,000 guests on one thread share one
 * chunk); writes in slices that give the event loop back every few milliseconds, so other
 * requests are not held behind a large fan-out; and a subscriber whose connection does not drain
 * (more than `MAX_BUFFERED_BYTES` waiting) is dropped: it reconnects with Last-Event-ID and the
 * replay gives it what it missed, instead of the server holding an ever-growing buffer for it.
 */
import { liveAudience, type Actor, type LiveAudience, type LiveFilter } from '../core/index.ts';
import { isSignedIn } from '../core/index.ts';

/** Where a client's frames go: an HTTP response, or a stream in the mocks. */
export interface LiveSink {
  write(chunk: string | Uint8Array): void;
  end(): void;
  /** Calls `listener` once the reader has gone. */
  onClose(listener: () => void): void;
  /** Bytes written but not yet taken by the reader; a sink that cannot tell is never dropped. */
  buffered?(): number;
  /** Closes at once, dropping what is buffered (a reader too slow to keep up). */
  drop?(): void;
}

/** A frame of one event as one audience gets it, encoded once. */
export interface Frame {
  /** The event id (`id:` of the frame). */
  id: number;
  /** Tells frames apart within a burst: the same serial is the same bytes. */
  serial: number;
  bytes: Uint8Array;
}

export interface Subscriber {
  sink: LiveSink;
  filter: LiveFilter;
  actor: Actor;
  audience: LiveAudience;
  closed: boolean;
  /** While its replay runs, live frames wait here (then are sent unless the replay sent them). */
  held: Frame[] | undefined;
  /** The last event id its replay sent: a later NOTIFY of an event up to it is not sent again. */
  replayedUpTo: number;
}

/** Over this many unsent bytes, a stream is dropped rather than buffered without end. */
export const MAX_BUFFERED_BYTES = 512 * 1024;
/** Writes run this long at most before the event loop gets a turn. */
const SLICE_MS = 4;

const encoder = new TextEncoder();
export const encode = (text: string): Uint8Array => encoder.encode(text);

function addTo<K>(index: Map<K, Set<Subscriber>>, key: K, subscriber: Subscriber): void {
  const set = index.get(key);
  if (set) set.add(subscriber);
  else index.set(key, new Set([subscriber]));
}

function removeFrom<K>(index: Map<K, Set<Subscriber>>, key: K, subscriber: Subscriber): void {
  const set = index.get(key);
  set?.delete(subscriber);
  if (set?.size === 0) index.delete(key);
}

/** The subscribers of one hub, indexed by what they follow and by member. */
export class Subscribers {
  readonly all = new Set<Subscriber>();
  readonly #byThread = new Map<number, Set<Subscriber>>();
  readonly #byCategory = new Map<number, Set<Subscriber>>();
  readonly #everything = new Set<Subscriber>();
  readonly #byMember = new Map<number, Set<Subscriber>>();

  create(sink: LiveSink, filter: LiveFilter, actor: Actor): Subscriber {
    const subscriber: Subscriber = { sink, filter, actor, audience: liveAudience(actor), closed: false, held: undefined, replayedUpTo: 0 };
    this.all.add(subscriber);
    // Indexed once, by the narrowest thing it follows; `liveMatches` checks the rest.
    if (filter.threadId !== undefined) addTo(this.#byThread, filter.threadId, subscriber);
    else if (filter.categoryId !== undefined) addTo(this.#byCategory, filter.categoryId, subscriber);
    else this.#everything.add(subscriber);
    if (isSignedIn(actor)) addTo(this.#byMember, actor.memberId, subscriber);
    return subscriber;
  }

  remove(subscriber: Subscriber): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    this.all.delete(subscriber);
    const { filter, actor } = subscriber;
    if (filter.threadId !== undefined) removeFrom(this.#byThread, filter.threadId, subscriber);
    else if (filter.categoryId !== undefined) removeFrom(this.#byCategory, filter.categoryId, subscriber);
    else this.#everything.delete(subscriber);
    if (isSignedIn(actor)) removeFrom(this.#byMember, actor.memberId, subscriber);
  }

  get size(): number {
    return this.all.size;
  }

  /** The streams that may show an event located in this thread and category (the filter is still checked). */
  *located(threadId: number | null, categoryId: number | null): Generator<Subscriber> {
    if (threadId !== null) yield* this.#byThread.get(threadId) ?? [];
    if (categoryId !== null) yield* this.#byCategory.get(categoryId) ?? [];
    yield* this.#everything;
  }

  /** A member's own streams (their notifications reach no one else). */
  ofMember(memberId: number): Iterable<Subscriber> {
    return this.#byMember.get(memberId) ?? [];
  }
}

/** Gives the event loop a turn: other requests run between slices of a large fan-out. */
export function yieldToLoop(): Promise<void> {
  // Node's setImmediate runs after pending I/O; a page (the mocks) has only setTimeout.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

function join(frames: readonly Frame[]): Uint8Array {
  if (frames.length === 1) return frames[0]!.bytes;
  const joined = new Uint8Array(frames.reduce((total, frame) => total + frame.bytes.length, 0));
  let at = 0;
  for (const frame of frames) {
    joined.set(frame.bytes, at);
    at += frame.bytes.length;
  }
  return joined;
}

/** Writes `chunk` unless the reader is too far behind, in which case it is dropped; false when dropped. */
export function writeOrDrop(subscribers: Subscribers, subscriber: Subscriber, chunk: string | Uint8Array): boolean {
  const { sink } = subscriber;
  if ((sink.buffered?.() ?? 0) > MAX_BUFFERED_BYTES) {
    subscribers.remove(subscriber);
    if (sink.drop) sink.drop();
    else sink.end();
    return false;
  }
  sink.write(chunk);
  return true;
}

/**
 * Sends a burst: each subscriber's frames, in order, as one chunk (shared by every subscriber
 * that gets the same frames), in slices of a few milliseconds. A subscriber still replaying keeps
 * its frames for after the replay.
 */
export async function writeBurst(subscribers: Subscribers, framesOf: ReadonlyMap<Subscriber, Frame[]>): Promise<void> {
  const chunks = new Map<string, Uint8Array>();
  let sliceStart = performance.now();
  let written = 0;
  for (const [subscriber, frames] of framesOf) {
    if (subscriber.closed) continue;
    if (subscriber.held) {
      subscriber.held.push(...frames);
      continue;
    }
    const key = frames.length === 1 ? String(frames[0]!.serial) : frames.map((frame) => frame.serial).join(',');
    let chunk = chunks.get(key);
    if (!chunk) chunks.set(key, (chunk = join(frames)));
    writeOrDrop(subscribers, subscriber, chunk);
    // Reading the clock every few dozen writes is enough to keep slices short.
    if (++written % 32 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
}

/** Writes the same text to every subscriber (a heartbeat), in slices, dropping readers too far behind. */
export async function writeToAll(subscribers: Subscribers, text: string): Promise<void> {
  const bytes = encode(text);
  const burst = new Map<Subscriber, Frame[]>();
  for (const subscriber of subscribers.all) if (!subscriber.held) burst.set(subscriber, [{ id: 0, serial: 0, bytes }]);
  await writeBurst(subscribers, burst);
}
