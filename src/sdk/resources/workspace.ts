import type {
  ExpertNudgeList, Notification, NotificationList, PlanSlot, StaffNote, StaffNoteList, TeamNow, TeamPlans, WeeklyPlan,
} from '../../contract/areas/workspace.ts';
import type { Http, RequestOptions } from '../http.ts';

/** The advisor's workspace, merged into `client.agent`: weekly plans, who is on duty, expert nudges. */
export const workspaceAgentResource = (http: Http) => ({
  /** My weekly plan (advisors), with the categories it assigns right now. */
  plan: (request: RequestOptions = {}) => http.request<WeeklyPlan>({ method: 'GET', path: '/agent/plan', ...request }),
  /** Replaces my whole weekly plan; slots may not overlap. */
  setPlan: (input: { slots: PlanSlot[] }, request: RequestOptions = {}) =>
    http.request<WeeklyPlan>({ method: 'PUT', path: '/agent/plan', body: input, ...request }),
  /** Every advisor's weekly plan (advisors and moderators). */
  teamPlans: (request: RequestOptions = {}) => http.request<TeamPlans>({ method: 'GET', path: '/agent/team/plans', ...request }),
  /** Who is on which category now, or at `at` (an ISO date-time). */
  teamNow: (query: { at?: string } = {}, request: RequestOptions = {}) =>
    http.request<TeamNow>({ method: 'GET', path: '/agent/team/now', query, ...request }),
  /** Members already asked to help on a thread. */
  nudges: (threadId: number, request: RequestOptions = {}) =>
    http.request<ExpertNudgeList>({ method: 'GET', path: `/threads/${threadId}/expert-nudges`, ...request }),
  /** Notifies members chosen among `agent.experts()`; 409 when one was already asked or the thread no longer waits for the community. */
  notifyExperts: (threadId: number, memberIds: number[], request: RequestOptions = {}) =>
    http.request<ExpertNudgeList>({ method: 'POST', path: `/threads/${threadId}/expert-nudges`, body: { memberIds }, ...request }),
});

/** Staff-only notes on a thread, merged into `client.threads` (advisors and moderators). */
export const staffNotesResource = (http: Http) => ({
  notes: (threadId: number, request: RequestOptions = {}) =>
    http.request<StaffNoteList>({ method: 'GET', path: `/threads/${threadId}/staff-notes`, ...request }),
  /** `body` is markdown; the note comes back rendered (`bodyHtml`). */
  addNote: (threadId: number, body: string, request: RequestOptions = {}) =>
    http.request<StaffNote>({ method: 'POST', path: `/threads/${threadId}/staff-notes`, body: { body }, ...request }),
});

/** The signed-in member's notifications (expert nudges). */
export const notificationsResource = (http: Http) => ({
  list: (query: { unread?: boolean; limit?: number } = {}, request: RequestOptions = {}) =>
    http.request<NotificationList>({ method: 'GET', path: '/notifications', query, ...request }),
  markRead: (notificationId: number, request: RequestOptions = {}) =>
    http.request<Notification>({ method: 'POST', path: `/notifications/${notificationId}/read`, ...request }),
});
