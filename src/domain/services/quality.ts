/**
 * The managers' monthly quality review (study §11): "managers review two or three messages per
 * advisor each month" on a qualitative grid. The sample is random but reproducible (seeded by
 * month and advisor, src/core/review.ts), and the rubrics saved on it are shown with it.
 */
import type { Rubric, RubricInput, ReviewSample, ReviewSampleItem } from '../../contract/areas/review.ts';
import { isAdvisor, ApiError, guardian, type Actor } from '../../core/index.ts';
import { parseReviewMonth, pickReviewSample, REVIEW_SAMPLE_SIZE, rubricProblems } from '../../core/review.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import { decoratePosts } from '../repo/interactions.ts';
import { toAuthor } from '../repo/members.ts';
import { advisorPostsInMonth, findReviewedPost, postsWithTitles, rubricsOf, upsertRubric } from '../repo/quality.ts';
import { toPost } from '../repo/threads.ts';

function requireManager(actor: Actor): Extract<Actor, { memberId: number }> {
  return guardian(actor).review.ensureReviewQuality();
}

async function sampleItems(db: Queryable, community: CommunityContext, postIds: readonly number[]): Promise<ReviewSampleItem[]> {
  if (postIds.length === 0) return [];
  const rows = await postsWithTitles(db, postIds);
  const posts = await decoratePosts(db, community, rows.map((row) => toPost(row, community)));
  const rubrics = await rubricsOf(db, postIds);
  return posts.map((post, index) => ({ threadId: post.threadId, threadTitle: rows[index]?.title ?? '', post, rubric: rubrics.get(post.id) ?? null }));
}

export async function reviewSample({ db, community }: ServiceContext, { actor, month }: { actor: Actor; month: string }): Promise<ReviewSample> {
  requireManager(actor);
  const range = parseReviewMonth(month);
  if (!range) throw new ApiError('validation_failed', `month must be a month written YYYY-MM, got "${month}".`, [{ in: 'querystring', path: '/month', message: 'is not a month' }]);
  const advisors = await advisorPostsInMonth(db, community, range.start, range.end);
  const now = new Date();
  const result: ReviewSample['advisors'] = [];
  for (const advisor of advisors) {
    const postIds = advisor.post_ids.map(Number);
    const picked = pickReviewSample(range.month, advisor.id, postIds);
    result.push({ advisor: toAuthor(advisor.author, community.ladder, now), postCount: postIds.length, items: await sampleItems(db, community, picked) });
  }
  return { month: range.month, perAdvisor: REVIEW_SAMPLE_SIZE, advisors: result };
}

/** Saves (or replaces) the rubric of an advisor's public reply. */
export async function saveRubric({ db, community }: ServiceContext, { actor, postId, body: input }: { actor: Actor; postId: number; body: RubricInput }): Promise<Rubric> {
  const manager = requireManager(actor);
  const problems = rubricProblems(input);
  if (problems.length) throw new ApiError('validation_failed', 'Scores go from 1 to 4.', problems.map((p) => ({ in: 'body', ...p })));
  return db.transaction(async (tx) => {
    const post = await findReviewedPost(tx, community, postId);
    if (!post || post.hidden) throw notFound(`Post ${postId}`);
    if (!isAdvisor(post.role) || post.kind !== 'reply') {
      throw new ApiError('validation_failed', 'Only advisors’ public replies are reviewed.', [{ in: 'params', path: '/postId', message: 'is not an advisor reply' }]);
    }
    await upsertRubric(tx, community, { ...input, postId, reviewerId: manager.memberId, comment: (input.comment ?? '').trim() });
    const rubric = (await rubricsOf(tx, [postId])).get(postId);
    if (!rubric) throw new Error('saved rubric not found');
    return rubric;
  });
}
