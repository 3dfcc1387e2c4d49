/** The "workspace" area (see src/contract/areas/workspace.ts): the services refuse the wrong role before reading anything. */
import {
  addStaffNote, getAdvisorPlan, getTeamNow, getTeamPlans, myNotifications, nudgeExperts, readNotification, setAdvisorPlan, threadNudges, threadStaffNotes,
} from '../services/workspace.ts';
import type { Operations } from './operation.ts';

type Names = 'getMyWeeklyPlan' | 'setMyWeeklyPlan' | 'getTeamPlans' | 'getTeamNow' | 'listStaffNotes' | 'addStaffNote' | 'listExpertNudges' | 'nudgeExperts'
  | 'listNotifications' | 'markNotificationRead';

export const workspaceOperations: Operations<Names> = {
  getMyWeeklyPlan: { run: ({ db, community }, { actor }) => getAdvisorPlan(db, community, actor) },
  setMyWeeklyPlan: { run: ({ db, community }, { actor, body }) => setAdvisorPlan(db, community, actor, body.slots) },
  getTeamPlans: { run: ({ db, community }, { actor }) => getTeamPlans(db, community, actor) },
  getTeamNow: { run: ({ db, community }, { actor, query }) => getTeamNow(db, community, actor, query.at ? new Date(query.at) : new Date()) },
  listStaffNotes: { run: ({ db, community }, { actor, params }) => threadStaffNotes(db, community, actor, params.threadId) },
  addStaffNote: { run: ({ db, community }, { actor, params, body }) => addStaffNote(db, community, actor, params.threadId, body.body) },
  listExpertNudges: { run: ({ db, community }, { actor, params }) => threadNudges(db, community, actor, params.threadId) },
  nudgeExperts: { run: ({ db, community }, { actor, params, body }) => nudgeExperts(db, community, actor, params.threadId, body.memberIds) },
  listNotifications: { run: ({ db }, { actor, query }) => myNotifications(db, actor, { unread: query.unread ?? false, limit: query.limit ?? 50 }) },
  markNotificationRead: { run: ({ db }, { actor, params }) => readNotification(db, actor, params.notificationId) },
};
