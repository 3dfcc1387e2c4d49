/** Authorization matrix rows of the admin area: the community manager only. */
import type { RouteName } from '../../../src/contract/routes.ts';
import { ladderForAdmin, DEFAULT_RANK_LADDER } from '../../../src/core/index.ts';
import type { Row } from './authorization.rows.ts';

const admins: Row['expect'] = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'forbidden', moderator: 'forbidden', admin: 'allowed' };

let counter = 0;
const ladder = () => ladderForAdmin(DEFAULT_RANK_LADDER, 'fr');

export function adminRows(): Partial<Record<RouteName, Row>> {
  return {
    getAdminCommunity: { request: () => ({ url: '/api/admin/community' }), expect: admins },
    updateAdminCommunity: { request: () => ({ method: 'PATCH', url: '/api/admin/community', payload: { name: 'Test Mobile' } }), expect: admins },
    listAdminCategories: { request: () => ({ url: '/api/admin/categories' }), expect: admins },
    createCategory: { request: () => ({ method: 'POST', url: '/api/admin/categories', payload: { name: { fr: `Rubrique ${(counter += 1)}` } } }), expect: admins },
    updateCategory: { request: (f) => ({ method: 'PATCH', url: `/api/admin/categories/${f.categoryId}`, payload: { holdbackMinutes: 180 } }), expect: admins },
    reorderCategories: {
      request: async (f) => {
        const rows = await f.server.db.query<{ id: number }>('select id from categories where community_id = $1 order by position, id', [f.server.fixtures.communityId]);
        return { method: 'PUT', url: '/api/admin/categories/order', payload: { categoryIds: rows.map((row) => row.id) } };
      },
      expect: admins,
    },
    getRankLadder: { request: () => ({ url: '/api/admin/ranks' }), expect: admins },
    previewRankLadder: { request: () => ({ method: 'POST', url: '/api/admin/ranks/preview', payload: ladder() }), expect: admins },
    updateRankLadder: { request: () => ({ method: 'PUT', url: '/api/admin/ranks', payload: ladder() }), expect: admins },
    listTrustedMembers: { request: () => ({ url: '/api/admin/trusted' }), expect: admins },
    searchMembers: { request: () => ({ url: '/api/admin/members?q=Pi' }), expect: admins },
    listTeam: { request: () => ({ url: '/api/admin/team' }), expect: admins },
    updateTeamMember: {
      request: (f) => ({ method: 'PATCH', url: `/api/admin/team/${f.server.fixtures.members.technicalAdvisor.id}`, payload: { team: 'technical' } }),
      expect: admins,
    },
  };
}
