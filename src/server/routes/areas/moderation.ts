import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import type { AppContext } from '../../app.ts';
import { flagPost, grantPower, hidePost, moderationQueue, restorePost, revokePower } from '../../../domain/services/flags.ts';
import { changeLifecycle, mergeThread, moveThread, readAudit } from '../../../domain/services/moderation.ts';
import { closePrivate, getPrivate, listPrivate, openPrivate, postPrivateMessage } from '../../../domain/services/private.ts';

/** HTTP routes of the "moderation" area (see src/contract/areas/moderation.ts); all need a signed-in member. */
export const moderationRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, community } = ctx;
  // Close, reopen, archive, restore and open-private take an optional body: a bare POST means `{}`.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
  });

  app.route({
    ...routes.listAudit,
    handler: async (request) => {
      const { cursor, limit = 20, targetType, targetId } = request.query;
      return readAudit(db, community, request.actor, { cursor, limit, targetType, targetId });
    },
  });

  app.route({ ...routes.closeThread, handler: (request) => changeLifecycle(db, community, request.actor, request.params.threadId, 'close', request.body) });
  app.route({ ...routes.reopenThread, handler: (request) => changeLifecycle(db, community, request.actor, request.params.threadId, 'reopen', request.body) });
  app.route({ ...routes.archiveThread, handler: (request) => changeLifecycle(db, community, request.actor, request.params.threadId, 'archive', request.body) });
  app.route({ ...routes.moveThread, handler: (request) => moveThread(db, community, request.actor, request.params.threadId, request.body) });
  app.route({ ...routes.mergeThread, handler: (request) => mergeThread(db, community, request.actor, request.params.threadId, request.body) });

  app.route({
    ...routes.flagPost,
    handler: async (request, reply) => reply.status(201).send(await flagPost(db, community, request.actor, request.params.postId, request.body)),
  });
  app.route({ ...routes.moderationQueue, handler: (request) => moderationQueue(db, community, request.actor) });
  app.route({ ...routes.hidePost, handler: (request) => hidePost(db, community, request.actor, request.params.postId, request.body) });
  app.route({ ...routes.restorePost, handler: (request) => restorePost(db, community, request.actor, request.params.postId, request.body) });

  app.route({
    ...routes.grantPower,
    handler: async (request, reply) => reply.status(201).send(await grantPower(db, community, request.actor, request.params.memberId, request.body.power)),
  });
  app.route({ ...routes.revokePower, handler: (request) => revokePower(db, community, request.actor, request.params.memberId, request.params.power) });

  app.route({
    ...routes.openPrivate,
    handler: async (request, reply) => reply.status(201).send(await openPrivate(db, community, request.actor, request.params.threadId, request.body)),
  });
  app.route({ ...routes.listPrivate, handler: (request) => listPrivate(db, community, request.actor, request.query) });
  app.route({ ...routes.getPrivate, handler: (request) => getPrivate(db, community, request.actor, request.params.conversationId) });
  app.route({
    ...routes.postPrivateMessage,
    handler: async (request, reply) => reply.status(201).send(await postPrivateMessage(db, community, request.actor, request.params.conversationId, request.body)),
  });
  app.route({ ...routes.closePrivate, handler: (request) => closePrivate(db, community, request.actor, request.params.conversationId, request.body) });
};
