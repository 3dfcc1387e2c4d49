/**
 * SQL of the interactions area's writes (../services/interactions.ts keeps the rules; the reads
 * are in ./interactions.ts). Rows that counters depend on are locked first (`for update`).
 */
import type { CandidatePost, Locale, Role, ThreadStatus } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

export interface LockedThread {
  id: number;
  category_id: number;
  author_id: number;
  status: ThreadStatus;
  reply_count: number;
  accepted_post_id: number | null;
  merged_into_id: number | null;
}

/** The thread of this community, locked for the rest of the transaction; undefined when unknown. */
export async function lockThreadRow(tx: Queryable, community: CommunityContext, threadId: number): Promise<LockedThread | undefined> {
  const [thread] = await tx.query<LockedThread>(
    `select t.id, t.category_id, t.author_id, t.status, t.reply_count, t.accepted_post_id, t.merged_into_id
     from threads t join categories c on c.id = t.category_id
     where t.id = $1 and c.community_id = $2 for update of t`,
    [threadId, community.id],
  );
  return thread;
}

/** Posts with their author's role, as the rules in core/interactions.ts need them. */
export async function candidatePosts(tx: Queryable, community: CommunityContext, postIds: readonly number[]): Promise<CandidatePost[]> {
  if (postIds.length === 0) return [];
  const rows = await tx.query<{ id: number; thread_id: number; kind: CandidatePost['kind']; author_id: number; role: Role; hidden: boolean }>(
    `select p.id, p.thread_id, p.kind, p.author_id, m.role, p.hidden from posts p join members m on m.id = p.author_id
     where p.id = any($1::int[]) and m.community_id = $2`,
    [postIds, community.id],
  );
  return rows.map((row) => ({ id: row.id, threadId: row.thread_id, kind: row.kind, authorId: row.author_id, authorRole: row.role, hidden: row.hidden }));
}

// ---------------------------------------------------------------------------------- kudos

export interface KudosPost {
  id: number;
  author_id: number;
  hidden: boolean;
  deleted_at: Date | null;
  thread_id: number;
  category_id: number;
}

export async function lockKudosPost(tx: Queryable, community: CommunityContext, postId: number): Promise<KudosPost | undefined> {
  const [post] = await tx.query<KudosPost>(
    `select p.id, p.author_id, p.hidden, p.deleted_at, p.thread_id, t.category_id
     from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2 for update of p`,
    [postId, community.id],
  );
  return post;
}

/**
 * Gives or takes back the member's kudos. Answers when that kudos was given, as the database's
 * text (microseconds kept, to compare with the notification it made), or undefined when there
 * was nothing to change.
 */
export async function changeKudosRow(tx: Queryable, postId: number, memberId: number, give: boolean): Promise<string | undefined> {
  const [changed] = give
    ? await tx.query<{ at: string }>('insert into kudos (post_id, member_id) values ($1, $2) on conflict do nothing returning created_at::text as at', [postId, memberId])
    : await tx.query<{ at: string }>('delete from kudos where post_id = $1 and member_id = $2 returning created_at::text as at', [postId, memberId]);
  return changed?.at;
}

/** The post's kudos count as it stands (read under the post's lock). */
export async function kudosCount(tx: Queryable, postId: number): Promise<number> {
  const [row] = await tx.query<{ kudos_count: number }>('select kudos_count from posts where id = $1', [postId]);
  return row?.kudos_count ?? 0;
}

/** Moves the post's and its author's kudos counters by `step`; returns the post's new count. */
export async function countKudos(tx: Queryable, post: { id: number; author_id: number }, step: 1 | -1): Promise<number> {
  const [row] = await tx.query<{ kudos_count: number }>('update posts set kudos_count = kudos_count + $2 where id = $1 returning kudos_count', [post.id, step]);
  await tx.query('update members set kudos_received = kudos_received + $2 where id = $1', [post.author_id, step]);
  return row?.kudos_count ?? 0;
}

// ------------------------------------------------------------------------------- solution

export async function setAcceptedPost(tx: Queryable, threadId: number, postId: number, status: ThreadStatus | undefined, authorId: number): Promise<void> {
  await tx.query('update threads set accepted_post_id = $2, status = $3 where id = $1', [threadId, postId, status]);
  await tx.query('update members set accepted_count = accepted_count + 1 where id = $1', [authorId]);
}

/** Takes the accepted count back from the author of the post that was accepted. */
export async function withdrawAcceptedCredit(tx: Queryable, acceptedPostId: number): Promise<void> {
  await tx.query(
    'update members set accepted_count = accepted_count - 1 where id = (select author_id from posts where id = $1) and accepted_count > 0',
    [acceptedPostId],
  );
}

/** No accepted post any more; the status changes only when one is given. */
export async function clearAcceptedPost(tx: Queryable, threadId: number, status: ThreadStatus | null): Promise<void> {
  await tx.query('update threads set accepted_post_id = null, status = coalesce($2, status) where id = $1', [threadId, status]);
}

// --------------------------------------------------------------------------- same problem

/**
 * Marks or unmarks "same problem here" and moves the thread's count; undefined when there was
 * nothing to change. The member's region is copied so collective-problem detection needs no join.
 */
export async function changeSameProblemMark(tx: Queryable, threadId: number, memberId: number, mark: boolean): Promise<number | undefined> {
  const changed = mark
    ? await tx.query(
        `insert into same_problem_marks (thread_id, member_id, region) select $1, id, region from members where id = $2
         on conflict do nothing returning thread_id`,
        [threadId, memberId],
      )
    : await tx.query('delete from same_problem_marks where thread_id = $1 and member_id = $2 returning thread_id', [threadId, memberId]);
  if (changed.length === 0) return undefined;
  const [row] = await tx.query<{ same_problem_count: number }>(
    'update threads set same_problem_count = same_problem_count + $2 where id = $1 returning same_problem_count',
    [threadId, mark ? 1 : -1],
  );
  return row?.same_problem_count ?? 0;
}

/** The thread's "same problem" count as it stands (read under the thread's lock). */
export async function sameProblemCount(tx: Queryable, threadId: number): Promise<number> {
  const [row] = await tx.query<{ same_problem_count: number }>('select same_problem_count from threads where id = $1', [threadId]);
  return row?.same_problem_count ?? 0;
}

// --------------------------------------------------------------------------- confirmation

export async function knownFaqArticleIds(tx: Queryable, community: CommunityContext, articleIds: readonly number[]): Promise<number[]> {
  if (articleIds.length === 0) return [];
  const rows = await tx.query<{ id: number }>('select id from faq_articles where id = any($1::int[]) and community_id = $2', [articleIds, community.id]);
  return rows.map((row) => row.id);
}

/**
 * Links the confirmation to what it cites, credits and links: each cited member is credited
 * once (`creditedIds`), however many of their posts are cited; each assisting advisor once.
 */
export async function recordConfirmation(
  tx: Queryable, postId: number,
  confirmation: { cited: readonly CandidatePost[]; creditedIds: readonly number[]; faqArticleIds: readonly number[]; assistedByIds: readonly number[] },
): Promise<void> {
  for (const cited of confirmation.cited) {
    await tx.query('insert into post_citations (post_id, cited_post_id, cited_member_id) values ($1, $2, $3)', [postId, cited.id, cited.authorId]);
  }
  await tx.query('update members set confirmed_count = confirmed_count + 1 where id = any($1::int[])', [confirmation.creditedIds]);
  for (const articleId of confirmation.faqArticleIds) await tx.query('insert into post_faq_links (post_id, article_id) values ($1, $2)', [postId, articleId]);
  for (const advisorId of confirmation.assistedByIds) await tx.query('insert into post_assists (post_id, advisor_id) values ($1, $2)', [postId, advisorId]);
  if (confirmation.assistedByIds.length) {
    await tx.query('update members set assist_count = assist_count + 1 where id = any($1::int[])', [confirmation.assistedByIds]);
  }
}

// ------------------------------------------------------------------------------ signature

/** Replaces the community's advisor signature; returns the one it replaced. */
export async function replaceAdvisorSignature(tx: Queryable, communityId: number, signature: string): Promise<string> {
  const [previous] = await tx.query<{ advisor_signature: string }>('select advisor_signature from communities where id = $1 for update', [communityId]);
  await tx.query('update communities set advisor_signature = $2 where id = $1', [communityId, signature]);
  return previous?.advisor_signature ?? '';
}

/** Sets (or with an empty text removes) the signature of a language other than the default; returns the one it replaced. */
export async function replaceSignatureTranslation(tx: Queryable, communityId: number, locale: Locale, signature: string): Promise<string> {
  const [previous] = await tx.query<{ text: string | null }>(
    'select advisor_signature_translations ->> $2 as text from communities where id = $1 for update', [communityId, locale],
  );
  await tx.query(
    `update communities set advisor_signature_translations = case when $3 = '' then advisor_signature_translations - $2::text
       else advisor_signature_translations || jsonb_build_object($2::text, $3::text) end where id = $1`,
    [communityId, locale, signature],
  );
  return previous?.text ?? '';
}

// ------------------------------------------------------------------------------ post edit

export interface EditablePost {
  id: number;
  kind: CandidatePost['kind'];
  author_id: number;
  hidden: boolean;
  body_md: string;
  body_html: string;
  /** When the current text was written: the last edit, or the post's creation. */
  written_at: Date;
  thread_id: number;
  category_id: number;
  status: ThreadStatus;
  deleted_at: Date | null;
}

/** The post and its thread's state, the post locked; hidden posts included (staff may edit them). */
export async function lockEditablePostRow(tx: Queryable, community: CommunityContext, postId: number): Promise<EditablePost | undefined> {
  const [post] = await tx.query<EditablePost>(
    `select p.id, p.kind, p.author_id, p.hidden, p.body_md, p.body_html, coalesce(p.edited_at, p.created_at) as written_at, p.thread_id,
       t.category_id, t.status, p.deleted_at
     from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2 for update of p`,
    [postId, community.id],
  );
  return post;
}

/**
 * Replaces the post's text, keeping the text it replaces as a revision (staff read them):
 * `post` is the locked row as it was, `editorId` who edits, `reason` staff's reason if any.
 */
export async function rewritePost(
  tx: Queryable, post: EditablePost, edit: { bodyMd: string; bodyHtml: string; editorId: number; reason: string | null },
): Promise<void> {
  await tx.query(
    'insert into post_revisions (post_id, editor_id, body_md, body_html, written_at, reason) values ($1, $2, $3, $4, $5, $6)',
    [post.id, edit.editorId, post.body_md, post.body_html, post.written_at, edit.reason],
  );
  await tx.query('update posts set body_md = $2, body_html = $3, edited_at = now() where id = $1', [post.id, edit.bodyMd, edit.bodyHtml]);
}

export async function setThreadExcerpt(tx: Queryable, threadId: number, excerpt: string): Promise<void> {
  await tx.query('update threads set excerpt = $2 where id = $1', [threadId, excerpt]);
}
