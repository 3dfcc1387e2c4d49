/**
 * Writes of the interactions area. Each is check → one transaction (row, exact counters,
 * live event) → answer; a refusal leaves nothing written. Rows that counters depend on are
 * locked first (`for update`), so concurrent clicks keep every counter exact.
 */
import type { Post, ThreadSummary } from '../../contract/index.ts';
import type { EditPost, KudosState, NewConfirmation, SameProblemState, Signature, ThreadState } from '../../contract/areas/interactions.ts';
import {
  ApiError, confirmationProblems, creditedMembers, guardian, needsEditReason, solutionProblem, statusAfterAccept, statusAfterUnaccept, type Actor, type Locale,
} from '../../core/index.ts';
import { markdownToText, renderMarkdown } from '../markdown.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { refuseMerged } from './merged.ts';
import type { CommunityContext } from '../repo/community.ts';
import { writeAudit } from '../repo/audit.ts';
import { publishEvent } from '../repo/events.ts';
import {
  candidatePosts, changeKudosRow, kudosCount as currentKudos, sameProblemCount as currentSameProblem, changeSameProblemMark, clearAcceptedPost, countKudos, knownFaqArticleIds, lockKudosPost,
  lockEditablePostRow, lockThreadRow, recordConfirmation, replaceAdvisorSignature, replaceSignatureTranslation, rewritePost, setAcceptedPost, setThreadExcerpt, withdrawAcceptedCredit,
  type EditablePost, type LockedThread,
} from '../repo/interaction-writes.ts';
import { decoratePosts, renderSignature } from '../repo/interactions.ts';
import { countAuthorPost, countCategoryPost, countThreadReply, insertPost } from '../repo/posting.ts';
import { findPost, findThreadRow, toThread } from '../repo/threads.ts';
import { membersByIds } from '../repo/workspace.ts';
import { EXCERPT_LENGTH } from './posting.ts';
import { notifyMembers, notifyReply, unnotifyKudos } from './notify.ts';

type Member = Extract<Actor, { memberId: number }>;

export type { LockedThread };

/** The thread, locked for the rest of the transaction to write to it; 404 when it is not in this community, 409 when merged. */
export async function lockThread(tx: Queryable, community: CommunityContext, threadId: number): Promise<LockedThread> {
  const thread = await lockThreadRow(tx, community, threadId);
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

// ---------------------------------------------------------------------------------- kudos

async function lockPost(tx: Queryable, community: CommunityContext, postId: number) {
  const post = await lockKudosPost(tx, community, postId);
  if (!post || post.hidden) throw notFound(`Post ${postId}`);
  return post;
}

type PostRequest = { actor: Actor; postId: number };
type ThreadRequest = { actor: Actor; threadId: number };

async function changeKudos({ db, community }: ServiceContext, { actor, postId }: PostRequest, give: boolean): Promise<KudosState> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, community, postId);
    if (give) guardian(member).posts.ensureGiveKudos({ authorId: post.author_id, hidden: post.hidden, deleted: post.deleted_at });
    // Idempotent: asking for the state the member already has (a second tab, a reload) changes
    // nothing and answers it, so a kudos can always be taken back and never counted twice.
    const givenAt = await changeKudosRow(tx, postId, member.memberId, give);
    if (!givenAt) return { postId, kudosCount: await currentKudos(tx, postId), given: give };
    const kudosCount = await countKudos(tx, post, give ? 1 : -1);
    await publishEvent(tx, community.id, { type: 'kudos-changed', threadId: post.thread_id, categoryId: post.category_id, postId, kudosCount });
    const about = { threadId: post.thread_id, postId, actorId: member.memberId };
    if (give) await notifyMembers(tx, community, 'kudos', [post.author_id], about);
    else await unnotifyKudos(tx, community, post.author_id, about, givenAt);
    return { postId, kudosCount, given: give };
  });
}

export const giveKudos = (ctx: ServiceContext, request: PostRequest) => changeKudos(ctx, request, true);
export const takeBackKudos = (ctx: ServiceContext, request: PostRequest) => changeKudos(ctx, request, false);

// ------------------------------------------------------------------------------- solution

function refuseSolution(actor: Member, thread: LockedThread): void {
  guardian(actor).threads.ensureAcceptSolution({ authorId: thread.author_id, status: thread.status });
}

export async function acceptSolution({ db, community }: ServiceContext, { actor, threadId, postId }: ThreadRequest & { postId: number }): Promise<ThreadState> {
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
    await setAcceptedPost(tx, threadId, postId, statusAfterAccept(thread.status), post.authorId);
    await auditStaffChoice(tx, member, thread, 'thread.solution-accept', postId);
    await notifyMembers(tx, community, 'answer-accepted', [post.authorId], { threadId, postId, actorId: member.memberId });
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
  await withdrawAcceptedCredit(tx, acceptedPostId);
}

/** Takes the accepted solution off the locked thread and its credit off its author; the status follows (`replyCount` as it is now). */
export async function clearSolution(tx: Queryable, thread: LockedThread, replyCount: number): Promise<void> {
  await withdrawCredit(tx, thread.accepted_post_id);
  await clearAcceptedPost(tx, thread.id, statusAfterUnaccept(thread.status, replyCount) ?? null);
}

export async function withdrawSolution({ db, community }: ServiceContext, { actor, threadId }: ThreadRequest): Promise<ThreadState> {
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

async function changeSameProblem({ db, community }: ServiceContext, { actor, threadId }: ThreadRequest, mark: boolean): Promise<SameProblemState> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, community, threadId);
    if (mark) guardian(member).threads.ensureMarkSameProblem({ authorId: thread.author_id, status: thread.status });
    const sameProblemCount = await changeSameProblemMark(tx, threadId, member.memberId, mark);
    // Idempotent, like kudos: the state asked for is already there, so nothing moves.
    if (sameProblemCount === undefined) return { threadId, sameProblemCount: await currentSameProblem(tx, threadId), marked: mark };
    await publishThread(tx, community, thread);
    return { threadId, sameProblemCount, marked: mark };
  });
}

export const markSameProblem = (ctx: ServiceContext, request: ThreadRequest) => changeSameProblem(ctx, request, true);
export const unmarkSameProblem = (ctx: ServiceContext, request: ThreadRequest) => changeSameProblem(ctx, request, false);

// --------------------------------------------------------------------------- confirmation

async function checkConfirmation(tx: Queryable, community: CommunityContext, advisorId: number, threadId: number, input: NewConfirmation) {
  const citedPostIds = [...new Set(input.citedPostIds)];
  const assistedByIds = [...new Set(input.assistedByIds ?? [])];
  const faqArticleIds = [...new Set(input.faqArticleIds ?? [])];
  const citedPosts = await candidatePosts(tx, community, citedPostIds);
  const assistants = assistedByIds.length ? await membersByIds(tx, community, assistedByIds) : [];
  const knownFaqArticles = await knownFaqArticleIds(tx, community, faqArticleIds);
  const problems = confirmationProblems({
    threadId, advisorId, citedPostIds, citedPosts, assistedByIds, assistants, faqArticleIds, knownFaqArticleIds: knownFaqArticles,
  });
  if (problems.length) {
    throw new ApiError('validation_failed', `Invalid confirmation: ${problems.map((p) => p.message).join('; ')}.`, problems.map((p) => ({ in: 'body', ...p })));
  }
  return { citedPostIds, citedPosts, assistedByIds, faqArticleIds };
}

/** The advisor's post, counted as a reply that also dates the thread's first confirmation. */
async function insertAdvisorPost(tx: Queryable, thread: LockedThread, advisorId: number, body: string, at: Date): Promise<number> {
  const postId = await insertPost(tx, { threadId: thread.id, authorId: advisorId, kind: 'reply', bodyMd: body, bodyHtml: renderMarkdown(body), at });
  await countAuthorPost(tx, advisorId);
  await countThreadReply(tx, { threadId: thread.id, authorId: advisorId, at, confirms: true });
  await countCategoryPost(tx, thread.category_id, at);
  return postId;
}

/** An advisor post that cites community replies, credits their authors and colleagues, and links FAQ articles. */
export async function confirmAnswers({ db, community }: ServiceContext, { actor, threadId, body: input }: ThreadRequest & { body: NewConfirmation }): Promise<Post> {
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
    await recordConfirmation(tx, postId, {
      cited: checked.citedPosts.filter((post) => wanted.has(post.id)),
      creditedIds: creditedMembers(checked.citedPosts, checked.citedPostIds),
      faqArticleIds: checked.faqArticleIds,
      assistedByIds: checked.assistedByIds,
    });
    const found = await findPost(tx, community, postId);
    if (!found) throw new Error('new post not found');
    const [post] = await decoratePosts(tx, community, [found]);
    if (!post) throw new Error('new post not decorated');
    await publishEvent(tx, community.id, { type: 'post-created', threadId, categoryId: thread.category_id, post });
    // The credited members hear that their answer was confirmed; the thread's other followers, of a reply.
    const credited = creditedMembers(checked.citedPosts, checked.citedPostIds);
    await notifyMembers(tx, community, 'answer-confirmed', credited, { threadId, postId, actorId: member.memberId });
    await notifyReply(tx, community, { thread: { id: threadId, categoryId: thread.category_id }, post: { id: postId, authorId: member.memberId, markdown: body } }, credited);
    await publishThread(tx, community, thread);
    return post;
  });
}

// ------------------------------------------------------------------------------ signature

export async function updateSignature(
  { db, community }: ServiceContext, { actor, text, locale = community.locale }: { actor: Actor; text: string; locale?: Locale },
): Promise<Signature> {
  const member = guardian(actor).staff.ensureEditSignature();
  const advisorSignature = text.trim();
  await db.transaction(async (tx) => {
    // The default language's signature is the column every reader falls back on; the others are its translations.
    const previous = locale === community.locale
      ? await replaceAdvisorSignature(tx, community.id, advisorSignature)
      : await replaceSignatureTranslation(tx, community.id, locale, advisorSignature);
    await writeAudit(tx, {
      actorId: member.memberId, action: 'community.signature', targetType: 'community', targetId: community.id, communityId: community.id,
      before: { advisorSignature: previous, locale }, after: { advisorSignature, locale },
    });
  });
  return { advisorSignature, signatureHtml: renderSignature(advisorSignature) };
}

// ------------------------------------------------------------------------------ post edit

/** The post and its thread's state, the post locked; hidden posts included (staff may edit them). */
async function lockEditablePost(tx: Queryable, community: CommunityContext, postId: number): Promise<EditablePost> {
  const post = await lockEditablePostRow(tx, community, postId);
  if (!post) throw notFound(`Post ${postId}`);
  return post;
}

function refuseEdit(member: Member, post: EditablePost): void {
  guardian(member).posts.ensureEditPost({ authorId: post.author_id, hidden: post.hidden }, { authorId: post.author_id, status: post.status });
}

/**
 * Edits a post's markdown (rendered again). Staff editing someone else's post (removing a phone
 * number, a customer's account details: study §17) say why; the revision and the audit log
 * keep the reason, and the author is told (`post-edited`): their words changed in public.
 */
export async function editPost({ db, community }: ServiceContext, { actor, postId, body: input }: PostRequest & { body: EditPost }): Promise<Post> {
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
    await rewritePost(tx, post, { bodyMd: body, bodyHtml: renderMarkdown(body), editorId: member.memberId, reason: reason ?? null });
    // The thread list shows the question's opening words: they follow the edit.
    if (post.kind === 'question') await setThreadExcerpt(tx, post.thread_id, markdownToText(body).slice(0, EXCERPT_LENGTH));
    if (member.memberId !== post.author_id) {
      await writeAudit(tx, {
        actorId: member.memberId, action: 'post.edit', targetType: 'post', targetId: postId, reason: reason ?? null,
        before: { body: post.body_md }, after: { body },
      });
      await notifyMembers(tx, community, 'post-edited', [post.author_id], { threadId: post.thread_id, postId, actorId: member.memberId });
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
