/**
 * SQL of the managers' monthly quality review (../services/quality.ts picks the sample and
 * checks the scores): advisors' replies of a month, and the rubrics saved on them.
 */
import type { Rubric, RubricInput } from '../../contract/areas/review.ts';
import type { Role } from '../../core/index.ts';
import { rubricAverage } from '../../core/review.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, type AuthorRow } from './members.ts';
import { POST_SELECT, type PostRow } from './threads.ts';

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

export async function rubricsOf(db: Queryable, postIds: readonly number[]): Promise<Map<number, Rubric>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.query<RubricRow>(
    `select r.post_id, r.accuracy, r.clarity, r.tone, r.involvement, r.comment, r.reviewer_id, m.pseudonym as reviewer_pseudonym, r.updated_at
     from quality_rubrics r join members m on m.id = r.reviewer_id where r.post_id = any($1::int[])`,
    [postIds],
  );
  return new Map(rows.map((row) => [row.post_id, toRubric(row)]));
}

/** Every advisor of the community, with the ids of their visible public replies in the month. */
export async function advisorPostsInMonth(db: Queryable, community: CommunityContext, start: Date, end: Date) {
  return db.query<{ author: AuthorRow; id: number; post_ids: number[] }>(
    `select ${authorJson('m')} as author, m.id,
       array(select p.id from posts p join threads t on t.id = p.thread_id
             where p.author_id = m.id and p.kind = 'reply' and not p.hidden and p.created_at >= $2 and p.created_at < $3) as post_ids
     from members m where m.community_id = $1 and m.role = 'advisor' order by m.pseudonym, m.id`,
    [community.id, start, end],
  );
}

/** The posts with their thread's title, in id order. */
export async function postsWithTitles(db: Queryable, postIds: readonly number[]): Promise<Array<PostRow & { title: string }>> {
  return db.query<PostRow & { title: string }>(
    `select q.*, t.title from (${POST_SELECT} where p.id = any($1::int[])) q join threads t on t.id = q.thread_id order by q.id`,
    [postIds],
  );
}

/** What a rubric needs to know of a post of this community; undefined when unknown. */
export async function findReviewedPost(db: Queryable, community: CommunityContext, postId: number): Promise<{ role: Role; kind: string; hidden: boolean } | undefined> {
  const [post] = await db.query<{ role: Role; kind: string; hidden: boolean }>(
    `select m.role, p.kind, p.hidden from posts p join members m on m.id = p.author_id join threads t on t.id = p.thread_id
     join categories c on c.id = t.category_id where p.id = $1 and c.community_id = $2`,
    [postId, community.id],
  );
  return post;
}

/** Saves the reviewer's rubric on the post, replacing any earlier one. */
export async function upsertRubric(tx: Queryable, community: CommunityContext, rubric: RubricInput & { postId: number; reviewerId: number; comment: string }): Promise<void> {
  await tx.query(
    `insert into quality_rubrics (post_id, community_id, reviewer_id, accuracy, clarity, tone, involvement, comment) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (post_id) do update set reviewer_id = excluded.reviewer_id, accuracy = excluded.accuracy, clarity = excluded.clarity,
       tone = excluded.tone, involvement = excluded.involvement, comment = excluded.comment, updated_at = now()`,
    [rubric.postId, community.id, rubric.reviewerId, rubric.accuracy, rubric.clarity, rubric.tone, rubric.involvement, rubric.comment],
  );
}
