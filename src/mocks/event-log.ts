/**
 * The mocks' live-event log, as `src/server/live.ts` and the `events` table behave: ids are
 * global to a community, a stream resuming with Last-Event-ID gets what it missed, a gap
 * wider than the replay limit gets `reset` (refetch) instead, and each event is shown to a
 * reader as its post or thread reads now (core `liveView`), not as it was written.
 */
import type { LiveEvent, Post, ThreadSummary } from '../contract/models.ts';
import type { LiveState } from '../core/index.ts';
import type { MockStore } from './store.ts';

/** A live event with its id, as an SSE stream numbers it (`id:` and Last-Event-ID). */
export interface LoggedEvent {
  id: number;
  event: LiveEvent;
}

/** Events kept for resuming streams: the server's REPLAY_LIMIT, so a gap resets at the same size. */
export const EVENT_LOG_SIZE = 500;

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

  /** What a stream resuming after `lastEventId` missed, as written, or 'reset' when the log no longer holds it all. */
  since(lastEventId: number): LoggedEvent[] | 'reset' {
    const oldest = this.#recent[0]?.id ?? this.#lastId + 1;
    if (lastEventId < oldest - 1) return 'reset';
    return this.#recent.filter((logged) => logged.id > lastEventId);
  }
}

/** The store's posts and threads as reads show them now, hidden posts marked, for `liveView`. */
export function liveStateOf(store: MockStore): LiveState<Post, ThreadSummary> {
  return {
    posts: {
      get: (postId) => {
        const post = store.storedPosts().find((p) => p.id === postId);
        return post && { post: store.postView(post), categoryId: store.threadRecord(post.threadId).categoryId, hidden: post.hidden === true };
      },
    },
    threads: { get: (threadId) => (store.threadRecords().some((t) => t.id === threadId) ? store.summary(threadId) : undefined) },
  };
}
