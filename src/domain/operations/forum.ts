/** The forum's own routes (see src/contract/routes.ts): public reads (community, thread lists, threads, profiles, the session), asking and replying. */
import { ApiError, isSignedIn, LIMITS, pickLocale } from '../../core/index.ts';
import { notFound } from '../errors.ts';
import { getCommunity } from '../repo/community.ts';
import { demoMembers, findAuthor } from '../repo/members.ts';
import { memberProfile } from '../repo/profiles.ts';
import { BadCursorError, listThreads } from '../repo/thread-list.ts';
import { BadPostCursorError, findThreadRow, getThread, readPostPage } from '../repo/threads.ts';
import { createThread, replyToThread } from '../services/posting.ts';
import { withViewer, withViewerOnPosts } from '../repo/viewer.ts';
import { asWrittenBy, withReaderState, withUnreadCounts } from '../services/reading.ts';
import type { Operations } from './operation.ts';

/** A cursor this server never gave out; `saysWhere` adds `in: 'querystring'` to the detail, as most reads do. */
export const unknownCursor = (saysWhere = true) =>
  new ApiError('validation_failed', 'The cursor is not one this server gave out.', [{ ...(saysWhere ? { in: 'querystring' } : {}), path: '/cursor', message: 'unknown cursor' }]);

/** Runs `read`, answering a cursor of `BadCursor` as the 400 a client can act on. */
async function withCursor<T>(read: () => Promise<T>, BadCursor: new (...args: never[]) => Error): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BadCursor) throw unknownCursor();
    throw error;
  }
}

export const forumOperations: Operations<'health' | 'getCommunity' | 'listThreads' | 'getMember' | 'getThread' | 'listThreadPosts' | 'getSession' | 'listDemoMembers' | 'createThread' | 'replyToThread'> = {
  health: { public: true, run: async () => ({ ok: true }) },
  getCommunity: {
    public: true,
    run: (ctx, { query, acceptLanguage }) => getCommunity(ctx.db, ctx.community, query.locale ?? pickLocale(acceptLanguage, ctx.community.locale), ctx.demo),
  },
  listThreads: {
    public: true,
    run: ({ db, community }, { actor, query: { categoryId, cursor, limit = 20, filter = 'all', sort = 'activity' } }) =>
      withCursor(async () => withUnreadCounts(db, actor, await listThreads(db, community, actor, { categoryId, cursor, limit, filter, sort })), BadCursorError),
  },
  getMember: {
    public: true,
    run: async ({ db, community }, { params }) => (await memberProfile(db, community, params.memberId)) ?? Promise.reject(notFound(`Member ${params.memberId}`)),
  },
  getThread: {
    public: true,
    run: async ({ db, community }, { actor, params, query }) => {
      const detail = await getThread(db, community, params.threadId, query.limit);
      if (!detail) throw notFound(`Thread ${params.threadId}`);
      // A member's read carries their own state (kudos, flags, same problem, follows, read position): never cached, see server/headers.ts.
      return isSignedIn(actor) ? withReaderState(db, actor, await withViewer(db, actor, detail)) : detail;
    },
  },
  listThreadPosts: {
    public: true,
    run: async ({ db, community }, { actor, params: { threadId }, query }) => {
      if (!(await findThreadRow(db, community, threadId))) throw notFound(`Thread ${threadId}`);
      const page = await withCursor(() => readPostPage(db, community, threadId, { cursor: query.cursor, limit: query.limit ?? LIMITS.postPageDefault }), BadPostCursorError);
      return isSignedIn(actor) ? { ...page, items: await withViewerOnPosts(db, actor, page.items) } : page;
    },
  },
  getSession: {
    public: true,
    run: async ({ db, community }, { actor }) => ({ member: isSignedIn(actor) ? ((await findAuthor(db, actor.memberId, community.ladder)) ?? null) : null }),
  },
  listDemoMembers: { public: true, demoOnly: true, run: async ({ db, community }) => ({ items: await demoMembers(db, community.id, community.ladder) }) },
  // The author's answer carries their own state (the source to edit in place); the live event, nobody's.
  createThread: {
    run: async (ctx, { actor, body }) => {
      const created = await createThread(ctx, { actor, body });
      return { ...created, post: await asWrittenBy(ctx.db, actor, created.post) };
    },
  },
  replyToThread: { run: async (ctx, { actor, params, body }) => asWrittenBy(ctx.db, actor, await replyToThread(ctx, { actor, threadId: params.threadId, body })) },
};
