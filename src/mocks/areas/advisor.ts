/**
 * The advisor area in the mocks (`src/contract/areas/advisor.ts`): advisor-now marks, the queue
 * by urgency, expert suggestions, collective-problem alerts, incidents and metrics. Each route
 * copies `src/server/routes/areas/advisor.ts` and its services: the same core rules (holdback,
 * detection, permissions), the same shapes, the same refusals in the same order (validation,
 * then 401 for guests, then 403 for the wrong role, then 404).
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { AdvisorQueue, AlertList, ExpertList, QueueItem } from '../../contract/areas/advisor.ts';
import type { ThreadSummary } from '../../contract/models.ts';
import { isSignedIn, computeHoldback, decimalInteger, DEFAULT_HOLDBACK_MINUTES, detectCollectiveProblems, guardian, type Actor, type Signal } from '../../core/index.ts';
import { actorOf, param, positiveInt, query, readBody, type MockContext } from '../http.ts';
import { MockApiError, type MockStore, type StoredPost } from '../store.ts';
import { incidentHandlers } from './incidents.ts';
import { moderationState } from './moderation.ts';
import { metricsHandler } from './advisor-metrics.ts';

/** A confirmation date another area of the mocks may set on a thread record; read when present. */
interface AdvisorThreadFields {
  confirmedAt?: string | null;
}

/** What the advisor routes need to know about one thread, computed from the store. */
export interface ThreadFacts {
  summary: ThreadSummary;
  askerId: number;
  visiblePosts: StoredPost[];
  needsAccount: boolean;
  advisorNowAt: string | null;
  solved: boolean;
  merged: boolean;
}

const advisorNowByStore = new WeakMap<MockStore, Map<number, string>>();

function advisorNowMarks(store: MockStore): Map<number, string> {
  let marks = advisorNowByStore.get(store);
  if (!marks) advisorNowByStore.set(store, (marks = new Map<number, string>()));
  return marks;
}

const roleOf = (store: MockStore, memberId: number) => store.memberRecord(memberId).role;

/** The facts behind a summary; reads no summary itself, since the store calls it while building one. */
function factsOf(store: MockStore, summary: ThreadSummary): ThreadFacts {
  const record = store.threadRecord(summary.id) as ReturnType<MockStore['threadRecord']> & AdvisorThreadFields;
  const visiblePosts = store.postsOf(summary.id).filter((post) => !post.hidden);
  // Confirmations are the interactions area's: they show on the advisor's post as reads give it.
  const confirmed = Boolean(record.confirmedAt)
    || visiblePosts.some((post) => roleOf(store, post.authorId) === 'advisor' && store.postView(post).confirmation !== undefined);
  return {
    summary, askerId: summary.author.id, visiblePosts, needsAccount: record.needsAccount ?? false,
    advisorNowAt: advisorNowMarks(store).get(summary.id) ?? null, solved: summary.acceptedPostId !== null || confirmed, merged: record.mergedIntoId !== undefined,
  };
}

export function threadFacts(store: MockStore, threadId: number): ThreadFacts {
  return factsOf(store, store.summary(threadId));
}

// The mock categories keep the server's default holdback (categories.holdback_minutes default 180).
const HOLDBACK_MINUTES = DEFAULT_HOLDBACK_MINUTES;

function holdbackOf(store: MockStore, facts: ThreadFacts) {
  const { summary } = facts;
  return computeHoldback({
    createdAt: new Date(summary.createdAt), holdbackMinutes: HOLDBACK_MINUTES, needsAccount: facts.needsAccount,
    advisorFlagged: facts.advisorNowAt !== null, hasAcceptedOrConfirmedAnswer: facts.solved,
    closed: summary.status === 'closed' || summary.status === 'archived' || facts.merged, now: store.now(),
  });
}

const extended = new WeakSet<MockStore>();

/** Every thread summary of the store carries its holdback, as the server's thread reads do. */
function addHoldbackToSummaries(store: MockStore): void {
  if (extended.has(store)) return;
  extended.add(store);
  store.extend({
    thread: (summary) => {
      const holdback = holdbackOf(store, factsOf(store, summary));
      return { holdback: { state: holdback.state, dueAt: holdback.dueAt.toISOString() } };
    },
  });
}

/** A reply by a member other than the asker: the community answered (queue.ts COMMUNITY_ANSWER). */
function hasCommunityAnswer(store: MockStore, facts: ThreadFacts): boolean {
  return facts.visiblePosts.some((post) => post.kind === 'reply' && post.authorId !== facts.askerId && roleOf(store, post.authorId) === 'member');
}

/** Waiting for an advisor: open or answered, nothing accepted or confirmed, and the customer did not get the last word from staff. */
function waitsForAdvisor(store: MockStore, facts: ThreadFacts): boolean {
  if (facts.solved || facts.merged || !['open', 'answered'].includes(facts.summary.status)) return false;
  const last = facts.visiblePosts.at(-1);
  return !last || roleOf(store, last.authorId) === 'member';
}

function queueItem(store: MockStore, facts: ThreadFacts, urgency: number): QueueItem {
  const holdback = holdbackOf(store, facts);
  const { summary } = facts;
  return {
    kind: urgency === 0 ? 'advisor-now' : urgency === 1 ? 'advisor-due' : 'awaiting-confirmation',
    holdback: holdback.state,
    thread: {
      id: summary.id, categoryId: summary.categoryId, title: summary.title, status: summary.status, needsAccount: facts.needsAccount,
      replyCount: summary.replyCount, createdAt: summary.createdAt,
    },
    postId: null,
    flagWeight: null,
    hasCommunityAnswer: hasCommunityAnswer(store, facts),
    dueAt: holdback.dueAt.toISOString(),
    msLeft: holdback.state === 'community-time' ? holdback.msLeft : null,
    msOverdue: holdback.state === 'advisor-due' || holdback.state === 'advisor-now' ? holdback.msOverdue : null,
  };
}

/** Posts with open flags (the moderation area's), heaviest first, as the server's flaggedPosts. */
function flaggedPosts(store: MockStore, staff: Actor, categoryId: number | undefined, limit: number): QueueItem[] {
  const now = store.now().getTime();
  return moderationState(store).queue(staff).items
    .filter((item) => categoryId === undefined || store.threadRecord(item.post.threadId).categoryId === categoryId)
    .slice(0, limit)
    .map((item) => {
      const { summary, needsAccount } = threadFacts(store, item.post.threadId);
      const firstAt = item.flags.map((flag) => flag.createdAt).sort()[0] ?? store.now().toISOString();
      return {
        kind: 'flagged-post', holdback: 'advisor-now',
        thread: { id: summary.id, categoryId: summary.categoryId, title: summary.title, status: summary.status, needsAccount, replyCount: summary.replyCount, createdAt: summary.createdAt },
        postId: item.post.id, flagWeight: item.totalWeight, hasCommunityAnswer: false, dueAt: firstAt, msLeft: null, msOverdue: Math.max(0, now - Date.parse(firstAt)),
      };
    });
}

/**
 * Urgency 0: advisor-now, 1: advisor-due, 2: community answer awaiting confirmation; threads in
 * community time without a member's answer are the community's. Flagged posts come last and
 * share the limit, as on the server.
 */
export function advisorQueue(store: MockStore, query: { categoryId?: number; limit: number }, staff: Actor): AdvisorQueue {
  const now = store.now();
  const ranked = store.threadRecords()
    .filter((record) => query.categoryId === undefined || record.categoryId === query.categoryId)
    .map((record) => threadFacts(store, record.id))
    .filter((facts) => waitsForAdvisor(store, facts))
    .map((facts) => {
      const due = new Date(facts.summary.createdAt).getTime() + HOLDBACK_MINUTES * 60_000 <= now.getTime();
      return { facts, urgency: facts.needsAccount || facts.advisorNowAt !== null ? 0 : due ? 1 : 2 };
    })
    .filter(({ facts, urgency }) => urgency < 2 || hasCommunityAnswer(store, facts));
  ranked.sort((a, b) => a.urgency - b.urgency || a.facts.summary.createdAt.localeCompare(b.facts.summary.createdAt) || a.facts.summary.id - b.facts.summary.id);
  const items = ranked.slice(0, query.limit).map(({ facts, urgency }) => queueItem(store, facts, urgency));
  if (items.length < query.limit) items.push(...flaggedPosts(store, staff, query.categoryId, query.limit - items.length));
  return { generatedAt: now.toISOString(), items };
}

/** Members credited in the thread's category (accepted answers, confirmation citations) who posted within `days`. */
export function suggestExperts(store: MockStore, query: { threadId: number; days: number; limit: number }): ExpertList {
  const { summary, askerId } = threadFacts(store, query.threadId);
  const credits = new Map<number, { accepted: number; confirmed: number }>();
  const credit = (memberId: number, field: 'accepted' | 'confirmed') => {
    const entry = credits.get(memberId) ?? { accepted: 0, confirmed: 0 };
    entry[field] += 1;
    credits.set(memberId, entry);
  };
  for (const record of store.threadRecords().filter((thread) => thread.categoryId === summary.categoryId)) {
    const accepted = store.summary(record.id).acceptedPostId;
    if (accepted !== null) credit(store.storedPost(accepted).authorId, 'accepted');
    for (const post of store.postsOf(record.id)) {
      const cited = store.postView(post).confirmation?.cited ?? [];
      for (const citation of cited) credit(citation.author.id, 'confirmed');
    }
  }
  const since = store.now().getTime() - query.days * 86_400_000;
  const lastPostAt = (memberId: number) => store.storedPosts().filter((post) => post.authorId === memberId).map((post) => post.createdAt).sort().at(-1);
  const items = [...credits]
    .map(([memberId, counts]) => ({ memberId, counts, last: lastPostAt(memberId) }))
    .filter(({ memberId, last }) => roleOf(store, memberId) === 'member' && memberId !== askerId && last !== undefined && Date.parse(last) >= since)
    .sort((a, b) => b.counts.accepted + b.counts.confirmed - (a.counts.accepted + a.counts.confirmed) || b.last!.localeCompare(a.last!) || a.memberId - b.memberId)
    .slice(0, query.limit)
    .map(({ memberId, counts, last }) => ({ member: store.author(memberId), acceptedCount: counts.accepted, confirmedCount: counts.confirmed, lastPostAt: last! }));
  return { categoryId: summary.categoryId, items };
}

const regionOf = (store: MockStore, memberId: number): string | null => store.memberRecord(memberId).region ?? null;

/** New threads and same-problem marks of the window, through core's detection. */
export function collectiveAlerts(store: MockStore, query: { threshold: number; windowMinutes: number }): AlertList {
  const now = store.now();
  const windowMs = query.windowMinutes * 60_000;
  const inWindow = (at: string) => Date.parse(at) >= now.getTime() - windowMs && Date.parse(at) <= now.getTime();
  const signals: Signal[] = [];
  for (const record of store.threadRecords()) {
    const facts = threadFacts(store, record.id);
    if (facts.merged || !inWindow(facts.summary.createdAt)) continue;
    signals.push({ kind: 'thread', threadId: record.id, categoryId: record.categoryId, region: regionOf(store, facts.askerId), title: record.title, at: new Date(facts.summary.createdAt) });
  }
  for (const mark of store.sameProblemMarks().filter((candidate) => inWindow(candidate.at))) {
    const record = store.threadRecord(mark.threadId);
    signals.push({ kind: 'same-problem', threadId: record.id, categoryId: record.categoryId, region: regionOf(store, mark.memberId), title: record.title, at: new Date(mark.at) });
  }
  const alerts = detectCollectiveProblems(signals, { now, threshold: query.threshold, windowMs });
  return {
    generatedAt: now.toISOString(), threshold: query.threshold, windowMinutes: query.windowMinutes,
    items: alerts.map((alert) => ({ ...alert, firstAt: alert.firstAt.toISOString(), lastAt: alert.lastAt.toISOString() })),
  };
}

/** An integer query parameter within the contract's bounds, or its default. */
export function boundedInt(value: string | null, name: string, min: number, max: number, fallback?: number): number | undefined {
  if (value === null) return fallback;
  const number = decimalInteger(value);
  if (number === undefined || number < min || number > max) {
    throw new MockApiError(400, 'validation_failed', `${name} must be an integer from ${min} to ${max}.`, [{ in: 'querystring', path: `/${name}`, message: `must be >= ${min} and <= ${max}` }]);
  }
  return number;
}

/** Guests are refused first (401, like the server's members-only hook), then the wrong role (403). */
export function requireRole(store: MockStore, request: Request, allowed: (actor: Actor) => boolean, what: string): Extract<Actor, { memberId: number }> {
  const actor = actorOf(store, request);
  if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
  if (!allowed(actor)) throw new MockApiError(403, 'forbidden', `Only staff may ${what}.`);
  return actor;
}

/** Every route of the advisor area. */
export function advisorHandlers(ctx: MockContext): HttpHandler[] {
  const { store, route } = ctx;
  addHoldbackToSummaries(store);
  return [
    route('markThreadUrgent', async ({ request, params }) => {
      const threadId = positiveInt(param(params.threadId), 'threadId');
      const { urgent = true } = await readBody(request, { urgent: 'boolean' }, []);
      requireRole(store, request, (actor) => guardian(actor).staff.canTriageThreads(), 'mark a thread urgent');
      const record = store.threadRecord(threadId);
      const marks = advisorNowMarks(store);
      if (urgent) marks.set(threadId, marks.get(threadId) ?? store.now().toISOString());
      else marks.delete(threadId);
      const thread = store.summary(threadId);
      store.publish({ type: 'thread-updated', threadId, categoryId: record.categoryId, thread });
      return HttpResponse.json(thread);
    }),
    route('getAdvisorQueue', ({ request }) => {
      const q = query(request);
      const categoryId = boundedInt(q.get('categoryId'), 'categoryId', 1, Number.MAX_SAFE_INTEGER);
      const limit = boundedInt(q.get('limit'), 'limit', 1, 200, 50)!;
      const staff = requireRole(store, request, (actor) => guardian(actor).staff.canSeeAdvisorQueue(), 'see the advisor queue');
      return HttpResponse.json(advisorQueue(store, { categoryId, limit }, staff));
    }),
    route('getExperts', ({ request }) => {
      const q = query(request);
      if (!q.has('threadId')) throw new MockApiError(400, 'validation_failed', 'threadId is required.', [{ in: 'querystring', path: '/threadId', message: 'is required' }]);
      const threadId = boundedInt(q.get('threadId'), 'threadId', 1, Number.MAX_SAFE_INTEGER)!;
      const days = boundedInt(q.get('days'), 'days', 1, 365, 30)!;
      const limit = boundedInt(q.get('limit'), 'limit', 1, 50, 10)!;
      requireRole(store, request, (actor) => guardian(actor).staff.canTriageThreads(), 'see expert suggestions');
      return HttpResponse.json(suggestExperts(store, { threadId, days, limit }));
    }),
    route('getCollectiveAlerts', ({ request }) => {
      const q = query(request);
      const threshold = boundedInt(q.get('threshold'), 'threshold', 2, 1000, 5)!;
      const windowMinutes = boundedInt(q.get('windowMinutes'), 'windowMinutes', 5, 7 * 24 * 60, 120)!;
      requireRole(store, request, (actor) => guardian(actor).staff.canTriageThreads(), 'see collective-problem alerts');
      return HttpResponse.json(collectiveAlerts(store, { threshold, windowMinutes }));
    }),
    metricsHandler(ctx),
    ...incidentHandlers(ctx),
  ];
}
