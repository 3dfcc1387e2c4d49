import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import type { AppContext } from '../../app.ts';
import { createHandoff, listHandoffs } from '../../../domain/services/handoffs.ts';
import { reviewSample, saveRubric } from '../../../domain/services/quality.ts';
import { approveDraft, commentDraft, createDraft, getDraft, listDrafts, postDraft, shareDraft, updateDraft } from '../../../domain/services/review.ts';

/** HTTP routes of the "review" area (see src/contract/areas/review.ts); all need a signed-in member, the services check the role. */
export const reviewRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, community } = ctx;

  app.route({
    ...routes.createDraft,
    handler: async (request, reply) => reply.status(201).send(await createDraft(db, community, request.actor, request.body)),
  });
  app.route({ ...routes.listDrafts, handler: (request) => listDrafts(db, community, request.actor, request.query.scope) });
  app.route({ ...routes.getDraft, handler: (request) => getDraft(db, community, request.actor, request.params.draftId) });
  app.route({ ...routes.updateDraft, handler: (request) => updateDraft(db, community, request.actor, request.params.draftId, request.body) });
  app.route({ ...routes.shareDraft, handler: (request) => shareDraft(db, community, request.actor, request.params.draftId, request.body) });
  app.route({
    ...routes.commentDraft,
    handler: async (request, reply) => reply.status(201).send(await commentDraft(db, community, request.actor, request.params.draftId, request.body)),
  });
  app.route({ ...routes.approveDraft, handler: (request) => approveDraft(db, community, request.actor, request.params.draftId) });
  app.route({
    ...routes.postDraft,
    handler: async (request, reply) => {
      const posted = await postDraft(db, community, request.actor, request.params.draftId, request.body ?? {}, ctx.limits.postIntervals);
      return reply.status(201).send(posted);
    },
  });

  app.route({ ...routes.getReviewSample, handler: (request) => reviewSample(db, community, request.actor, request.query.month) });
  app.route({ ...routes.saveRubric, handler: (request) => saveRubric(db, community, request.actor, request.params.postId, request.body) });

  app.route({
    ...routes.createHandoff,
    handler: async (request, reply) => reply.status(201).send(await createHandoff(db, community, ctx.handoff, request.actor, request.params.threadId, request.body)),
  });
  app.route({ ...routes.listHandoffs, handler: (request) => listHandoffs(db, community, request.actor, request.params.threadId) });
};
