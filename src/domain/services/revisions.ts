/**
 * Earlier texts of edited posts (issue 15, item 6): every edit keeps the text it replaced
 * (../repo/interaction-writes.ts `rewritePost`); staff read them to judge an edit. Anyone
 * else gets 404, the same as for a post that does not exist: revisions are not public.
 */
import type { PostRevisions } from '../../contract/areas/interactions.ts';
import { guardian, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorJson, toAuthor, type AuthorRow } from '../repo/members.ts';

interface RevisionRow {
  id: number;
  body_html: string;
  written_at: Date;
  replaced_at: Date;
  reason: string | null;
  editor: AuthorRow;
}

export async function listPostRevisions({ db, community }: ServiceContext, { actor, postId }: { actor: Actor; postId: number }): Promise<PostRevisions> {
  const member = guardian(actor).ensureSignedIn();
  if (!guardian(member).posts.canSeeRevisions()) throw notFound(`Post ${postId}`);
  const [post] = await db.query<{ id: number }>(
    `select p.id from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id where p.id = $1 and c.community_id = $2`,
    [postId, community.id],
  );
  if (!post) throw notFound(`Post ${postId}`);
  const rows = await db.query<RevisionRow>(
    `select r.id, r.body_html, r.written_at, r.replaced_at, r.reason, ${authorJson('m')} as editor
     from post_revisions r join members m on m.id = r.editor_id where r.post_id = $1 order by r.id`,
    [postId],
  );
  const now = new Date();
  return {
    postId,
    items: rows.map((row) => ({
      id: row.id,
      bodyHtml: row.body_html,
      writtenAt: new Date(row.written_at).toISOString(),
      replacedAt: new Date(row.replaced_at).toISOString(),
      editor: toAuthor(row.editor, community.ladder, now),
      reason: row.reason,
    })),
  };
}
