/**
 * Writes of the interactions area. Each is check → one transaction (row, exact counters,
 * live event) → answer; a refusal leaves nothing written. Rows that counters depend on are
 * locked first (`for update`), so concurrent clicks keep every counter exact.
 */
import type { Post, ThreadSummary } from '../../contract/index.ts';
import type { EditPost, KudosState, NewConfirmation, SameProblemState, Signature, ThreadState } from '../../contract/areas/interactions.ts';
import {
  ApiError, confirmationProblems, creditedMembers, guardian, needsEditReason, solutionProblem, statusAfterAccept, statusAfterUnaccept, type Actor, type CandidatePost,
  type Role, type ThreadStatus,
} from '../../core/index.ts';
import { markdownToText, renderMarkdown } from '../markdown.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import type { CommunityContext } from '../repo/community.ts';
import { writeAudit } from '../repo/audit.ts';
import { publishEvent } from '../repo/events.ts';
import { decoratePosts, renderSignature } from '../repo/interactions.ts';
import { findPost, findThreadRow, toThread } from '../repo/threads.ts';
import { EXCERPT_LENGTH } from './posting.ts';

type Member = Extract<Actor, { memberId: number }>;

export interface LockedThread {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  reply_count: number;
  accepted_post_id: number | null;
  merged_into_id: number | null;
}

/** The thread, locked for the rest of the transaction to write to it; 404 when it is not in this community, 409 when merged. */
export async function lockThread(tx: Queryable, community: CommunityContext, threadId: number): Promise<LockedThread> {
  const [thread] = await tx.query<LockedThread>(
    `select t.id, t.category_id, t.author_id, t.status, t.reply_count, t.accepted_post_id, t.merged_into_id
     from threads t join categories c on c.id = t.category_id
     where t.id = $1 and c.community_id = $2 for update of t`,
    [threadId, community.id],
  );
  if (!thread) throw notFound(`Thread ${threadId}`);
  refuseMerged(thread);
  return thread;
}

async function threadSummary(tx: Queryable, community: CommunityContext, threadId: number): Promise<ThreadSummary> {
  const row = await findThreadRow(tx, community, threadId);
  if (!row) throw new Error(`thread ${threadId} vanished`);
  return toThread(row, community);
}

export async function publishThread(tx: Queryable, community: CommunityContext, thread: LockedThread): Promise<ThreadSummary> {
  const summary = await threadSummary(tx, community, thread.id);
  await publishEvent(tx, community.id, { type: 'thread-updated', threadId: thread.id, categoryId: thread.category_id, thread: summary });
  return summary;
}

/** Posts with their author's role, as the rules in core/interactions.ts need them. */
async function candidatePosts(tx: Queryable, community: CommunityContext, postIds: readonly number[]): Promise<CandidatePost[]> {
  if (postIds.length === 0) return [];
  const rows = await tx.query<{ id: number; thread_id: number; kind: CandidatePost['kind']; author_id: number; role: Role; hidden: boolean }>(
    `select p.id, p.thread_id, p.kind, p.author_id, m.role, p.hidden from posts p join members m on m.id = p.author_id
     where p.id = any($1::int[]) and m.community_id = $2`,
    [postIds, community.id],
  );
  return rows.map((row) => ({ id: row.id, threadId: row.thread_id, kind: row.kind, authorId: row.author_id, authorRole: row.role, hidden: row.hidden }));
}

// ---------------------------------------------------------------------------------- kudos

async function lockPost(tx: Queryable, community: CommunityContext, postId: number) {
  const [post] = await tx.query<{ id: number; author_id: number; hidden: boolean; deleted_at: Date | null; thread_id: number; category_id: number }>(
    `select p.id, p.author_id, p.hidden, p.deleted_at, p.thread_id, t.category_id
     from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2 for update of p`,
    [postId, community.id],
  );
  if (!post || post.hidden) throw notFound(`Post ${postId}`);
  return post;
}

async function changeKudos(db: Database, community: CommunityContext, actor: Actor, postId: number, give: boolean): Promise<KudosState> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    if (give) guardian(member).posts.ensureGiveKudos({ authorId: post.author_id, hidden: post.hidden, deleted: post.deleted_at });
    const changed = give
      ? await tx.query('insert into kudos (post_id, member_id) values ($1, $2) on conflict do nothing returning post_id', [postId, member.memberId])
      : await tx.query('delete from kudos where post_id = $1 and member_id = $2 returning post_id', [postId, member.memberId]);
    if (changed.length === 0) {
      throw new ApiError('conflict', give ? 'You already gave kudos to this post.' : 'You have not given kudos to this post.');
    }
    const step = give ? 1 : -1;
    const [row] = await tx.query<{ kudos_count: number }>('update posts set kudos_count = kudos_count + $2 where id = $1 returning kudos_count', [postId, step]);
    await tx.query('update members set kudos_received = kudos_received + $2 where id = $1', [post.author_id, step]);
    const kudosCount = row?.kudos_count ?? 0;
    await publishEvent(tx, community.id, { type: 'kudos-changed', threadId: post.thread_id, categoryId: post.category_id, postId, kudosCount });
    return { postId, kudosCount, given: give };
  });
}

export const giveKudos = (db: Database, community: CommunityContext, actor: Actor, postId: number) => changeKudos(db, community, actor, postId, true);
export const takeBackKudos = (db: Database, community: CommunityContext, actor: Actor, postId: number) => changeKudos(db, community, actor, postId, false);

// ------------------------------------------------------------------------------- solution

function refuseSolution(actor: Member, thread: LockedThread): void {
  guardian(actor).threads.ensureAcceptSolution({ authorId: thread.author_id, status: thread.status });
}

export async function acceptSolution(db: Database, community: CommunityContext, actor: Actor, threadId: number, postId: number): Promise<ThreadState> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    refuseSolution(member, thread);
    const [post] = await candidatePosts(tx, community, [postId]);
    if (!post) throw notFound(`Post ${postId}`);
    const problem = solutionProblem({ id: thread.id, authorId: thread.author_id }, post);
    if (problem) throw new ApiError('validation_failed', problem, [{ in: 'body', path: '/postId', message: problem }]);
    if (thread.accepted_post_id === postId) throw new ApiError('conflict', 'This reply is already the accepted solution.');
    // Choosing another reply moves the credit from the previous author to the new one.
    await withdrawCredit(tx, thread.accepted_post_id);
    await tx.query('update threads set accepted_post_id = $2, status = $3 where id = $1', [threadId, postId, statusAfterAccept(thread.status)]);
    await tx.query('update members set accepted_count = accepted_count + 1 where id = $1', [post.authorId]);
    await auditStaffChoice(tx, member, thread, 'thread.solution-accept', postId);
    return { thread: await publishThread(tx, community, thread) };
  });
}

/** Staff choosing or withdrawing the solution for someone else's thread is a moderation act: audited. */
async function auditStaffChoice(tx: Queryable, member: Member, thread: LockedThread, action: string, postId: number | null): Promise<void> {
  if (member.memberId === thread.author_id) return;
  await writeAudit(tx, {
    actorId: member.memberId, action, targetType: 'thread', targetId: thread.id,
    before: { acceptedPostId: thread.accepted_post_id, status: thread.status }, after: { acceptedPostId: postId },
  });
}

async function withdrawCredit(tx: Queryable, acceptedPostId: number | null): Promise<void> {
  if (acceptedPostId === null) return;
  await tx.query(
    'update members set accepted_count = accepted_count - 1 where id = (select author_id from posts where id = $1) and accepted_count > 0',
    [acceptedPostId],
  );
}

/** Takes the accepted solution off the locked thread and its credit off its author; the status follows (`replyCount` as it is now). */
export async function clearSolution(tx: Queryable, thread: LockedThread, replyCount: number): Promise<void> {
  await withdrawCredit(tx, thread.accepted_post_id);
  await tx.query('update threads set accepted_post_id = null, status = coalesce($2, status) where id = $1', [thread.id, statusAfterUnaccept(thread.status, replyCount) ?? null]);
}

export async function withdrawSolution(db: Database, community: CommunityContext, actor: Actor, threadId: number): Promise<ThreadState> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    refuseSolution(member, thread);
    if (thread.accepted_post_id === null) throw new ApiError('conflict', 'This thread has no accepted solution.');
    await clearSolution(tx, thread, thread.reply_count);
    await auditStaffChoice(tx, member, thread, 'thread.solution-withdraw', null);
    return { thread: await publishThread(tx, community, thread) };
  });
}

// --------------------------------------------------------------------------- same problem

async function changeSameProblem(db: Database, community: CommunityContext, actor: Actor, threadId: number, mark: boolean): Promise<SameProblemState> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    if (mark) guardian(member).threads.ensureMarkSameProblem({ authorId: thread.author_id, status: thread.status });
    // The member's region is copied so collective-problem detection needs no join.
    const changed = mark
      ? await tx.query(
          `insert into same_problem_marks (thread_id, member_id, region) select $1, id, region from members where id = $2
           on conflict do nothing returning thread_id`,
          [threadId, member.memberId],
        )
      : await tx.query('delete from same_problem_marks where thread_id = $1 and member_id = $2 returning thread_id', [threadId, member.memberId]);
    if (changed.length === 0) throw new ApiError('conflict', mark ? 'You already said you have this problem.' : 'You had not said you have this problem.');
    const [row] = await tx.query<{ same_problem_count: number }>(
      'update threads set same_problem_count = same_problem_count + $2 where id = $1 returning same_problem_count',
      [threadId, mark ? 1 : -1],
    );
    await publishThread(tx, community, thread);
    return { threadId, sameProblemCount: row?.same_problem_count ?? 0, marked: mark };
  });
}

export const markSameProblem = (db: Database, community: CommunityContext, actor: Actor, threadId: number) => changeSameProblem(db, community, actor, threadId, true);
export const unmarkSameProblem = (db: Database, community: CommunityContext, actor: Actor, threadId: number) => changeSameProblem(db, community, actor, threadId, false);

// --------------------------------------------------------------------------- confirmation

async function checkConfirmation(tx: Queryable, community: CommunityContext, advisorId: number, threadId: number, input: NewConfirmation) {
  const citedPostIds = [...new Set(input.citedPostIds)];
  const assistedByIds = [...new Set(input.assistedByIds ?? [])];
  const faqArticleIds = [...new Set(input.faqArticleIds ?? [])];
  const citedPosts = await candidatePosts(tx, community, citedPostIds);
  const assistants = assistedByIds.length
    ? await tx.query<{ id: number; role: Role }>('select id, role from members where id = any($1::int[]) and community_id = $2', [assistedByIds, community.id])
    : [];
  const known = faqArticleIds.length
    ? await tx.query<{ id: number }>('select id from faq_articles where id = any($1::int[]) and community_id = $2', [faqArticleIds, community.id])
    : [];
  const problems = confirmationProblems({
    threadId, advisorId, citedPostIds, citedPosts, assistedByIds, assistants, faqArticleIds, knownFaqArticleIds: known.map((row) => row.id),
  });
  if (problems.length) {
    throw new ApiError('validation_failed', `Invalid confirmation: ${problems.map((p) => p.message).join('; ')}.`, problems.map((p) => ({ in: 'body', ...p })));
  }
  return { citedPostIds, citedPosts, assistedByIds, faqArticleIds };
}

async function insertAdvisorPost(tx: Queryable, thread: LockedThread, advisorId: number, body: string, at: Date): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at) values ($1, $2, 'reply', $3, $4, $5) returning id`,
    [thread.id, advisorId, body, renderMarkdown(body), at],
  );
  if (!row) throw new Error('post insert returned nothing');
  await tx.query('update members set post_count = post_count + 1 where id = $1', [advisorId]);
  await tx.query(
    `update threads set reply_count = reply_count + 1, last_post_at = $2, confirmed_at = coalesce(confirmed_at, $2),
       status = case when status = 'open' and author_id <> $3 then 'answered' else status end
     where id = $1`,
    [thread.id, at, advisorId],
  );
  await tx.query('update categories set post_count = post_count + 1, last_post_at = $2 where id = $1', [thread.category_id, at]);
  return row.id;
}

/** An advisor post that cites community replies, credits their authors and colleagues, and links FAQ articles. */
export async function confirmAnswers(db: Database, community: CommunityContext, actor: Actor, threadId: number, input: NewConfirmation): Promise<Post> {
  const member = guardian(actor).threads.ensureConfirm();
  const body = input.body.trim();
  if (body.length < 2) throw new ApiError('validation_failed', 'body needs at least 2 characters that are not spaces.', [{ in: 'body', path: '/body', message: 'too short' }]);
  const at = new Date();

  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    if (!guardian(member).threads.canConfirm({ authorId: thread.author_id, status: thread.status }) || !guardian(member).threads.canReply(thread)) {
      throw new ApiError('forbidden', `This thread is ${thread.status}: it takes no new replies.`);
    }
    const checked = await checkConfirmation(tx, community, member.memberId, threadId, input);
    const postId = await insertAdvisorPost(tx, thread, member.memberId, body, at);
    const wanted = new Set(checked.citedPostIds);
    for (const cited of checked.citedPosts.filter((post) => wanted.has(post.id))) {
      await tx.query('insert into post_citations (post_id, cited_post_id, cited_member_id) values ($1, $2, $3)', [postId, cited.id, cited.authorId]);
    }
    // Each cited member is credited once per confirmation, however many of their posts are cited.
    await tx.query('update members set confirmed_count = confirmed_count + 1 where id = any($1::int[])', [creditedMembers(checked.citedPosts, checked.citedPostIds)]);
    for (const articleId of checked.faqArticleIds) await tx.query('insert into post_faq_links (post_id, article_id) values ($1, $2)', [postId, articleId]);
    for (const advisorId of checked.assistedByIds) await tx.query('insert into post_assists (post_id, advisor_id) values ($1, $2)', [postId, advisorId]);
    if (checked.assistedByIds.length) {
      await tx.query('update members set assist_count = assist_count + 1 where id = any($1::int[])', [checked.assistedByIds]);
    }
    const found = await findPost(tx, community, postId);
    if (!found) throw new Error('new post not found');
    const [post] = await decoratePosts(tx, community, [found]);
    if (!post) throw new Error('new post not decorated');
    await publishEvent(tx, community.id, { type: 'post-created', threadId, categoryId: thread.category_id, post });
    await publishThread(tx, community, thread);
    return post;
  });
}

// ------------------------------------------------------------------------------ signature

export async function updateSignature(db: Database, community: CommunityContext, actor: Actor, text: string): Promise<Signature> {
  const member = guardian(actor).staff.ensureEditSignature();
  const advisorSignature = text.trim();
  await db.transaction(async (tx) => {
    const [previous] = await tx.query<{ advisor_signature: string }>('select advisor_signature from communities where id = $1 for update', [community.id]);
    await tx.query('update communities set advisor_signature = $2 where id = $1', [community.id, advisorSignature]);
    await writeAudit(tx, {
      actorId: member.memberId, action: 'community.signature', targetType: 'community', targetId: community.id, communityId: community.id,
      before: { advisorSignature: previous?.advisor_signature ?? '' }, after: { advisorSignature },
    });
  });
  return { advisorSignature, signatureHtml: renderSignature(advisorSignature) };
}

// ------------------------------------------------------------------------------ post edit

interface EditablePost {
  id: number;
  kind: CandidatePost['kind'];
  author_id: number;
  hidden: boolean;
  body_md: string;
  thread_id: number;
  category_id: number;
  status: ThreadStatus;
  deleted_at: Date | null;
}

/** The post and its thread's state, the post locked; hidden posts included (staff may edit them). */
async function lockEditablePost(tx: Queryable, community: CommunityContext, postId: number): Promise<EditablePost> {
  const [post] = await tx.query<EditablePost>(
    `select p.id, p.kind, p.author_id, p.hidden, p.body_md, p.thread_id, t.category_id, t.status, p.deleted_at
     from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2 for update of p`,
    [postId, community.id],
  );
  if (!post) throw notFound(`Post ${postId}`);
  return post;
}

function refuseEdit(member: Member, post: EditablePost): void {
  guardian(member).posts.ensureEditPost({ authorId: post.author_id, hidden: post.hidden }, { authorId: post.author_id, status: post.status });
}

/** Edits a post's markdown (rendered again); staff edits of someone else's post are audited with their reason. */
export async function editPost(db: Database, community: CommunityContext, actor: Actor, postId: number, input: EditPost): Promise<Post> {
  const member = guardian(actor).ensureSignedIn();
  const body = input.body.trim();
  if (body.length < 2) throw new ApiError('validation_failed', 'body needs at least 2 characters that are not spaces.', [{ in: 'body', path: '/body', message: 'too short' }]);
  return db.transaction(async (tx) => {
    const post = await lockEditablePost(tx, community, postId);
    refuseEdit(member, post);
    // A tombstone is not written back to life by an edit.
    if (post.deleted_at) throw new ApiError('conflict', 'This post is deleted: it can no longer be edited.');
    const reason = input.reason?.trim();
    if (needsEditReason(member, { authorId: post.author_id }) && !reason) {
      throw new ApiError('validation_failed', "Say why you edit someone else's post.", [{ in: 'body', path: '/reason', message: 'is required' }]);
    }
    await tx.query('update posts set body_md = $2, body_html = $3, edited_at = now() where id = $1', [postId, body, renderMarkdown(body)]);
    // The thread list shows the question's opening words: they follow the edit.
    if (post.kind === 'question') await tx.query('update threads set excerpt = $2 where id = $1', [post.thread_id, markdownToText(body).slice(0, EXCERPT_LENGTH)]);
    if (member.memberId !== post.author_id) {
      await writeAudit(tx, {
        actorId: member.memberId, action: 'post.edit', targetType: 'post', targetId: postId, reason: reason ?? null,
        before: { body: post.body_md }, after: { body },
      });
    }
    const found = await findPost(tx, community, postId);
    if (!found) throw new Error('edited post not found');
    const [edited] = await decoratePosts(tx, community, [found]);
    if (!edited) throw new Error('edited post not decorated');
    // A hidden post stays out of the public stream, whoever edits it.
    if (!post.hidden) await publishEvent(tx, community.id, { type: 'post-updated', threadId: post.thread_id, categoryId: post.category_id, post: edited });
    return edited;
  });
}
