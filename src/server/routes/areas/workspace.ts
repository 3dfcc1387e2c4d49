import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../../contract/index.ts';
import {
  canKeepWeeklyPlan, canNudgeExperts, canReadNotifications, canSeeStaffNotes, canSeeTeamPlans, canWriteStaffNotes, type Actor,
} from '../../../core/index.ts';
import type { AppContext } from '../../app.ts';
import { notFound, ensureAllowed } from '../../../domain/errors.ts';
import { listNotifications, markNotificationRead } from '../../../domain/repo/workspace.ts';
import { addStaffNote, getAdvisorPlan, getTeamNow, getTeamPlans, nudgeExperts, setAdvisorPlan, threadNudges, threadStaffNotes } from '../../../domain/services/workspace.ts';

type Member = Extract<Actor, { memberId: number }>;

/**
 * Guests are already refused by app.ts (members-only routes); this refuses the wrong role
 * before anything is read, so a member learns nothing about staff data from a 404.
 */
function requireRole(actor: Actor, allowed: (actor: Actor) => boolean, what: string): Member {
  return ensureAllowed(actor, allowed, `Only ${what}.`);
}

/** HTTP routes of the "workspace" area (see src/contract/areas/workspace.ts). */
export const workspaceRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, community } = ctx;

  app.route({
    ...routes.getMyWeeklyPlan,
    handler: async (request) => getAdvisorPlan(db, community, requireRole(request.actor, canKeepWeeklyPlan, 'advisors have a weekly plan')),
  });

  app.route({
    ...routes.setMyWeeklyPlan,
    handler: async (request) => setAdvisorPlan(db, community, requireRole(request.actor, canKeepWeeklyPlan, 'advisors have a weekly plan'), request.body.slots),
  });

  app.route({
    ...routes.getTeamPlans,
    handler: async (request) => {
      requireRole(request.actor, canSeeTeamPlans, 'advisors and moderators may see the team plans');
      return getTeamPlans(db, community);
    },
  });

  app.route({
    ...routes.getTeamNow,
    handler: async (request) => {
      const actor = requireRole(request.actor, canSeeTeamPlans, 'advisors and moderators may see who is on duty');
      return getTeamNow(db, community, actor, request.query.at ? new Date(request.query.at) : new Date());
    },
  });

  app.route({
    ...routes.listStaffNotes,
    handler: async (request) => {
      requireRole(request.actor, canSeeStaffNotes, 'advisors and moderators may read staff notes');
      return threadStaffNotes(db, community, request.params.threadId);
    },
  });

  app.route({
    ...routes.addStaffNote,
    handler: async (request, reply) => {
      const author = requireRole(request.actor, canWriteStaffNotes, 'advisors and moderators may write staff notes');
      return reply.status(201).send(await addStaffNote(db, community, author, request.params.threadId, request.body.body));
    },
  });

  app.route({
    ...routes.listExpertNudges,
    handler: async (request) => {
      requireRole(request.actor, canNudgeExperts, 'advisors may see expert nudges');
      return threadNudges(db, community, request.params.threadId);
    },
  });

  app.route({
    ...routes.nudgeExperts,
    handler: async (request, reply) => {
      const advisor = requireRole(request.actor, canNudgeExperts, 'advisors may ask members to help');
      return reply.status(201).send(await nudgeExperts(db, community, advisor, request.params.threadId, request.body.memberIds));
    },
  });

  app.route({
    ...routes.listNotifications,
    handler: async (request) => {
      const member = requireRole(request.actor, canReadNotifications, 'signed-in members have notifications');
      return listNotifications(db, member.memberId, { unread: request.query.unread ?? false, limit: request.query.limit ?? 50 });
    },
  });

  app.route({
    ...routes.markNotificationRead,
    handler: async (request) => {
      const member = requireRole(request.actor, canReadNotifications, 'signed-in members have notifications');
      const notification = await markNotificationRead(db, member.memberId, request.params.notificationId);
      // Someone else's notification answers like a missing one: its existence is not revealed.
      if (!notification) throw notFound(`Notification ${request.params.notificationId}`);
      return notification;
    },
  });
};
