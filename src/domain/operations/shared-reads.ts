/**
 * The public reads that servers may cache, each in two parts: the answer every reader of one
 * audience (core `liveAudience`: guest, member, staff) shares, and the signed-in reader's own
 * state added to it (kudos given, flags, same problem, follows, read position, unread counts,
 * the sources they may edit). The operations (./forum.ts) run both, so the mocks answer as before;
 * the Fastify adapter keeps the first part's bytes and computes only the second per request.
 */
import type { OwnThreadState } from '../../contract/index.ts';
import { ApiError, ID_MAX, LIMITS, ownStateKeys, withOwnThread, type SignedIn } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { toReading } from '../repo/notify.ts';
import { listThreads } from '../repo/thread-list.ts';
import { BadPostCursorError, findThreadRow, getThread, readPostPage } from '../repo/threads.ts';
import { ownStateOn, withViewerOnPosts, type OwnStateScope } from '../repo/viewer.ts';
import { withUnreadCounts } from '../services/reading.ts';
import type { Answer, Call, DomainContext } from './operation.ts';
import { BadCursorError } from '../repo/thread-list.ts';
import { withCursor } from './cursor.ts';

export interface SharedRead<N extends SharedReadName> {
  /** Whether the shared part is the same for every reader of an audience (`mine` lists are not). */
  shareable(call: Call<N>): boolean;
  shared(ctx: DomainContext, call: Call<N>): Promise<Answer<N>>;
  /** The shared answer with the signed-in reader's own state. */
  own(ctx: DomainContext, reader: SignedIn, shared: Answer<N>, call: Call<N>): Promise<Answer<N>>;
}

export type SharedReadName = 'listThreads' | 'getThread' | 'listThreadPosts';

export const sharedReads: { [N in SharedReadName]: SharedRead<N> } = {
  listThreads: {
    shareable: ({ query }) => query.filter !== 'mine',
    shared: ({ db, community }, { actor, query: { categoryId, cursor, limit = 20, filter = 'all', sort = 'activity' } }) =>
      withCursor(() => listThreads(db, community, actor, { categoryId, cursor, limit, filter, sort }), BadCursorError),
    own: ({ db }, reader, page) => withUnreadCounts(db, reader, page),
  },
  getThread: {
    shareable: () => true,
    shared: async ({ db, community }, { params, query }) => (await getThread(db, community, params.threadId, query.limit)) ?? Promise.reject(notFound(`Thread ${params.threadId}`)),
    own: async ({ db, community }, reader, detail) => {
      const scope = { communityId: community.id, threadId: detail.thread.id };
      // A thread gone since its shared part was read keeps that part as it is.
      return withOwnThread(detail, (await ownThreadState(db, reader, scope, ownStateKeys(detail))) ?? { posts: [] });
    },
  },
  listThreadPosts: {
    shareable: () => true,
    shared: async ({ db, community }, { params: { threadId }, query }) => {
      if (!(await findThreadRow(db, community, threadId))) throw notFound(`Thread ${threadId}`);
      return withCursor(() => readPostPage(db, community, threadId, { cursor: query.cursor, limit: query.limit ?? LIMITS.postPageDefault }), BadPostCursorError);
    },
    own: async ({ db }, reader, page) => ({ ...page, items: await withViewerOnPosts(db, reader, page.items) }),
  },
};

/** Whether a read asks for the shared answer alone (`viewer=apart`): its reader fetches their own state apart. */
export const leavesOwnStateApart = (call: { query: unknown }): boolean => (call.query as { viewer?: string } | undefined)?.viewer === 'apart';

/**
 * The reader's own state on these posts of a thread and on the thread, in one statement: what
 * `viewer=apart` leaves out of its reads; undefined when the community has no such thread.
 */
export async function ownThreadState(db: Queryable, reader: SignedIn, scope: OwnStateScope, postIds: readonly number[]): Promise<OwnThreadState | undefined> {
  const own = await ownStateOn(db, reader, postIds, scope);
  if (own.categoryId === null) return undefined;
  return { posts: own.posts, viewer: { sameProblem: own.sameProblem }, reading: toReading(own.reading, { id: scope.threadId, categoryId: own.categoryId }) };
}

/** The ids of an own-state request (`?posts=`, `?threads=`: the contract checks their form); PostgreSQL integers only. */
export function askedIds(list: string, path: string): number[] {
  const ids = list === '' ? [] : list.split(',').map(Number);
  if (ids.some((id) => id < 1 || id > ID_MAX)) {
    throw new ApiError('validation_failed', `Ids run from 1 to ${ID_MAX}.`, [{ in: 'query', path, message: 'out of range' }]);
  }
  return [...new Set(ids)];
}
