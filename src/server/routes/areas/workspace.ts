import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import type { AppContext } from '../../app.ts';
import {
  addStaffNote, getAdvisorPlan, getTeamNow, getTeamPlans, myNotifications, nudgeExperts, readNotification, setAdvisorPlan, threadNudges, threadStaffNotes,
} from '../../../domain/services/workspace.ts';

/** HTTP routes of the "workspace" area (see src/contract/areas/workspace.ts); the services refuse the wrong role before reading anything. */
export const workspaceRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, community } = ctx;

  app.route({ ...routes.getMyWeeklyPlan, handler: async (request) => getAdvisorPlan(db, community, request.actor) });
  app.route({ ...routes.setMyWeeklyPlan, handler: async (request) => setAdvisorPlan(db, community, request.actor, request.body.slots) });
  app.route({ ...routes.getTeamPlans, handler: async (request) => getTeamPlans(db, community, request.actor) });

  app.route({
    ...routes.getTeamNow,
    handler: async (request) => getTeamNow(db, community, request.actor, request.query.at ? new Date(request.query.at) : new Date()),
  });

  app.route({ ...routes.listStaffNotes, handler: async (request) => threadStaffNotes(db, community, request.actor, request.params.threadId) });

  app.route({
    ...routes.addStaffNote,
    handler: async (request, reply) => reply.status(201).send(await addStaffNote(db, community, request.actor, request.params.threadId, request.body.body)),
  });

  app.route({ ...routes.listExpertNudges, handler: async (request) => threadNudges(db, community, request.actor, request.params.threadId) });

  app.route({
    ...routes.nudgeExperts,
    handler: async (request, reply) => reply.status(201).send(await nudgeExperts(db, community, request.actor, request.params.threadId, request.body.memberIds)),
  });

  app.route({
    ...routes.listNotifications,
    handler: async (request) => myNotifications(db, request.actor, { unread: request.query.unread ?? false, limit: request.query.limit ?? 50 }),
  });

  app.route({ ...routes.markNotificationRead, handler: async (request) => readNotification(db, request.actor, request.params.notificationId) });
};
