/** Earlier texts of edited posts: written by `rewritePost` (./interaction-writes.ts), read here for staff. */
import type { Queryable } from '../database.ts';
import { authorJson, type AuthorRow } from './members.ts';

export interface RevisionRow {
  id: number;
  body_html: string;
  written_at: Date;
  replaced_at: Date;
  reason: string | null;
  editor: AuthorRow;
}

/** The revisions of a post of this community, oldest first; undefined when the post is not one of its own. */
export async function readPostRevisions(db: Queryable, communityId: number, postId: number): Promise<RevisionRow[] | undefined> {
  const [post] = await db.query<{ id: number }>(
    `select p.id from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id where p.id = $1 and c.community_id = $2`,
    [postId, communityId],
  );
  if (!post) return undefined;
  return db.query<RevisionRow>(
    `select r.id, r.body_html, r.written_at, r.replaced_at, r.reason, ${authorJson('m')} as editor
     from post_revisions r join members m on m.id = r.editor_id where r.post_id = $1 order by r.id`,
    [postId],
  );
}
