/**
 * Writes and composed reads of the advisor workspace: weekly plans (validated by core, saved
 * in one transaction), who is on which category now, staff notes, and expert nudges (checked
 * against the thread's holdback, once per member and thread; sent live through ./notify.ts).
 * Every one asks the guardian first, before anything is read.
 */
import type { ExpertNudgeList, PlanSlot, StaffNote, StaffNoteList, TeamNow, TeamPlans, WeeklyPlan } from '../../contract/areas/workspace.ts';
import { ApiError, categoriesNow, guardian, isStaff, expertNudgeRefusal, LIMITS, localWeekTime, planProblems, slotCovers, sortSlots, type Actor } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import { toAuthor } from '../repo/members.ts';
import { findThreadRow, toThread } from '../repo/threads.ts';
import { announceNotifications } from './notify.ts';
import {
  communityCategoryIds, communityTimeZone, insertExpertNudges, insertStaffNote, listExpertNudges, listStaffNotes,
  membersByIds, readAdvisorPlans, replacePlanSlots, type AdvisorPlanRow,
} from '../repo/workspace.ts';

function toPlan(row: AdvisorPlanRow, community: CommunityContext, timeZone: string, now: Date): WeeklyPlan {
  const slots = sortSlots(row.slots);
  return { advisor: toAuthor(row.author, community.ladder, now), timeZone, slots, categoryIdsNow: categoriesNow(slots, now, timeZone) };
}

type ThreadRequest = { actor: Actor; threadId: number };

export async function getAdvisorPlan({ db, community }: ServiceContext, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<WeeklyPlan> {
  const advisor = guardian(actor).workspace.ensureKeepWeeklyPlan();
  const [row] = await readAdvisorPlans(db, community, advisor.memberId);
  if (!row) throw notFound(`Advisor ${advisor.memberId}`);
  return toPlan(row, community, await communityTimeZone(db, community), now);
}

async function checkPlan(db: Queryable, community: CommunityContext, slots: readonly PlanSlot[]): Promise<void> {
  const problems = planProblems(slots).map(({ index, message }) => ({ in: 'body', path: `/slots/${index}`, message }));
  const known = new Set(await communityCategoryIds(db, community));
  slots.forEach((slot, index) => {
    const unknown = slot.categoryIds.filter((id) => !known.has(id));
    if (unknown.length) problems.push({ in: 'body', path: `/slots/${index}/categoryIds`, message: `unknown category ${unknown.join(', ')}` });
  });
  if (problems.length) throw new ApiError('validation_failed', `The plan cannot be saved: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
}

/** Checks the whole plan first, then replaces it in one transaction: a bad plan writes nothing. */
export async function setAdvisorPlan(ctx: ServiceContext, { actor, slots }: { actor: Actor; slots: readonly PlanSlot[] }): Promise<WeeklyPlan> {
  const advisor = guardian(actor).workspace.ensureKeepWeeklyPlan();
  await checkPlan(ctx.db, ctx.community, slots);
  await ctx.db.transaction((tx) => replacePlanSlots(tx, advisor.memberId, sortSlots(slots)));
  return getAdvisorPlan(ctx, { actor: advisor });
}

export async function getTeamPlans({ db, community }: ServiceContext, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<TeamPlans> {
  guardian(actor).workspace.ensureSeeTeamPlans();
  const timeZone = await communityTimeZone(db, community);
  const rows = await readAdvisorPlans(db, community);
  return { timeZone, items: rows.map((row) => toPlan(row, community, timeZone, now)) };
}

/** For each category, the advisors whose slot covers `at` (local time in the community's zone). */
export async function getTeamNow({ db, community }: ServiceContext, { actor: caller, at = new Date() }: { actor: Actor; at?: Date }): Promise<TeamNow> {
  const actor = guardian(caller).workspace.ensureSeeTeamPlans('Only advisors and moderators may see who is on duty.');
  const timeZone = await communityTimeZone(db, community);
  const time = localWeekTime(at, timeZone);
  const plans = await readAdvisorPlans(db, community);
  const categoryIds = await communityCategoryIds(db, community);
  const onDuty = new Map<number, Array<{ id: number; pseudonym: string }>>(categoryIds.map((id) => [id, []]));
  for (const plan of plans) {
    const ids = new Set(plan.slots.filter((slot) => slotCovers(slot, time)).flatMap((slot) => slot.categoryIds));
    for (const id of ids) onDuty.get(id)?.push({ id: plan.member_id, pseudonym: plan.author.pseudonym });
  }
  const mine = plans.find((plan) => plan.member_id === actor.memberId);
  return {
    at: at.toISOString(), timeZone, weekday: time.weekday, minute: time.minute,
    categories: categoryIds.map((categoryId) => ({ categoryId, advisors: onDuty.get(categoryId) ?? [] })),
    myCategoryIds: mine ? categoriesNow(mine.slots, at, timeZone) : [],
  };
}

async function requireThread(db: Queryable, community: CommunityContext, threadId: number) {
  const row = await findThreadRow(db, community, threadId);
  if (!row) throw notFound(`Thread ${threadId}`);
  return row;
}

export async function addStaffNote({ db, community }: ServiceContext, { actor, threadId, body }: ThreadRequest & { body: string }): Promise<StaffNote> {
  const author = guardian(actor).workspace.ensureWriteStaffNotes();
  const markdown = body.trim();
  if (markdown.length < LIMITS.bodyMin) {
    throw new ApiError('validation_failed', `body needs at least ${LIMITS.bodyMin} characters that are not spaces.`, [{ in: 'body', path: '/body', message: 'too short' }]);
  }
  await requireThread(db, community, threadId);
  return insertStaffNote(db, community, { threadId, authorId: author.memberId, bodyMd: markdown, bodyHtml: renderMarkdown(markdown) });
}

/** The notes of a thread that exists (an unknown id is 404, not an empty list). */
export async function threadStaffNotes({ db, community }: ServiceContext, { actor, threadId }: ThreadRequest): Promise<StaffNoteList> {
  guardian(actor).workspace.ensureSeeStaffNotes();
  await requireThread(db, community, threadId);
  return { items: await listStaffNotes(db, community, threadId) };
}

export async function threadNudges({ db, community }: ServiceContext, { actor, threadId }: ThreadRequest): Promise<ExpertNudgeList> {
  guardian(actor).workspace.ensureNudgeExperts('Only advisors may see expert nudges.');
  await requireThread(db, community, threadId);
  return { threadId, items: await listExpertNudges(db, community, threadId) };
}

/** Nudges must go to ordinary members of this community other than the asker. */
async function checkNudgedMembers(db: Queryable, community: CommunityContext, memberIds: readonly number[], askerId: number): Promise<void> {
  const found = await membersByIds(db, community, memberIds);
  const missing = memberIds.filter((id) => !found.some((member) => member.id === id));
  if (missing.length) throw notFound(`Member ${missing.join(', ')}`);
  const unfit = found.filter((member) => isStaff(member.role) || member.id === askerId).map((member) => member.id);
  if (unfit.length) {
    throw new ApiError('validation_failed', `Only community members other than the asker can be asked to help (not ${unfit.join(', ')}).`, [{ in: 'body', path: '/memberIds', message: 'not a member who can help' }]);
  }
}

/**
 * Notifies each member once per thread. All or nothing: when any member was already nudged
 * (now or by a colleague a moment ago) the answer is 409 and no notification is written.
 */
export async function nudgeExperts({ db, community }: ServiceContext, { actor, threadId, memberIds }: ThreadRequest & { memberIds: readonly number[] }): Promise<ExpertNudgeList> {
  const advisor = guardian(actor).workspace.ensureNudgeExperts();
  const row = await requireThread(db, community, threadId);
  const thread = toThread(row, community);
  const refusal = expertNudgeRefusal({ holdback: thread.holdback?.state ?? 'done', replyCount: row.reply_count, needsAccount: row.needs_account ?? false });
  if (refusal) throw new ApiError('conflict', `Experts cannot be asked on this thread now. ${refusal}`);
  await checkNudgedMembers(db, community, memberIds, row.author.id);
  await db.transaction(async (tx) => {
    const inserted = await insertExpertNudges(tx, threadId, advisor.memberId, memberIds);
    const nudged = inserted.map((row) => row.memberId);
    const already = memberIds.filter((id) => !nudged.includes(id));
    if (already.length) throw new ApiError('conflict', `Already asked to help on this thread: member ${already.join(', ')}.`, { memberIds: already });
    await announceNotifications(tx, community, inserted.map((row) => row.id));
  });
  return { threadId, items: await listExpertNudges(db, community, threadId, memberIds) };
}
