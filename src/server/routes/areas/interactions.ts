import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import type { AppContext } from '../../app.ts';
import {
  acceptSolution, confirmAnswers, editPost, giveKudos, markSameProblem, takeBackKudos, unmarkSameProblem, updateSignature, withdrawSolution,
} from '../../../domain/services/interactions.ts';

/** HTTP routes of the "interactions" area (see src/contract/areas/interactions.ts); all need a signed-in member. */
export const interactionsRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, community } = ctx;

  app.route({ ...routes.giveKudos, handler: (request) => giveKudos(db, community, request.actor, request.params.postId) });
  app.route({ ...routes.takeBackKudos, handler: (request) => takeBackKudos(db, community, request.actor, request.params.postId) });
  app.route({
    ...routes.acceptSolution,
    handler: (request) => acceptSolution(db, community, request.actor, request.params.threadId, request.body.postId),
  });
  app.route({ ...routes.withdrawSolution, handler: (request) => withdrawSolution(db, community, request.actor, request.params.threadId) });
  app.route({ ...routes.markSameProblem, handler: (request) => markSameProblem(db, community, request.actor, request.params.threadId) });
  app.route({ ...routes.unmarkSameProblem, handler: (request) => unmarkSameProblem(db, community, request.actor, request.params.threadId) });
  app.route({
    ...routes.confirmAnswers,
    handler: async (request, reply) => {
      const post = await confirmAnswers(db, community, request.actor, request.params.threadId, request.body);
      return reply.status(201).send(post);
    },
  });
  app.route({ ...routes.editPost, handler: (request) => editPost(db, community, request.actor, request.params.postId, request.body) });
  app.route({ ...routes.updateSignature, handler: (request) => updateSignature(db, community, request.actor, request.body.text) });
};
