/**
 * The public reads that servers may cache, each in two parts: the answer every reader of one
 * audience (core `liveAudience`: guest, member, staff) shares, and the signed-in reader's own
 * state added to it (kudos given, flags, same problem, follows, read position, unread counts,
 * the sources they may edit). The operations (./forum.ts) run both, so the mocks answer as before;
 * the Fastify adapter keeps the first part's bytes and computes only the second per request.
 */
import { LIMITS, type SignedIn } from '../../core/index.ts';
import { notFound } from '../errors.ts';
import { listThreads } from '../repo/thread-list.ts';
import { BadPostCursorError, findThreadRow, getThread, readPostPage } from '../repo/threads.ts';
import { withViewer, withViewerOnPosts } from '../repo/viewer.ts';
import { withReaderState, withUnreadCounts } from '../services/reading.ts';
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
    // Two statements, sent together: on PostgreSQL they run on two connections at once.
    own: async ({ db }, reader, detail) => {
      const [viewed, { reading }] = await Promise.all([withViewer(db, reader, detail), withReaderState(db, reader, detail)]);
      return { ...viewed, reading };
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
