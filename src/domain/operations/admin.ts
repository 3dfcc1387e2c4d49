/** The "admin" area (see src/contract/areas/admin.ts): every use case refuses anyone but an admin before reading anything. */
import { createCategory, getAdminCommunity, listAdminCategories, reorderCategories, updateAdminCommunity, updateCategory } from '../services/admin.ts';
import { getRankLadder, listTeam, listTrustedMembers, previewRankLadder, searchMembers, updateRankLadder, updateTeamMember } from '../services/admin-people.ts';
import type { Operations } from './operation.ts';

type Names = 'getAdminCommunity' | 'updateAdminCommunity' | 'listAdminCategories' | 'createCategory' | 'updateCategory' | 'reorderCategories'
  | 'getRankLadder' | 'previewRankLadder' | 'updateRankLadder' | 'listTrustedMembers' | 'searchMembers' | 'listTeam' | 'updateTeamMember';

export const adminOperations: Operations<Names> = {
  getAdminCommunity: { run: (ctx, { actor }) => getAdminCommunity(ctx, { actor }) },
  updateAdminCommunity: { run: (ctx, { actor, body }) => updateAdminCommunity(ctx, { actor, body }) },
  listAdminCategories: { run: (ctx, { actor }) => listAdminCategories(ctx, { actor }) },
  createCategory: { run: (ctx, { actor, body }) => createCategory(ctx, { actor, body }) },
  updateCategory: { run: (ctx, { actor, params, body }) => updateCategory(ctx, { actor, categoryId: params.categoryId, body }) },
  reorderCategories: { run: (ctx, { actor, body }) => reorderCategories(ctx, { actor, body }) },
  getRankLadder: { run: (ctx, { actor }) => getRankLadder(ctx, { actor }) },
  previewRankLadder: { run: (ctx, { actor, body }) => previewRankLadder(ctx, { actor, body }) },
  updateRankLadder: { run: (ctx, { actor, body }) => updateRankLadder(ctx, { actor, body }) },
  listTrustedMembers: { run: (ctx, { actor }) => listTrustedMembers(ctx, { actor }) },
  searchMembers: { run: (ctx, { actor, query }) => searchMembers(ctx, { actor, q: query.q, limit: query.limit ?? 10 }) },
  listTeam: { run: (ctx, { actor }) => listTeam(ctx, { actor }) },
  updateTeamMember: { run: (ctx, { actor, params, body }) => updateTeamMember(ctx, { actor, memberId: params.memberId, body }) },
};
