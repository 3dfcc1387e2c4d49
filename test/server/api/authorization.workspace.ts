/** Authorization matrix rows of the workspace area: plans, staff notes, expert nudges (notifications: authorization.notify.ts). */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Fixture, Row } from './authorization.rows.ts';

const staff: Row['expect'] = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'allowed' };
const advisors: Row['expect'] = { ...staff, moderator: 'forbidden' };

/** A question asked just now: in community time, so experts may be nudged on it. */
async function freshThread(f: Fixture): Promise<number> {
  const [thread] = await f.server.db.query<{ id: number }>(
    `insert into threads (category_id, author_id, title) values ($1, $2, 'Question toute fraîche') returning id`,
    [f.categoryId, f.server.fixtures.members.asker.id],
  );
  return thread!.id;
}

export function workspaceRows(): Partial<Record<RouteName, Row>> {
  return {
    getMyWeeklyPlan: { request: () => ({ url: '/api/agent/plan' }), expect: advisors },
    setMyWeeklyPlan: {
      request: (f) => ({ method: 'PUT', url: '/api/agent/plan', payload: { slots: [{ weekday: 0, startMinute: 540, endMinute: 720, categoryIds: [f.categoryId] }] } }),
      expect: advisors,
    },
    getTeamPlans: { request: () => ({ url: '/api/agent/team/plans' }), expect: staff },
    getTeamNow: { request: () => ({ url: '/api/agent/team/now' }), expect: staff },
    listStaffNotes: { request: (f) => ({ url: `/api/threads/${f.threadId}/staff-notes` }), expect: staff },
    addStaffNote: { request: (f) => ({ method: 'POST', url: `/api/threads/${f.threadId}/staff-notes`, payload: { body: 'Client déjà rappelé hier.' } }), expect: staff },
    listExpertNudges: { request: (f) => ({ url: `/api/threads/${f.threadId}/expert-nudges` }), expect: advisors },
    nudgeExperts: {
      request: async (f) => ({ method: 'POST', url: `/api/threads/${await freshThread(f)}/expert-nudges`, payload: { memberIds: [f.server.fixtures.members.helper.id] } }),
      expect: advisors,
    },
  };
}
