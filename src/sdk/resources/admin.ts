import type { AdminCommunityChange, AdminRankLadder, CategoryChange, NewCategory, TeamMemberChange } from '../../contract/areas/admin.ts';
import type { Http, RequestOptions } from '../http.ts';
import {
  createCategory, getAdminCommunity, getRankLadder, listAdminCategories, listTeam, listTrustedMembers, previewRankLadder, reorderCategories, searchMembers,
  updateAdminCommunity, updateCategory, updateRankLadder, updateTeamMember,
} from '../routes/index.ts';

/** The community's administration (`client.admin`, admins only); every change is audited. */
export const adminResource = (http: Http) => ({
  /** Name, locales, signature, jargon list and collective-problem thresholds. */
  community: (request: RequestOptions = {}) => http.call(getAdminCommunity, {}, request),
  /** Changes only the fields given; `jargon: null` / `collective: null` go back to the defaults. */
  updateCommunity: (change: AdminCommunityChange, request: RequestOptions = {}) => http.call(updateAdminCommunity, { body: change }, request),
  /** Every category, archived ones included, in forum order, with both locales' labels. */
  categories: (request: RequestOptions = {}) => http.call(listAdminCategories, {}, request),
  createCategory: (category: NewCategory, request: RequestOptions = {}) => http.call(createCategory, { body: category }, request),
  updateCategory: (categoryId: number, change: CategoryChange, request: RequestOptions = {}) => http.call(updateCategory, { params: { categoryId }, body: change }, request),
  /** `categoryIds`: every category of the community, in the new order. */
  reorderCategories: (categoryIds: number[], request: RequestOptions = {}) => http.call(reorderCategories, { body: { categoryIds } }, request),
  /** The rank ladder and how many members each level holds now. */
  ranks: (request: RequestOptions = {}) => http.call(getRankLadder, {}, request),
  /** How many members each level of `ladder` would hold; 400 lists why a ladder cannot be used. */
  previewRanks: (ladder: AdminRankLadder, request: RequestOptions = {}) => http.call(previewRankLadder, { body: ladder }, request),
  updateRanks: (ladder: AdminRankLadder, request: RequestOptions = {}) => http.call(updateRankLadder, { body: ladder }, request),
  /** Members holding moderation powers (grant and revoke with `client.moderation`). */
  trusted: (request: RequestOptions = {}) => http.call(listTrustedMembers, {}, request),
  /** Members whose pseudonym starts with `q`. */
  searchMembers: (q: string, query: { limit?: number } = {}, request: RequestOptions = {}) => http.call(searchMembers, { query: { q, ...query } }, request),
  /** Advisors, moderators and admins with their teams and categories of expertise. */
  team: (request: RequestOptions = {}) => http.call(listTeam, {}, request),
  updateTeamMember: (memberId: number, change: TeamMemberChange, request: RequestOptions = {}) => http.call(updateTeamMember, { params: { memberId }, body: change }, request),
});
