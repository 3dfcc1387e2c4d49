import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import type { AppContext } from '../../app.ts';
import { notFound } from '../../../domain/errors.ts';
import { addIncidentUpdate, createIncident, getIncident, listIncidents } from '../../../domain/services/incidents.ts';
import { communityMetrics } from '../../../domain/services/metrics.ts';
import { advisorQueue, collectiveAlerts, suggestExperts } from '../../../domain/services/queue.ts';
import { markThreadUrgent } from '../../../domain/services/urgent.ts';
import { startWebhookDrainer } from '../../../domain/services/webhooks.ts';

/** HTTP routes of the "advisor" area (see src/contract/areas/advisor.ts). */
export const advisorRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  if (ctx.webhooks) {
    const stop = startWebhookDrainer(ctx.db, ctx.webhooks, (error) => fastify.log.error({ err: error }, 'webhook drain failed'));
    fastify.addHook('onClose', stop);
  }

  app.route({
    ...routes.markThreadUrgent,
    handler: async (request) => markThreadUrgent(ctx.db, ctx.community, request.actor, request.params.threadId, request.body.urgent ?? true),
  });

  app.route({
    ...routes.getAdvisorQueue,
    handler: async (request) => advisorQueue(ctx.db, ctx.community, request.actor, { categoryId: request.query.categoryId, limit: request.query.limit ?? 50 }),
  });

  app.route({
    ...routes.getExperts,
    handler: async (request) => {
      const { threadId, days = 30, limit = 10 } = request.query;
      return suggestExperts(ctx.db, ctx.community, request.actor, { threadId, days, limit });
    },
  });

  app.route({
    ...routes.getCollectiveAlerts,
    handler: async (request) => {
      const { threshold = 5, windowMinutes = 120 } = request.query;
      return collectiveAlerts(ctx.db, ctx.community, request.actor, { threshold, windowMinutes });
    },
  });

  app.route({
    ...routes.createIncident,
    handler: async (request, reply) => reply.status(201).send(await createIncident(ctx.db, ctx.community, request.actor, request.body, ctx.webhooks)),
  });

  app.route({
    ...routes.addIncidentUpdate,
    handler: async (request, reply) =>
      reply.status(201).send(await addIncidentUpdate(ctx.db, ctx.community, request.actor, request.params.incidentId, request.body, ctx.webhooks)),
  });

  app.route({
    ...routes.listIncidents,
    config: { public: true },
    handler: async (request) => ({ items: await listIncidents(ctx.db, ctx.community, { active: request.query.active, limit: request.query.limit ?? 20 }) }),
  });

  app.route({
    ...routes.getIncident,
    config: { public: true },
    handler: async (request) => {
      const incident = await getIncident(ctx.db, ctx.community, request.params.incidentId);
      if (!incident) throw notFound(`Incident ${request.params.incidentId}`);
      return incident;
    },
  });

  app.route({
    ...routes.getMetrics,
    handler: async (request) => communityMetrics(ctx.db, ctx.community, request.actor, request.query),
  });
};
