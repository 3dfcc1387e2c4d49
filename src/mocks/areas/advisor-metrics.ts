/**
 * `GET /metrics` in the mocks, counted as `src/domain/services/metrics.ts` counts in SQL: the
 * threads asked in the range, who answered first and how fast, accepted answers, the circles
 * of participation, and each advisor's posts — shares and circles from `src/core/metrics.ts`.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import { guardian } from '../../core/index.ts';
import type { Metrics } from '../../contract/areas/advisor.ts';
import { countCircles, median, share } from '../../core/metrics.ts';
import { query, type MockContext } from '../http.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { boundedInt, requireRole, threadFacts, type ThreadFacts } from './advisor.ts';

const DAY = 86_400_000;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

interface FirstAnswer {
  byMember: boolean;
  delayMs: number;
}

function timestamp(value: string | null, name: string): Date | undefined {
  if (value === null) return undefined;
  if (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new MockApiError(400, 'validation_failed', `Invalid querystring: /${name} must match format "date-time"`, [{ in: 'querystring', path: `/${name}`, message: 'must match format "date-time"' }]);
  }
  return new Date(value);
}

function firstAnswer(store: MockStore, facts: ThreadFacts): FirstAnswer | undefined {
  const post = facts.visiblePosts.find((candidate) => candidate.kind === 'reply' && candidate.authorId !== facts.askerId);
  if (!post) return undefined;
  return { byMember: store.memberRecord(post.authorId).role === 'member', delayMs: Date.parse(post.createdAt) - Date.parse(facts.summary.createdAt) };
}

const figures = (byMembers: number, byAdvisors: number) => ({ total: byMembers + byAdvisors, byMembers, byAdvisors, memberShare: share(byMembers, byMembers + byAdvisors) });

/** Replies to other people's threads and questions asked in the range, per member (role member only). */
function circles(store: MockStore, inRange: (at: string) => boolean, categoryId: number | undefined): Metrics['circles'] {
  const activity = new Map<number, { replies: number; threads: number }>();
  for (const post of store.storedPosts()) {
    const thread = store.threadRecord(post.threadId);
    if (!inRange(post.createdAt) || (categoryId !== undefined && thread.categoryId !== categoryId)) continue;
    if (store.memberRecord(post.authorId).role !== 'member') continue;
    const entry = activity.get(post.authorId) ?? { replies: 0, threads: 0 };
    if (post.kind === 'question') entry.threads += 1;
    else if (post.kind === 'reply' && post.authorId !== store.postsOf(post.threadId)[0]?.authorId) entry.replies += 1;
    activity.set(post.authorId, entry);
  }
  return countCircles([...activity.values()]);
}

export function communityMetrics(store: MockStore, query: { from?: Date; to?: Date; categoryId?: number }): Metrics {
  const to = query.to ?? store.now();
  const from = query.from ?? new Date(to.getTime() - 30 * DAY);
  if (!(from < to)) throw new MockApiError(400, 'validation_failed', '`from` must be before `to`.', [{ in: 'querystring', path: '/from', message: 'after to' }]);
  const inRange = (at: string) => Date.parse(at) >= from.getTime() && Date.parse(at) < to.getTime();
  const scope = store.threadRecords()
    .filter((record) => query.categoryId === undefined || record.categoryId === query.categoryId)
    .map((record) => threadFacts(store, record.id))
    .filter((facts) => !facts.merged && inRange(facts.summary.createdAt));
  const answers = new Map(scope.map((facts) => [facts.summary.id, firstAnswer(store, facts)]));
  const categoryIds = [...new Set(scope.map((facts) => facts.summary.categoryId))].sort((a, b) => a - b);
  const categories = categoryIds.map((categoryId) => {
    const threads = scope.filter((facts) => facts.summary.categoryId === categoryId);
    const first = threads.map((facts) => answers.get(facts.summary.id)).filter((answer) => answer !== undefined);
    return {
      categoryId, threads: threads.length, solved: threads.filter((facts) => facts.solved).length,
      firstAnswersByMembers: first.filter((answer) => answer.byMember).length, firstAnswersByAdvisors: first.filter((answer) => !answer.byMember).length,
    };
  });
  const allFirst = [...answers.values()].filter((answer) => answer !== undefined);
  const medianOf = (byMember: boolean) => {
    const value = median(allFirst.filter((answer) => answer.byMember === byMember).map((answer) => answer.delayMs));
    return value === null ? null : Math.round(value);
  };
  const acceptedAuthors = scope.flatMap((facts) => (facts.summary.acceptedPostId === null ? [] : [store.storedPost(facts.summary.acceptedPostId).authorId]));
  const acceptedByMembers = acceptedAuthors.filter((authorId) => store.memberRecord(authorId).role === 'member').length;
  const threads = scope.length;
  const solved = categories.reduce((total, row) => total + row.solved, 0);
  return {
    from: from.toISOString(), to: to.toISOString(), threads, solved, solvedRate: share(solved, threads),
    firstAnswers: figures(allFirst.filter((answer) => answer.byMember).length, allFirst.filter((answer) => !answer.byMember).length),
    acceptedAnswers: figures(acceptedByMembers, acceptedAuthors.length - acceptedByMembers),
    medianFirstAnswerMs: { members: medianOf(true), advisors: medianOf(false) },
    categories,
    advisors: advisorFigures(store, inRange, query.categoryId, acceptedAuthors),
    circles: circles(store, inRange, query.categoryId),
  };
}

/** Every advisor with their posts in the range and the scope's answers of theirs that were accepted. */
function advisorFigures(store: MockStore, inRange: (at: string) => boolean, categoryId: number | undefined, acceptedAuthors: number[]): Metrics['advisors'] {
  return store.members()
    .filter((member) => member.role === 'advisor')
    .map((advisor) => ({
      advisor: { id: advisor.id, pseudonym: advisor.pseudonym },
      posts: store.storedPosts().filter((post) => post.authorId === advisor.id && inCategory(store, post.threadId, categoryId) && inRange(post.createdAt)).length,
      accepted: acceptedAuthors.filter((authorId) => authorId === advisor.id).length,
      // "Assisted by" credit is the interactions area's; the mocks hold none.
      assisted: 0,
    }))
    .sort((a, b) => b.posts - a.posts || a.advisor.id - b.advisor.id);
}

/** Hidden posts count too, like the server's count of an advisor's posts. */
function inCategory(store: MockStore, threadId: number, categoryId: number | undefined): boolean {
  return categoryId === undefined || store.threadRecord(threadId).categoryId === categoryId;
}

export function metricsHandler({ store, route }: MockContext): HttpHandler {
  return route('getMetrics', ({ request }) => {
    const q = query(request);
    const from = timestamp(q.get('from'), 'from');
    const to = timestamp(q.get('to'), 'to');
    const categoryId = boundedInt(q.get('categoryId'), 'categoryId', 1, Number.MAX_SAFE_INTEGER);
    requireRole(store, request, (actor) => guardian(actor).staff.canSeeMetrics(), 'see the metrics');
    return HttpResponse.json(communityMetrics(store, { from, to, categoryId }));
  });
}
