/**
 * The reader's own state in thread reads (issue 15): which posts they gave kudos to or reported,
 * whether they marked "same problem", and, on the public trace of a private hand-off, the
 * conversation they may open (its asker and advisors only, core `seePrivate`). A fixed number
 * of queries per read, whatever the page's size. Guests get none of it.
 */
import type { Post, ThreadDetail } from '../../contract/index.ts';
import { guardian, isStaff, type SignedIn } from '../../core/index.ts';
import type { Queryable } from '../database.ts';

async function idsOf(db: Queryable, sql: string, params: unknown[]): Promise<Set<number>> {
  return new Set((await db.query<{ id: number }>(sql, params)).map((row) => row.id));
}

/** Trace post id → the conversation it opened, only those the reader may see. */
async function visibleConversations(db: Queryable, reader: SignedIn, postIds: number[]): Promise<Map<number, number>> {
  const rows = await db.query<{ id: number; trace_post_id: number; asker_id: number }>(
    'select id, trace_post_id, asker_id from private_conversations where trace_post_id = any($1::int[])',
    [postIds],
  );
  const rules = guardian(reader).private;
  return new Map(rows.filter((row) => rules.canSeePrivate({ askerId: row.asker_id })).map((row) => [row.trace_post_id, row.id]));
}

/**
 * The markdown of the posts not deleted the reader may edit (what the edit form starts from):
 * their own, and for staff any post (core `editPost`; the thread's state is the form's to check).
 */
async function editableSources(db: Queryable, reader: SignedIn, posts: readonly Post[]): Promise<Map<number, string>> {
  const staff = isStaff(reader.role);
  const editable = posts.filter((post) => !post.deleted && (staff || post.author.id === reader.memberId)).map((post) => post.id);
  if (editable.length === 0) return new Map();
  const rows = await db.query<{ id: number; body_md: string }>('select id, body_md from posts where id = any($1::int[])', [editable]);
  return new Map(rows.map((row) => [row.id, row.body_md]));
}

/** The posts with the reader's `viewer` state; tombstones included (a kudos on one can still be taken back). */
export async function withViewerOnPosts(db: Queryable, reader: SignedIn, posts: readonly Post[]): Promise<Post[]> {
  if (posts.length === 0) return [];
  const ids = posts.map((post) => post.id);
  const params = [reader.memberId, ids];
  const [kudos, flags, traces, sources] = [
    await idsOf(db, 'select post_id as id from kudos where member_id = $1 and post_id = any($2::int[])', params),
    await idsOf(db, 'select post_id as id from post_flags where member_id = $1 and post_id = any($2::int[])', params),
    posts.some((post) => post.kind === 'trace') ? await visibleConversations(db, reader, ids) : new Map<number, number>(),
    await editableSources(db, reader, posts),
  ];
  return posts.map((post) => {
    const conversationId = traces.get(post.id);
    const source = sources.get(post.id);
    return {
      ...post,
      viewer: { kudos: kudos.has(post.id), flagged: flags.has(post.id), ...(conversationId ? { conversationId } : {}), ...(source !== undefined ? { source } : {}) },
    };
  });
}

/** A thread read as this member sees it: their state on each post, and on the thread. */
export async function withViewer(db: Queryable, reader: SignedIn, detail: ThreadDetail): Promise<ThreadDetail> {
  const solution = detail.solution ? [detail.solution] : [];
  const [posts, marked] = [
    await withViewerOnPosts(db, reader, [...detail.posts, ...solution]),
    await idsOf(db, 'select thread_id as id from same_problem_marks where thread_id = $1 and member_id = $2', [detail.thread.id, reader.memberId]),
  ];
  const decorated = detail.solution ? { solution: posts.at(-1)! } : {};
  return { ...detail, posts: posts.slice(0, detail.posts.length), ...decorated, viewer: { sameProblem: marked.has(detail.thread.id) } };
}
