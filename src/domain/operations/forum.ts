/** The forum's own routes (see src/contract/routes.ts): public reads (community, thread lists, threads, profiles, the session), asking and replying. */
import { isSignedIn, pickLocale } from '../../core/index.ts';
import { notFound } from '../errors.ts';
import { getCommunity } from '../repo/community.ts';
import { demoMembers, findAuthor } from '../repo/members.ts';
import { unreadCounts } from '../repo/notify.ts';
import { memberProfile } from '../repo/profiles.ts';
import { createThread, replyToThread } from '../services/posting.ts';
import { asWrittenBy } from '../services/reading.ts';
import type { Answer, Call, DomainContext, Operations } from './operation.ts';
import { askedIds, leavesOwnStateApart, ownThreadState, sharedReads, type SharedRead, type SharedReadName } from './shared-reads.ts';

export { unknownCursor } from './cursor.ts';

/** A public read as one reader sees it: the part every reader shares, then their own state. */
async function readShared<N extends SharedReadName>(ctx: DomainContext, call: Call<N>, read: SharedRead<N>): Promise<Answer<N>> {
  const shared = await read.shared(ctx, call);
  return isSignedIn(call.actor) && !leavesOwnStateApart(call) ? read.own(ctx, call.actor, shared, call) : shared;
}

export const forumOperations: Operations<'health' | 'getCommunity' | 'listThreads' | 'getMember' | 'getThread' | 'listThreadPosts' | 'getThreadViewer' | 'getCategoryViewer' | 'getSession' | 'listDemoMembers' | 'createThread' | 'replyToThread'> = {
  health: { public: true, run: async () => ({ ok: true }) },
  getCommunity: {
    public: true,
    run: (ctx, { query, acceptLanguage }) => getCommunity(ctx.db, ctx.community, query.locale ?? pickLocale(acceptLanguage, ctx.community.locale), ctx.demo),
  },
  listThreads: { public: true, run: (ctx, call) => readShared(ctx, call, sharedReads.listThreads) },
  getMember: {
    public: true,
    run: async ({ db, community }, { params }) => (await memberProfile(db, community, params.memberId)) ?? Promise.reject(notFound(`Member ${params.memberId}`)),
  },
  getThread: { public: true, run: (ctx, call) => readShared(ctx, call, sharedReads.getThread) },
  listThreadPosts: { public: true, run: (ctx, call) => readShared(ctx, call, sharedReads.listThreadPosts) },
  getThreadViewer: {
    public: true,
    run: async ({ db, community }, { actor, params, query }) => {
      const ids = askedIds(query.posts, '/posts');
      if (!isSignedIn(actor)) return { posts: [] };
      return (await ownThreadState(db, actor, { communityId: community.id, threadId: params.threadId }, ids)) ?? Promise.reject(notFound(`Thread ${params.threadId}`));
    },
  },
  getCategoryViewer: {
    public: true,
    run: async ({ db }, { actor, params, query }) => {
      const ids = askedIds(query.threads, '/threads');
      return isSignedIn(actor) ? unreadCounts(db, actor.memberId, ids, params.categoryId) : { threads: [] };
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
  // The reply comes back with its writer's state already (../services/posting.ts).
  replyToThread: { run: (ctx, { actor, params, body }) => replyToThread(ctx, { actor, threadId: params.threadId, body }) },
};
