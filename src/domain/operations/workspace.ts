/** The "workspace" area (see src/contract/areas/workspace.ts). */
import {
  canKeepWeeklyPlan, canNudgeExperts, canReadNotifications, canSeeStaffNotes, canSeeTeamPlans, canWriteStaffNotes, type Actor,
} from '../../core/index.ts';
import { ensureAllowed, notFound } from '../errors.ts';
import { listNotifications, markNotificationRead } from '../repo/workspace.ts';
import { addStaffNote, getAdvisorPlan, getTeamNow, getTeamPlans, nudgeExperts, setAdvisorPlan, threadNudges, threadStaffNotes } from '../services/workspace.ts';
import type { Operations } from './operation.ts';

/** Refuses the wrong role before anything is read, so a member learns nothing about staff data from a 404. */
const requireRole = (actor: Actor, allowed: (actor: Actor) => boolean, what: string) => ensureAllowed(actor, allowed, `Only ${what}.`);

type Names = 'getMyWeeklyPlan' | 'setMyWeeklyPlan' | 'getTeamPlans' | 'getTeamNow' | 'listStaffNotes' | 'addStaffNote' | 'listExpertNudges' | 'nudgeExperts'
  | 'listNotifications' | 'markNotificationRead';

export const workspaceOperations: Operations<Names> = {
  getMyWeeklyPlan: { run: ({ db, community }, { actor }) => getAdvisorPlan(db, community, requireRole(actor, canKeepWeeklyPlan, 'advisors have a weekly plan')) },
  setMyWeeklyPlan: {
    run: ({ db, community }, { actor, body }) => setAdvisorPlan(db, community, requireRole(actor, canKeepWeeklyPlan, 'advisors have a weekly plan'), body.slots),
  },
  getTeamPlans: {
    run: ({ db, community }, { actor }) => {
      requireRole(actor, canSeeTeamPlans, 'advisors and moderators may see the team plans');
      return getTeamPlans(db, community);
    },
  },
  getTeamNow: {
    run: ({ db, community }, { actor, query }) =>
      getTeamNow(db, community, requireRole(actor, canSeeTeamPlans, 'advisors and moderators may see who is on duty'), query.at ? new Date(query.at) : new Date()),
  },
  listStaffNotes: {
    run: ({ db, community }, { actor, params }) => {
      requireRole(actor, canSeeStaffNotes, 'advisors and moderators may read staff notes');
      return threadStaffNotes(db, community, params.threadId);
    },
  },
  addStaffNote: {
    run: ({ db, community }, { actor, params, body }) =>
      addStaffNote(db, community, requireRole(actor, canWriteStaffNotes, 'advisors and moderators may write staff notes'), params.threadId, body.body),
  },
  listExpertNudges: {
    run: ({ db, community }, { actor, params }) => {
      requireRole(actor, canNudgeExperts, 'advisors may see expert nudges');
      return threadNudges(db, community, params.threadId);
    },
  },
  nudgeExperts: {
    run: ({ db, community }, { actor, params, body }) =>
      nudgeExperts(db, community, requireRole(actor, canNudgeExperts, 'advisors may ask members to help'), params.threadId, body.memberIds),
  },
  listNotifications: {
    run: ({ db }, { actor, query }) =>
      listNotifications(db, requireRole(actor, canReadNotifications, 'signed-in members have notifications').memberId, { unread: query.unread ?? false, limit: query.limit ?? 50 }),
  },
  markNotificationRead: {
    run: async ({ db }, { actor, params }) => {
      const member = requireRole(actor, canReadNotifications, 'signed-in members have notifications');
      // Someone else's notification answers like a missing one: its existence is not revealed.
      return (await markNotificationRead(db, member.memberId, params.notificationId)) ?? Promise.reject(notFound(`Notification ${params.notificationId}`));
    },
  },
};
