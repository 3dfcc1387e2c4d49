import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/index.ts';
import { createThread, replyToThread } from '../../domain/services/posting.ts';
import type { AppContext } from '../app.ts';

/** Writes by signed-in members; the services check the actor's rights. */
export const writeRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.route({
    ...routes.createThread,
    handler: async (request, reply) => {
      const created = await createThread(ctx.db, ctx.community, request.actor, request.body, ctx.limits.postIntervals);
      return reply.status(201).send(created);
    },
  });

  app.route({
    ...routes.replyToThread,
    handler: async (request, reply) => {
      const post = await replyToThread(ctx.db, ctx.community, request.actor, request.params.threadId, request.body, ctx.limits.postIntervals);
      return reply.status(201).send(post);
    },
  });
};
