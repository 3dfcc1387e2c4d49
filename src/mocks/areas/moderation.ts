/**
 * Mocks of the "moderation" area (src/contract/areas/moderation.ts): thread lifecycle, move,
 * merge, flags and their queue, hide/restore, grants and the audit log. The rules come from
 * core `moderation.ts`; statuses, codes, messages and audit entries copy the server's
 * `services/moderation.ts` and `services/flags.ts`. Private conversations live in ./private.ts
 * and write to the same audit log through `moderationState(store)`.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { AuditPage, FlagResult, MemberGrants, MergeResult, ModerationQueue, PostModeration } from '../../contract/areas/moderation.ts';
import type { ThreadSummary } from '../../contract/models.ts';
import {
  FLAG_REASONS, flagWeight, guardian, lifecycleTransition, LIMITS, mergeProblem, MODERATION_POWERS, moveProblem, shouldAutoHide, type Actor,
  type FlagReason, type LifecycleAction, type LifecycleThread, type ModerationPower, isSignedIn, isStaff,
} from '../../core/index.ts';
import { param, positiveInt, query, readBody, requireMember, type BodyFieldType, type MockContext } from '../http.ts';
import { MockApiError, type MockStore, type StoredPost } from '../store.ts';

type Member = Extract<Actor, { memberId: number }>;

const REASON_MAX = 1000;

interface AuditRecord {
  id: number;
  actorId: number;
  action: string;
  targetType: string;
  targetId: number;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

interface FlagRecord {
  id: number;
  postId: number;
  memberId: number;
  reason: FlagReason;
  note: string | null;
  weight: number;
  createdAt: string;
  resolved: boolean;
}

// Input checks the server's TypeBox schemas make before any handler runs (so before sign-in too).

export const notFound = (what: string) => new MockApiError(404, 'not_found', `${what} does not exist.`);

function invalid(where: string, path: string, message: string): MockApiError {
  return new MockApiError(400, 'validation_failed', `Invalid ${where}: ${path} ${message}`, [{ in: where, path, message }]);
}

/** A string field of the body within the schema's length bounds (undefined when optional and absent). */
export function text(body: Record<string, unknown>, field: string, min: number, max: number): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid('body', `/${field}`, 'must be string');
  if (value.length < min) throw invalid('body', `/${field}`, `must not have fewer than ${min} characters`);
  if (value.length > max) throw invalid('body', `/${field}`, `must not have more than ${max} characters`);
  return value;
}

export function allowedValue(value: string, where: string, allowed: readonly string[], field: string): string {
  if (!allowed.includes(value)) throw invalid(where, `/${field}`, 'must be equal to one of the allowed values');
  return value;
}

/** The body, where a bare POST counts as `{}` like the server's preValidation hook makes it. */
export async function optionalBody(request: Request, allowed: Record<string, BodyFieldType>, required: string[] = []): Promise<Record<string, unknown>> {
  const raw = await request.clone().text();
  if (raw === '' && !request.headers.get('content-type')) return {};
  return readBody(request, allowed, required);
}

/** Turns the store's own 404 into the server's wording. */
function found<T>(find: () => T, what: string): T {
  try {
    return find();
  } catch (error) {
    if (error instanceof MockApiError && error.status === 404) throw notFound(what);
    throw error;
  }
}

/** The moderation data of one mocked community, shared by the moderation and private handlers. */
export class ModerationState {
  readonly store: MockStore;
  readonly #audit: AuditRecord[] = [];
  readonly #flags: FlagRecord[] = [];
  readonly #grants = new Map<number, Set<ModerationPower>>();

  constructor(store: MockStore) {
    this.store = store;
  }

  audit(entry: Omit<AuditRecord, 'id' | 'createdAt' | 'reason'> & { reason?: string | null }): void {
    this.#audit.push({ ...entry, reason: entry.reason ?? null, id: this.#audit.length + 1, createdAt: this.store.now().toISOString() });
  }

  listAudit(actor: Actor, q: { cursor?: string; limit: number; targetType?: string; targetId?: number }): AuditPage {
    const staff = requireSignedIn(actor);
    if (!guardian(staff).moderation.canReadAudit()) throw new MockApiError(403, 'forbidden', 'Only moderators and advisors read the audit log.');
    const before = q.cursor === undefined ? Infinity : Number(q.cursor);
    if (!(before === Infinity || (Number.isSafeInteger(before) && before >= 1))) {
      throw new MockApiError(400, 'validation_failed', 'The cursor is not one this server gave out.', [{ path: '/cursor', message: 'unknown cursor' }]);
    }
    const matching = this.#audit
      .filter((e) => e.id < before && (q.targetType === undefined || e.targetType === q.targetType) && (q.targetId === undefined || e.targetId === q.targetId))
      .reverse();
    const page = matching.slice(0, q.limit);
    const last = page.at(-1);
    const items = page.map(({ actorId, ...entry }) => ({ ...entry, actor: this.store.author(actorId) }));
    return { items, nextCursor: matching.length > q.limit && last ? String(last.id) : null };
  }

  changeLifecycle(actor: Actor, threadId: number, action: LifecycleAction, reason: string | undefined): ThreadSummary {
    const staff = requireModerator(actor);
    const thread = this.#thread(threadId);
    const transition = lifecycleTransition(this.#lifecycleOf(threadId), action);
    if (!transition.ok) throw new MockApiError(409, 'conflict', transition.reason);
    const before = thread.status;
    thread.status = transition.status;
    this.audit({ actorId: staff.memberId, action: `thread.${action}`, targetType: 'thread', targetId: threadId, reason, before: { status: before }, after: { status: transition.status } });
    return this.store.summary(threadId);
  }

  move(actor: Actor, threadId: number, categoryId: number, reason: string | undefined): ThreadSummary {
    const staff = requireModerator(actor);
    const thread = this.#thread(threadId);
    found(() => this.store.category(categoryId, 'fr'), `Category ${categoryId}`);
    const problem = moveProblem({ ...this.#lifecycleOf(threadId), categoryId: thread.categoryId }, categoryId);
    if (problem) throw new MockApiError(409, 'conflict', problem);
    const before = thread.categoryId;
    thread.categoryId = categoryId;
    this.audit({ actorId: staff.memberId, action: 'thread.move', targetType: 'thread', targetId: threadId, reason, before: { categoryId: before }, after: { categoryId } });
    return this.store.summary(threadId);
  }

  merge(actor: Actor, threadId: number, intoThreadId: number, reason: string | undefined): MergeResult {
    const staff = requireModerator(actor);
    const from = this.#thread(threadId);
    const into = this.#thread(intoThreadId);
    const problem = mergeProblem(this.#lifecycleOf(threadId), this.#lifecycleOf(intoThreadId));
    if (problem) throw new MockApiError(409, 'conflict', problem);
    const before = { status: from.status, categoryId: from.categoryId, mergedIntoId: null };
    const intoAuthorId = this.store.summary(intoThreadId).author.id;
    const moved = this.store.postsOf(threadId);
    // The target keeps its own question; the old one becomes a reply, dated as it was.
    for (const post of moved) {
      post.movedFrom ??= threadId;
      post.threadId = intoThreadId;
      if (post.kind === 'question') post.kind = 'reply';
    }
    const intoAccepted = this.store.summary(intoThreadId).acceptedPostId;
    if (intoAccepted !== null && (into.status === 'open' || into.status === 'answered')) into.status = 'solved';
    else if (into.status === 'open' && this.store.postsOf(intoThreadId).some((p) => p.authorId !== intoAuthorId)) into.status = 'answered';
    from.status = 'closed';
    from.mergedIntoId = intoThreadId;
    this.audit({
      actorId: staff.memberId, action: 'thread.merge', targetType: 'thread', targetId: threadId, reason,
      before, after: { status: 'closed', mergedIntoId: intoThreadId, movedPosts: moved.length },
    });
    return { from: this.store.summary(threadId), into: this.store.summary(intoThreadId), movedPosts: moved.length };
  }

  flag(actor: Actor, postId: number, input: { reason: FlagReason; note?: string | undefined }): FlagResult {
    const flagger = requireSignedIn(actor);
    const post = this.#post(postId);
    if (!guardian(flagger).posts.canFlag(post)) throw new MockApiError(403, 'forbidden', 'You cannot flag your own post.');
    if (this.#flags.some((f) => f.postId === postId && f.memberId === flagger.memberId)) throw new MockApiError(409, 'conflict', 'You already flagged this post.');
    const weight = flagWeight(flagger.role, this.store.author(flagger.memberId).rank.level);
    const flag: FlagRecord = {
      id: this.#flags.length + 1, postId, memberId: flagger.memberId, reason: input.reason, note: input.note ?? null, weight,
      createdAt: this.store.now().toISOString(), resolved: false,
    };
    this.#flags.push(flag);
    const totalWeight = this.#openWeight(postId);
    if (!post.hidden && shouldAutoHide(totalWeight)) {
      const before = { hidden: false, hiddenReason: post.hiddenReason ?? null };
      post.hidden = true;
      post.hiddenReason = 'flags';
      this.audit({ actorId: flagger.memberId, action: 'post.auto-hide', targetType: 'post', targetId: postId, reason: 'flags', before, after: { hidden: true, hiddenReason: 'flags', totalWeight } });
      this.#publishRemoved(post);
    }
    const { resolved: _resolved, memberId: _memberId, ...shown } = flag;
    return { flag: shown, totalWeight, hidden: post.hidden === true };
  }

  queue(actor: Actor): ModerationQueue {
    this.#requireReviewer(actor);
    const open = this.#flags.filter((f) => !f.resolved);
    const postIds = [...new Set(open.map((f) => f.postId))];
    const items = postIds.map((postId) => {
      const post = this.store.storedPost(postId);
      const flags = open.filter((f) => f.postId === postId);
      return {
        post: this.store.postView(post),
        threadTitle: this.store.threadRecord(post.threadId).title,
        hidden: post.hidden === true,
        hiddenReason: post.hiddenReason ?? null,
        totalWeight: flags.reduce((sum, f) => sum + f.weight, 0),
        flags: flags.map(({ resolved: _resolved, memberId, ...flag }) => ({ ...flag, flagger: this.store.author(memberId) })),
        firstAt: flags[0]?.createdAt ?? '',
      };
    });
    items.sort((a, b) => b.totalWeight - a.totalWeight || a.firstAt.localeCompare(b.firstAt) || a.post.id - b.post.id);
    return { items: items.map(({ firstAt: _firstAt, ...item }) => item) };
  }

  hide(actor: Actor, postId: number, reason: string): PostModeration {
    const reviewer = this.#requireReviewer(actor);
    const post = this.#post(postId);
    if (post.hidden && post.hiddenReason === 'moderator') throw new MockApiError(409, 'conflict', 'This post is already hidden.');
    return this.#decide(reviewer, post, true, reason);
  }

  /** Shows a hidden post again, or dismisses the open flags of a visible one. */
  restore(actor: Actor, postId: number, reason: string | undefined): PostModeration {
    const reviewer = this.#requireReviewer(actor);
    const post = this.#post(postId);
    if (!post.hidden && this.#openWeight(postId) === 0) throw new MockApiError(409, 'conflict', 'This post is visible and has no open flags.');
    return this.#decide(reviewer, post, false, reason);
  }

  powersOf(memberId: number): ModerationPower[] {
    return [...(this.#grants.get(memberId) ?? [])].sort();
  }

  grant(actor: Actor, memberId: number, power: ModerationPower, give: boolean): MemberGrants {
    const moderator = requireSignedIn(actor);
    if (!guardian(moderator).moderation.canGrantPowers()) throw new MockApiError(403, 'forbidden', 'Only moderators grant moderation powers.');
    found(() => this.store.memberRecord(memberId), `Member ${memberId}`);
    const before = this.powersOf(memberId);
    const held = new Set(before);
    if (give && held.has(power)) throw new MockApiError(409, 'conflict', `Member ${memberId} already holds ${power}.`);
    if (!give && !held.has(power)) throw notFound(`Grant ${power} of member ${memberId}`);
    if (give) held.add(power);
    else held.delete(power);
    this.#grants.set(memberId, held);
    const powers = this.powersOf(memberId);
    this.audit({ actorId: moderator.memberId, action: give ? 'grant.add' : 'grant.remove', targetType: 'member', targetId: memberId, before: { powers: before }, after: { powers } });
    return { memberId, powers };
  }

  #decide(reviewer: Member, post: StoredPost, hide: boolean, reason: string | undefined): PostModeration {
    const before = { hidden: post.hidden === true, hiddenReason: post.hiddenReason ?? null };
    const open = this.#flags.filter((f) => f.postId === post.id && !f.resolved);
    for (const flag of open) flag.resolved = true;
    post.hidden = hide;
    post.hiddenReason = hide ? 'moderator' : null;
    if (hide && !before.hidden) this.#publishRemoved(post);
    const after = { hidden: hide, hiddenReason: post.hiddenReason, resolvedFlags: open.length };
    this.audit({ actorId: reviewer.memberId, action: hide ? 'post.hide' : 'post.restore', targetType: 'post', targetId: post.id, reason, before, after });
    return { postId: post.id, hidden: hide, hiddenReason: post.hiddenReason, resolvedFlags: open.length };
  }

  /** Streams drop a post moderation hid, as the server's `flags.ts` tells them. */
  #publishRemoved(post: StoredPost): void {
    this.store.publish({ type: 'post-removed', threadId: post.threadId, categoryId: this.store.threadRecord(post.threadId).categoryId, postId: post.id });
  }

  #requireReviewer(actor: Actor): Member {
    const reviewer = requireSignedIn(actor);
    const powers = isStaff(reviewer.role) ? [] : this.powersOf(reviewer.memberId);
    if (!guardian(reviewer).moderation.canReviewFlags(powers)) throw new MockApiError(403, 'forbidden', 'Only moderators, advisors and members trusted with review may do this.');
    return reviewer;
  }

  #openWeight(postId: number): number {
    return this.#flags.filter((f) => f.postId === postId && !f.resolved).reduce((sum, f) => sum + f.weight, 0);
  }

  #thread(threadId: number) {
    return found(() => this.store.threadRecord(threadId), `Thread ${threadId}`);
  }

  #post(postId: number): StoredPost {
    return found(() => this.store.storedPost(postId), `Post ${postId}`);
  }

  #lifecycleOf(threadId: number): LifecycleThread {
    const thread = this.#thread(threadId);
    const summary = this.store.summary(threadId);
    return { id: threadId, status: thread.status, mergedIntoId: thread.mergedIntoId ?? null, hasAcceptedAnswer: summary.acceptedPostId !== null, replyCount: summary.replyCount };
  }
}

function requireSignedIn(actor: Actor): Member {
  if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
  return actor;
}

function requireModerator(actor: Actor): Member {
  const member = requireSignedIn(actor);
  if (!guardian(member).moderation.canModerate()) throw new MockApiError(403, 'forbidden', 'Only moderators and advisors may do this.');
  return member;
}

const states = new WeakMap<MockStore, ModerationState>();

/** The one moderation state of a store, so private conversations write to the same audit log. */
export function moderationState(store: MockStore): ModerationState {
  let state = states.get(store);
  if (!state) states.set(store, (state = new ModerationState(store)));
  return state;
}

export function moderationHandlers({ store, route }: MockContext): HttpHandler[] {
  const state = moderationState(store);
  const id = (params: Record<string, unknown>, name: string) => positiveInt(param(params[name] as string | undefined), name);
  const reasonOf = async (request: Request) => text(await optionalBody(request, { reason: 'string' }), 'reason', 1, REASON_MAX);
  const lifecycle = (action: LifecycleAction) =>
    route(`${action}Thread`, async ({ request, params }) => {
      const threadId = id(params, 'threadId');
      const reason = await reasonOf(request);
      return HttpResponse.json(state.changeLifecycle(requireMember(store, request), threadId, action, reason));
    });

  return [
    route('listAudit', ({ request }) => {
      const q = query(request);
      const limit = positiveInt(q.get('limit'), 'limit', LIMITS.pageSizeDefault);
      if (limit > LIMITS.pageSizeMax) throw invalid('querystring', '/limit', `must be <= ${LIMITS.pageSizeMax}`);
      const cursor = q.get('cursor') ?? undefined;
      if (cursor !== undefined && cursor.length > 200) throw invalid('querystring', '/cursor', 'must not have more than 200 characters');
      const targetType = q.get('targetType') ?? undefined;
      if (targetType !== undefined && targetType.length > 40) throw invalid('querystring', '/targetType', 'must not have more than 40 characters');
      const targetId = q.has('targetId') ? positiveInt(q.get('targetId'), 'targetId') : undefined;
      return HttpResponse.json(state.listAudit(requireMember(store, request), { cursor, limit, targetType, targetId }));
    }),
    lifecycle('close'),
    lifecycle('reopen'),
    lifecycle('archive'),
    route('moveThread', async ({ request, params }) => {
      const threadId = id(params, 'threadId');
      const body = await readBody(request, { categoryId: 'number', reason: 'string' }, ['categoryId']);
      const categoryId = positiveInt(String(body.categoryId), 'categoryId');
      return HttpResponse.json(state.move(requireMember(store, request), threadId, categoryId, text(body, 'reason', 1, REASON_MAX)));
    }),
    route('mergeThread', async ({ request, params }) => {
      const threadId = id(params, 'threadId');
      const body = await readBody(request, { intoThreadId: 'number', reason: 'string' }, ['intoThreadId']);
      const intoThreadId = positiveInt(String(body.intoThreadId), 'intoThreadId');
      return HttpResponse.json(state.merge(requireMember(store, request), threadId, intoThreadId, text(body, 'reason', 1, REASON_MAX)));
    }),
    route('flagPost', async ({ request, params }) => {
      const postId = id(params, 'postId');
      const body = await readBody(request, { reason: 'string', note: 'string' }, ['reason']);
      const reason = allowedValue(String(body.reason), 'body', FLAG_REASONS, 'reason') as FlagReason;
      const note = text(body, 'note', 0, REASON_MAX);
      return HttpResponse.json(state.flag(requireMember(store, request), postId, { reason, note }), { status: 201 });
    }),
    route('moderationQueue', ({ request }) => HttpResponse.json(state.queue(requireMember(store, request)))),
    route('hidePost', async ({ request, params }) => {
      const postId = id(params, 'postId');
      const body = await readBody(request, { reason: 'string' }, ['reason']);
      return HttpResponse.json(state.hide(requireMember(store, request), postId, text(body, 'reason', 1, REASON_MAX)!));
    }),
    route('restorePost', async ({ request, params }) => {
      const postId = id(params, 'postId');
      const reason = await reasonOf(request);
      return HttpResponse.json(state.restore(requireMember(store, request), postId, reason));
    }),
    route('grantPower', async ({ request, params }) => {
      const memberId = id(params, 'memberId');
      const body = await readBody(request, { power: 'string' }, ['power']);
      const power = allowedValue(String(body.power), 'body', MODERATION_POWERS, 'power') as ModerationPower;
      return HttpResponse.json(state.grant(requireMember(store, request), memberId, power, true), { status: 201 });
    }),
    route('revokePower', ({ request, params }) => {
      const memberId = id(params, 'memberId');
      const power = allowedValue(param(params.power) ?? '', 'params', MODERATION_POWERS, 'power') as ModerationPower;
      return HttpResponse.json(state.grant(requireMember(store, request), memberId, power, false));
    }),
  ];
}
