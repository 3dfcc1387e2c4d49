/** The "advisor" area (see src/contract/areas/advisor.ts). */
import { notFound } from '../errors.ts';
import { getIncident, listIncidents } from '../repo/incidents.ts';
import { addIncidentUpdate, createIncident } from '../services/incidents.ts';
import { dismissIncident, incidentBanner } from '../services/incident-banner.ts';
import { communityMetrics } from '../services/metrics.ts';
import { advisorQueue, collectiveAlerts, suggestExperts } from '../services/queue.ts';
import { markThreadUrgent } from '../services/urgent.ts';
import { COLLECTIVE_DEFAULTS } from '../../core/index.ts';
import type { Operations } from './operation.ts';

type Names = 'markThreadUrgent' | 'getAdvisorQueue' | 'getExperts' | 'getCollectiveAlerts' | 'createIncident' | 'addIncidentUpdate' | 'listIncidents' | 'getIncident'
  | 'getIncidentBanner' | 'dismissIncident' | 'getMetrics';

export const advisorOperations: Operations<Names> = {
  markThreadUrgent: { run: (ctx, { actor, params, body }) => markThreadUrgent(ctx, { actor, threadId: params.threadId, urgent: body.urgent ?? true }) },
  getAdvisorQueue: {
    run: (ctx, { actor, query: { categoryId, planned, group, cursor, limit = 50 } }) => advisorQueue(ctx, {
      actor, query: { limit, planned: planned ?? false, ...(categoryId === undefined ? {} : { categoryId }), ...(group ? { group } : {}), ...(cursor === undefined ? {} : { cursor }) },
    }),
  },
  getExperts: {
    run: (ctx, { actor, query: { threadId, days = 30, limit = 10 } }) => suggestExperts(ctx, { actor, query: { threadId, days, limit } }),
  },
  getCollectiveAlerts: {
    run: (ctx, { actor, query }) => {
      const defaults = ctx.community.collective ?? { threshold: COLLECTIVE_DEFAULTS.threshold, windowMinutes: COLLECTIVE_DEFAULTS.windowMs / 60_000 };
      return collectiveAlerts(ctx, { actor, query: { threshold: query.threshold ?? defaults.threshold, windowMinutes: query.windowMinutes ?? defaults.windowMinutes } });
    },
  },
  createIncident: { run: (ctx, { actor, body }) => createIncident(ctx, { actor, body }) },
  addIncidentUpdate: { run: (ctx, { actor, params, body }) => addIncidentUpdate(ctx, { actor, incidentId: params.incidentId, body }) },
  listIncidents: { public: true, run: async ({ db, community }, { query }) => ({ items: await listIncidents(db, community, { active: query.active, limit: query.limit ?? 20 }) }) },
  getIncidentBanner: { public: true, run: (ctx, { actor, query }) => incidentBanner(ctx, { actor, query }) },
  dismissIncident: { run: (ctx, { actor, params }) => dismissIncident(ctx, { actor, incidentId: params.incidentId }) },
  getIncident: {
    public: true,
    run: async ({ db, community }, { params }) => (await getIncident(db, community, params.incidentId)) ?? Promise.reject(notFound(`Incident ${params.incidentId}`)),
  },
  getMetrics: { run: (ctx, { actor, query }) => communityMetrics(ctx, { actor, query }) },
};
