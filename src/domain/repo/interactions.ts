/**
 * Reads for the interactions area: what thread reads add to advisor posts (signature,
 * confirmation citations, FAQ links, "assisted by"), with a fixed number of queries per read.
 */
import type { Confirmation, Post } from '../../contract/index.ts';
import { isAdvisor } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';

const SIGNATURE_CACHE_LIMIT = 64;
/** Rendered signatures by their markdown: a signature is rendered once, not on every read. */
const renderedSignatures = new Map<string, string>();

export function renderSignature(markdown: string): string {
  const text = markdown.trim();
  if (!text) return '';
  let html = renderedSignatures.get(text);
  if (html === undefined) {
    html = renderMarkdown(text);
    if (renderedSignatures.size >= SIGNATURE_CACHE_LIMIT) renderedSignatures.clear();
    renderedSignatures.set(text, html);
  }
  return html;
}

/**
 * The signature of each thread's advisor posts, in the thread's language (else the default one).
 * The signature closes the advisor's text, so it speaks the language that text was written in:
 * a French thread read in the English UI keeps its French body and its French signature.
 */
async function signaturesByThread(db: Queryable, communityId: number, threadIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await db.query<{ thread_id: number; signature: string }>(
    `select t.id as thread_id, coalesce(nullif(c.advisor_signature_translations ->> t.locale, ''), c.advisor_signature) as signature
       from threads t join communities c on c.id = $1 where t.id = any($2::int[])`,
    [communityId, [...new Set(threadIds)]],
  );
  return new Map(rows.map((row) => [row.thread_id, renderSignature(row.signature)]));
}

interface ConfirmationRow {
  post_id: number;
  cited: Confirmation['cited'];
  faq_links: Confirmation['faqLinks'];
  assisted_by: Confirmation['assistedBy'];
}

/** The confirmations among `postIds`, in one query whatever their number. */
export async function loadConfirmations(db: Queryable, postIds: readonly number[]): Promise<Map<number, Confirmation>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.query<ConfirmationRow>(
    `select p.id as post_id,
       (select json_agg(json_build_object('postId', c.cited_post_id, 'author', json_build_object('id', m.id, 'pseudonym', m.pseudonym))
                        order by c.cited_post_id)
          from post_citations c join members m on m.id = c.cited_member_id where c.post_id = p.id) as cited,
       coalesce((select json_agg(json_build_object('id', a.id, 'slug', a.slug, 'title', a.title) order by a.id)
          from post_faq_links l join faq_articles a on a.id = l.article_id where l.post_id = p.id), '[]'::json) as faq_links,
       coalesce((select json_agg(json_build_object('id', m.id, 'pseudonym', m.pseudonym) order by m.id)
          from post_assists s join members m on m.id = s.advisor_id where s.post_id = p.id), '[]'::json) as assisted_by
     from posts p
     where p.id = any($1::int[]) and exists (select 1 from post_citations c where c.post_id = p.id)`,
    [postIds],
  );
  return new Map(rows.map((row) => [row.post_id, { cited: row.cited, faqLinks: row.faq_links, assistedBy: row.assisted_by }]));
}

/** Adds the signature and the confirmation to advisor posts not deleted; other posts are returned as they are. */
export async function decoratePosts(db: Queryable, community: CommunityContext, posts: Post[]): Promise<Post[]> {
  const advisorPostIds = posts.filter((post) => isAdvisor(post.author.role)).map((post) => post.id);
  if (advisorPostIds.length === 0) return posts;
  const advisorPosts = posts.filter((post) => isAdvisor(post.author.role));
  const signatures = await signaturesByThread(db, community.id, advisorPosts.map((post) => post.threadId));
  const confirmations = await loadConfirmations(db, advisorPostIds);
  return posts.map((post) => {
    // A tombstone shows no signature and cites nothing any more.
    if (!isAdvisor(post.author.role) || post.deleted) return post;
    const signatureHtml = signatures.get(post.threadId);
    const confirmation = confirmations.get(post.id);
    return { ...post, ...(signatureHtml ? { signatureHtml } : {}), ...(confirmation ? { confirmation } : {}) };
  });
}
