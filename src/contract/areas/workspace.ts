/**
 * Routes of the "workspace" area; merged into `routes` by ../routes.ts. What the advisor
 * console needs beyond the domain API (study §11, §26): weekly plans and who is on which
 * category now, staff-only notes on threads and expert nudges.
 */
import { Type, type Static } from 'typebox';
import { MAX_PLAN_SLOTS, MINUTES_PER_DAY } from '../../core/index.ts';
import { errorResponses as errors, Id, Timestamp } from '../common.ts';
import { Author } from '../models.ts';

const MemberRef = Type.Object({ id: Id, pseudonym: Type.String() });

export const PlanSlot = Type.Object(
  {
    /** 0 = Monday … 6 = Sunday, in the community's time zone. */
    weekday: Type.Integer({ minimum: 0, maximum: 6 }),
    /** Minutes after local midnight (inclusive): 540 = 09:00. */
    startMinute: Type.Integer({ minimum: 0, maximum: MINUTES_PER_DAY - 1 }),
    /** Minutes after local midnight (exclusive), at most 1440; a night slot is two slots. */
    endMinute: Type.Integer({ minimum: 1, maximum: MINUTES_PER_DAY }),
    categoryIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type PlanSlot = Static<typeof PlanSlot>;

export const WeeklyPlan = Type.Object({
  advisor: Author,
  /** IANA zone the slots are written in (the community's). */
  timeZone: Type.String(),
  /** Sorted by weekday, then start; never overlapping. */
  slots: Type.Array(PlanSlot),
  /** Categories the plan assigns right now (the console's "my categories now"). */
  categoryIdsNow: Type.Array(Id),
});
export type WeeklyPlan = Static<typeof WeeklyPlan>;

export const WeeklyPlanInput = Type.Object({ slots: Type.Array(PlanSlot, { maxItems: MAX_PLAN_SLOTS }) }, { additionalProperties: false });
export type WeeklyPlanInput = Static<typeof WeeklyPlanInput>;

export const TeamPlans = Type.Object({ timeZone: Type.String(), items: Type.Array(WeeklyPlan) });
export type TeamPlans = Static<typeof TeamPlans>;

export const TeamNow = Type.Object({
  at: Timestamp,
  timeZone: Type.String(),
  /** The local weekday (0 = Monday) and minute of `at`. */
  weekday: Type.Integer({ minimum: 0, maximum: 6 }),
  minute: Type.Integer({ minimum: 0, maximum: MINUTES_PER_DAY - 1 }),
  /** Every category of the community, in forum order; `advisors` is empty when nobody is on it. */
  categories: Type.Array(Type.Object({ categoryId: Id, advisors: Type.Array(MemberRef) })),
  /** The caller's own categories at `at` (empty for moderators and off-duty advisors). */
  myCategoryIds: Type.Array(Id),
});
export type TeamNow = Static<typeof TeamNow>;

export const StaffNote = Type.Object({ id: Id, threadId: Id, author: Author, bodyHtml: Type.String(), createdAt: Timestamp });
export type StaffNote = Static<typeof StaffNote>;
export const StaffNoteList = Type.Object({ items: Type.Array(StaffNote) });
export type StaffNoteList = Static<typeof StaffNoteList>;
export const NewStaffNote = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
export type NewStaffNote = Static<typeof NewStaffNote>;

export const ExpertNudge = Type.Object({ member: Author, by: MemberRef, createdAt: Timestamp });
export type ExpertNudge = Static<typeof ExpertNudge>;
export const ExpertNudgeList = Type.Object({ threadId: Id, items: Type.Array(ExpertNudge) });
export type ExpertNudgeList = Static<typeof ExpertNudgeList>;
export const NewExpertNudges = Type.Object(
  { memberIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
);
export type NewExpertNudges = Static<typeof NewExpertNudges>;

// Members' notifications moved to the notify area (issue 15); re-exported for older imports.
export { Notification, NotificationList } from './notify.ts';

export const workspaceRoutes = {
  getMyWeeklyPlan: {
    method: 'GET',
    url: '/agent/plan',
    audience: 'advisors',
    example: { response: { advisor: { id: 4, pseudonym: 'Julie', role: 'advisor', team: 'commercial', rank: { level: 9, name: 'Expert' }, postCount: 500, joinedAt: '2025-11-02T09:06:58.654Z' }, timeZone: 'Europe/Paris', slots: [], categoryIdsNow: [] } },
    schema: { summary: "The signed-in advisor's weekly plan and categories now; advisors only", response: { 200: WeeklyPlan, ...errors } },
  },
  setMyWeeklyPlan: {
    method: 'PUT',
    url: '/agent/plan',
    audience: 'advisors',
    example: { body: { slots: [{ weekday: 0, startMinute: 540, endMinute: 720, categoryIds: [1] }] } },
    schema: {
      summary: "Replace the signed-in advisor's weekly plan (slots may not overlap); advisors only",
      body: WeeklyPlanInput,
      response: { 200: WeeklyPlan, ...errors },
    },
  },
  getTeamPlans: {
    method: 'GET',
    url: '/agent/team/plans',
    audience: 'staff',
    example: { response: { timeZone: 'Europe/Paris', items: [{ advisor: { id: 4, pseudonym: 'Julie', role: 'advisor', team: 'commercial', rank: { level: 9, name: 'Expert' }, postCount: 500, joinedAt: '2025-11-02T09:06:58.654Z' }, timeZone: 'Europe/Paris', slots: [], categoryIdsNow: [] }] } },
    schema: { summary: "Every advisor's weekly plan; advisors and moderators", response: { 200: TeamPlans, ...errors } },
  },
  getTeamNow: {
    method: 'GET',
    url: '/agent/team/now',
    audience: 'staff',
    example: { response: { at: '2026-12-07T09:07:05.663Z', timeZone: 'Europe/Paris', weekday: 0, minute: 607, categories: [{ categoryId: 1, advisors: [] }], myCategoryIds: [] } },
    schema: {
      summary: 'Who is on which category now (or at `at`), from the weekly plans; advisors and moderators',
      querystring: Type.Object({ at: Type.Optional(Timestamp) }),
      response: { 200: TeamNow, ...errors },
    },
  },
  listStaffNotes: {
    method: 'GET',
    url: '/threads/:threadId/staff-notes',
    audience: 'staff',
    example: { params: { threadId: 1 } },
    schema: {
      summary: 'Staff-only notes on a thread, oldest first; never shown to members',
      params: Type.Object({ threadId: Id }),
      response: { 200: StaffNoteList, ...errors },
    },
  },
  addStaffNote: {
    method: 'POST',
    url: '/threads/:threadId/staff-notes',
    audience: 'staff',
    example: { params: { threadId: 1 }, body: { body: 'Client déjà rappelé hier.' } },
    schema: {
      summary: 'Add a staff-only note (markdown) to a thread; advisors and moderators',
      params: Type.Object({ threadId: Id }),
      body: NewStaffNote,
      response: { 201: StaffNote, ...errors },
    },
  },
  listExpertNudges: {
    method: 'GET',
    url: '/threads/:threadId/expert-nudges',
    audience: 'advisors',
    example: { params: { threadId: 1 } },
    schema: {
      summary: 'Members already asked to help on a thread; advisors only',
      params: Type.Object({ threadId: Id }),
      response: { 200: ExpertNudgeList, ...errors },
    },
  },
  nudgeExperts: {
    method: 'POST',
    url: '/threads/:threadId/expert-nudges',
    audience: 'advisors',
    example: { params: { threadId: 34 }, body: { memberIds: [2] } },
    schema: {
      summary: 'Notify members who know the topic (see getExperts) while the thread is in community time or unanswered; once per member and thread; advisors only',
      params: Type.Object({ threadId: Id }),
      body: NewExpertNudges,
      response: { 201: ExpertNudgeList, ...errors },
    },
  },
} as const;
