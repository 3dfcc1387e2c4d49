import type { PlanSlot } from '../../contract/areas/workspace.ts';
import type { Http, RequestOptions } from '../http.ts';
import {
  addStaffNote, getMyWeeklyPlan, getTeamNow, getTeamPlans, listExpertNudges, listStaffNotes, nudgeExperts, setMyWeeklyPlan,
} from '../routes/index.ts';

/** The advisor's workspace, merged into `client.agent`: weekly plans, who is on duty, expert nudges. */
export const workspaceAgentResource = (http: Http) => ({
  /** My weekly plan (advisors), with the categories it assigns right now. */
  plan: (request: RequestOptions = {}) => http.call(getMyWeeklyPlan, {}, request),
  /** Replaces my whole weekly plan; slots may not overlap. */
  setPlan: (input: { slots: PlanSlot[] }, request: RequestOptions = {}) => http.call(setMyWeeklyPlan, { body: input }, request),
  /** Every advisor's weekly plan (advisors and moderators). */
  teamPlans: (request: RequestOptions = {}) => http.call(getTeamPlans, {}, request),
  /** Who is on which category now, or at `at` (an ISO date-time). */
  teamNow: (query: { at?: string } = {}, request: RequestOptions = {}) => http.call(getTeamNow, { query }, request),
  /** Members already asked to help on a thread. */
  nudges: (threadId: number, request: RequestOptions = {}) => http.call(listExpertNudges, { params: { threadId } }, request),
  /** Notifies members chosen among `agent.experts()`; 409 when one was already asked or the thread no longer waits for the community. */
  notifyExperts: (threadId: number, memberIds: number[], request: RequestOptions = {}) =>
    http.call(nudgeExperts, { params: { threadId }, body: { memberIds } }, request),
});

/** Staff-only notes on a thread, merged into `client.threads` (advisors and moderators). */
export const staffNotesResource = (http: Http) => ({
  notes: (threadId: number, request: RequestOptions = {}) => http.call(listStaffNotes, { params: { threadId } }, request),
  /** `body` is markdown; the note comes back rendered (`bodyHtml`). */
  addNote: (threadId: number, body: string, request: RequestOptions = {}) => http.call(addStaffNote, { params: { threadId }, body: { body } }, request),
});
