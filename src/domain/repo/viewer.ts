/**
 * The reader's own state in thread reads (issue 15): which posts they gave kudos to or reported,
 * whether they marked "same problem", and, on the public trace of a private hand-off, the
 * conversation they may open (its asker and advisors only, core `seePrivate`). One statement
 * per read, whatever the page's size. Guests get none of it.
 */
import type { Post, PostViewer } from '../../contract/index.ts';
import { guardian, isStaff, withOwnPosts, type OwnPostState, type SignedIn } from '../../core/index.ts';
import { prepared, type Queryable } from '../database.ts';
import { readingColumns, type ReadingColumns } from './notify.ts';

interface ViewerFacts extends ReadingColumns {
  /** The asked posts that exist (in the thread, when one is given), each once: rows of `posts`. */
  ids: number[];
  kudos: number[];
  flags: number[];
  /** Every conversation a trace among the posts opened (the guardian then keeps those the reader may see). */
  traces: Array<{ id: number; trace_post_id: number; asker_id: number }>;
  sources: Array<{ id: number; body_md: string }>;
  same_problem: boolean;
  /** The thread's category, when the thread is one of the community's. */
  category_id: number | null;
}

/** Where the asked posts must lie: a thread of a community (the reader's ids come from their request). */
export interface OwnStateScope {
  threadId: number;
  communityId: number;
}

/**
 * Everything the reader's state on these posts (and on `threadId`) needs, in one statement: their
 * kudos and flags, the conversations traces opened, the markdown of the posts they may edit (their
 * own not deleted, any not deleted for staff: core `editPost` then says when), their "same problem" mark.
 * With a thread, posts of other threads are left out (their ids come from the reader's request).
 */
async function viewerFacts(db: Queryable, reader: SignedIn, postIds: readonly number[], scope: OwnStateScope | null): Promise<ViewerFacts> {
  const [row] = await db.query<ViewerFacts>(VIEWER_FACTS, [reader.memberId, postIds, isStaff(reader.role), scope?.threadId ?? null, scope?.communityId ?? null]);
  return row!;
}

const VIEWER_FACTS = prepared(
    `with asked as (select id, author_id, deleted_at, body_md from posts where id = any($2::int[]) and ($4::int is null or thread_id = $4)),
       scope as (select t.category_id from threads t join categories c on c.id = t.category_id where t.id = $4 and c.community_id = $5)
     select coalesce((select array_agg(id) from asked), '{}') as ids,
       coalesce((select array_agg(post_id) from kudos where member_id = $1 and post_id in (select id from asked)), '{}') as kudos,
       coalesce((select array_agg(post_id) from post_flags where member_id = $1 and post_id in (select id from asked)), '{}') as flags,
       coalesce((select json_agg(json_build_object('id', id, 'trace_post_id', trace_post_id, 'asker_id', asker_id))
         from private_conversations where trace_post_id in (select id from asked)), '[]') as traces,
       coalesce((select json_agg(json_build_object('id', id, 'body_md', body_md)) from asked
         where deleted_at is null and (author_id = $1 or $3::boolean)), '[]') as sources,
       exists (select 1 from same_problem_marks where thread_id = $4 and member_id = $1) as same_problem,
       (select category_id from scope) as category_id, ${readingColumns('$1', '$4', '(select category_id from scope)')}`);

/** Trace post id → the conversation it opened, only those the reader may see (core `seePrivate`). */
function visibleConversations(reader: SignedIn, traces: ViewerFacts['traces']): Map<number, number> {
  const rules = guardian(reader).private;
  return new Map(traces.filter((row) => rules.canSeePrivate({ askerId: row.asker_id })).map((row) => [row.trace_post_id, row.id]));
}

/**
 * The reader's state on these posts (those that exist, in the scope's thread when given), their
 * "same problem" mark on that thread and their reading of it, and its category (null: no such
 * thread in the community). One statement.
 */
export async function ownStateOn(
  db: Queryable, reader: SignedIn, postIds: readonly number[], scope: OwnStateScope | null,
): Promise<{ posts: Array<OwnPostState<PostViewer>>; sameProblem: boolean; categoryId: number | null; reading: ReadingColumns }> {
  const facts = await viewerFacts(db, reader, postIds, scope);
  const kudos = new Set(facts.kudos);
  const flags = new Set(facts.flags);
  const traces = visibleConversations(reader, facts.traces);
  const sources = new Map(facts.sources.map((row) => [row.id, row.body_md]));
  const posts = facts.ids.map((id) => {
    const conversationId = traces.get(id);
    const source = sources.get(id);
    return { id, viewer: { kudos: kudos.has(id), flagged: flags.has(id), ...(conversationId ? { conversationId } : {}), ...(source !== undefined ? { source } : {}) } };
  });
  return { posts, sameProblem: facts.same_problem, categoryId: facts.category_id, reading: facts };
}

/** The posts with the reader's `viewer` state; tombstones included (a kudos on one can still be taken back). */
export async function withViewerOnPosts(db: Queryable, reader: SignedIn, posts: readonly Post[]): Promise<Post[]> {
  if (posts.length === 0) return [];
  return withOwnPosts(posts, await ownStateOn(db, reader, posts.map((post) => post.id), null));
}
