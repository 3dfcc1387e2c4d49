/**
 * The demo's colleague review (study §44, §52): the technical advisor has drafted a confirmation
 * on a recent answered thread and shared it with the commercial advisor, who commented on the
 * wording. Deterministic for a given seed; written only when such a thread exists.
 */
import { renderMarkdown } from '../markdown.ts';
import type { Queryable } from '../database.ts';

const MINUTE = 60_000;

/** The latest French thread a member answered that no advisor confirmed yet, with that answer. */
async function awaitingConfirmation(tx: Queryable, communityId: number) {
  const [row] = await tx.query<{ thread_id: number; answer_id: number; asker: string; helper: string }>(
    `select t.id as thread_id, p.id as answer_id, a.pseudonym as asker, h.pseudonym as helper
     from threads t join categories c on c.id = t.category_id join members a on a.id = t.author_id
     join posts p on p.thread_id = t.id and p.kind = 'reply' and not p.hidden join members h on h.id = p.author_id
     where c.community_id = $1 and t.locale = 'fr' and t.status = 'answered' and t.confirmed_at is null and t.merged_into_id is null
       and h.role = 'member' and h.id <> t.author_id
     order by t.created_at desc, t.id desc, p.id limit 1`,
    [communityId],
  );
  return row;
}

export async function seedReview(tx: Queryable, communityId: number, now: Date): Promise<void> {
  const advisors = await tx.query<{ id: number; team: string | null }>(
    `select id, team from members where community_id = $1 and role = 'advisor' order by (team = 'technical') desc, id limit 2`,
    [communityId],
  );
  const [author, colleague] = advisors;
  const thread = await awaitingConfirmation(tx, communityId);
  if (!author || !colleague || !thread) return;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  const body = `Bonjour à tous,\n\n@${thread.asker}, je confirme ce que vous a indiqué @${thread.helper} : c'est bien la marche à suivre.\n\nMerci @${thread.helper} pour votre aide !`;
  const [draft] = await tx.query<{ id: number }>(
    `insert into review_drafts (community_id, thread_id, author_id, body_md, body_html, cited_post_ids, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6::int[], $7, $8) returning id`,
    [communityId, thread.thread_id, author.id, body, renderMarkdown(body), [thread.answer_id], at(25), at(12)],
  );
  if (!draft) return;
  await tx.query('insert into review_draft_shares (draft_id, colleague_id, shared_at) values ($1, $2, $3)', [draft.id, colleague.id, at(20)]);
  const comment = "Le ton est bon. Ajoute le lien vers l'article de la FAQ : la prochaine fois, il trouvera la réponse tout seul.";
  await tx.query('insert into review_draft_comments (draft_id, author_id, body_md, body_html, created_at) values ($1, $2, $3, $4, $5)', [
    draft.id, colleague.id, comment, renderMarkdown(comment), at(12),
  ]);
}
