/**
 * Reads of shared drafts: a draft with its shares (and approvals) and comments, in a fixed
 * number of queries whatever their count. Callers check who may see them (core/review-permissions.ts).
 */
import type { Draft, DraftComment, DraftShare } from '../../contract/areas/review.ts';
import type { DraftFacts } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

export interface DraftRow {
  id: number;
  thread_id: number;
  title: string;
  author_id: number;
  author_pseudonym: string;
  body_md: string;
  body_html: string;
  cited_post_ids: number[];
  faq_article_ids: number[];
  assisted_by_ids: number[];
  created_at: Date;
  updated_at: Date;
  posted_at: Date | null;
  posted_post_id: number | null;
  /** Colleague ids the draft is shared with. */
  shared_with: number[];
}

const DRAFT_SELECT = `select d.id, d.thread_id, t.title, d.author_id, m.pseudonym as author_pseudonym, d.body_md, d.body_html,
    d.cited_post_ids, d.faq_article_ids, d.assisted_by_ids, d.created_at, d.updated_at, d.posted_at, d.posted_post_id,
    array(select s.colleague_id from review_draft_shares s where s.draft_id = d.id order by s.colleague_id) as shared_with
  from review_drafts d join threads t on t.id = d.thread_id join members m on m.id = d.author_id`;

/** The draft of this community, locked for the transaction when asked; undefined when unknown. */
export async function findDraft(db: Queryable, community: CommunityContext, draftId: number, lock = false): Promise<DraftRow | undefined> {
  if (lock) await db.query('select id from review_drafts where id = $1 for update', [draftId]);
  const [row] = await db.query<DraftRow>(`${DRAFT_SELECT} where d.id = $1 and d.community_id = $2`, [draftId, community.id]);
  return row;
}

/** The advisor's own drafts, or those shared with them; latest change first. */
export async function findDraftsFor(db: Queryable, community: CommunityContext, memberId: number, scope: 'mine' | 'shared'): Promise<DraftRow[]> {
  const where = scope === 'mine'
    ? 'd.author_id = $2'
    : 'exists (select 1 from review_draft_shares s where s.draft_id = d.id and s.colleague_id = $2)';
  return db.query<DraftRow>(`${DRAFT_SELECT} where d.community_id = $1 and ${where} order by d.updated_at desc, d.id desc limit 100`, [community.id, memberId]);
}

export function draftFacts(row: DraftRow): DraftFacts {
  return { authorId: row.author_id, sharedWith: row.shared_with.map(Number), posted: row.posted_at !== null };
}

const iso = (at: Date | string) => new Date(at).toISOString();

async function sharesOf(db: Queryable, draftIds: readonly number[]): Promise<Map<number, DraftShare[]>> {
  const rows = await db.query<{ draft_id: number; colleague_id: number; pseudonym: string; shared_at: Date; approved_at: Date | null }>(
    `select s.draft_id, s.colleague_id, m.pseudonym, s.shared_at, s.approved_at from review_draft_shares s join members m on m.id = s.colleague_id
     where s.draft_id = any($1::int[]) order by s.draft_id, s.shared_at, s.colleague_id`,
    [draftIds],
  );
  const byDraft = new Map<number, DraftShare[]>();
  for (const row of rows) {
    const share = { colleague: { id: row.colleague_id, pseudonym: row.pseudonym }, sharedAt: iso(row.shared_at), approvedAt: row.approved_at ? iso(row.approved_at) : null };
    byDraft.set(row.draft_id, [...(byDraft.get(row.draft_id) ?? []), share]);
  }
  return byDraft;
}

async function commentsOf(db: Queryable, draftIds: readonly number[]): Promise<Map<number, DraftComment[]>> {
  const rows = await db.query<{ id: number; draft_id: number; author_id: number; pseudonym: string; body_html: string; created_at: Date }>(
    `select c.id, c.draft_id, c.author_id, m.pseudonym, c.body_html, c.created_at from review_draft_comments c join members m on m.id = c.author_id
     where c.draft_id = any($1::int[]) order by c.draft_id, c.id`,
    [draftIds],
  );
  const byDraft = new Map<number, DraftComment[]>();
  for (const row of rows) {
    const comment = { id: row.id, author: { id: row.author_id, pseudonym: row.pseudonym }, bodyHtml: row.body_html, createdAt: iso(row.created_at) };
    byDraft.set(row.draft_id, [...(byDraft.get(row.draft_id) ?? []), comment]);
  }
  return byDraft;
}

/** Rows → API drafts, with their shares and comments (two queries for any number of drafts). */
export async function toDrafts(db: Queryable, rows: readonly DraftRow[]): Promise<Draft[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [shares, comments] = [await sharesOf(db, ids), await commentsOf(db, ids)];
  return rows.map((row) => ({
    id: row.id,
    threadId: row.thread_id,
    threadTitle: row.title,
    author: { id: row.author_id, pseudonym: row.author_pseudonym },
    body: row.body_md,
    bodyHtml: row.body_html,
    citedPostIds: row.cited_post_ids.map(Number),
    faqArticleIds: row.faq_article_ids.map(Number),
    assistedByIds: row.assisted_by_ids.map(Number),
    sharedWith: shares.get(row.id) ?? [],
    comments: comments.get(row.id) ?? [],
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    postedAt: row.posted_at ? iso(row.posted_at) : null,
    postedPostId: row.posted_post_id,
  }));
}

/** What a draft says: its markdown, rendered, and the ids it cites and credits. */
export interface DraftText {
  bodyMd: string;
  bodyHtml: string;
  citedPostIds: readonly number[];
  faqArticleIds: readonly number[];
  assistedByIds: readonly number[];
}

export async function insertDraft(tx: Queryable, community: CommunityContext, draft: DraftText & { threadId: number; authorId: number }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into review_drafts (community_id, thread_id, author_id, body_md, body_html, cited_post_ids, faq_article_ids, assisted_by_ids)
     values ($1, $2, $3, $4, $5, $6::int[], $7::int[], $8::int[]) returning id`,
    [community.id, draft.threadId, draft.authorId, draft.bodyMd, draft.bodyHtml, draft.citedPostIds, draft.faqArticleIds, draft.assistedByIds],
  );
  if (!row) throw new Error('draft insert returned nothing');
  return row.id;
}

/** Rewrites the draft; approvals are cleared, since colleagues approved other wording. */
export async function rewriteDraft(tx: Queryable, draftId: number, text: DraftText): Promise<void> {
  await tx.query(
    `update review_drafts set body_md = $2, body_html = $3, cited_post_ids = $4::int[], faq_article_ids = $5::int[], assisted_by_ids = $6::int[], updated_at = now()
     where id = $1`,
    [draftId, text.bodyMd, text.bodyHtml, text.citedPostIds, text.faqArticleIds, text.assistedByIds],
  );
  await tx.query('update review_draft_shares set approved_at = null where draft_id = $1', [draftId]);
}

export async function touchDraft(tx: Queryable, draftId: number): Promise<void> {
  await tx.query('update review_drafts set updated_at = now() where id = $1', [draftId]);
}

export async function insertDraftShares(tx: Queryable, draftId: number, colleagueIds: readonly number[]): Promise<void> {
  for (const id of colleagueIds) await tx.query('insert into review_draft_shares (draft_id, colleague_id) values ($1, $2) on conflict do nothing', [draftId, id]);
}

export async function insertDraftComment(tx: Queryable, comment: { draftId: number; authorId: number; bodyMd: string; bodyHtml: string }): Promise<void> {
  await tx.query('insert into review_draft_comments (draft_id, author_id, body_md, body_html) values ($1, $2, $3, $4)', [comment.draftId, comment.authorId, comment.bodyMd, comment.bodyHtml]);
}

/** Records the colleague's approval; false when they had already approved this wording. */
export async function markDraftApproved(tx: Queryable, draftId: number, colleagueId: number): Promise<boolean> {
  const changed = await tx.query(
    'update review_draft_shares set approved_at = now() where draft_id = $1 and colleague_id = $2 and approved_at is null returning draft_id',
    [draftId, colleagueId],
  );
  return changed.length > 0;
}

/** Claims the draft for posting, only if it is still the text that was read (an edit in between wins); false otherwise. */
export async function claimDraftForPosting(db: Queryable, row: DraftRow): Promise<boolean> {
  const claimed = await db.query(
    `update review_drafts set posted_at = now() where id = $1 and posted_at is null
       and body_md = $2 and cited_post_ids = $3::int[] and faq_article_ids = $4::int[] and assisted_by_ids = $5::int[] returning id`,
    [row.id, row.body_md, row.cited_post_ids.map(Number), row.faq_article_ids.map(Number), row.assisted_by_ids.map(Number)],
  );
  return claimed.length > 0;
}

/** Gives the claim back when the post was refused: the draft stays a draft. */
export async function releaseDraftClaim(db: Queryable, draftId: number): Promise<void> {
  await db.query('update review_drafts set posted_at = null where id = $1 and posted_post_id is null', [draftId]);
}

export async function linkDraftPost(db: Queryable, draftId: number, postId: number): Promise<void> {
  await db.query('update review_drafts set posted_post_id = $2, updated_at = now() where id = $1', [draftId, postId]);
}
