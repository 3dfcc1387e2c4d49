/**
 * The display counters a reply raises on shared rows, its author's post count and its category's
 * post count and last post, written as deltas (migration 025) and folded in batches.
 *
 * Why deltas rather than the alternatives: updating `members` and `categories` in the reply
 * (directly or from a trigger) locks those rows until the reply commits, so every reply of a
 * category queues behind the one before (pgbench: 342 tps as one statement, 976 tps without
 * these two updates). A periodic batched update would be as fast but loses the increments of a
 * crash between the reply and the batch. An append-only row committed with the reply locks
 * nothing shared and survives a crash; a fold moves each row into the counters exactly once
 * (`for update skip locked`: two folds at once take different rows and never wait on each other).
 */
import type { Queryable } from '../database.ts';

/** The delta row of one post; the reply's statement inlines the same insert (./reply-write.ts). */
export const COUNTER_DELTA_INSERT = 'insert into counter_deltas (member_id, category_id, posts, last_post_at)';

/** Posts of the member not yet folded into `members.post_count`: what a count read before the fold adds. */
export const PENDING_POSTS = (memberColumn: string) =>
  `(select coalesce(sum(d.posts), 0)::int from counter_deltas d where d.member_id = ${memberColumn})`;

/**
 * Moves every pending delta into the counters in one statement; returns how many rows it took.
 * Run after replies commit, through `foldCounterDeltasSoon` (so a read after the answer sees exact
 * counts), and at start-up (the deltas of replies acknowledged just before a crash).
 */
export async function foldCounterDeltas(db: Queryable): Promise<number> {
  const [row] = await db.query<{ folded: number }>(
    `with taken as (
       delete from counter_deltas where id in (select id from counter_deltas order by id for update skip locked)
       returning member_id, category_id, posts, last_post_at
     ), by_member as (
       update members m set post_count = m.post_count + s.posts
       from (select member_id, sum(posts)::int as posts from taken group by member_id) s where m.id = s.member_id
     ), by_category as (
       update categories c set post_count = c.post_count + s.posts, last_post_at = greatest(c.last_post_at, s.last_post_at)
       from (select category_id, sum(posts)::int as posts, max(last_post_at) as last_post_at from taken group by category_id) s where c.id = s.category_id
     )
     select count(*)::int as folded from taken`,
  );
  return row?.folded ?? 0;
}

interface FoldQueue {
  running?: Promise<number>;
  next?: Promise<number>;
}
const foldQueues = new WeakMap<Queryable, FoldQueue>();

function foldQueueOf(db: Queryable): FoldQueue {
  let queue = foldQueues.get(db);
  if (!queue) foldQueues.set(db, (queue = {}));
  return queue;
}

/**
 * Folds after a reply committed, sharing folds between replies: with none running, one starts;
 * with one running (it may have taken its rows before this reply committed), the caller waits
 * for the next, which starts once that one ends and so takes this reply's delta. Fifty replies
 * at once run two or three folds instead of fifty, and each still answers with exact counts.
 */
export function foldCounterDeltasSoon(db: Queryable): Promise<number> {
  const fold = foldQueueOf(db);
  const start = (): Promise<number> => {
    const running = foldCounterDeltas(db).finally(() => {
      if (fold.running === running) fold.running = undefined;
    });
    fold.running = running;
    return running;
  };
  if (!fold.running) return start();
  fold.next ??= fold.running.catch(() => 0).then(() => {
    fold.next = undefined;
    return start();
  });
  return fold.next;
}
