/** The "workspace" area (see src/contract/areas/workspace.ts): the services refuse the wrong role before reading anything. */
import {
  addStaffNote, getAdvisorPlan, getTeamNow, getTeamPlans, nudgeExperts, setAdvisorPlan, threadNudges, threadStaffNotes,
} from '../services/workspace.ts';
import type { Operations } from './operation.ts';

type Names = 'getMyWeeklyPlan' | 'setMyWeeklyPlan' | 'getTeamPlans' | 'getTeamNow' | 'listStaffNotes' | 'addStaffNote' | 'listExpertNudges' | 'nudgeExperts';

export const workspaceOperations: Operations<Names> = {
  getMyWeeklyPlan: { run: (ctx, { actor }) => getAdvisorPlan(ctx, { actor }) },
  setMyWeeklyPlan: { run: (ctx, { actor, body }) => setAdvisorPlan(ctx, { actor, slots: body.slots }) },
  getTeamPlans: { run: (ctx, { actor }) => getTeamPlans(ctx, { actor }) },
  getTeamNow: { run: (ctx, { actor, query }) => getTeamNow(ctx, { actor, at: query.at ? new Date(query.at) : new Date() }) },
  listStaffNotes: { run: (ctx, { actor, params }) => threadStaffNotes(ctx, { actor, threadId: params.threadId }) },
  addStaffNote: { run: (ctx, { actor, params, body }) => addStaffNote(ctx, { actor, threadId: params.threadId, body: body.body }) },
  listExpertNudges: { run: (ctx, { actor, params }) => threadNudges(ctx, { actor, threadId: params.threadId }) },
  nudgeExperts: { run: (ctx, { actor, params, body }) => nudgeExperts(ctx, { actor, threadId: params.threadId, memberIds: body.memberIds }) },
};
