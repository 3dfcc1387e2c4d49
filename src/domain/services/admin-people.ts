/**
 * The administration of people (contract area "admin"): the rank ladder with how many members
 * each level holds, trusted members, the member search, and the team's teams and expertise.
 */
import type { AdminRankLadder, MemberSearch, RankLadderView, RankPreview, TeamList, TeamMember, TeamMemberChange, TrustedMemberList } from '../../contract/areas/admin.ts';
import { adminLadderProblems, ApiError, guardian, isAdvisor, isStaff, ladderForAdmin, ladderFromAdmin, type Actor, type ModerationPower } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import {
  countMembersByLevel, knownCategoryIds, lockTeamRow, memberRowsByPrefix, readCommunitySettings, teamRows, trustedMemberRows, writeCommunitySettings, writeTeam,
  type TeamRow,
} from '../repo/admin.ts';
import { writeAudit } from '../repo/audit.ts';
import { refreshCommunity, type CommunityContext } from '../repo/community.ts';
import { toAuthor } from '../repo/members.ts';

/** The ladder, refused with every problem at once when it cannot be used. */
function checkedLadder(ladder: AdminRankLadder, community: CommunityContext): AdminRankLadder {
  const problems = adminLadderProblems(ladder, community.locale);
  if (problems.length) {
    throw new ApiError('validation_failed', `This ladder cannot be used: ${problems.join('; ')}.`, problems.map((message) => ({ path: '/steps', message })));
  }
  return ladder;
}

async function ladderView({ db, community }: ServiceContext, now: Date): Promise<RankLadderView> {
  const settings = await readCommunitySettings(db, community.id);
  const ladder = ladderForAdmin(community.ladder, community.locale);
  return { ladder, isDefault: settings?.rank_ladder === null, members: await countMembersByLevel(db, community.id, ladder, now) };
}

export async function getRankLadder(ctx: ServiceContext, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<RankLadderView> {
  guardian(actor).admin.ensureAdminister();
  return ladderView(ctx, now);
}

export async function previewRankLadder({ db, community }: ServiceContext, { actor, body, now = new Date() }: { actor: Actor; body: AdminRankLadder; now?: Date }): Promise<RankPreview> {
  guardian(actor).admin.ensureAdminister();
  return { members: await countMembersByLevel(db, community.id, checkedLadder(body, community), now) };
}

export async function updateRankLadder(ctx: ServiceContext, { actor, body, now = new Date() }: { actor: Actor; body: AdminRankLadder; now?: Date }): Promise<RankLadderView> {
  const { db, community } = ctx;
  const admin = guardian(actor).admin.ensureAdminister();
  const ladder = checkedLadder(body, community);
  await db.transaction(async (tx) => {
    const row = await readCommunitySettings(tx, community.id, true);
    if (!row) throw notFound('Community');
    await writeCommunitySettings(tx, { ...row, rank_ladder: ladderFromAdmin(ladder, community.locale) });
    await writeAudit(tx, {
      actorId: admin.memberId, action: 'ranks.update', targetType: 'community', targetId: community.id, communityId: community.id,
      before: ladderForAdmin(community.ladder, community.locale), after: ladder,
    });
  });
  await refreshCommunity(db, community);
  return ladderView(ctx, now);
}

export async function listTrustedMembers({ db, community }: ServiceContext, { actor }: { actor: Actor }): Promise<TrustedMemberList> {
  guardian(actor).admin.ensureAdminister();
  const now = new Date();
  const rows = await trustedMemberRows(db, community.id);
  return {
    items: rows.map((row) => ({ member: toAuthor(row.author, community.ladder, now), powers: row.powers as ModerationPower[], grantedAt: new Date(row.granted_at).toISOString() })),
  };
}

export async function searchMembers({ db, community }: ServiceContext, { actor, q, limit }: { actor: Actor; q: string; limit: number }): Promise<MemberSearch> {
  guardian(actor).admin.ensureAdminister();
  const now = new Date();
  return { items: (await memberRowsByPrefix(db, community.id, q.trim(), limit)).map((row) => toAuthor(row, community.ladder, now)) };
}

function toTeamMember(row: TeamRow, community: CommunityContext): TeamMember {
  return { member: toAuthor(row.author, community.ladder), expertiseCategoryIds: row.expertise };
}

export async function listTeam({ db, community }: ServiceContext, { actor }: { actor: Actor }): Promise<TeamList> {
  guardian(actor).admin.ensureManageTeam();
  const rows = await teamRows(db, community.id);
  const teams = [...new Set(rows.flatMap((row) => (row.author.team ? [row.author.team] : [])))].sort();
  return { items: rows.map((row) => toTeamMember(row, community)), teams };
}

export async function updateTeamMember(
  { db, community }: ServiceContext, { actor, memberId, body }: { actor: Actor; memberId: number; body: TeamMemberChange },
): Promise<TeamMember> {
  const admin = guardian(actor).admin.ensureManageTeam();
  const row = await db.transaction(async (tx) => {
    const current = await lockTeamRow(tx, community.id, memberId);
    if (!current) throw notFound(`Member ${memberId}`);
    if (!isStaff(current.author.role)) throw new ApiError('conflict', 'Only the brand’s people (advisors, moderators, admins) have a team; the role comes from their sign-in token.');
    const expertise = body.expertiseCategoryIds ?? current.expertise;
    if (body.expertiseCategoryIds?.length && !isAdvisor(current.author.role)) throw new ApiError('conflict', 'Categories of expertise are for advisors.');
    const known = await knownCategoryIds(tx, community.id, expertise);
    const unknown = expertise.filter((id) => !known.has(id));
    if (unknown.length) throw notFound(`Category ${unknown.join(', ')}`);
    const team = body.team === undefined ? current.author.team : body.team === null ? null : body.team.trim();
    await writeTeam(tx, memberId, { team, expertise });
    await writeAudit(tx, {
      actorId: admin.memberId, action: 'team.update', targetType: 'member', targetId: memberId, communityId: community.id,
      before: { team: current.author.team, expertiseCategoryIds: current.expertise }, after: { team, expertiseCategoryIds: [...expertise].sort((a, b) => a - b) },
    });
    return (await lockTeamRow(tx, community.id, memberId))!;
  });
  return toTeamMember(row, community);
}
