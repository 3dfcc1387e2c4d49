/**
 * Shared drafts and colleague review (study §44, §46, §52): advisors check facts, wording and
 * tone with each other before writing in public. A draft is seen only by its author and the
 * colleagues it is shared with (anyone else gets 404, as if it did not exist); posting it goes
 * through the very services a normal reply or confirmation uses.
 */
import type { Post } from '../../contract/index.ts';
import type { Draft, DraftChanges, DraftList, NewDraft, NewDraftComment, PostDraft, PostedDraft, ShareDraft } from '../../contract/areas/review.ts';
import { ApiError, guardian, type Actor, type PostIntervals, type Role } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import { draftCredits, draftPublishing } from '../../core/review.ts';
import type { Database, Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import type { CommunityContext } from '../repo/community.ts';
import { draftFacts, findDraft, findDraftsFor, toDrafts, type DraftRow } from '../repo/review.ts';
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

export async function createDraft(db: Database, community: CommunityContext, actor: Actor, input: NewDraft): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const body = requireText(input.body, 'body');
  return db.transaction(async (tx) => {
    const [thread] = await tx.query('select t.id from threads t join categories c on c.id = t.category_id where t.id = $1 and c.community_id = $2', [input.threadId, community.id]);
    if (!thread) throw notFound(`Thread ${input.threadId}`);
    const [row] = await tx.query<{ id: number }>(
      `insert into review_drafts (community_id, thread_id, author_id, body_md, body_html, cited_post_ids, faq_article_ids, assisted_by_ids)
       values ($1, $2, $3, $4, $5, $6::int[], $7::int[], $8::int[]) returning id`,
      [community.id, input.threadId, advisor.memberId, body, renderMarkdown(body), unique(input.citedPostIds), unique(input.faqArticleIds), unique(input.assistedByIds)],
    );
    if (!row) throw new Error('draft insert returned nothing');
    return draftById(tx, community, row.id);
  });
}

export async function listDrafts(db: Database, community: CommunityContext, actor: Actor, scope: 'mine' | 'shared' = 'mine'): Promise<DraftList> {
  const advisor = requireAdvisor(actor);
  return { items: await toDrafts(db, await findDraftsFor(db, community, advisor.memberId, scope)) };
}

export async function getDraft(db: Database, community: CommunityContext, actor: Actor, draftId: number): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const [draft] = await toDrafts(db, [await visibleDraft(db, community, advisor, draftId)]);
  if (!draft) throw notFound(`Draft ${draftId}`);
  return draft;
}

/** Changes what the author asked; approvals are cleared, since colleagues approved other wording. */
export async function updateDraft(db: Database, community: CommunityContext, actor: Actor, draftId: number, changes: DraftChanges): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const body = changes.body === undefined ? undefined : requireText(changes.body, 'body');
  return db.transaction(async (tx) => {
    const row = await editableDraft(tx, community, advisor, draftId);
    await tx.query(
      `update review_drafts set body_md = $2, body_html = $3, cited_post_ids = $4::int[], faq_article_ids = $5::int[], assisted_by_ids = $6::int[], updated_at = now()
       where id = $1`,
      [
        draftId, body ?? row.body_md, body === undefined ? row.body_html : renderMarkdown(body),
        changes.citedPostIds ? unique(changes.citedPostIds) : row.cited_post_ids,
        changes.faqArticleIds ? unique(changes.faqArticleIds) : row.faq_article_ids,
        changes.assistedByIds ? unique(changes.assistedByIds) : row.assisted_by_ids,
      ],
    );
    await tx.query('update review_draft_shares set approved_at = null where draft_id = $1', [draftId]);
    return draftById(tx, community, draftId);
  });
}

export async function shareDraft(db: Database, community: CommunityContext, actor: Actor, draftId: number, input: ShareDraft): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const colleagueIds = unique(input.colleagueIds);
  return db.transaction(async (tx) => {
    await editableDraft(tx, community, advisor, draftId);
    const found = await tx.query<{ id: number; role: Role }>('select id, role from members where id = any($1::int[]) and community_id = $2', [colleagueIds, community.id]);
    const roles = new Map(found.map((member) => [member.id, member.role]));
    const refused = colleagueIds.filter((id) => !guardian(advisor).review.canShareDraftWith({ id, role: roles.get(id) ?? 'guest' }));
    if (refused.length) {
      const details = refused.map((id) => ({ in: 'body', path: '/colleagueIds', message: `member ${id} is not an advisor colleague` }));
      throw new ApiError('validation_failed', `Drafts are shared with advisor colleagues only: ${refused.join(', ')} cannot review it.`, details);
    }
    for (const id of colleagueIds) await tx.query('insert into review_draft_shares (draft_id, colleague_id) values ($1, $2) on conflict do nothing', [draftId, id]);
    await tx.query('update review_drafts set updated_at = now() where id = $1', [draftId]);
    return draftById(tx, community, draftId);
  });
}

export async function commentDraft(db: Database, community: CommunityContext, actor: Actor, draftId: number, input: NewDraftComment): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  const body = requireText(input.body, 'body');
  return db.transaction(async (tx) => {
    await visibleDraft(tx, community, advisor, draftId, true);
    await tx.query('insert into review_draft_comments (draft_id, author_id, body_md, body_html) values ($1, $2, $3, $4)', [draftId, advisor.memberId, body, renderMarkdown(body)]);
    await tx.query('update review_drafts set updated_at = now() where id = $1', [draftId]);
    return draftById(tx, community, draftId);
  });
}

export async function approveDraft(db: Database, community: CommunityContext, actor: Actor, draftId: number): Promise<Draft> {
  const advisor = requireAdvisor(actor);
  return db.transaction(async (tx) => {
    const row = await visibleDraft(tx, community, advisor, draftId, true);
    guardian(advisor).review.ensureReviewDraft(draftFacts(row));
    if (row.posted_at !== null) throw new ApiError('conflict', 'This draft is already posted.');
    const changed = await tx.query(
      'update review_draft_shares set approved_at = now() where draft_id = $1 and colleague_id = $2 and approved_at is null returning draft_id',
      [draftId, advisor.memberId],
    );
    if (changed.length === 0) throw new ApiError('conflict', 'You already approved this wording.');
    return draftById(tx, community, draftId);
  });
}

/** Marks the draft as being posted; false when it already is (posted twice → 409). */
/** Claims the draft for posting, only if it is still the text that was read (an edit in between wins). */
async function claimDraft(db: Database, row: DraftRow): Promise<boolean> {
  const claimed = await db.query(
    `update review_drafts set posted_at = now() where id = $1 and posted_at is null
       and body_md = $2 and cited_post_ids = $3::int[] and faq_article_ids = $4::int[] and assisted_by_ids = $5::int[] returning id`,
    [row.id, row.body_md, row.cited_post_ids.map(Number), row.faq_article_ids.map(Number), row.assisted_by_ids.map(Number)],
  );
  return claimed.length > 0;
}

/**
 * Publishes the draft through the normal confirmation (when it cites community replies) or
 * reply service, so every rule and counter of those applies; then links the public post.
 */
export async function postDraft(
  db: Database, community: CommunityContext, actor: Actor, draftId: number, input: PostDraft, intervals?: PostIntervals,
): Promise<PostedDraft> {
  const advisor = requireAdvisor(actor);
  const row = await visibleDraft(db, community, advisor, draftId);
  if (row.author_id !== advisor.memberId) throw new ApiError('forbidden', 'Only its author posts a draft.');
  const approvers = (await toDrafts(db, [row]))[0]?.sharedWith.filter((share) => share.approvedAt !== null).map((share) => share.colleague.id) ?? [];
  const credits = draftCredits(advisor.memberId, row.assisted_by_ids.map(Number), approvers, input.creditApprovers ?? false);
  const publishing = draftPublishing({ citedPostIds: row.cited_post_ids, faqArticleIds: row.faq_article_ids, credits });
  if (publishing.problem) throw new ApiError('validation_failed', `This draft cannot be posted: ${publishing.problem.message}.`, [{ in: 'body', ...publishing.problem }]);
  if (!(await claimDraft(db, row))) throw new ApiError('conflict', 'This draft is already posted, or was changed meanwhile: read it again.');
  let post: Post;
  try {
    post = publishing.path === 'confirmation'
      ? await confirmAnswers(db, community, advisor, row.thread_id, {
          body: row.body_md, citedPostIds: row.cited_post_ids.map(Number), faqArticleIds: row.faq_article_ids.map(Number), assistedByIds: credits,
        })
      : await replyToThread(db, community, advisor, row.thread_id, { body: row.body_md }, intervals);
  } catch (error) {
    // The post was refused (closed thread, bad citation…): the draft stays a draft.
    await db.query('update review_drafts set posted_at = null where id = $1 and posted_post_id is null', [draftId]);
    throw error;
  }
  await db.query('update review_drafts set posted_post_id = $2, updated_at = now() where id = $1', [draftId, post.id]);
  return { draft: await draftById(db, community, draftId), post };
}
