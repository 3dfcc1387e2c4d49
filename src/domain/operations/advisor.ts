/** The "advisor" area (see src/contract/areas/advisor.ts). */
import { notFound } from '../errors.ts';
import { addIncidentUpdate, createIncident, getIncident, listIncidents } from '../services/incidents.ts';
import { communityMetrics } from '../services/metrics.ts';
import { advisorQueue, collectiveAlerts, suggestExperts } from '../services/queue.ts';
import { markThreadUrgent } from '../services/urgent.ts';
import type { Operations } from './operation.ts';

type Names = 'markThreadUrgent' | 'getAdvisorQueue' | 'getExperts' | 'getCollectiveAlerts' | 'createIncident' | 'addIncidentUpdate' | 'listIncidents' | 'getIncident' | 'getMetrics';

export const advisorOperations: Operations<Names> = {
  markThreadUrgent: { run: ({ db, community }, { actor, params, body }) => markThreadUrgent(db, community, actor, params.threadId, body.urgent ?? true) },
  getAdvisorQueue: { run: ({ db, community }, { actor, query }) => advisorQueue(db, community, actor, { categoryId: query.categoryId, limit: query.limit ?? 50 }) },
  getExperts: {
    run: ({ db, community }, { actor, query: { threadId, days = 30, limit = 10 } }) => suggestExperts(db, community, actor, { threadId, days, limit }),
  },
  getCollectiveAlerts: {
    run: ({ db, community }, { actor, query: { threshold = 5, windowMinutes = 120 } }) => collectiveAlerts(db, community, actor, { threshold, windowMinutes }),
  },
  createIncident: { run: (ctx, { actor, body }) => createIncident(ctx.db, ctx.community, actor, body, ctx.webhooks) },
  addIncidentUpdate: { run: (ctx, { actor, params, body }) => addIncidentUpdate(ctx.db, ctx.community, actor, params.incidentId, body, ctx.webhooks) },
  listIncidents: { public: true, run: async ({ db, community }, { query }) => ({ items: await listIncidents(db, community, { active: query.active, limit: query.limit ?? 20 }) }) },
  getIncident: {
    public: true,
    run: async ({ db, community }, { params }) => (await getIncident(db, community, params.incidentId)) ?? Promise.reject(notFound(`Incident ${params.incidentId}`)),
  },
  getMetrics: { run: ({ db, community }, { actor, query }) => communityMetrics(db, community, actor, query) },
};
