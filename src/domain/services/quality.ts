/**
 * The managers' monthly quality review (study §11): "managers review two or three messages per
 * advisor each month" on a qualitative grid. The sample is random but reproducible (seeded by
 * month and advisor, src/core/review.ts), and the rubrics saved on it are shown with it.
 */
import type { Rubric, RubricInput, ReviewSample, ReviewSampleItem } from '../../contract/areas/review.ts';
import { type Role, isAdvisor, ApiError, guardian, type Actor } from '../../core/index.ts';
import { parseReviewMonth, pickReviewSample, REVIEW_SAMPLE_SIZE, rubricAverage, rubricProblems } from '../../core/review.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import { decoratePosts } from '../repo/interactions.ts';
import { authorJson, toAuthor, type AuthorRow } from '../repo/members.ts';
import { POST_SELECT, toPost } from '../repo/threads.ts';

function requireManager(actor: Actor): Extract<Actor, { memberId: number }> {
  return guardian(actor).review.ensureReviewQuality();
}

interface RubricRow {
  post_id: number;
  accuracy: number;
  clarity: number;
  tone: number;
  involvement: number;
  comment: string;
  reviewer_id: number;
  reviewer_pseudonym: string;
  updated_at: Date;
}

function toRubric(row: RubricRow): Rubric {
  const scores = { accuracy: row.accuracy, clarity: row.clarity, tone: row.tone, involvement: row.involvement };
  return {
    postId: row.post_id, ...scores, comment: row.comment, average: rubricAverage(scores),
    reviewer: { id: row.reviewer_id, pseudonym: row.reviewer_pseudonym }, updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function rubricsOf(db: Queryable, postIds: readonly number[]): Promise<Map<number, Rubric>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.query<RubricRow>(
    `select r.post_id, r.accuracy, r.clarity, r.tone, r.involvement, r.comment, r.reviewer_id, m.pseudonym as reviewer_pseudonym, r.updated_at
     from quality_rubrics r join members m on m.id = r.reviewer_id where r.post_id = any($1::int[])`,
    [postIds],
  );
  return new Map(rows.map((row) => [row.post_id, toRubric(row)]));
}

/** Every advisor of the community, with the ids of their visible public replies in the month. */
async function advisorPostsInMonth(db: Queryable, community: CommunityContext, start: Date, end: Date) {
  return db.query<{ author: AuthorRow; id: number; post_ids: number[] }>(
    `select ${authorJson('m')} as author, m.id,
       array(select p.id from posts p join threads t on t.id = p.thread_id
             where p.author_id = m.id and p.kind = 'reply' and not p.hidden and p.created_at >= $2 and p.created_at < $3) as post_ids
     from members m where m.community_id = $1 and m.role = 'advisor' order by m.pseudonym, m.id`,
    [community.id, start, end],
  );
}

async function sampleItems(db: Queryable, community: CommunityContext, postIds: readonly number[]): Promise<ReviewSampleItem[]> {
  if (postIds.length === 0) return [];
  const rows = await db.query<Parameters<typeof toPost>[0] & { title: string }>(
    `select q.*, t.title from (${POST_SELECT} where p.id = any($1::int[])) q join threads t on t.id = q.thread_id order by q.id`,
    [postIds],
  );
  const posts = await decoratePosts(db, community, rows.map((row) => toPost(row, community)));
  const rubrics = await rubricsOf(db, postIds);
  return posts.map((post, index) => ({ threadId: post.threadId, threadTitle: rows[index]?.title ?? '', post, rubric: rubrics.get(post.id) ?? null }));
}

export async function reviewSample(db: Database, community: CommunityContext, actor: Actor, month: string): Promise<ReviewSample> {
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
export async function saveRubric(db: Database, community: CommunityContext, actor: Actor, postId: number, input: RubricInput): Promise<Rubric> {
  const manager = requireManager(actor);
  const problems = rubricProblems(input);
  if (problems.length) throw new ApiError('validation_failed', 'Scores go from 1 to 4.', problems.map((p) => ({ in: 'body', ...p })));
  return db.transaction(async (tx) => {
    const [post] = await tx.query<{ role: Role; kind: string; hidden: boolean }>(
      `select m.role, p.kind, p.hidden from posts p join members m on m.id = p.author_id join threads t on t.id = p.thread_id
       join categories c on c.id = t.category_id where p.id = $1 and c.community_id = $2`,
      [postId, community.id],
    );
    if (!post || post.hidden) throw notFound(`Post ${postId}`);
    if (!isAdvisor(post.role) || post.kind !== 'reply') {
      throw new ApiError('validation_failed', 'Only advisors’ public replies are reviewed.', [{ in: 'params', path: '/postId', message: 'is not an advisor reply' }]);
    }
    await tx.query(
      `insert into quality_rubrics (post_id, community_id, reviewer_id, accuracy, clarity, tone, involvement, comment) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (post_id) do update set reviewer_id = excluded.reviewer_id, accuracy = excluded.accuracy, clarity = excluded.clarity,
         tone = excluded.tone, involvement = excluded.involvement, comment = excluded.comment, updated_at = now()`,
      [postId, community.id, manager.memberId, input.accuracy, input.clarity, input.tone, input.involvement, (input.comment ?? '').trim()],
    );
    const rubric = (await rubricsOf(tx, [postId])).get(postId);
    if (!rubric) throw new Error('saved rubric not found');
    return rubric;
  });
}
