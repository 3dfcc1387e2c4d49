/** The "moderation" area (see src/contract/areas/moderation.ts): every call needs a signed-in member. */
import { flagPost, grantPower, hidePost, moderationQueue, restorePost, revokePower } from '../services/flags.ts';
import { changeLifecycle, mergeThread, moveThread, readAudit } from '../services/moderation.ts';
import { closePrivate, getPrivate, listPrivate, markPrivateRead, openPrivate, postPrivateMessage } from '../services/private.ts';
import type { Operations } from './operation.ts';

type Names = 'listAudit' | 'closeThread' | 'reopenThread' | 'archiveThread' | 'moveThread' | 'mergeThread' | 'flagPost' | 'moderationQueue'
  | 'hidePost' | 'restorePost' | 'grantPower' | 'revokePower' | 'openPrivate' | 'listPrivate' | 'getPrivate' | 'markPrivateRead' | 'postPrivateMessage' | 'closePrivate';

/** Close, reopen, archive, restore and open-private take an optional body: a bare POST of this area means `{}` (see ./index.ts `bareBodyIsEmpty`). */
export const moderationBareBodies: ReadonlySet<string> = new Set<Names>([
  'closeThread', 'reopenThread', 'archiveThread', 'moveThread', 'mergeThread', 'flagPost', 'hidePost', 'restorePost', 'grantPower', 'openPrivate', 'postPrivateMessage', 'closePrivate',
]);

export const moderationOperations: Operations<Names> = {
  listAudit: {
    run: (ctx, { actor, query: { cursor, limit = 20, targetType, targetId, threadId } }) => readAudit(ctx, { actor, query: { cursor, limit, targetType, targetId, threadId } }),
  },
  closeThread: { run: (ctx, { actor, params, body }) => changeLifecycle(ctx, { actor, threadId: params.threadId, action: 'close', body }) },
  reopenThread: { run: (ctx, { actor, params, body }) => changeLifecycle(ctx, { actor, threadId: params.threadId, action: 'reopen', body }) },
  archiveThread: { run: (ctx, { actor, params, body }) => changeLifecycle(ctx, { actor, threadId: params.threadId, action: 'archive', body }) },
  moveThread: { run: (ctx, { actor, params, body }) => moveThread(ctx, { actor, threadId: params.threadId, body }) },
  mergeThread: { run: (ctx, { actor, params, body }) => mergeThread(ctx, { actor, threadId: params.threadId, body }) },
  flagPost: { run: (ctx, { actor, params, body }) => flagPost(ctx, { actor, postId: params.postId, body }) },
  moderationQueue: { run: (ctx, { actor }) => moderationQueue(ctx, { actor }) },
  hidePost: { run: (ctx, { actor, params, body }) => hidePost(ctx, { actor, postId: params.postId, body }) },
  restorePost: { run: (ctx, { actor, params, body }) => restorePost(ctx, { actor, postId: params.postId, body }) },
  grantPower: { run: (ctx, { actor, params, body }) => grantPower(ctx, { actor, memberId: params.memberId, power: body.power }) },
  revokePower: { run: (ctx, { actor, params }) => revokePower(ctx, { actor, memberId: params.memberId, power: params.power }) },
  openPrivate: { run: (ctx, { actor, params, body }) => openPrivate(ctx, { actor, threadId: params.threadId, body }) },
  listPrivate: { run: (ctx, { actor, query }) => listPrivate(ctx, { actor, query }) },
  getPrivate: { run: (ctx, { actor, params }) => getPrivate(ctx, { actor, conversationId: params.conversationId }) },
  markPrivateRead: { run: (ctx, { actor, params, body }) => markPrivateRead(ctx, { actor, conversationId: params.conversationId, body }) },
  postPrivateMessage: { run: (ctx, { actor, params, body }) => postPrivateMessage(ctx, { actor, conversationId: params.conversationId, body }) },
  closePrivate: { run: (ctx, { actor, params, body }) => closePrivate(ctx, { actor, conversationId: params.conversationId, body }) },
};
