/**
 * Public API reads kept serialized (and compressed once per encoding), per audience (core
 * `liveAudience`: guest, member, staff) so that nothing one audience may see is ever served to
 * another. Each entry carries tags of what it shows:
 * - `thread:<id>`  a thread's read and its post pages;
 * - `lists`        thread lists (counts, last activity, new, moved and merged threads);
 * - `categories`   the community read (its categories' counts and last activity);
 * - `member:<id>`  every read showing that member as an author (post count, kudos, rank);
 * - `settings`     every entry (signature, holdback minutes, ranks, category names, FAQ titles).
 * What drops them: the live events every process hears (`tagsOfEvent`), a successful write through
 * this process (all of them: its author reads their own write at once), and a broadcast from a
 * write no live event reports (see ./invalidation.ts). What neither reports (an author's rank
 * growing with days since joining, a pseudonym changed at sign-in) lasts at most `API_CACHE_TTL_MS`.
 */
import type { LiveEvent } from '../../contract/index.ts';
import { TaggedCache, weakEtag, type TaggedCacheOptions } from './tagged-cache.ts';

/** How long an entry may show what no event reports. */
export const API_CACHE_TTL_MS = 60_000;

export interface CachedAnswer {
  /** The answer as the domain gave it (signed-in readers get their own state added to it). */
  body: unknown;
  /** The answer serialized by the route's response schema: the bytes every reader of this audience gets. */
  json: string;
  etag: string;
  tags: readonly string[];
}

export function cachedAnswer(body: unknown, json: string, tags: readonly string[]): CachedAnswer {
  return { body, json, etag: weakEtag(json), tags };
}

/** The first holdback deadline still ahead in a read: the holdback's state changes then, with no write. */
function nextDeadline(answer: CachedAnswer, now: number): number | undefined {
  const deadlines: number[] = [];
  const visit = (summary: unknown) => {
    const dueAt = (summary as { holdback?: { dueAt?: string } } | undefined)?.holdback?.dueAt;
    const at = dueAt ? Date.parse(dueAt) : Number.NaN;
    if (at > now) deadlines.push(at);
  };
  const body = answer.body as { thread?: unknown; items?: unknown[] };
  visit(body.thread);
  for (const item of body.items ?? []) visit(item);
  return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
}

/** Author ids a read shows, as `member:<id>` tags. */
export function memberTags(authors: Iterable<{ author: { id: number } } | undefined>): string[] {
  const ids = new Set<number>();
  for (const item of authors) if (item) ids.add(item.author.id);
  return [...ids].map((id) => `member:${id}`);
}

/**
 * The tags a live event makes stale. Author counters move with posts, threads and kudos; the
 * kudos event names the post, not its author, so `authorOf` finds them.
 */
export function tagsOfEvent(event: LiveEvent): string[] {
  if (event.threadId === null) return [];
  const tags = [`thread:${event.threadId}`, 'lists', 'categories'];
  if (event.type === 'post-created' || event.type === 'post-updated') tags.push(`member:${event.post.author.id}`);
  if (event.type === 'thread-created' || event.type === 'thread-updated') tags.push(`member:${event.thread.author.id}`);
  return tags;
}

export class ApiCache extends TaggedCache<CachedAnswer> {
  constructor(options: Omit<TaggedCacheOptions<CachedAnswer>, 'staleAt' | 'tagsOf'> = {}) {
    const now = options.now ?? Date.now;
    super({ maxEntries: 2000, ttlMs: API_CACHE_TTL_MS, ...options, now, staleAt: (answer) => nextDeadline(answer, now()), tagsOf: (answer) => answer.tags });
  }

  /** Drops what `event` changed; `authorOf` names a post's author (for kudos, which move their counters). */
  async invalidateFor(event: LiveEvent, authorOf: (postId: number) => Promise<number | undefined>): Promise<void> {
    for (const tag of tagsOfEvent(event)) this.invalidate(tag);
    if (event.type === 'kudos-changed') {
      const author = await authorOf(event.postId);
      if (author !== undefined) this.invalidate(`member:${author}`);
    }
  }
}
