/** Authorization matrix rows of the notify area: following, read positions, notifications (every signed-in member, their own). */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Fixture, Row } from './authorization.rows.ts';

type Who = Parameters<Row['request']>[1];

const members: Row['expect'] = { guest: 'sign-in', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };

/** The notification's owner is the caller, so every signed-in role reads its own. */
async function notificationOf(f: Fixture, who: Who): Promise<number> {
  const m = f.server.fixtures.members;
  const owner = { guest: m.asker, asker: m.asker, otherMember: m.other, advisor: m.advisor, moderator: m.moderator, admin: m.admin }[who];
  const [row] = await f.server.db.query<{ id: number }>(
    `insert into notifications (member_id, kind, thread_id, actor_id) values ($1, 'reply', $2, $3) returning id`,
    [owner.id, f.threadId, m.helper.id],
  );
  return row!.id;
}

async function firstPostOf(f: Fixture): Promise<number> {
  const [row] = await f.server.db.query<{ id: number }>('select min(id)::int as id from posts where thread_id = $1', [f.threadId]);
  return row!.id;
}

export function notifyRows(): Partial<Record<RouteName, Row>> {
  return {
    followThread: { request: (f) => ({ method: 'PUT', url: `/api/threads/${f.threadId}/follow`, payload: { level: 'following' } }), expect: members },
    unfollowThread: { request: (f) => ({ method: 'DELETE', url: `/api/threads/${f.threadId}/follow` }), expect: members },
    getCategoryFollow: { request: (f) => ({ url: `/api/categories/${f.categoryId}/follow` }), expect: members },
    followCategory: { request: (f) => ({ method: 'PUT', url: `/api/categories/${f.categoryId}/follow`, payload: { level: 'muted' } }), expect: members },
    unfollowCategory: { request: (f) => ({ method: 'DELETE', url: `/api/categories/${f.categoryId}/follow` }), expect: members },
    getThreadReading: { request: (f) => ({ url: `/api/threads/${f.threadId}/reading` }), expect: members },
    markThreadRead: { request: async (f) => ({ method: 'PUT', url: `/api/threads/${f.threadId}/reading`, payload: { postId: await firstPostOf(f) } }), expect: members },
    listNotifications: { request: () => ({ url: '/api/notifications' }), expect: members },
    markNotificationRead: { request: async (f, who) => ({ method: 'POST', url: `/api/notifications/${await notificationOf(f, who)}/read` }), expect: members },
    markAllNotificationsRead: { request: () => ({ method: 'POST', url: '/api/notifications/read' }), expect: members },
  };
}
