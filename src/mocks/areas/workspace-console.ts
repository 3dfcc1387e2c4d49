/**
 * Mocks of the workspace routes the advisor console uses (src/contract/areas/workspace.ts):
 * the advisor's weekly plan ("my categories now") and expert nudges. Copied from the server's
 * `routes/areas/workspace.ts` and `services/workspace.ts`: body validation first, then 401 for
 * guests, 403 for the wrong role, 404, and the same core rules (plan problems, categories now,
 * nudge refusals), once per member and thread.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { ExpertNudge, ExpertNudgeList, PlanSlot, TeamNow, WeeklyPlan } from '../../contract/areas/workspace.ts';
import {
  categoriesNow, DEFAULT_TIME_ZONE, guardian, localWeekTime, MAX_PLAN_SLOTS, MINUTES_PER_DAY, planProblems, slotCovers, sortSlots, type Actor,
} from '../../core/index.ts';
import { param, positiveInt, query, readBody, type MockContext } from '../http.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { requireRole, threadFacts } from './advisor.ts';
import { notificationsOf } from './notifications.ts';

type Member = Extract<Actor, { memberId: number }>;

interface NudgeRecord {
  id: number;
  threadId: number;
  memberId: number;
  byId: number;
  createdAt: string;
}

const invalid = (path: string, message: string) => new MockApiError(400, 'validation_failed', `${path.slice(1)} ${message}.`, [{ in: 'body', path, message }]);

const isInt = (value: unknown, min: number, max: number): value is number => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/** The contract's PlanSlot schema, as Fastify checks it before the handler runs. */
function checkSlotShape(slot: unknown, index: number): PlanSlot {
  const path = `/slots/${index}`;
  if (!slot || typeof slot !== 'object' || Array.isArray(slot)) throw invalid(path, 'must be an object');
  const record = slot as Record<string, unknown>;
  const extra = Object.keys(record).find((key) => !['weekday', 'startMinute', 'endMinute', 'categoryIds'].includes(key));
  if (extra) throw invalid(`${path}/${extra}`, 'is not allowed');
  if (!isInt(record.weekday, 0, 6)) throw invalid(`${path}/weekday`, 'must be an integer from 0 to 6');
  if (!isInt(record.startMinute, 0, MINUTES_PER_DAY - 1)) throw invalid(`${path}/startMinute`, `must be an integer from 0 to ${MINUTES_PER_DAY - 1}`);
  if (!isInt(record.endMinute, 1, MINUTES_PER_DAY)) throw invalid(`${path}/endMinute`, `must be an integer from 1 to ${MINUTES_PER_DAY}`);
  const ids = record.categoryIds;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 50 || !ids.every((id) => isInt(id, 1, Number.MAX_SAFE_INTEGER))) {
    throw invalid(`${path}/categoryIds`, 'must hold 1 to 50 ids');
  }
  return { weekday: record.weekday, startMinute: record.startMinute, endMinute: record.endMinute, categoryIds: ids };
}

/** Weekly plans and expert nudges of one mocked community. */
export class WorkspaceConsoleState {
  readonly #store: MockStore;
  readonly #plans = new Map<number, PlanSlot[]>();
  readonly #nudges: NudgeRecord[] = [];

  constructor(store: MockStore) {
    this.#store = store;
  }

  /** The mock community keeps the server's default zone (communities.time_zone default). */
  get timeZone(): string {
    return DEFAULT_TIME_ZONE;
  }

  plan(advisor: Member): WeeklyPlan {
    const slots = sortSlots(this.#plans.get(advisor.memberId) ?? []).map((slot) => ({ ...slot, categoryIds: [...slot.categoryIds].sort((a, b) => a - b) }));
    return { advisor: this.#store.author(advisor.memberId), timeZone: this.timeZone, slots, categoryIdsNow: categoriesNow(slots, this.#store.now(), this.timeZone) };
  }

  /** Checks the whole plan (core's problems, known categories), then replaces it. */
  setPlan(advisor: Member, slots: PlanSlot[]): WeeklyPlan {
    const known = new Set(this.#store.community().categories.map((category) => category.id));
    const problems = planProblems(slots).map(({ index, message }) => ({ in: 'body', path: `/slots/${index}`, message }));
    slots.forEach((slot, index) => {
      const unknown = slot.categoryIds.filter((id) => !known.has(id));
      if (unknown.length) problems.push({ in: 'body', path: `/slots/${index}/categoryIds`, message: `unknown category ${unknown.join(', ')}` });
    });
    if (problems.length) {
      throw new MockApiError(400, 'validation_failed', `The plan cannot be saved: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
    }
    this.#plans.set(advisor.memberId, slots.map((slot) => ({ ...slot, categoryIds: [...slot.categoryIds] })));
    return this.plan(advisor);
  }

  /** Every advisor's plan, empty ones included, by pseudonym, as `GET /agent/team/plans` gives them. */
  teamPlans(): { timeZone: string; items: WeeklyPlan[] } {
    const advisors = this.#store.members().filter((member) => member.role === 'advisor')
      .sort((a, b) => a.pseudonym.toLowerCase().localeCompare(b.pseudonym.toLowerCase()) || a.id - b.id);
    const items = advisors.map((advisor) => this.plan({ role: 'advisor', memberId: advisor.id }));
    return { timeZone: this.timeZone, items };
  }

  /** Who covers each category at `at`, as the server's getTeamNow computes it. */
  teamNow(actor: Member, at: Date): TeamNow {
    const time = localWeekTime(at, this.timeZone);
    const onDuty = (categoryId: number) => [...this.#plans.entries()]
      .filter(([, slots]) => slots.some((slot) => slotCovers(slot, time) && slot.categoryIds.includes(categoryId)))
      .map(([memberId]) => ({ id: memberId, pseudonym: this.#store.memberRecord(memberId).pseudonym }));
    return {
      at: at.toISOString(), timeZone: this.timeZone, weekday: time.weekday, minute: time.minute,
      categories: this.#store.community().categories.map((category) => ({ categoryId: category.id, advisors: onDuty(category.id) })),
      myCategoryIds: categoriesNow(this.#plans.get(actor.memberId) ?? [], at, this.timeZone),
    };
  }

  nudges(threadId: number, memberIds?: readonly number[]): ExpertNudgeList {
    this.#store.threadRecord(threadId);
    const items = this.#nudges
      .filter((nudge) => nudge.threadId === threadId && (!memberIds || memberIds.includes(nudge.memberId)))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
      .map((nudge): ExpertNudge => {
        const by = this.#store.memberRecord(nudge.byId);
        return { member: this.#store.author(nudge.memberId), by: { id: by.id, pseudonym: by.pseudonym }, createdAt: nudge.createdAt };
      });
    return { threadId, items };
  }

  /** All or nothing, like the server's transaction: one member already asked refuses the whole request. */
  nudge(advisor: Member, threadId: number, memberIds: number[]): ExpertNudgeList {
    this.#store.threadRecord(threadId);
    this.#refuseUnlessNudgeable(threadId);
    const askerId = threadFacts(this.#store, threadId).askerId;
    const members = memberIds.map((id) => this.#store.memberRecord(id));
    const unfit = members.filter((member) => member.role !== 'member' || member.id === askerId).map((member) => member.id);
    if (unfit.length) {
      throw new MockApiError(400, 'validation_failed', `Only community members other than the asker can be asked to help (not ${unfit.join(', ')}).`, [{ in: 'body', path: '/memberIds', message: 'not a member who can help' }]);
    }
    const already = memberIds.filter((id) => this.#nudges.some((nudge) => nudge.threadId === threadId && nudge.memberId === id));
    if (already.length) throw new MockApiError(409, 'conflict', `Already asked to help on this thread: member ${already.join(', ')}.`, { memberIds: already });
    const createdAt = this.#store.now().toISOString();
    for (const memberId of memberIds) {
      this.#nudges.push({ id: this.#nudges.length + 1, threadId, memberId, byId: advisor.memberId, createdAt });
      // The member learns of it in their notifications, like the server's insert in the same transaction.
      notificationsOf(this.#store).addExpertNudge(memberId, threadId, advisor.memberId);
    }
    return this.nudges(threadId, memberIds);
  }

  /** core's expertNudgeRefusal, on the holdback the thread reads give. */
  #refuseUnlessNudgeable(threadId: number): void {
    const facts = threadFacts(this.#store, threadId);
    const holdback = this.#store.summary(threadId).holdback?.state ?? 'done';
    if (holdback === 'done' || facts.needsAccount || (holdback !== 'community-time' && facts.summary.replyCount > 0)) {
      throw new MockApiError(409, 'conflict', 'Experts cannot be asked on this thread now.');
    }
  }
}

const states = new WeakMap<MockStore, WorkspaceConsoleState>();

export function workspaceConsoleOf(store: MockStore): WorkspaceConsoleState {
  let state = states.get(store);
  if (!state) states.set(store, (state = new WorkspaceConsoleState(store)));
  return state;
}

async function readSlots(request: Request): Promise<PlanSlot[]> {
  const body = await readBody(request, { slots: 'array' }, ['slots']);
  const slots = body.slots as unknown[];
  if (slots.length > MAX_PLAN_SLOTS) throw invalid('/slots', `must hold at most ${MAX_PLAN_SLOTS} slots`);
  return slots.map(checkSlotShape);
}

async function readMemberIds(request: Request): Promise<number[]> {
  const body = await readBody(request, { memberIds: 'array' }, ['memberIds']);
  const ids = body.memberIds as unknown[];
  if (ids.length < 1 || ids.length > 20) throw invalid('/memberIds', 'must hold 1 to 20 ids');
  if (!ids.every((id) => isInt(id, 1, Number.MAX_SAFE_INTEGER))) throw invalid('/memberIds', 'must hold member ids');
  if (new Set(ids).size !== ids.length) throw invalid('/memberIds', 'must not repeat an id');
  return ids;
}

/** Routes `getMyWeeklyPlan`, `setMyWeeklyPlan`, `getTeamPlans`, `getTeamNow`, `listExpertNudges`, `nudgeExperts`. */
export function workspaceConsoleHandlers({ store, route }: MockContext): HttpHandler[] {
  const state = workspaceConsoleOf(store);
  const threadIdOf = (params: Record<string, string | readonly string[] | undefined>) => positiveInt(param(params.threadId), 'threadId');
  return [
    route('getMyWeeklyPlan', ({ request }) =>
      HttpResponse.json(state.plan(requireRole(store, request, (actor) => guardian(actor).workspace.canKeepWeeklyPlan(), 'keep a weekly plan (advisors)')))),
    route('setMyWeeklyPlan', async ({ request }) => {
      const slots = await readSlots(request);
      return HttpResponse.json(state.setPlan(requireRole(store, request, (actor) => guardian(actor).workspace.canKeepWeeklyPlan(), 'keep a weekly plan (advisors)'), slots));
    }),
    route('getTeamPlans', ({ request }) => {
      requireRole(store, request, (actor) => guardian(actor).workspace.canSeeTeamPlans(), 'see the team plans (advisors and moderators)');
      return HttpResponse.json(state.teamPlans());
    }),
    route('getTeamNow', ({ request }) => {
      const actor = requireRole(store, request, (actor) => guardian(actor).workspace.canSeeTeamPlans(), 'see who is on duty (advisors and moderators)');
      const at = query(request).get('at');
      if (at !== null && Number.isNaN(Date.parse(at))) throw new MockApiError(400, 'validation_failed', 'at must be a date-time.', [{ in: 'querystring', path: '/at', message: 'must be a date-time' }]);
      return HttpResponse.json(state.teamNow(actor, at === null ? store.now() : new Date(at)));
    }),
    route('listExpertNudges', ({ request, params }) => {
      const threadId = threadIdOf(params);
      requireRole(store, request, (actor) => guardian(actor).workspace.canNudgeExperts(), 'see expert nudges (advisors)');
      return HttpResponse.json(state.nudges(threadId));
    }),
    route('nudgeExperts', async ({ request, params }) => {
      const threadId = threadIdOf(params);
      const memberIds = await readMemberIds(request);
      const advisor = requireRole(store, request, (actor) => guardian(actor).workspace.canNudgeExperts(), 'ask members to help (advisors)');
      return HttpResponse.json(state.nudge(advisor, threadId, memberIds), { status: 201 });
    }),
  ];
}
