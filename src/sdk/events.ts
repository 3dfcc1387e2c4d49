import type { LiveEvent } from '../contract/index.ts';
import { liveMatches, type LiveFilter } from '../core/live.ts';
import { withToken, type Http } from './http.ts';
import { events } from './routes/index.ts';

/** What a subscription follows: one thread, one category, or (empty) everything. */
export type EventFilter = LiveFilter;

export type EventHandler = (event: LiveEvent) => void;

export interface SubscribeOptions {
  /** The server could not replay what was missed while disconnected: refetch what you show. */
  onReset?: () => void;
  /**
   * Only incident events are wanted. Every stream carries them whatever its filter (core
   * `liveMatches`), so this subscription leaves the stream's filter to the others.
   */
  incidentsOnly?: boolean;
  /** Only the signed-in member's own notifications are wanted: like `incidentsOnly`, every stream carries them. */
  notificationsOnly?: boolean;
  /** Only the reader's private conversations are wanted (`private-updated`): like `incidentsOnly`, every stream carries them. */
  privateOnly?: boolean;
  /**
   * The stream's state, told at once when known and on each change: `open` (events flow; after
   * a break, what was missed is replayed or a reset told) or `down` (it retries with backoff).
   */
  onConnection?: (state: ConnectionState) => void;
}

/** Whether the live stream is open or retrying. */
export type ConnectionState = 'open' | 'down';

interface Subscription extends SubscribeOptions {
  filter: EventFilter;
  handler: EventHandler;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 15_000;

/**
 * What a stream shared by these filters asks the server for: each of `threadId` and
 * `categoryId` that they all name alike, so that the stream carries every event any of them
 * matches (`liveMatches` asks for each filter's fields at once). One thread followed gives
 * `?threadId=`; two threads, or a thread and a category, give the unfiltered stream.
 */
export function sharedFilter(filters: readonly EventFilter[]): EventFilter {
  const shared: EventFilter = {};
  for (const key of ['threadId', 'categoryId'] as const) {
    const value = filters[0]?.[key];
    if (value !== undefined && filters.every((filter) => filter[key] === value)) shared[key] = value;
  }
  return shared;
}

/**
 * One text/event-stream per client, whatever the number of subscriptions (browsers allow six
 * HTTP/1.1 connections per host across all tabs), filtered by the server to what they share
 * (`sharedFilter`); each subscription then gets what its own filter matches. When that changes,
 * the stream is reopened with the new filter, resuming after the last event it got. Read over
 * fetch, so it carries the bearer token and works in Node too; resumes with Last-Event-ID and
 * reconnects with capped backoff, keeping its filter.
 */
export class LiveConnection {
  readonly #http: Http;
  readonly #subscriptions = new Set<Subscription>();
  #controller: AbortController | undefined;
  /** The URL the open stream reads, filter included, and whose token (undefined when closed). */
  #url: string | undefined;
  #lastEventId: string | undefined;
  #state: ConnectionState | undefined;

  constructor(http: Http) {
    this.#http = http;
  }

  subscribe(filter: EventFilter, handler: EventHandler, options: SubscribeOptions = {}): () => void {
    const subscription: Subscription = { ...options, filter, handler };
    this.#subscriptions.add(subscription);
    if (this.#state) subscription.onConnection?.(this.#state);
    this.#follow();
    return () => {
      this.#subscriptions.delete(subscription);
      this.#follow();
    };
  }

  /** Opens, reopens or closes the stream so that it carries what the subscriptions ask for. */
  #follow(): void {
    const subscriptions = [...this.#subscriptions];
    const filter = sharedFilter(subscriptions.filter((s) => !s.incidentsOnly && !s.notificationsOnly && !s.privateOnly).map((s) => s.filter));
    const url = subscriptions.length ? this.#http.url(events.split(' ')[1]!, { ...filter }) : undefined;
    // A stream opened before signing in is the guest's: the member's own events (notifications)
    // need it reopened with their token, resuming after the last event it got.
    const key = url && `${url} ${this.#http.token ?? ''}`;
    if (key === this.#url) return;
    this.#controller?.abort();
    this.#url = key;
    this.#controller = undefined;
    if (url) void this.#run(url, (this.#controller = new AbortController()).signal);
  }

  #tell(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const subscription of this.#subscriptions) subscription.onConnection?.(state);
  }

  #dispatch(type: string, data: string): void {
    if (type === 'reset') {
      for (const subscription of this.#subscriptions) subscription.onReset?.();
      return;
    }
    const event = JSON.parse(data) as LiveEvent;
    for (const subscription of this.#subscriptions) if (liveMatches(subscription.filter, event)) subscription.handler(event);
  }

  async #run(url: string, signal: AbortSignal): Promise<void> {
    let attempt = 0;
    // The token the stream was just refused, while one fresh one is asked for.
    let refused: string | undefined;
    let mayRefresh = true;
    while (!signal.aborted) {
      try {
        const extra: Record<string, string> = { accept: 'text/event-stream' };
        if (this.#lastEventId) extra['last-event-id'] = this.#lastEventId;
        // No fresh token: the session is over, the stream goes on as a guest's.
        const token = await this.#http.tokenAfter(refused);
        refused = undefined;
        const response = await this.#http.fetch(url, { headers: withToken(extra, token), signal });
        if (response.status === 401 && token) {
          // Refused: one fresh token is asked for at once; after that, the guest's stream comes
          // after the usual pause (a page handing out refused tokens cannot make it spin).
          if (this.#http.canRefresh && mayRefresh) {
            mayRefresh = false;
            refused = token;
            continue;
          }
          this.#http.rejectToken(token);
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        mayRefresh = true;
        this.#tell('open');
        await readStream(response.body, (id, type, data) => {
          if (id) this.#lastEventId = id;
          // A frame with an id and no data (the stream's opening one) only moves the resume point.
          if (data !== undefined) this.#dispatch(type, data);
        });
      } catch {
        if (signal.aborted) return;
      }
      // Ended or failed: retrying. (A reopen for another filter aborts first and tells nothing.)
      this.#tell('down');
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt += 1;
      await sleep(delay, signal);
    }
  }
}

async function readStream(body: ReadableStream<Uint8Array>, onMessage: (id: string | undefined, type: string, data: string | undefined) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
      const message = parseBlock(buffer.slice(0, end));
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      if (message) onMessage(message.id, message.type, message.data);
    }
  }
}

function parseBlock(block: string): { id?: string; type: string; data: string | undefined } | undefined {
  let id: string | undefined;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length) return { id, type, data: data.join('\n') };
  return id === undefined ? undefined : { id, type, data: undefined };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
