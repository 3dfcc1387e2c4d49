/**
 * Earlier texts of edited posts (issue 15, item 6): every edit keeps the text it replaced
 * (../repo/interaction-writes.ts `rewritePost`); staff read them to judge an edit. Anyone
 * else gets 404, the same as for a post that does not exist: revisions are not public.
 */
import type { PostRevisions } from '../../contract/areas/interactions.ts';
import { guardian, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { toAuthor } from '../repo/members.ts';
import { readPostRevisions } from '../repo/revisions.ts';

export async function listPostRevisions({ db, community }: ServiceContext, { actor, postId }: { actor: Actor; postId: number }): Promise<PostRevisions> {
  const member = guardian(actor).ensureSignedIn();
  if (!guardian(member).posts.canSeeRevisions()) throw notFound(`Post ${postId}`);
  const rows = await readPostRevisions(db, community.id, postId);
  if (!rows) throw notFound(`Post ${postId}`);
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
