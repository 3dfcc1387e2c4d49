/** The "moderation" area (see src/contract/areas/moderation.ts): every call needs a signed-in member. */
import { flagPost, grantPower, hidePost, moderationQueue, restorePost, revokePower } from '../services/flags.ts';
import { changeLifecycle, mergeThread, moveThread, readAudit } from '../services/moderation.ts';
import { closePrivate, getPrivate, listPrivate, openPrivate, postPrivateMessage } from '../services/private.ts';
import type { Operations } from './operation.ts';

type Names = 'listAudit' | 'closeThread' | 'reopenThread' | 'archiveThread' | 'moveThread' | 'mergeThread' | 'flagPost' | 'moderationQueue'
  | 'hidePost' | 'restorePost' | 'grantPower' | 'revokePower' | 'openPrivate' | 'listPrivate' | 'getPrivate' | 'postPrivateMessage' | 'closePrivate';

/** Close, reopen, archive, restore and open-private take an optional body: a bare POST of this area means `{}` (see ./index.ts `bareBodyIsEmpty`). */
export const moderationBareBodies: ReadonlySet<string> = new Set<Names>([
  'closeThread', 'reopenThread', 'archiveThread', 'moveThread', 'mergeThread', 'flagPost', 'hidePost', 'restorePost', 'grantPower', 'openPrivate', 'postPrivateMessage', 'closePrivate',
]);

export const moderationOperations: Operations<Names> = {
  listAudit: {
    run: ({ db, community }, { actor, query: { cursor, limit = 20, targetType, targetId } }) => readAudit(db, community, actor, { cursor, limit, targetType, targetId }),
  },
  closeThread: { run: ({ db, community }, { actor, params, body }) => changeLifecycle(db, community, actor, params.threadId, 'close', body) },
  reopenThread: { run: ({ db, community }, { actor, params, body }) => changeLifecycle(db, community, actor, params.threadId, 'reopen', body) },
  archiveThread: { run: ({ db, community }, { actor, params, body }) => changeLifecycle(db, community, actor, params.threadId, 'archive', body) },
  moveThread: { run: ({ db, community }, { actor, params, body }) => moveThread(db, community, actor, params.threadId, body) },
  mergeThread: { run: ({ db, community }, { actor, params, body }) => mergeThread(db, community, actor, params.threadId, body) },
  flagPost: { run: ({ db, community }, { actor, params, body }) => flagPost(db, community, actor, params.postId, body) },
  moderationQueue: { run: ({ db, community }, { actor }) => moderationQueue(db, community, actor) },
  hidePost: { run: ({ db, community }, { actor, params, body }) => hidePost(db, community, actor, params.postId, body) },
  restorePost: { run: ({ db, community }, { actor, params, body }) => restorePost(db, community, actor, params.postId, body) },
  grantPower: { run: ({ db, community }, { actor, params, body }) => grantPower(db, community, actor, params.memberId, body.power) },
  revokePower: { run: ({ db, community }, { actor, params }) => revokePower(db, community, actor, params.memberId, params.power) },
  openPrivate: { run: ({ db, community }, { actor, params, body }) => openPrivate(db, community, actor, params.threadId, body) },
  listPrivate: { run: ({ db, community }, { actor, query }) => listPrivate(db, community, actor, query) },
  getPrivate: { run: ({ db, community }, { actor, params }) => getPrivate(db, community, actor, params.conversationId) },
  postPrivateMessage: { run: ({ db, community }, { actor, params, body }) => postPrivateMessage(db, community, actor, params.conversationId, body) },
  closePrivate: { run: ({ db, community }, { actor, params, body }) => closePrivate(db, community, actor, params.conversationId, body) },
};
