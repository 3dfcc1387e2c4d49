/**
 * Mocks of the managers' monthly quality review (src/contract/areas/review.ts, routes
 * `getReviewSample` and `saveRubric`), copied from the server's `services/quality.ts`: the
 * schema's checks first (month pattern, scores 1–4, no extra field), then 401 for guests, 403
 * for anyone but a moderator, then the service's checks (a real month, a visible advisor reply).
 * The sample uses the same core rule (`pickReviewSample`), so it is reproducible per month and
 * advisor, and the rubrics saved here are shown with it.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { Rubric, ReviewSample, ReviewSampleItem } from '../../contract/areas/review.ts';
import { isSignedIn, guardian, type Actor } from '../../core/index.ts';
import { parseReviewMonth, pickReviewSample, REVIEW_SAMPLE_SIZE, RUBRIC_CRITERIA, rubricAverage, rubricProblems, type RubricScores } from '../../core/review.ts';
import { actorOf, param, positiveInt, query, readBody, type MockContext } from '../http.ts';
import { MockApiError, type MockStore, type StoredPost } from '../store.ts';

type Manager = Extract<Actor, { memberId: number }>;

const RUBRIC_COMMENT_MAX = 2000;
const MONTH_PATTERN = /^[0-9]{4}-[0-9]{2}$/;

interface RubricRecord extends RubricScores {
  postId: number;
  comment: string;
  reviewerId: number;
  updatedAt: string;
}

const invalid = (where: 'body' | 'querystring' | 'params', path: string, message: string) =>
  new MockApiError(400, 'validation_failed', `${path.slice(1)} ${message}.`, [{ in: where, path, message }]);

function requireManager(store: MockStore, request: Request): Manager {
  const actor = actorOf(store, request);
  if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
  if (!guardian(actor).review.canReviewQuality()) throw new MockApiError(403, 'forbidden', 'Only managers (moderators) review the quality of advisor posts.');
  return actor;
}

/** The schema's checks on the rubric body: whole scores 1–4 and a short optional comment. */
function checkRubricBody(body: Record<string, unknown>): RubricScores & { comment: string } {
  const problems = rubricProblems(body);
  const first = problems[0];
  if (first) throw new MockApiError(400, 'validation_failed', 'Scores go from 1 to 4.', problems.map((p) => ({ in: 'body', ...p })));
  const comment = body.comment ?? '';
  if (typeof comment !== 'string') throw invalid('body', '/comment', 'must be string');
  if (comment.length > RUBRIC_COMMENT_MAX) throw invalid('body', '/comment', `must not have more than ${RUBRIC_COMMENT_MAX} characters`);
  const scores = Object.fromEntries(RUBRIC_CRITERIA.map((criterion) => [criterion, body[criterion] as number])) as RubricScores;
  return { ...scores, comment: comment.trim() };
}

/** The rubrics saved in one mocked community. */
export class QualityReviewState {
  readonly #store: MockStore;
  readonly #rubrics = new Map<number, RubricRecord>();

  constructor(store: MockStore) {
    this.#store = store;
  }

  sample(month: string): ReviewSample {
    const range = parseReviewMonth(month);
    if (!range) throw invalid('querystring', '/month', 'is not a month');
    const start = range.start.toISOString();
    const end = range.end.toISOString();
    const advisors = this.#store.members()
      .filter((member) => this.#store.memberRecord(member.id).role === 'advisor')
      .sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : a.id - b.id));
    return {
      month: range.month,
      perAdvisor: REVIEW_SAMPLE_SIZE,
      advisors: advisors.map((advisor) => {
        const postIds = this.#visibleReplies(advisor.id).filter((post) => post.createdAt >= start && post.createdAt < end).map((post) => post.id);
        const picked = pickReviewSample(range.month, advisor.id, postIds);
        return { advisor, postCount: postIds.length, items: picked.map((postId) => this.#item(postId)) };
      }),
    };
  }

  save(manager: Manager, postId: number, input: RubricScores & { comment: string }): Rubric {
    const post = this.#store.storedPosts().find((p) => p.id === postId);
    if (!post || post.hidden) throw new MockApiError(404, 'not_found', `Post ${postId} does not exist.`);
    if (this.#store.memberRecord(post.authorId).role !== 'advisor' || post.kind !== 'reply') {
      throw new MockApiError(400, 'validation_failed', 'Only advisors’ public replies are reviewed.', [{ in: 'params', path: '/postId', message: 'is not an advisor reply' }]);
    }
    const record: RubricRecord = { ...input, postId, reviewerId: manager.memberId, updatedAt: this.#store.now().toISOString() };
    this.#rubrics.set(postId, record);
    return this.#rubric(record);
  }

  #visibleReplies(authorId: number): StoredPost[] {
    return this.#store.storedPosts().filter((post) => post.authorId === authorId && post.kind === 'reply' && !post.hidden);
  }

  #item(postId: number): ReviewSampleItem {
    const post = this.#store.storedPost(postId);
    const record = this.#rubrics.get(postId);
    return { threadId: post.threadId, threadTitle: this.#store.threadRecord(post.threadId).title, post: this.#store.postView(post), rubric: record ? this.#rubric(record) : null };
  }

  #rubric(record: RubricRecord): Rubric {
    const { reviewerId, ...rest } = record;
    const scores = { accuracy: rest.accuracy, clarity: rest.clarity, tone: rest.tone, involvement: rest.involvement };
    return { ...rest, ...scores, average: rubricAverage(scores), reviewer: { id: reviewerId, pseudonym: this.#store.author(reviewerId).pseudonym } };
  }
}

/** Routes `getReviewSample`, `saveRubric`. */
export function reviewQualityHandlers({ store, route }: MockContext): HttpHandler[] {
  const quality = new QualityReviewState(store);
  return [
    route('getReviewSample', ({ request }) => {
      const month = query(request).get('month');
      if (month === null) throw invalid('querystring', '/month', 'is required');
      if (!MONTH_PATTERN.test(month)) throw invalid('querystring', '/month', `must match pattern "${MONTH_PATTERN.source}"`);
      requireManager(store, request);
      return HttpResponse.json(quality.sample(month));
    }),
    route('saveRubric', async ({ request, params }) => {
      const postId = positiveInt(param(params.postId), 'postId');
      const body = await readBody(request, { accuracy: 'number', clarity: 'number', tone: 'number', involvement: 'number', comment: 'string' }, [...RUBRIC_CRITERIA]);
      const input = checkRubricBody(body);
      return HttpResponse.json(quality.save(requireManager(store, request), postId, input));
    }),
  ];
}
