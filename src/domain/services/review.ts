/**
 * Shared drafts and colleague review (study §44, §46, §52): advisors check facts, wording and
 * tone with each other before writing in public. A draft is seen only by its author and the
 * colleagues it is shared with (anyone else gets 404, as if it did not exist); posting it goes
 * through the very services a normal reply or confirmation uses.
 */
import type { Post } from '../../contract/index.ts';
import type { Draft, DraftChanges, DraftList, NewDraft, NewDraftComment, PostDraft, PostedDraft, ShareDraft } from '../../contract/areas/review.ts';
import { ApiError, guardian, type Actor } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import { draftCredits, draftPublishing } from '../../core/review.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import {
  claimDraftForPosting, draftFacts, findDraft, findDraftsFor, insertDraft, insertDraftComment, insertDraftShares, linkDraftPost, markDraftApproved,
  releaseDraftClaim, rewriteDraft, toDrafts, touchDraft, type DraftRow,
} from '../repo/review.ts';
import { communityThreadIds } from '../repo/threads.ts';
import { membersByIds } from '../repo/workspace.ts';
import { confirmAnswers } from './interactions.ts';
import { replyToThread } from './posting.ts';

type Advisor = Extract<Actor, { memberId: number }>;

function requireAdvisor(actor: Actor): Advisor {
  return guardian(actor).review.ensureWriteDrafts();
}

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (text.length < 2) throw new ApiError('validation_failed', `${field} needs at least 2 characters that are not spaces.`, [{ in: 'body', path: `/${field}`, message: 'too short' }]);
  return text;
}

const unique = (ids: readonly number[] | undefined) => [...new Set(ids ?? [])];

/** The draft if `advisor` may see it; 404 otherwise, the same as when it does not exist. */
async function visibleDraft(db: Queryable, community: CommunityContext, advisor: Advisor, draftId: number, lock = false): Promise<DraftRow> {
  const row = await findDraft(db, community, draftId, lock);
  if (!row || !guardian(advisor).review.canSeeDraft(draftFacts(row))) throw notFound(`Draft ${draftId}`);
  return row;
}

/** The author's own draft, still unposted: the checks of every change but reviews. */
async function editableDraft(tx: Queryable, community: CommunityContext, advisor: Advisor, draftId: number): Promise<DraftRow> {
  const row = await visibleDraft(tx, community, advisor, draftId, true);
  if (row.author_id !== advisor.memberId) throw new ApiError('forbidden', 'Only its author changes, shares or posts a draft.');
  if (!guardian(advisor).review.canEditDraft(draftFacts(row))) throw new ApiError('conflict', 'This draft is already posted.');
  return row;
}

async function draftById(db: Queryable, community: CommunityContext, draftId: number): Promise<Draft> {
  const row = await findDraft(db, community, draftId);
  const [draft] = row ? await toDrafts(db, [row]) : [];
  if (!draft) throw new Error(`draft ${draftId} vanished`);
  return draft;
}

type DraftRequest = { actor: Actor; draftId: number };

export async function createDraft({ db, community }: ServiceContext, { actor, body: input }: { actor: Actor; body: NewDraft }): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const body = requireText(input.body, 'body');
  return db.transaction(async (tx) => {
    const [thread] = await communityThreadIds(tx, community, [input.threadId]);
    if (thread === undefined) throw notFound(`Thread ${input.threadId}`);
    const draftId = await insertDraft(tx, community, {
      threadId: input.threadId, authorId: advisor.memberId, bodyMd: body, bodyHtml: renderMarkdown(body),
      citedPostIds: unique(input.citedPostIds), faqArticleIds: unique(input.faqArticleIds), assistedByIds: unique(input.assistedByIds),
    });
    return draftById(tx, community, draftId);
  });
}

export async function listDrafts({ db, community }: ServiceContext, { actor, scope = 'mine' }: { actor: Actor; scope?: 'mine' | 'shared' | undefined }): Promise<DraftList> {
  const advisor = requireAdvisor(actor);
  return { items: await toDrafts(db, await findDraftsFor(db, community, advisor.memberId, scope)) };
}

export async function getDraft({ db, community }: ServiceContext, { actor, draftId }: DraftRequest): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const [draft] = await toDrafts(db, [await visibleDraft(db, community, advisor, draftId)]);
  if (!draft) throw notFound(`Draft ${draftId}`);
  return draft;
}

/** Changes what the author asked; approvals are cleared, since colleagues approved other wording. */
export async function updateDraft({ db, community }: ServiceContext, { actor, draftId, body: changes }: DraftRequest & { body: DraftChanges }): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const body = changes.body === undefined ? undefined : requireText(changes.body, 'body');
  return db.transaction(async (tx) => {
    const row = await editableDraft(tx, community, advisor, draftId);
    await rewriteDraft(tx, draftId, {
      bodyMd: body ?? row.body_md,
      bodyHtml: body === undefined ? row.body_html : renderMarkdown(body),
      citedPostIds: changes.citedPostIds ? unique(changes.citedPostIds) : row.cited_post_ids,
      faqArticleIds: changes.faqArticleIds ? unique(changes.faqArticleIds) : row.faq_article_ids,
      assistedByIds: changes.assistedByIds ? unique(changes.assistedByIds) : row.assisted_by_ids,
    });
    return draftById(tx, community, draftId);
  });
}

export async function shareDraft({ db, community }: ServiceContext, { actor, draftId, body: input }: DraftRequest & { body: ShareDraft }): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const colleagueIds = unique(input.colleagueIds);
  return db.transaction(async (tx) => {
    await editableDraft(tx, community, advisor, draftId);
    const found = await membersByIds(tx, community, colleagueIds);
    const roles = new Map(found.map((member) => [member.id, member.role]));
    const refused = colleagueIds.filter((id) => !guardian(advisor).review.canShareDraftWith({ id, role: roles.get(id) ?? 'guest' }));
    if (refused.length) {
      const details = refused.map((id) => ({ in: 'body', path: '/colleagueIds', message: `member ${id} is not an advisor colleague` }));
      throw new ApiError('validation_failed', `Drafts are shared with advisor colleagues only: ${refused.join(', ')} cannot review it.`, details);
    }
    await insertDraftShares(tx, draftId, colleagueIds);
    await touchDraft(tx, draftId);
    return draftById(tx, community, draftId);
  });
}

export async function commentDraft({ db, community }: ServiceContext, { actor, draftId, body: input }: DraftRequest & { body: NewDraftComment }): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const body = requireText(input.body, 'body');
  return db.transaction(async (tx) => {
    await visibleDraft(tx, community, advisor, draftId, true);
    await insertDraftComment(tx, { draftId, authorId: advisor.memberId, bodyMd: body, bodyHtml: renderMarkdown(body) });
    await touchDraft(tx, draftId);
    return draftById(tx, community, draftId);
  });
}

export async function approveDraft({ db, community }: ServiceContext, { actor, draftId }: DraftRequest): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  return db.transaction(async (tx) => {
    const row = await visibleDraft(tx, community, advisor, draftId, true);
    guardian(advisor).review.ensureReviewDraft(draftFacts(row));
    if (row.posted_at !== null) throw new ApiError('conflict', 'This draft is already posted.');
    if (!(await markDraftApproved(tx, draftId, advisor.memberId))) throw new ApiError('conflict', 'You already approved this wording.');
    return draftById(tx, community, draftId);
  });
}

/**
 * Publishes the draft through the normal confirmation (when it cites community replies) or
 * reply service, so every rule and counter of those applies; then links the public post.
 */
export async function postDraft(ctx: ServiceContext<'postIntervals'>, { actor, draftId, body: input }: DraftRequest & { body: PostDraft }): Promise<PostedDraft> {
  const { db, community } = ctx;
  const advisor = requireAdvisor(actor);
  const row = await visibleDraft(db, community, advisor, draftId);
  if (row.author_id !== advisor.memberId) throw new ApiError('forbidden', 'Only its author posts a draft.');
  const approvers = (await toDrafts(db, [row]))[0]?.sharedWith.filter((share) => share.approvedAt !== null).map((share) => share.colleague.id) ?? [];
  const credits = draftCredits(advisor.memberId, row.assisted_by_ids.map(Number), approvers, input.creditApprovers ?? false);
  const publishing = draftPublishing({ citedPostIds: row.cited_post_ids, faqArticleIds: row.faq_article_ids, credits });
  if (publishing.problem) throw new ApiError('validation_failed', `This draft cannot be posted: ${publishing.problem.message}.`, [{ in: 'body', ...publishing.problem }]);
  if (!(await claimDraftForPosting(db, row))) throw new ApiError('conflict', 'This draft is already posted, or was changed meanwhile: read it again.');
  let post: Post;
  try {
    post = publishing.path === 'confirmation'
      ? await confirmAnswers(ctx, {
          actor: advisor, threadId: row.thread_id,
          body: { body: row.body_md, citedPostIds: row.cited_post_ids.map(Number), faqArticleIds: row.faq_article_ids.map(Number), assistedByIds: credits },
        })
      : await replyToThread(ctx, { actor: advisor, threadId: row.thread_id, body: { body: row.body_md } });
  } catch (error) {
    // The post was refused (closed thread, bad citation…): the draft stays a draft.
    await releaseDraftClaim(db, draftId);
    throw error;
  }
  await linkDraftPost(db, draftId, post.id);
  return { draft: await draftById(db, community, draftId), post };
}
