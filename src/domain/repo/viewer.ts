/**
 * The reader's own state in thread reads (issue 15): which posts they gave kudos to or reported,
 * whether they marked "same problem", and, on the public trace of a private hand-off, the
 * conversation they may open (its asker and advisors only, core `seePrivate`). One statement
 * per read, whatever the page's size. Guests get none of it.
 */
import type { Post, ThreadDetail } from '../../contract/index.ts';
import { guardian, isStaff, type SignedIn } from '../../core/index.ts';
import { prepared, type Queryable } from '../database.ts';

interface ViewerFacts {
  kudos: number[];
  flags: number[];
  /** Every conversation a trace among the posts opened (the guardian then keeps those the reader may see). */
  traces: Array<{ id: number; trace_post_id: number; asker_id: number }>;
  sources: Array<{ id: number; body_md: string }>;
  same_problem: boolean;
}

/**
 * Everything the reader's state on these posts (and on `threadId`) needs, in one statement: their
 * kudos and flags, the conversations traces opened, the markdown of the posts they may edit
 * (`editable`: their own not deleted, any for staff, core `editPost`), their "same problem" mark.
 */
async function viewerFacts(db: Queryable, reader: SignedIn, postIds: number[], editable: number[], threadId: number | null): Promise<ViewerFacts> {
  const [row] = await db.query<ViewerFacts>(
    VIEWER_FACTS,
    [reader.memberId, postIds, editable, threadId],
  );
  return row!;
}

const VIEWER_FACTS = prepared(
    `select coalesce((select array_agg(post_id) from kudos where member_id = $1 and post_id = any($2::int[])), '{}') as kudos,
       coalesce((select array_agg(post_id) from post_flags where member_id = $1 and post_id = any($2::int[])), '{}') as flags,
       coalesce((select json_agg(json_build_object('id', id, 'trace_post_id', trace_post_id, 'asker_id', asker_id))
         from private_conversations where trace_post_id = any($2::int[])), '[]') as traces,
       coalesce((select json_agg(json_build_object('id', id, 'body_md', body_md)) from posts where id = any($3::int[])), '[]') as sources,
       exists (select 1 from same_problem_marks where thread_id = $4 and member_id = $1) as same_problem`);

/** Trace post id → the conversation it opened, only those the reader may see (core `seePrivate`). */
function visibleConversations(reader: SignedIn, traces: ViewerFacts['traces']): Map<number, number> {
  const rules = guardian(reader).private;
  return new Map(traces.filter((row) => rules.canSeePrivate({ askerId: row.asker_id })).map((row) => [row.trace_post_id, row.id]));
}

/** The posts with the reader's `viewer` state, and their "same problem" mark on `threadId`. */
async function withFacts(db: Queryable, reader: SignedIn, posts: readonly Post[], threadId: number | null): Promise<{ posts: Post[]; sameProblem: boolean }> {
  const staff = isStaff(reader.role);
  const editable = posts.filter((post) => !post.deleted && (staff || post.author.id === reader.memberId)).map((post) => post.id);
  const facts = await viewerFacts(db, reader, posts.map((post) => post.id), editable, threadId);
  const kudos = new Set(facts.kudos);
  const flags = new Set(facts.flags);
  const traces = visibleConversations(reader, facts.traces);
  const sources = new Map(facts.sources.map((row) => [row.id, row.body_md]));
  const decorated = posts.map((post) => {
    const conversationId = traces.get(post.id);
    const source = sources.get(post.id);
    return {
      ...post,
      viewer: { kudos: kudos.has(post.id), flagged: flags.has(post.id), ...(conversationId ? { conversationId } : {}), ...(source !== undefined ? { source } : {}) },
    };
  });
  return { posts: decorated, sameProblem: facts.same_problem };
}

/** The posts with the reader's `viewer` state; tombstones included (a kudos on one can still be taken back). */
export async function withViewerOnPosts(db: Queryable, reader: SignedIn, posts: readonly Post[]): Promise<Post[]> {
  if (posts.length === 0) return [];
  return (await withFacts(db, reader, posts, null)).posts;
}

/** A thread read as this member sees it: their state on each post, and on the thread. */
export async function withViewer(db: Queryable, reader: SignedIn, detail: ThreadDetail): Promise<ThreadDetail> {
  const solution = detail.solution ? [detail.solution] : [];
  const { posts, sameProblem } = await withFacts(db, reader, [...detail.posts, ...solution], detail.thread.id);
  const decorated = detail.solution ? { solution: posts.at(-1)! } : {};
  return { ...detail, posts: posts.slice(0, detail.posts.length), ...decorated, viewer: { sameProblem } };
}
