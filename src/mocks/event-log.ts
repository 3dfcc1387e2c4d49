/**
 * The mocks' live-event log, as `src/server/live.ts` and the `events` table behave: ids are
 * global to a community, a stream resuming with Last-Event-ID gets what it missed, and a gap
 * wider than the replay limit gets `reset` (refetch) instead.
 */
import type { LiveEvent } from '../contract/models.ts';

/** A live event with its id, as an SSE stream numbers it (`id:` and Last-Event-ID). */
export interface LoggedEvent {
  id: number;
  event: LiveEvent;
}

export interface LiveFilter {
  threadId?: number;
  categoryId?: number;
}

/** Events kept for resuming streams: the server's REPLAY_LIMIT, so a gap resets at the same size. */
export const EVENT_LOG_SIZE = 500;

/** The server's rule: incident banners concern every page's stream, whatever it follows. */
export function liveMatches(filter: LiveFilter, event: LiveEvent): boolean {
  if (event.type === 'incident-updated') return true;
  if (filter.threadId !== undefined && filter.threadId !== event.threadId) return false;
  return filter.categoryId === undefined || filter.categoryId === event.categoryId;
}

export class EventLog {
  readonly #recent: LoggedEvent[] = [];
  #lastId = 0;

  /** Numbers the event and keeps it; returns its id. */
  append(event: LiveEvent): number {
    const id = ++this.#lastId;
    this.#recent.push({ id, event });
    if (this.#recent.length > EVENT_LOG_SIZE) this.#recent.shift();
    return id;
  }

  /** What a stream resuming after `lastEventId` missed, or 'reset' when the log no longer holds it all. */
  since(lastEventId: number, filter: LiveFilter = {}): LoggedEvent[] | 'reset' {
    const oldest = this.#recent[0]?.id ?? this.#lastId + 1;
    if (lastEventId < oldest - 1) return 'reset';
    return this.#recent.filter((logged) => logged.id > lastEventId && liveMatches(filter, logged.event));
  }
}
